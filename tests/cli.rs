//! The `cellvm` command as a user runs it: statuses and messages as python3's.

use std::path::PathBuf;
use std::process::{Command, Output};

fn cellvm(args: &[&str]) -> Output {
    match Command::new(env!("CARGO_BIN_EXE_cellvm")).args(args).output() {
        Ok(output) => output,
        Err(e) => panic!("cannot run cellvm: {e}"),
    }
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// A fresh file `name` holding `source`, in a directory of its own for this test.
fn source_file(test: &str, name: &str, source: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("cellvm-cli-{}-{test}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("create the test directory");
    let path = dir.join(name);
    std::fs::write(&path, source).expect("write the test source");
    path
}

#[test]
fn version_names_the_dispatch_backend() {
    let out = cellvm(&["--version"]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(stdout(&out), format!("cellvm {} (dispatch: tail)\n", env!("CARGO_PKG_VERSION")));
}

#[test]
fn a_missing_file_is_reported_as_python3_does() {
    let missing = std::env::temp_dir().join("cellvm-cli-no-such-dir").join("nope.py");
    let missing = missing.to_str().expect("a UTF-8 temp dir");
    let message = format!("cellvm: can't open file '{missing}': [Errno 2] No such file or directory\n");

    let out = cellvm(&["dis", missing]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(stderr(&out), message);
    assert_eq!(stdout(&out), "");

    // As `python3 -m py_compile`, check fails with status 1, after trying every file.
    let out = cellvm(&["check", missing, missing]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stderr(&out), message.repeat(2));
}

#[test]
fn a_relative_missing_path_is_shown_joined_to_the_working_directory() {
    let out = cellvm(&["dis", "./no/../such.py"]);
    assert_eq!(out.status.code(), Some(2));
    let cwd = std::env::current_dir().expect("a working directory");
    assert_eq!(
        stderr(&out),
        format!(
            "cellvm: can't open file '{}/./no/../such.py': [Errno 2] No such file or directory\n",
            cwd.display()
        )
    );
}

#[test]
fn running_programs() {
    let out = cellvm(&["-c", "import sys\nprint(1 + 1, sys.argv)", "x"]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&out.stdout), "2 ['-c', 'x']\n");

    let out = cellvm(&["-c", "def f():\n    return 1 / 0\nf()"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.starts_with("Traceback (most recent call last):\n"), "{err}");
    assert!(err.ends_with("ZeroDivisionError: division by zero\n"), "{err}");
    assert!(err.contains("line 2, in f"), "{err}");

    let out = cellvm(&["-c", "import sys\nsys.exit(3)"]);
    assert_eq!(out.status.code(), Some(3));

    let out = cellvm(&["no_such_script.py"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("can't open file"), "{}", stderr(&out));

    let out = cellvm(&["--gc-stats", "-c", "pass"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(stderr(&out).starts_with("gc: collections="), "{}", stderr(&out));
}

#[test]
fn command_line_errors_exit_with_status_2() {
    for args in
        [&["--bogus"][..], &["dis"][..], &["check"][..], &["dis", "--format", "xml", "f.py"][..], &[][..]]
    {
        let out = cellvm(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(!stderr(&out).is_empty(), "{args:?}");
    }
}

// The tests below need the parser (syntax errors) and the code generator (listings).

const UNCLOSED: &str = "x = 1\nx = (\n";

fn unclosed_report(path: &str) -> String {
    format!("  File \"{path}\", line 2\n    x = (\n        ^\nSyntaxError: '(' was never closed\n")
}

#[test]
fn check_reports_a_syntax_error_as_cpython_and_fails() {
    let bad = source_file("check-bad", "bad.py", UNCLOSED);
    let good = source_file("check-bad", "good.py", "def f(x):\n    return x + 1\n");
    let (bad, good) = (bad.to_str().expect("UTF-8"), good.to_str().expect("UTF-8"));
    let out = cellvm(&["check", good, bad, good]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stderr(&out), unclosed_report(bad));
    assert_eq!(stdout(&out), "");
}

#[test]
fn check_is_silent_on_success() {
    let good = source_file("check-good", "good.py", "def f(x):\n    return [y * 2 for y in x]\n");
    let out = cellvm(&["check", good.to_str().expect("UTF-8")]);
    assert_eq!((out.status.code(), stdout(&out), stderr(&out)), (Some(0), String::new(), String::new()));
}

#[test]
fn dis_reports_a_syntax_error_with_status_1() {
    let bad = source_file("dis-bad", "bad.py", UNCLOSED);
    let bad = bad.to_str().expect("UTF-8");
    let out = cellvm(&["dis", bad]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stderr(&out), unclosed_report(bad));
}

#[test]
fn dis_lists_the_module_and_its_functions() {
    let file = source_file("dis-good", "m.py", "def f(a):\n    return a\n");
    let file = file.to_str().expect("UTF-8");

    let out = cellvm(&["dis", file]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.lines().any(|line| line.starts_with("  1 ")), "{text}");
    assert!(text.contains("\n\nDisassembly of <code object f at 0x"), "{text}");
    assert!(text.contains(&format!(", file \"{file}\", line 1>:\n  2 ")), "{text}");

    let out = cellvm(&["dis", "--format", "json", file]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("cellvm dis prints JSON");
    assert_eq!(json["co_name"], "<module>");
    assert_eq!(json["co_names"][0], "f");
    let f = json["co_consts"].as_array().and_then(|c| c.iter().find(|c| c.is_object())).expect("f's code");
    assert_eq!(f["co_name"], "f");
    assert_eq!(f["co_varnames"], serde_json::json!(["a"]));
    assert_eq!(
        f["instructions"].as_array().and_then(|i| i.last()).map(|i| &i["opname"]),
        Some(&"RETURN_VALUE".into())
    );
}
