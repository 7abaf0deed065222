//! The `str` programs of the corpus (tests/programs/runtime/str) run on the VM print exactly
//! what CPython 3.11 printed for them.

use std::path::PathBuf;

use cellvm_vm::{Config, Vm};

fn programs() -> Vec<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/programs/runtime/str");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.expect("directory entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "py"))
        .collect();
    paths.sort();
    paths
}

#[test]
fn str_programs_print_what_cpython_prints() {
    let paths = programs();
    assert!(paths.len() >= 10, "the str programs are missing");
    let mut failures = Vec::new();
    for path in &paths {
        let source = std::fs::read_to_string(path).expect("program source");
        let expected = std::fs::read_to_string(path.with_extension("stdout")).expect("expected stdout");
        let mut vm = Vm::with_config(Config { capture_stdout: true, ..Config::default() });
        let result = vm.run_source(&source, &path.display().to_string());
        let printed = vm.take_stdout();
        if let Err(e) = result {
            failures.push(format!("{}: failed: {}", path.display(), e.report()));
            continue;
        }
        if printed != expected {
            let line = printed.lines().zip(expected.lines()).position(|(a, b)| a != b);
            let line = line.unwrap_or(printed.lines().count().min(expected.lines().count()));
            failures.push(format!(
                "{}: output differs at line {}:\n  got      {:?}\n  expected {:?}",
                path.display(),
                line + 1,
                printed.lines().nth(line).unwrap_or("<end>"),
                expected.lines().nth(line).unwrap_or("<end>"),
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
