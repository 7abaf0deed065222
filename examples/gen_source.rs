//! Print the generated Python module the compile benchmark uses (benches/common/mod.rs):
//! `cargo run --release --example gen_source [MIN_LINES] > bench.py`.

use std::io::Write;
use std::process::ExitCode;

#[path = "../benches/common/mod.rs"]
mod common;

fn main() -> ExitCode {
    let min_lines = match std::env::args().nth(1).map(|arg| arg.parse::<usize>()) {
        None => common::BENCH_LINES,
        Some(Ok(n)) => n,
        Some(Err(e)) => {
            eprintln!("gen_source: MIN_LINES must be a number: {e}");
            return ExitCode::from(2);
        }
    };
    let source = common::generate_source(min_lines);
    match std::io::stdout().lock().write_all(source.as_bytes()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("gen_source: {e}");
            ExitCode::FAILURE
        }
    }
}
