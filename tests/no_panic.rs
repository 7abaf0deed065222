//! No input makes the compiler panic: damaged versions of every corpus program and
//! pathologically deep sources must give `Ok` or a clean `SyntaxError` (any kind).
//!
//! Every compile runs on a spawned thread with an 8 MiB stack, the size of the CLI's main
//! thread (Linux's default `ulimit -s`), so recursion the compiler does not bound shows up
//! here as it would for a user. A stack overflow aborts the whole test binary rather than
//! panicking; each deep case runs on its own thread named after the case, so the abort
//! message ("thread '...' has overflowed its stack") says which one it was.

mod corpus;

use std::collections::BTreeMap;

use corpus::{compile_guarded, Outcome};

/// Truncation points and byte flips per corpus program.
const TRUNCATIONS: usize = 50;
const FLIPS: usize = 50;

/// Panics gathered over many inputs: each distinct panic message once, with how many inputs
/// hit it and the first of them.
#[derive(Default)]
struct Panics {
    by_message: BTreeMap<String, (usize, String)>,
    inputs: usize,
}

impl Panics {
    fn check(&mut self, bytes: &[u8], filename: &str, what: impl FnOnce() -> String) {
        self.inputs += 1;
        if let Outcome::Panicked(message) = compile_guarded(bytes, filename) {
            self.by_message.entry(message).or_insert_with(|| (0, what())).0 += 1;
        }
    }

    fn report(&self, title: &str) -> String {
        if self.by_message.is_empty() {
            return String::new();
        }
        let total: usize = self.by_message.values().map(|(n, _)| n).sum();
        let mut out = format!("{title}: {total} of {} inputs panicked\n", self.inputs);
        for (message, (count, first)) in &self.by_message {
            out.push_str(&format!("  {count} x panicked {message}; first input: {first}\n"));
        }
        out
    }
}

/// Marsaglia's xorshift64: a fixed seed makes the damaged inputs the same on every run.
struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }
}

#[test]
fn damaged_corpus_programs_do_not_panic() {
    let report = on_cli_stack("damaged corpus", || {
        let programs = corpus::programs();
        assert!(!programs.is_empty(), "no program found under {}", corpus::programs_dir().display());
        let mut panics = Panics::default();
        let mut rng = XorShift(0x9e37_79b9_7f4a_7c15);
        for program in &programs {
            let bytes = &program.bytes;
            // Cut points spread evenly over the file; a cut may split a UTF-8 sequence, which
            // decode_source must handle.
            for i in 1..=TRUNCATIONS {
                let cut = bytes.len() * i / (TRUNCATIONS + 1);
                panics.check(&bytes[..cut], &program.rel, || format!("{} cut at byte {cut}", program.rel));
            }
            if bytes.is_empty() {
                continue;
            }
            let mut damaged = bytes.clone();
            for _ in 0..FLIPS {
                let at = (rng.next() % bytes.len() as u64) as usize;
                let xor = (rng.next() % 255 + 1) as u8; // never 0: the byte always changes
                damaged[at] ^= xor;
                panics.check(&damaged, &program.rel, || {
                    format!(
                        "{} with byte {at} changed from {:#04x} to {:#04x}",
                        program.rel, bytes[at], damaged[at]
                    )
                });
                damaged[at] = bytes[at];
            }
        }
        eprintln!("no_panic: {} damaged inputs from {} programs", panics.inputs, programs.len());
        panics.report("damaged corpus programs")
    });
    if !report.is_empty() {
        panic!("{report}");
    }
}

/// A source nested `depth` levels deep, built from `open` + `core` + `close` repeated.
fn nested(open: &str, core: &str, close: &str, depth: usize) -> String {
    let mut s = String::with_capacity((open.len() + close.len()) * depth + core.len() + 1);
    for _ in 0..depth {
        s.push_str(open);
    }
    s.push_str(core);
    for _ in 0..depth {
        s.push_str(close);
    }
    s.push('\n');
    s
}

/// `depth` functions each defined in the body of the previous one, one space of indentation
/// per level.
fn nested_functions(depth: usize) -> String {
    let mut s = String::new();
    for level in 0..depth {
        s.push_str(&" ".repeat(level));
        s.push_str(&format!("def f{level}():\n"));
    }
    s.push_str(&" ".repeat(depth));
    s.push_str("return 0\n");
    s
}

#[test]
fn deep_sources_do_not_panic() {
    let cases: Vec<(&str, String)> = vec![
        ("10000 open brackets", "(".repeat(10_000) + "\n"),
        ("10000 balanced brackets", nested("(", "0", ")", 10_000)),
        ("1000 nested functions", nested_functions(1_000)),
        ("100000 chained +", format!("x = 1{}\n", " + 1".repeat(100_000))),
        ("100000 unary minus", format!("x = {}1\n", "-".repeat(100_000))),
        ("3000 nested lambdas", format!("f = {}0\n", "lambda: ".repeat(3_000))),
        ("10000 nested lists", format!("x = {}", nested("[", "", "]", 10_000))),
    ];
    let mut report = String::new();
    for (name, source) in cases {
        report += &on_cli_stack(name, move || {
            let mut panics = Panics::default();
            panics.check(source.as_bytes(), "<deep>", || name.to_string());
            panics.report(name)
        });
    }
    if !report.is_empty() {
        panic!("{report}");
    }
}

/// Runs `f` on a thread named `name` with the CLI's stack size and returns its result.
fn on_cli_stack<F: FnOnce() -> String + Send + 'static>(name: &str, f: F) -> String {
    std::thread::Builder::new()
        .name(name.to_string())
        .stack_size(corpus::CLI_STACK_SIZE)
        .spawn(f)
        .expect("spawn a compiling thread")
        .join()
        .unwrap_or_else(|_| format!("{name}: the test thread itself panicked\n"))
}
