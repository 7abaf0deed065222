//! The runtime programs of the containers and numbers corpus, run on the VM: what each
//! prints must be exactly what CPython 3.11 printed (the `.stdout` files that
//! tools/gen_expected.py wrote beside the programs).

use std::path::{Path, PathBuf};

use cellvm_vm::{Config, Vm};

/// The corpus folders this test covers (relative to tests/programs/runtime).
const FOLDERS: &[&str] = &["containers", "numbers"];

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// The stack the CLI's main thread has (Linux's default `ulimit -s`); test threads are
/// smaller, so programs run on a thread of this size.
const STACK_SIZE: usize = 8 << 20;

/// What a run printed, and for a failure its exit status and the last line of its report
/// (what tools/gen_expected.py records in NAME.exit).
struct Outcome {
    stdout: String,
    failure: Option<(i32, String)>,
}

/// Run `source` (named `filename`) on the embedding API.
fn run(source: &str, filename: &str) -> Result<Outcome, String> {
    let (source, filename) = (source.to_string(), filename.to_string());
    let worker = std::thread::Builder::new().stack_size(STACK_SIZE).spawn(move || {
        let mut vm = Vm::with_config(Config { capture_stdout: true, ..Config::default() });
        let result = vm.run_source(&source, &filename);
        let stdout = vm.take_stdout();
        let failure = result.err().map(|e| (e.status(), e.report().lines().last().unwrap_or("").to_string()));
        Outcome { stdout, failure }
    });
    match worker.map(|w| w.join()) {
        Ok(Ok(outcome)) => Ok(outcome),
        Ok(Err(_)) => Err("the VM panicked".to_string()),
        Err(e) => Err(format!("cannot start a thread: {e}")),
    }
}

/// The status and exception line in NAME.exit, for a program CPython ends with an error.
fn expected_failure(path: &Path) -> Option<(i32, String)> {
    let text = std::fs::read_to_string(path.with_extension("exit")).ok()?;
    let mut lines = text.lines();
    let status = lines.next()?.parse().ok()?;
    Some((status, lines.next().unwrap_or("").to_string()))
}

#[test]
fn runtime_programs_print_what_cpython_prints() {
    let root = repo_root();
    let mut checked = 0;
    let mut failures = Vec::new();
    for folder in FOLDERS {
        let dir = root.join("tests/programs/runtime").join(folder);
        let mut programs: Vec<PathBuf> = std::fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .filter_map(|entry| entry.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "py"))
            .collect();
        programs.sort();
        for path in programs {
            let rel = format!(
                "tests/programs/runtime/{folder}/{}",
                path.file_name().unwrap_or_default().to_string_lossy()
            );
            let source = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{rel}: {e}"));
            let expected = std::fs::read_to_string(path.with_extension("stdout"))
                .unwrap_or_else(|e| panic!("{rel}: no expected output ({e}); run tools/gen_expected.py"));
            checked += 1;
            let want_failure = expected_failure(&path);
            match run(&source, &rel) {
                Ok(out) if out.stdout != expected => failures
                    .push(format!("{rel}: output differs\n{}", first_difference(&expected, &out.stdout))),
                Ok(out) if out.failure != want_failure => failures.push(format!(
                    "{rel}: expected to end with {want_failure:?}, ended with {:?}",
                    out.failure
                )),
                Ok(_) => {}
                Err(report) => failures.push(format!("{rel}: {report}")),
            }
        }
    }
    assert!(checked > 0, "no runtime programs found");
    assert!(
        failures.is_empty(),
        "{} of {checked} programs differ from CPython:\n\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}

/// The first line where two outputs differ, for a readable failure.
fn first_difference(expected: &str, actual: &str) -> String {
    let (mut e, mut a) = (expected.lines(), actual.lines());
    for n in 1.. {
        match (e.next(), a.next()) {
            (Some(x), Some(y)) if x == y => continue,
            (x, y) => return format!("line {n}:\n  expected: {x:?}\n  actual:   {y:?}"),
        }
    }
    String::new()
}

/// Sets of strings print in an order that depends on the string hash, so the corpus (run
/// with two hash seeds) cannot show it. The VM hashes strings as CPython does with
/// PYTHONHASHSEED=0; this output is what `PYTHONHASHSEED=0 python3` printed for the program.
#[test]
fn string_sets_print_in_cpython_seed_0_order() {
    let program = r#"
words = ['the', 'quick', 'brown', 'fox', 'jumps', 'over', 'the', 'lazy', 'dog', 'and', 'then', 'some']
s = set(words)
t = set(words[:6])
print(s)
print(s & t, t - s, s ^ {'fox', 'zebra'}, s | {'a', 'b'})
d = dict.fromkeys(words, 0)
print(d.keys() | {'q'}, d.items() - {('the', 0)})
u = set(s)
for w in words[::2]:
    u.discard(w)
u.update(['alpha', 'beta'])
print(u, [u.pop() for _ in range(3)], u)
print({'x', 'yy', 'zzz', 'a'}, frozenset({'a', 'b', 'c'}))
"#;
    let expected = "\
{'and', 'brown', 'fox', 'then', 'some', 'the', 'over', 'quick', 'jumps', 'lazy', 'dog'}
{'brown', 'fox', 'the', 'over', 'quick', 'jumps'} set() {'zebra', 'brown', 'quick', 'some', 'the', 'lazy', 'over', 'and', 'jumps', 'then', 'dog'} {'and', 'brown', 'fox', 'then', 'some', 'b', 'the', 'over', 'a', 'quick', 'jumps', 'lazy', 'dog'}
{'q', 'and', 'brown', 'fox', 'then', 'some', 'the', 'over', 'quick', 'jumps', 'lazy', 'dog'} {('jumps', 0), ('fox', 0), ('dog', 0), ('over', 0), ('and', 0), ('then', 0), ('some', 0), ('brown', 0), ('lazy', 0), ('quick', 0)}
{'fox', 'some', 'over', 'quick', 'lazy'} ['alpha', 'beta', 'and'] {'fox', 'some', 'over', 'quick', 'lazy'}
{'zzz', 'a', 'yy', 'x'} frozenset({'c', 'a', 'b'})
";
    match run(program, "<string>") {
        Ok(out) => {
            assert_eq!(out.failure, None);
            assert_eq!(out.stdout, expected);
        }
        Err(report) => panic!("{report}"),
    }
}
