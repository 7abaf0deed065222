//! Criterion micro-benchmarks of the interpreter: dispatch, calls, closure creation, cell
//! reads and writes, allocation. Each runs a small program on a fresh VM; the figures include
//! compiling it, which is small next to the loop.

use cellvm::{Config, Vm};
use criterion::{criterion_group, criterion_main, Criterion};

fn run(src: &str) {
    let mut vm = Vm::with_config(Config { capture_stdout: true, ..Default::default() });
    vm.run_source(src, "<bench>").expect("benchmark program runs");
}

const DISPATCH: &str = "def f():\n    i = 0\n    while i < 100000:\n        i += 1\nf()\n";
const CALLS: &str = "def g(x):\n    return x\ndef f():\n    for i in range(100000):\n        g(i)\nf()\n";
const CLOSURES: &str =
    "def mk(n):\n    def h():\n        return n\n    return h\ndef f():\n    for i in range(100000):\n        mk(i)\nf()\n";
const CELLS: &str = "def f():\n    c = 0\n    def bump():\n        nonlocal c\n        c += 1\n    for i in range(100000):\n        bump()\n    return c\nf()\n";
const ALLOC: &str = "def f():\n    for i in range(100000):\n        x = [i, i]\n        y = (x, i)\nf()\n";

fn benches(c: &mut Criterion) {
    let mut g = c.benchmark_group("vm");
    g.sample_size(20);
    for (name, src) in [
        ("dispatch_while_loop", DISPATCH),
        ("calls", CALLS),
        ("closure_creation", CLOSURES),
        ("cell_read_write", CELLS),
        ("allocation", ALLOC),
    ] {
        g.bench_function(name, |b| b.iter(|| run(src)));
    }
    g.finish();
}

criterion_group!(vm, benches);
criterion_main!(vm);
