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
        .expect("the checking thread itself does not panic");
    if !report.is_empty() {
        panic!("{report}");
    }
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
