//! Every program of the corpus (tests/programs/**/*.py) compiles to code objects whose
//! introspection fields equal CPython 3.11's, as recorded beside it in NAME.code.json by
//! tools/gen_expected.py; a program CPython refuses must be refused with CPython's error.
//!
//! All mismatches of all programs are reported before the test fails, so one run shows the
//! whole state of the compiler. `CELLVM_PROGRAMS=substring` restricts the run to the programs
//! whose path contains the substring.

mod corpus;

use std::sync::Arc;

use cellvm_compiler::{CodeObject, Const, SyntaxError};
use serde_json::Value;

use corpus::{compile_guarded, Outcome, Program};

#[test]
fn code_objects_match_cpython() {
    // The compiler runs on a thread with the 8 MiB stack of the CLI's main thread.
    let report = std::thread::Builder::new()
        .name("compile_fields".into())
        .stack_size(corpus::CLI_STACK_SIZE)
        .spawn(check_all)
        .expect("spawn the compiling thread")
        .join()
        .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
    if !report.is_empty() {
        panic!("{report}");
    }
}

/// tools/gen_expected.py has been run for every program: the files the compiler and runtime
/// tests read are there and well formed.
#[test]
fn every_program_has_its_expected_files() {
    let programs = corpus::programs();
    assert!(!programs.is_empty(), "no program found under {}", corpus::programs_dir().display());
    let mut problems = Vec::new();
    for program in &programs {
        if let Err(e) = program.expected_code_json() {
            problems.push(e);
        }
        if !program.path.with_extension("stdout").is_file() {
            problems.push(format!("{}: no .stdout; run tools/gen_expected.py", program.rel));
        }
        let exit_path = program.path.with_extension("exit");
        if let Ok(text) = std::fs::read_to_string(&exit_path) {
            let lines: Vec<&str> = text.lines().collect();
            let status_ok = lines.first().and_then(|s| s.parse::<i32>().ok()).is_some_and(|s| s != 0);
            if lines.len() != 2 || !status_ok {
                problems.push(format!(
                    "{}: expected a non-zero status and a line, got {text:?}",
                    exit_path.display()
                ));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Checks every program; returns the failure report, empty when all match.
fn check_all() -> String {
    let programs = corpus::programs();
    assert!(!programs.is_empty(), "no program found under {}", corpus::programs_dir().display());

    let mut failed_programs = 0;
    let mut report = String::new();
    for program in &programs {
        let mismatches = check_program(program);
        if !mismatches.is_empty() {
            failed_programs += 1;
            for m in &mismatches {
                report.push_str(&format!("{}: {m}\n", program.rel));
            }
        }
    }
    if failed_programs == 0 {
        eprintln!("compile_fields: {} programs match CPython", programs.len());
        return String::new();
    }
    report
        .push_str(&format!("\n{failed_programs} of {} programs differ from CPython 3.11\n", programs.len()));
    report
}

/// The mismatches of one program, each as "qualname: field: expected X, got Y".
fn check_program(program: &Program) -> Vec<String> {
    let expected = match program.expected_code_json() {
        Ok(v) => v,
        Err(e) => return vec![e],
    };
    let mut out = Vec::new();
    match (expected.get("error"), compile_guarded(&program.bytes, &program.rel)) {
        (_, Outcome::Panicked(msg)) => out.push(format!("the compiler panicked: {msg}")),
        (Some(error), Outcome::Compiled(Err(got))) => compare_error(error, &got, &mut out),
        (Some(error), Outcome::Compiled(Ok(_))) => {
            out.push(format!("compiled, but CPython raises {}", describe_expected_error(error)))
        }
        (None, Outcome::Compiled(Err(got))) => {
            out.push(format!("CPython compiles it, but got {got} at {}:{}", got.lineno, got.offset))
        }
        (None, Outcome::Compiled(Ok(code))) => compare_code(&expected, &code, "<module>", &mut out),
    }
    out
}

fn describe_expected_error(error: &Value) -> String {
    format!(
        "{}: {} at {}:{}",
        error["type"].as_str().unwrap_or("?"),
        error["msg"].as_str().unwrap_or("?"),
        error["lineno"],
        error["offset"]
    )
}

/// Compares the error fields that CPython's report shows: the class, the message and the
/// position. `lineno` and `offset` must always match (CPython's None is 0 here). CPython's end
/// position is sometimes meaningless for the tokenizer's errors (an `end_offset` of 0 or -1,
/// or None after a `__future__` error), which its report shows as a single caret, as ours
/// does for an end at or before the start; so `end_lineno` is compared when CPython has one
/// and `end_offset` when CPython's is a real column (1 or more).
fn compare_error(expected: &Value, got: &SyntaxError, out: &mut Vec<String>) {
    let mut field = |name: &str, want: &Value, have: Value| {
        if *want != have {
            out.push(format!("error {name}: expected {want}, got {have}"));
        }
    };
    field("type", &expected["type"], Value::from(got.kind.name()));
    field("msg", &expected["msg"], Value::from(got.msg.as_str()));
    let zero_if_null = |v: &Value| if v.is_null() { Value::from(0) } else { v.clone() };
    field("lineno", &zero_if_null(&expected["lineno"]), Value::from(got.lineno));
    field("offset", &zero_if_null(&expected["offset"]), Value::from(got.offset));
    if !expected["end_lineno"].is_null() {
        field("end_lineno", &expected["end_lineno"], Value::from(got.end_lineno));
    }
    if expected["end_offset"].as_i64().is_some_and(|v| v >= 1) {
        field("end_offset", &expected["end_offset"], Value::from(got.end_offset));
    }
}

/// Compares one code object and, recursively, its nested code objects with the expected tree.
fn compare_code(expected: &Value, got: &CodeObject, path: &str, out: &mut Vec<String>) {
    let mut field = |name: &str, want: &Value, have: Value| {
        if *want != have {
            out.push(format!("{path}: {name}: expected {want}, got {have}"));
        }
    };
    let strings = |v: &[Arc<str>]| Value::from(v.iter().map(|s| s.to_string()).collect::<Vec<_>>());

    field("co_name", &expected["co_name"], Value::from(&*got.name));
    field("co_qualname", &expected["co_qualname"], Value::from(&*got.qualname));
    field("co_argcount", &expected["co_argcount"], Value::from(got.argcount));
    field("co_posonlyargcount", &expected["co_posonlyargcount"], Value::from(got.posonlyargcount));
    field("co_kwonlyargcount", &expected["co_kwonlyargcount"], Value::from(got.kwonlyargcount));
    field("co_nlocals", &expected["co_nlocals"], Value::from(got.nlocals()));
    field("co_flags", &expected["co_flags"], Value::from(got.flags));
    field("co_varnames", &expected["co_varnames"], strings(&got.varnames));
    field("co_cellvars", &expected["co_cellvars"], strings(&got.cellvars));
    field("co_freevars", &expected["co_freevars"], strings(&got.freevars));
    field("co_firstlineno", &expected["co_firstlineno"], Value::from(got.firstlineno));
    // co_names is compared sorted: its order is an artefact of code generation, but like
    // CPython's it must hold each name once.
    let mut want_names: Vec<String> = expected["co_names"]
        .as_array()
        .map(|a| a.iter().filter_map(|v| v.as_str().map(str::to_string)).collect())
        .unwrap_or_default();
    want_names.sort();
    let mut got_names: Vec<String> = got.names.iter().map(|s| s.to_string()).collect();
    got_names.sort();
    field("co_names (sorted)", &Value::from(want_names), Value::from(got_names));

    let no_children = Vec::new();
    let want_children = expected["children"].as_array().unwrap_or(&no_children);
    let got_children: Vec<&Arc<CodeObject>> = got
        .consts
        .iter()
        .filter_map(|c| match c {
            Const::Code(code) => Some(code),
            _ => None,
        })
        .collect();
    if want_children.len() != got_children.len() {
        let names = |it: &mut dyn Iterator<Item = String>| it.collect::<Vec<_>>().join(", ");
        out.push(format!(
            "{path}: nested code objects: expected [{}], got [{}]",
            names(&mut want_children.iter().map(|c| c["co_qualname"].as_str().unwrap_or("?").to_string())),
            names(&mut got_children.iter().map(|c| c.qualname.to_string())),
        ));
    }
    for (want, have) in want_children.iter().zip(got_children) {
        let child_path = want["co_qualname"].as_str().unwrap_or("?");
        compare_code(want, have, child_path, out);
    }
}

/// The comparison itself, checked on hand-built code objects against a real expected file,
/// so that a green run of `code_objects_match_cpython` means something before the compiler
/// exists.
mod comparison {
    use super::*;
    use cellvm_compiler::ErrorKind;

    fn code(name: &str, qualname: &str, firstlineno: u32, flags: u32) -> CodeObject {
        CodeObject {
            name: name.into(),
            qualname: qualname.into(),
            filename: "tests/programs/seeds/get_func.py".into(),
            firstlineno,
            argcount: 0,
            posonlyargcount: 0,
            kwonlyargcount: 0,
            flags,
            varnames: Vec::new(),
            cellvars: Vec::new(),
            freevars: Vec::new(),
            names: Vec::new(),
            consts: vec![Const::None],
            stacksize: 0,
            code: Vec::new(),
            lines: Vec::new(),
            exception_table: Vec::new(),
            cell2arg: Vec::new(),
        }
    }

    fn names(list: &[&str]) -> Vec<Arc<str>> {
        list.iter().map(|&s| s.into()).collect()
    }

    /// The code tree CPython gives for seeds/get_func.py.
    fn get_func_tree(tweak: impl FnOnce(&mut CodeObject, &mut CodeObject, &mut CodeObject)) -> CodeObject {
        let mut func = code("func", "get_func.<locals>.func", 4, 19);
        func.freevars = names(&["value"]);
        func.names = names(&["print"]);
        let mut get_func = code("get_func", "get_func", 1, 3);
        get_func.varnames = names(&["func"]);
        get_func.cellvars = names(&["value"]);
        let mut module = code("<module>", "<module>", 1, 0);
        module.names = names(&["show_value", "get_func"]);
        tweak(&mut module, &mut get_func, &mut func);
        get_func.consts.push(Const::Code(Arc::new(func)));
        module.consts.insert(0, Const::Code(Arc::new(get_func)));
        module
    }

    fn mismatches(got: &CodeObject) -> Vec<String> {
        let path = corpus::programs_dir().join("seeds").join("get_func.code.json");
        let text = std::fs::read_to_string(&path).expect("seeds/get_func.code.json");
        let expected: Value = serde_json::from_str(&text).expect("valid JSON");
        let mut out = Vec::new();
        compare_code(&expected, got, "<module>", &mut out);
        out
    }

    #[test]
    fn a_matching_tree_has_no_mismatch() {
        assert_eq!(mismatches(&get_func_tree(|_, _, _| {})), Vec::<String>::new());
    }

    #[test]
    fn every_differing_field_is_reported() {
        let got = get_func_tree(|module, get_func, func| {
            module.names = names(&["get_func", "show_value", "extra"]);
            get_func.varnames = names(&["func", "value"]);
            get_func.firstlineno = 2;
            func.flags = 3;
            func.qualname = "func".into();
        });
        let found = mismatches(&got);
        for field in [
            "<module>: co_names",
            "get_func: co_varnames",
            "get_func: co_nlocals",
            "get_func: co_firstlineno",
        ] {
            assert!(found.iter().any(|m| m.starts_with(field)), "{field} not reported in {found:#?}");
        }
        for field in ["co_flags", "co_qualname"] {
            assert!(
                found.iter().any(|m| m.starts_with(&format!("get_func.<locals>.func: {field}"))),
                "{field} of func not reported in {found:#?}"
            );
        }
        assert_eq!(found.len(), 6, "{found:#?}");
    }

    #[test]
    fn a_missing_nested_code_object_is_reported() {
        let mut got = get_func_tree(|_, _, _| {});
        got.consts.retain(|c| !matches!(c, Const::Code(_)));
        let found = mismatches(&got);
        assert_eq!(found.len(), 1, "{found:#?}");
        assert!(found[0].contains("nested code objects: expected [get_func], got []"), "{found:#?}");
    }

    #[test]
    fn error_fields_are_compared() {
        let expected: Value = serde_json::from_str(
            r#"{"type": "SyntaxError", "msg": "name 'b' is parameter and global",
                "lineno": 2, "offset": 5, "end_lineno": 2, "end_offset": 13}"#,
        )
        .unwrap();
        let source = "def f(a, b):\n    global b\n    return b\n";
        let mut got = SyntaxError::at(
            ErrorKind::SyntaxError,
            "name 'b' is parameter and global",
            "f.py",
            source,
            2,
            4,
            2,
            12,
        );
        let mut out = Vec::new();
        compare_error(&expected, &got, &mut out);
        assert_eq!(out, Vec::<String>::new());

        got.kind = ErrorKind::IndentationError;
        got.offset = 1;
        got.end_offset = 0;
        compare_error(&expected, &got, &mut out);
        assert_eq!(out.len(), 3, "{out:#?}");

        // A meaningless end column of CPython's (-1 here) is not compared.
        let mut expected = expected;
        expected["end_offset"] = Value::from(-1);
        let mut out = Vec::new();
        compare_error(&expected, &SyntaxError { end_offset: 0, ..got.clone() }, &mut out);
        assert_eq!(out.len(), 2, "{out:#?}");
    }
}
