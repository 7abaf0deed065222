//! Every program of the corpus (tests/programs/**/*.py), run by the `cellvm` command as
//! `python3 PROGRAM` was run by tools/gen_expected.py (from the repository root, with the
//! path relative to it): its stdout must be byte for byte CPython 3.11's, and so must its
//! exit status and the last line of stderr (the exception line) when it fails.
//!
//! The corpus runs twice: with the collector as it paces itself, and in GC torture mode
//! (`CELLVM_GC_TORTURE=1`: a full collection after every call and backward jump), where a
//! value the runtime forgot to root is freed at once and the program's output shows it.
//!
//! All differences are reported before the test fails, so one run shows the whole state of
//! the runtime. `CELLVM_PROGRAMS=substring` restricts the run to the programs whose path
//! contains the substring.

mod corpus;

use std::io::Read;
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::Duration;

use corpus::Program;

/// No corpus program takes more than a fraction of this on CPython; a run past it is a hang.
const TIMEOUT: Duration = Duration::from_secs(60);

/// Torture mode collects up to a million times in one program (deep generator chains): the
/// slowest takes about 40 s alone, so it gets room for a loaded machine.
const TORTURE_TIMEOUT: Duration = Duration::from_secs(240);

/// How the collector runs under a program.
#[derive(Clone, Copy, PartialEq)]
enum Gc {
    Paced,
    Torture,
}

/// What one run of a program gave (or was expected to give).
#[derive(PartialEq, Debug)]
struct Result {
    stdout: Vec<u8>,
    status: i32,
    /// The last line of stderr, compared only when the status is not 0.
    last_stderr: String,
}

fn expected(program: &Program) -> std::result::Result<Result, String> {
    let stdout = std::fs::read(program.path.with_extension("stdout"))
        .map_err(|e| format!("{}: no .stdout ({e}); run tools/gen_expected.py", program.rel))?;
    let (status, last_stderr) = match std::fs::read_to_string(program.path.with_extension("exit")) {
        Ok(text) => {
            let mut lines = text.lines();
            let status =
                lines.next().and_then(|s| s.parse().ok()).ok_or(format!("{}: bad .exit", program.rel))?;
            (status, lines.next().unwrap_or("").to_string())
        }
        Err(_) => (0, String::new()),
    };
    Ok(Result { stdout, status, last_stderr })
}

fn run(program: &Program, gc: Gc) -> std::result::Result<Result, String> {
    let mut command = Command::new(env!("CARGO_BIN_EXE_cellvm"));
    command.arg(&program.rel).current_dir(corpus::root());
    let timeout = match gc {
        Gc::Paced => {
            command.env_remove("CELLVM_GC_TORTURE");
            TIMEOUT
        }
        Gc::Torture => {
            command.env("CELLVM_GC_TORTURE", "1");
            TORTURE_TIMEOUT
        }
    };
    let mut child = command
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("{}: cannot start cellvm: {e}", program.rel))?;
    // Read both pipes on their own threads so a chatty program cannot block on a full pipe.
    let mut out_pipe = child.stdout.take().expect("piped stdout");
    let mut err_pipe = child.stderr.take().expect("piped stderr");
    let out_reader = std::thread::spawn(move || {
        let mut buf = Vec::new();
        out_pipe.read_to_end(&mut buf).map(|_| buf)
    });
    let err_reader = std::thread::spawn(move || {
        let mut buf = Vec::new();
        err_pipe.read_to_end(&mut buf).map(|_| buf)
    });
    // Wait on a thread of its own, so that a program that hangs is killed after TIMEOUT
    // instead of hanging the test.
    let pid = child.id();
    let (done, finished) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = done.send(child.wait());
    });
    let status = match finished.recv_timeout(timeout) {
        Ok(status) => status.map_err(|e| e.to_string())?,
        Err(_) => {
            let _ = Command::new("kill").args(["-9", &pid.to_string()]).status();
            return Err(format!("{}: still running after {timeout:?}", program.rel));
        }
    };
    let stdout = out_reader.join().map_err(|_| "stdout reader panicked")?.map_err(|e| e.to_string())?;
    let stderr = err_reader.join().map_err(|_| "stderr reader panicked")?.map_err(|e| e.to_string())?;
    let stderr = String::from_utf8_lossy(&stderr);
    if stderr.contains("panicked at") || stderr.contains("RUST_BACKTRACE") {
        return Err(format!("{}: cellvm panicked:\n{stderr}", program.rel));
    }
    // A signal (no code) is never what CPython gave.
    let status = status.code().unwrap_or(-1);
    let last_stderr =
        if status == 0 { String::new() } else { stderr.lines().last().unwrap_or("").to_string() };
    Ok(Result { stdout, status, last_stderr })
}

fn describe(program: &Program, want: &Result, got: &Result) -> String {
    let mut text = format!("{}:", program.rel);
    if want.status != got.status || want.last_stderr != got.last_stderr {
        text += &format!(
            "\n  exit: expected {} {:?}, got {} {:?}",
            want.status, want.last_stderr, got.status, got.last_stderr
        );
    }
    if want.stdout != got.stdout {
        let (w, g) = (String::from_utf8_lossy(&want.stdout), String::from_utf8_lossy(&got.stdout));
        let line = w
            .lines()
            .zip(g.lines())
            .position(|(a, b)| a != b)
            .unwrap_or(w.lines().count().min(g.lines().count()));
        text += &format!(
            "\n  stdout differs at line {}: expected {:?}, got {:?}",
            line + 1,
            w.lines().nth(line).unwrap_or("<end>"),
            g.lines().nth(line).unwrap_or("<end>")
        );
    }
    text
}

#[test]
fn every_program_prints_what_cpython_prints() {
    run_corpus(Gc::Paced);
}

#[test]
fn every_program_prints_what_cpython_prints_under_gc_torture() {
    run_corpus(Gc::Torture);
}

fn run_corpus(gc: Gc) {
    let programs = corpus::programs();
    assert!(!programs.is_empty(), "no program found under {}", corpus::programs_dir().display());
    let next = AtomicUsize::new(0);
    let failures = Mutex::new(Vec::new());
    // Two workers: the machine has two cores, and each run is a process of its own.
    std::thread::scope(|scope| {
        for _ in 0..2 {
            scope.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(program) = programs.get(i) else { break };
                let outcome = expected(program).and_then(|want| Ok((want, run(program, gc)?)));
                let failure = match outcome {
                    Ok((want, got)) if want == got => continue,
                    Ok((want, got)) => describe(program, &want, &got),
                    Err(e) => e,
                };
                failures.lock().expect("no worker panics").push(failure);
            });
        }
    });
    let mut failures = failures.into_inner().expect("no worker panics");
    failures.sort();
    assert!(
        failures.is_empty(),
        "{} of {} programs differ from CPython 3.11{}:\n{}",
        failures.len(),
        programs.len(),
        if gc == Gc::Torture { " under GC torture" } else { "" },
        failures.join("\n")
    );
}
