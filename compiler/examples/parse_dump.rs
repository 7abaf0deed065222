//! Parse Python sources and print what the parser makes of them: the AST dump, or the
//! SyntaxError. For the comparison tools in `tools/` (parser_diff.py).
//!
//!     cargo run --example parse_dump -- FILE.py        # dump or error of one file
//!     cargo run --example parse_dump -- --json < cases # JSON list of sources in, of results out

use std::io::Read;

use cellvm_compiler::{parser, Mode};

fn result(source: &str, mode: Mode) -> serde_json::Value {
    let bump = bumpalo::Bump::new();
    match parser::parse(&bump, source, "<pw>", mode) {
        Ok(module) => serde_json::json!({ "ok": parser::dump(&module) }),
        Err(e) => serde_json::json!({
            "kind": e.kind.name(),
            "msg": e.msg,
            "lineno": e.lineno,
            "offset": e.offset,
            "end_lineno": e.end_lineno,
            "end_offset": e.end_offset,
        }),
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let eval = args.iter().any(|a| a == "--eval");
    let mode = if eval { Mode::Eval } else { Mode::Exec };
    if args.iter().any(|a| a == "--json") {
        let mut input = String::new();
        std::io::stdin().read_to_string(&mut input).expect("stdin");
        let sources: Vec<String> = serde_json::from_str(&input).expect("a JSON list of strings");
        let results: Vec<serde_json::Value> = sources.iter().map(|s| result(s, mode)).collect();
        println!("{}", serde_json::to_string(&results).expect("json"));
        return;
    }
    for path in args.iter().filter(|a| !a.starts_with("--")) {
        let bytes = std::fs::read(path).expect("a readable file");
        let source = match cellvm_compiler::lexer::decode_source(&bytes, path) {
            Ok(s) => s,
            Err(e) => {
                println!("{}", e.report());
                continue;
            }
        };
        match result(&source, mode) {
            serde_json::Value::Object(m) if m.contains_key("ok") => {
                print!("{}", m["ok"].as_str().unwrap_or(""))
            }
            other => println!("{other}"),
        }
    }
}
