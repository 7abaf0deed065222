//! The `tail` dispatch backend relies on LLVM turning each handler's call of the next
//! handler into a jump; stable Rust does not guarantee it. This test runs 10^7 instructions
//! in one slice on a 256 KiB thread stack: if the release build grew the stack per
//! instruction, it would overflow and abort the test binary.

use cellvm::{Config, Vm};
use cellvm_gc::GcConfig;

/// 1.6 * 10^7 instructions: two million iterations of an eight-instruction loop.
const PROGRAM: &str = "i = 0\nwhile i < 2_000_000:\n    i += 1\nprint(i)\n";

#[test]
fn ten_million_instructions_on_a_small_stack() {
    let gc = GcConfig { slice_budget: u32::MAX, ..GcConfig::DEFAULT };
    let out = std::thread::Builder::new()
        .stack_size(256 << 10)
        .spawn(move || {
            let mut vm = Vm::with_config(Config { capture_stdout: true, gc, ..Default::default() });
            vm.run_source(PROGRAM, "<loop>").expect("the loop runs");
            vm.take_stdout()
        })
        .expect("spawn")
        .join()
        .expect("the run must not overflow its stack");
    assert_eq!(out, "2000000\n");
}

#[test]
fn optimised_builds_use_the_tail_backend() {
    let expected = if cfg!(debug_assertions) { "loop" } else { "tail" };
    assert_eq!(cellvm_vm::interp::dispatch::BACKEND, expected);
}
