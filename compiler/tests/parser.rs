//! The parser against CPython 3.11.
//!
//! - `parser_cases/*.py`: every file's AST dump equals the `.ast` next to it, which
//!   `tools/ast_dump.py --write` made with CPython's `ast` module (`*_eval.py` in eval mode).
//! - `parser_errors.tsv`: for each source, the SyntaxError CPython raises (class, message,
//!   line, offset, end line, end offset), made by `tools/gen_parser_errors.py`.
//! - What cellvm refuses that CPython accepts (async functions, `match`, lone surrogates).
//! - No input panics: every case file cut at every byte, and with bytes changed.
//! - No input exhausts a 2 MiB stack: too deep nesting is CPython's bare MemoryError.

use std::path::{Path, PathBuf};

use cellvm_compiler::{lexer, parser, ErrorKind, Mode, SyntaxError};

fn cases_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/parser_cases")
}

/// Decode `bytes` as a file is decoded, parse, and dump.
fn parse(bytes: &[u8], mode: Mode) -> Result<String, SyntaxError> {
    let source = lexer::decode_source(bytes, "<test>")?;
    let bump = bumpalo::Bump::new();
    parser::parse(&bump, &source, "<test>", mode).map(|m| parser::dump(&m))
}

fn mode_of(path: &Path) -> Mode {
    if path.file_stem().and_then(|s| s.to_str()).is_some_and(|s| s.ends_with("_eval")) {
        Mode::Eval
    } else {
        Mode::Exec
    }
}

