//! The benchmark's generated module (benches/common/mod.rs) is stable, large enough, varied,
//! and accepted by the compiler.

#[path = "../benches/common/mod.rs"]
mod common;

#[test]
fn the_generated_module_is_deterministic_and_long_enough() {
    let source = common::generate_source(common::BENCH_LINES);
    assert!(source.lines().count() >= common::BENCH_LINES);
    assert_eq!(source, common::generate_source(common::BENCH_LINES));
    // A prefix of the same module for a smaller size.
    let small = common::generate_source(1000);
    assert!(small.lines().count() >= 1000 && source.starts_with(&small));
}

#[test]
fn the_generated_module_uses_every_template() {
    let source = common::generate_source(common::BENCH_LINES);
    for marker in [
        "nonlocal count",
        "class Shape",
        "for b in data[:a]",
        "raise RuntimeError",
        "@logged_",
        "\"delta\": lambda",
        "yield from",
        "class Inner(dict)",
        "MESSAGES_",
        "class Point",
        "_reduce(",
    ] {
        assert!(source.contains(marker), "no {marker:?} in the generated module");
    }
}

// Needs the parser and code generator.
#[test]
fn the_generated_module_compiles() {
    let source = common::generate_source(common::BENCH_LINES);
    if let Err(e) = cellvm_compiler::compile(&source, "bench.py", cellvm_compiler::Mode::Exec) {
        panic!("the generated module does not compile:\n{}", e.report());
    }
}
