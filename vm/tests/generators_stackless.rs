//! Generators driven from bytecode never recurse on the Rust stack: a 100,000-deep chain of
//! `yield from` (each level a frame on the VM's frame stack), throw() and close() through
//! it, and a million resumptions, all on a thread with a small native stack. If resuming,
//! yielding, returning or unwinding through a generator recursed in Rust, these would
//! overflow the stack and abort the test binary.

use cellvm_vm::{Config, Vm};

const STACK: usize = 512 << 10;

fn run_on_small_stack(program: &'static str) -> String {
    std::thread::Builder::new()
        .stack_size(STACK)
        .spawn(move || {
            let config = Config { capture_stdout: true, recursion_limit: 1_000_000, ..Default::default() };
            let mut vm = Vm::with_config(config);
            if let Err(e) = vm.run_source(program, "<generators>") {
                panic!("the program failed: {}", e.report());
            }
            vm.take_stdout()
        })
        .expect("spawn")
        .join()
        .expect("the run must not overflow its stack")
}

const CHAIN: &str = "
def chain(n):
    if n == 0:
        try:
            x = yield 'bottom'
        except KeyError as e:
            yield 'caught ' + e.args[0]
        return 0
    depth = yield from chain(n - 1)
    return depth + 1

def top(n):
    total = yield from chain(n)
    yield total
";

#[test]
fn a_hundred_thousand_deep_yield_from_chain() {
    let program: &'static str = Box::leak(format!("{CHAIN}\nprint(list(top(100000)))\n").into_boxed_str());
    assert_eq!(run_on_small_stack(program), "['bottom', 100000]\n");
}

#[test]
fn throw_and_close_through_a_deep_chain() {
    let program: &'static str = Box::leak(
        format!(
            "{CHAIN}
g = top(100000)
print(next(g))
print(g.throw(KeyError('deep')))
print(next(g))

closed = []
def layer(n):
    try:
        if n == 0:
            yield 'leaf'
        else:
            yield from layer(n - 1)
    finally:
        closed.append(n)

h = layer(100000)
print(next(h))
h.close()
print(len(closed), closed[0], closed[-1])
"
        )
        .into_boxed_str(),
    );
    assert_eq!(run_on_small_stack(program), "bottom\ncaught deep\n100000\nleaf\n100001 0 100000\n");
}

#[test]
fn a_million_resumptions() {
    let program = "
def numbers(n):
    i = 0
    while i < n:
        yield i
        i += 1

total = 0
for x in numbers(1000000):
    total += x
print(total)
print(len(list(numbers(1000000))))
print(len(list(x for x in numbers(1000000) if x % 2)))
";
    assert_eq!(run_on_small_stack(program), "499999500000\n1000000\n500000\n");
}