fn case_files() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(cases_dir())
        .expect("tests/parser_cases")
        .map(|e| e.expect("a directory entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "py"))
        .collect();
    files.sort();
    files
}

#[test]
fn ast_matches_cpython() {
    let files = case_files();
    assert!(files.len() >= 20, "the case files are there");
    let mut failures = Vec::new();
    for py in &files {
        let want = std::fs::read_to_string(py.with_extension("ast")).expect("an .ast next to each case");
        let bytes = std::fs::read(py).expect("a case file");
        match parse(&bytes, mode_of(py)) {
            Ok(have) if have == want => {}
            Ok(have) => {
                let line = want.lines().zip(have.lines()).position(|(w, h)| w != h).unwrap_or(0);
                failures.push(format!(
                    "{}: differs at dump line {}\n  cpython: {}\n  cellvm:  {}",
                    py.display(),
                    line + 1,
                    want.lines().nth(line).unwrap_or("<end>"),
                    have.lines().nth(line).unwrap_or("<end>"),
                ));
            }
            Err(e) => failures.push(format!("{}: {}", py.display(), e.report())),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

fn unescape(field: &str) -> String {
    let mut out = String::new();
    let mut chars = field.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            Some('\\') => out.push('\\'),
            Some('x') => {
                let hex: String = chars.by_ref().take(2).collect();
                out.push(char::from(u8::from_str_radix(&hex, 16).expect("\\xHH")));
            }
            Some(other) => {
                out.push('\\');
                out.push(other);
            }
            None => out.push('\\'),
        }
    }
    out
}

#[test]
fn errors_match_cpython() {
    let table = include_str!("parser_errors.tsv");
    let mut rows = 0;
    let mut failures = Vec::new();
    for line in table.lines() {
        let fields: Vec<&str> = line.split('\t').collect();
        assert_eq!(fields.len(), 7, "a row of 7 fields: {line:?}");
        let source = unescape(fields[0]);
        let want = format!(
            "{}: {} @{}:{}-{}:{}",
            fields[1],
            unescape(fields[6]),
            fields[2],
            fields[3],
            fields[4],
            fields[5]
        );
        rows += 1;
        let have = match parse(source.as_bytes(), Mode::Exec) {
            Ok(_) => "no error".to_string(),
            Err(e) => format!(
                "{}: {} @{}:{}-{}:{}",
                e.kind.name(),
                e.msg,
                e.lineno,
                e.offset,
                e.end_lineno,
                e.end_offset
            ),
        };
        if have != want {
            failures.push(format!("{source:?}\n  cpython: {want}\n  cellvm:  {have}"));
        }
    }
    assert!(rows > 900, "the table is there ({rows} rows)");
    assert!(failures.is_empty(), "{} of {rows} differ:\n{}", failures.len(), failures.join("\n"));
}

/// Errors cellvm gives where CPython compiles (or would refuse only when compiling).
#[test]
fn unsupported_forms() {
    // (source, message, (line, offset, end line, end offset))
    type Case = (&'static str, &'static str, (u32, u32, u32, u32));
    let cases: &[Case] = &[
        ("async def f(): pass", "async functions are not supported by cellvm", (1, 1, 1, 10)),
        ("@d\nasync def f():\n  await x", "async functions are not supported by cellvm", (2, 1, 2, 10)),
        ("match x:\n  case 1:\n    pass", "'match' statements are not supported by cellvm", (1, 1, 1, 6)),
        (
            "(await x for x in y)",
            "asynchronous generator expressions are not supported by cellvm",
            (1, 1, 1, 21),
        ),
        (
            "x = '\\ud800'",
            "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-5: lone surrogates \
             are not supported by cellvm",
            (1, 13, 1, 13),
        ),
        ("await x", "'await' outside function", (1, 1, 1, 8)),
        ("def f():\n  await x", "'await' outside async function", (2, 3, 2, 10)),
    ];
    for (source, msg, (line, offset, end_line, end_offset)) in cases {
        let e = parse(source.as_bytes(), Mode::Exec).expect_err(source);
        assert_eq!(e.kind, ErrorKind::SyntaxError, "{source:?}");
        assert_eq!(&e.msg, msg, "{source:?}");
        assert_eq!(
            (e.lineno, e.offset, e.end_lineno, e.end_offset),
            (*line, *offset, *end_line, *end_offset)
        );
    }
    // `match` and `case` stay names elsewhere, and a syntax error later in the file is still
    // found after an unsupported statement.
    assert!(parse(b"match = case = 1\nmatch(x)\nmatch[1]\n", Mode::Exec).is_ok());
    let e = parse(b"match x:\n  case 1:\n    pass\nx = = 1\n", Mode::Exec).unwrap_err();
    assert_eq!((e.msg.as_str(), e.lineno), ("invalid syntax", 4));
}

/// Every case file, cut at every byte and with bytes changed: no panic, whatever the result.
#[test]
fn no_panic_on_damaged_input() {
    let replacements: &[u8] = b"( )[]{}:,=\n\\'\"f*#\t x0";
    for py in case_files() {
        let bytes = std::fs::read(&py).expect("a case file");
        // Big files are cut less densely, to keep the test quick in a debug build.
        let step = (bytes.len() / 1500).max(1);
        for cut in (0..=bytes.len()).step_by(step) {
            let _ = parse(&bytes[..cut], Mode::Exec);
        }
        for at in (0..bytes.len()).step_by(step.max(3)) {
            let mut damaged = bytes.clone();
            damaged[at] = replacements[at % replacements.len()];
            let _ = parse(&damaged, Mode::Exec);
            let _ = parse(&damaged, Mode::Eval);
        }
    }
}

/// Decode and parse only (the dump recurses on the tree's depth).
fn parse_only(bytes: &[u8]) -> Result<(), SyntaxError> {
    let source = lexer::decode_source(bytes, "<test>")?;
    let bump = bumpalo::Bump::new();
    parser::parse(&bump, &source, "<test>", Mode::Exec).map(|_| ())
}

/// Run `f` on a thread with a 2 MiB stack, as the VM's threads may have.
fn on_small_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    std::thread::Builder::new()
        .stack_size(2 << 20)
        .spawn(f)
        .expect("a thread")
        .join()
        .expect("no stack overflow")
}

#[test]
fn deep_nesting_is_a_memory_error_not_a_crash() {
    let too_deep: Vec<String> = vec![
        format!("{}1", "-".repeat(100_000)),
        format!("{}1", "not ".repeat(100_000)),
        format!("{}0", "lambda:".repeat(3000)),
        format!("{}2", "2**".repeat(10_000)),
        format!("x = {}1", "~-+".repeat(10_000)),
        format!("x = {}", "1 if x else ".repeat(10_000) + "0"),
        format!("{}x", "lambda x=1:".repeat(3000)),
        format!("f(x, key={}1)", "lambda y=1: ".repeat(3000)),
        format!("x = {}", "-(".repeat(190) + &"lambda: ".repeat(2900) + "1" + &")".repeat(190)),
        format!("x = {}", "not -(".repeat(190) + &"not ".repeat(6000) + "1" + &")".repeat(190)),
        format!(
            "x = {}",
            "(lambda: ".repeat(150) + &"1 if x else lambda: ".repeat(1000) + "1" + &")".repeat(150)
        ),
    ];
    for source in too_deep {
        let head: String = source.chars().take(40).collect();
        let e = on_small_stack(move || parse_only(source.as_bytes()).expect_err("too deep"));
        assert_eq!(e.kind, ErrorKind::MemoryError, "{head}");
        assert_eq!(e.msg, "", "{head}");
    }
}

#[test]
fn deep_but_allowed_nesting_parses_on_a_small_stack() {
    // As deep as CPython allows: its tokenizer stops at 200 brackets and 100 indents.
    let mut deep: Vec<String> = vec![
        format!("x = {}1{}", "(".repeat(199), ")".repeat(199)),
        format!("x = {}1{}", "[".repeat(199), "]".repeat(199)),
        format!("x = {}{}", "{".repeat(199), "}".repeat(199)),
        format!("x = {}x{}", "f(".repeat(199), ")".repeat(199)),
        format!("x = {}0{}", "[x for x in ".repeat(99), "]".repeat(99)),
        format!("x = {}1{}", "(-".repeat(199), ")".repeat(199)),
        format!("x = {}1{}", "(lambda: ".repeat(199), ")".repeat(199)),
        format!("x = {}1{}", "{1: ".repeat(199), "}".repeat(199)),
        format!("x = {}", "1 if x else ".repeat(1000) + "0"),
        format!("x = {}1", "-".repeat(4000)),
        format!("x = {}0", "lambda: ".repeat(1000)),
        format!("x = {}", ["a"; 100_000].join(" + ")),
        format!("x = {}", ["a"; 2000].join(" ** ")),
        format!("x = a{}", ".b".repeat(100_000)),
        format!("x = a{}", "[0]".repeat(50_000)),
        format!("x = {}", ["'s'"; 50_000].join(" ")),
        format!("x = f'{{{}x{}}}'", "(".repeat(198), ")".repeat(198)),
    ];
    let mut blocks = String::new();
    for i in 0..99 {
        blocks.push_str(&format!("{}if x:\n", " ".repeat(i)));
    }
    blocks.push_str(&format!("{}pass\n", " ".repeat(99)));
    deep.push(blocks);
    let mut defs = String::new();
    for i in 0..99 {
        defs.push_str(&format!("{}def f(a=(-(-(1)))):\n", " ".repeat(i)));
    }
    defs.push_str(&format!("{}return [x for x in (lambda: (1, 2))()]\n", " ".repeat(99)));
    deep.push(defs);
    for source in deep {
        let head: String = source.chars().take(40).collect();
        let r = on_small_stack(move || parse_only(source.as_bytes()));
        assert!(r.is_ok(), "{head}: {:?}", r.err());
    }
}
