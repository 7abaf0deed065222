//! The `tail` dispatch backend relies on LLVM turning each handler's call of the next
//! handler into a jump; stable Rust does not guarantee it. These tests run millions of
//! instructions in one slice on a 256 KiB thread stack: if the release build grew the stack
//! per instruction, it would overflow and abort the test binary. LLVM keeps the call (and
//! the stack frame) when the handler passed the address of one of its locals to a call
//! before it, which is easy to do by accident: a value handed to an out-of-line function in
//! memory, a closure, a buffer.

use cellvm::{Config, Vm};
use cellvm_gc::GcConfig;

/// 1.6 * 10^7 instructions: two million iterations of an eight-instruction loop.
const PROGRAM: &str = "i = 0\nwhile i < 2_000_000:\n    i += 1\nprint(i)\n";

/// Run `src` in one unlimited slice on a 256 KiB thread stack; what it printed.
fn run_on_small_stack(src: &'static str, name: &'static str) -> String {
    let gc = GcConfig { slice_budget: u32::MAX, ..GcConfig::DEFAULT };
    std::thread::Builder::new()
        .stack_size(256 << 10)
        .spawn(move || {
            let mut vm = Vm::with_config(Config { capture_stdout: true, gc, ..Default::default() });
            vm.run_source(src, name).expect("the loop runs");
            vm.take_stdout()
        })
        .expect("spawn")
        .join()
        .expect("the run must not overflow its stack")
}

#[test]
fn ten_million_instructions_on_a_small_stack() {
    let out = run_on_small_stack(PROGRAM, "<loop>");
    assert_eq!(out, "2000000\n");
}

/// Every kind of specialised handler in a loop of 200,000 iterations (a few million
/// instructions): plain Python calls and returns, native functions, built-in methods and
/// constructors, subscripts of lists, tuples and dicts, `c[k] op= v`, unpacking, compare and
/// jump, closures made and called, strs concatenated. A handler whose fast path called the
/// next handler instead of jumping to it would leave a frame per iteration and overflow the
/// stack.
const HANDLERS: &str = "
def add(a, b):
    return a + b

def run(n):
    xs = [0.0, 1.0]
    d = {}
    t = (1, 2)
    total = 0
    for i in range(n):
        a, b = t
        total = add(total, a) + len(xs) - b
        d[i % 7] = 'k' + str(i % 10)
        xs.append(1.5)
        xs.pop()
        xs[1] += xs[0] * 2
        if d[i % 7] == 'k3' and t[0] < 2:
            total += int('1')
        def get():
            return i
        total += get() - i
    return total, len(d), xs[1]

print(run(200_000))
";

#[test]
fn every_specialised_handler_on_a_small_stack() {
    let out = run_on_small_stack(HANDLERS, "<handlers>");
    assert_eq!(out, "(220000, 7, 1.0)\n");
}

/// The generic handlers in a loop of 50,000 iterations: attributes and properties of
/// instances, methods of user classes, generators, `try` / `raise` / `except`, `with`,
/// f-strings and `%`, comprehensions, `in` on sets and tuples, unary operators.
const GENERIC: &str = "
class P:
    def __init__(self, x):
        self.x = x
    def get(self):
        return self.x
    @property
    def double(self):
        return self.x * 2

class Ctx:
    def __enter__(self):
        return 1
    def __exit__(self, *a):
        return False

def gen(n):
    for i in range(n):
        yield i

def run(n):
    total = 0
    p = P(1)
    s = {1, 2}
    for i in range(n):
        p.x = i % 5
        total += p.get() + p.double - p.x * 3
        total += sum(gen(2)) - 1
        try:
            if i % 100 == 0:
                raise ValueError(\"x\")
        except ValueError:
            total += 0
        with Ctx() as c:
            total += c - 1
        total += len(f\"{i}:{p.x!r}\") - len(str(i)) - 1 - len(repr(p.x))
        total += len([j for j in range(2)]) - 2
        total += (i in s) - (i in (1, 2))
        total += -(-1) - 1
        total += not_(i)
        x = \"%d\" % i
        total += len(x) - len(str(i))
    return total

def not_(i):
    return 0 if i else 0

print(run(50_000))
";

#[test]
fn generic_handlers_on_a_small_stack() {
    let out = run_on_small_stack(GENERIC, "<generic>");
    assert_eq!(out, "0\n");
}

#[test]
fn optimised_builds_use_the_tail_backend() {
    let expected = if cfg!(debug_assertions) { "loop" } else { "tail" };
    assert_eq!(cellvm_vm::interp::dispatch::BACKEND, expected);
}
