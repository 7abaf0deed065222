//! Front-end throughput on a generated 50,000-line module (benches/common/mod.rs), in
//! lines per second: tokenize, parse, and the whole compile to code objects.
//!
//! `cargo bench -p cellvm --bench compile`. For the comparison with CPython's compiler, see
//! benches/check_vs_python.sh.

use std::hint::black_box;

use cellvm_compiler::{lexer, parser, Mode};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};

mod common;

const FILENAME: &str = "bench.py";

fn front_end(c: &mut Criterion) {
    let source = common::generate_source(common::BENCH_LINES);
    let lines = source.lines().count() as u64;

    let mut group = c.benchmark_group("compile");
    group.throughput(Throughput::Elements(lines));
    group.sample_size(10);
    group.bench_function("tokenize", |b| {
        b.iter(|| lexer::tokenize(black_box(&source), FILENAME).map(|tokens| tokens.len()))
    });
    group.bench_function("parse", |b| {
        b.iter(|| {
            let bump = bumpalo::Bump::new();
            parser::parse(&bump, black_box(&source), FILENAME, Mode::Exec).map(|module| module.body.len())
        })
    });
    group.bench_function("compile", |b| {
        b.iter(|| cellvm_compiler::compile(black_box(&source), FILENAME, Mode::Exec))
    });
    group.finish();
}

criterion_group!(benches, front_end);
criterion_main!(benches);
