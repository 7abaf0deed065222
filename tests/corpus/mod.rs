//! The test corpus (tests/programs/**/*.py with the expected files tools/gen_expected.py
//! writes beside each program) and a panic-proof way to compile a program.
#![allow(dead_code)] // each test binary uses its own part of this module

use std::cell::RefCell;
use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Once};

use cellvm_compiler::{lexer, CodeObject, Mode, SyntaxError};
use serde_json::Value;

/// The stack of the CLI's main thread (Linux's default `ulimit -s`): the compiler must cope
/// with any input within it, so the tests compile on threads of this size.
pub const CLI_STACK_SIZE: usize = 8 << 20;

/// The repository root: the generator names programs by their path relative to it.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn programs_dir() -> PathBuf {
    root().join("tests").join("programs")
}

/// One program of the corpus.
pub struct Program {
    /// Path relative to the repository root, with '/' separators: the filename the
    /// generator passed to CPython's compile().
    pub rel: String,
    pub path: PathBuf,
    /// The file's bytes, undecoded (decoding is part of what is tested).
    pub bytes: Vec<u8>,
}

impl Program {
    /// The NAME.code.json written beside the program.
    pub fn expected_code_json(&self) -> Result<Value, String> {
        let json_path = self.path.with_extension("code.json");
        let text = std::fs::read_to_string(&json_path)
            .map_err(|e| format!("cannot read {} ({e}); run tools/gen_expected.py", json_path.display()))?;
        serde_json::from_str(&text).map_err(|e| format!("{}: invalid JSON: {e}", json_path.display()))
    }
}

/// Every program of the corpus, sorted by path; restricted to the paths containing
/// `$CELLVM_PROGRAMS` when that is set.
pub fn programs() -> Vec<Program> {
    let filter = std::env::var("CELLVM_PROGRAMS").unwrap_or_default();
    let mut paths = Vec::new();
    collect_py(&programs_dir(), &mut paths);
    paths.sort();
    let root = root();
    paths
        .into_iter()
        .filter_map(|path| {
            let rel = path
                .strip_prefix(&root)
                .ok()?
                .components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/");
            if !rel.contains(&filter) {
                return None;
            }
            let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()));
            Some(Program { rel, path, bytes })
        })
        .collect()
}

fn collect_py(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect_py(&path, out);
        } else if path.extension().is_some_and(|e| e == "py") {
            out.push(path);
        }
    }
}

/// What compiling one input did.
pub enum Outcome {
    Compiled(Result<Arc<CodeObject>, SyntaxError>),
    /// The compiler panicked (always a bug): the panic message and its location.
    Panicked(String),
}

thread_local! {
    /// Set while `compile_guarded` runs on this thread; the panic hook stores the message here.
    static GUARDED_PANIC: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Decodes and compiles `bytes` as a file named `filename`, as the CLI does, turning a panic
/// into `Outcome::Panicked` instead of unwinding into the test (and without printing the
/// default panic message for each of possibly thousands of inputs).
pub fn compile_guarded(bytes: &[u8], filename: &str) -> Outcome {
    install_panic_hook();
    GUARDED_PANIC.with(|p| *p.borrow_mut() = Some(String::new()));
    let result = panic::catch_unwind(AssertUnwindSafe(|| {
        let source = lexer::decode_source(bytes, filename)?;
        cellvm_compiler::compile(&source, filename, Mode::Exec)
    }));
    let message = GUARDED_PANIC.with(|p| p.borrow_mut().take()).unwrap_or_default();
    match result {
        Ok(compiled) => Outcome::Compiled(compiled),
        Err(_) => Outcome::Panicked(message),
    }
}

/// A panic hook that, on a thread inside `compile_guarded`, records the panic instead of
/// printing it; elsewhere it defers to the hook that was installed before.
fn install_panic_hook() {
    static INSTALL: Once = Once::new();
    INSTALL.call_once(|| {
        let previous = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            let guarded = GUARDED_PANIC.with(|p| {
                let mut slot = p.borrow_mut();
                match slot.as_mut() {
                    Some(message) => {
                        let payload = info
                            .payload()
                            .downcast_ref::<&str>()
                            .map(|s| s.to_string())
                            .or_else(|| info.payload().downcast_ref::<String>().cloned())
                            .unwrap_or_else(|| "(non-string payload)".to_string());
                        let location =
                            info.location().map(|l| format!("{}:{}", l.file(), l.line())).unwrap_or_default();
                        *message = format!("'{payload}' at {location}");
                        true
                    }
                    None => false,
                }
            });
            if !guarded {
                previous(info);
            }
        }));
    });
}
