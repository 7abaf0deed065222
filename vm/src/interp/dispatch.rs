//! The two dispatch backends, generated from one set of handler bodies (`super::ops`) and
//! the opcode table (`for_each_opcode!`):
//!
//! - `tail` (feature `tail`, the default in optimised builds): each code object is
//!   pre-decoded into threaded code, one `{handler, arg}` per instruction. Every handler runs
//!   its body and ends with `return (next.handler)(ex, next_pc)`, which LLVM compiles to a
//!   jump: one indirect branch per instruction, the computed-goto shape. Stable Rust does not
//!   guarantee the tail call; `tests/dispatch_stack.rs` proves the release build keeps the
//!   native stack flat.
//! - `loop`: `loop { match opcode { ... } }`, for debug builds, Miri and comparison.
//!
//! Both leave tracing alone: while a trace function is set, frames run in the tracing loop
//! (`super::trace`), which executes one instruction at a time through `execute`.
//!
//! A body returns `Ok(next_pc)`, or `Err(stop)` for an exception, a return from the run's
//! entry frame or the end of the slice budget; `Exec::handle` turns an exception into the
//! pc of its handler when there is one.

use cellvm_compiler::{for_each_opcode, CodeObject, Opcode};

use super::{ops, Exec, Stop};

/// A handler leaves the reason the run stopped in `Exec::stop` rather than returning it: a
/// `Stop` does not fit in registers, and a function that returns through a hidden pointer
/// must hand that pointer back after its call, which keeps LLVM from turning the call of
/// the next handler into a jump.
#[cfg(tail_dispatch)]
pub type Handler = for<'gc, 'a, 'e> fn(&'e mut Exec<'gc, 'a>, usize);

/// One pre-decoded instruction.
#[cfg(tail_dispatch)]
#[derive(Clone, Copy)]
pub struct TailOp {
    pub handler: Handler,
    pub arg: u32,
}

/// A code object's pre-decoded instructions.
pub struct Threaded {
    #[cfg(tail_dispatch)]
    pub ops: Box<[TailOp]>,
}

impl Threaded {
    pub fn new(co: &CodeObject) -> Threaded {
        #[cfg(tail_dispatch)]
        {
            let ops =
                co.code.iter().map(|i| TailOp { handler: tail::handler_for(i.op), arg: i.arg }).collect();
            Threaded { ops }
        }
        #[cfg(not(tail_dispatch))]
        {
            let _ = co;
            Threaded {}
        }
    }
}

/// The name of the compiled-in backend, for `cellvm --version`.
pub const BACKEND: &str = if cfg!(tail_dispatch) { "tail" } else { "loop" };

macro_rules! define_backends {
    ($( ($name:ident, $operand:ident, $effect:expr, $jump_effect:expr) ),* $(,)?) => {
        #[cfg(tail_dispatch)]
        #[allow(non_snake_case)]
        mod tail {
            use super::*;

            pub fn handler_for(op: Opcode) -> Handler {
                match op {
                    $( Opcode::$name => $name, )*
                }
            }

            $(
                pub fn $name<'gc>(ex: &mut Exec<'gc, '_>, pc: usize) {
                    let arg = ex.ops[pc].arg;
                    match ops::$name(ex, pc, arg) {
                        Ok(next) => {
                            let handler = ex.ops[next].handler;
                            handler(ex, next)
                        }
                        Err(stop) => {
                            ex.stop = stop;
                            stopped(ex, pc)
                        }
                    }
                }
            )*

            /// The instruction at `pc` stopped with `ex.stop`: unwind to a handler and go on
            /// there, or end the run. Out of line and reached by a tail call, so that the
            /// handlers' fast paths make no calls that return (see `Handler`).
            #[cold]
            #[inline(never)]
            fn stopped<'gc>(ex: &mut Exec<'gc, '_>, pc: usize) {
                let stop = std::mem::replace(&mut ex.stop, Stop::Return(crate::value::Value::Undef));
                match ex.handle(pc, stop) {
                    Ok(next) => {
                        let handler = ex.ops[next].handler;
                        handler(ex, next)
                    }
                    Err(stop) => ex.stop = stop,
                }
            }
        }

        /// Run from `pc` in the current frame until the run stops.
        #[cfg(tail_dispatch)]
        pub fn run<'gc>(ex: &mut Exec<'gc, '_>, pc: usize) -> Stop<'gc> {
            let handler = ex.ops[pc].handler;
            handler(ex, pc);
            std::mem::replace(&mut ex.stop, Stop::Return(crate::value::Value::Undef))
        }

        /// Execute the one instruction `op arg` at `pc` (the tracing loop's dispatch).
        #[inline]
        pub fn execute<'gc>(ex: &mut Exec<'gc, '_>, pc: usize, op: Opcode, arg: u32) -> Result<usize, Stop<'gc>> {
            match op {
                $( Opcode::$name => ops::$name(ex, pc, arg), )*
            }
        }

        /// Run from `pc` in the current frame until the run stops.
        #[cfg(not(tail_dispatch))]
        pub fn run<'gc>(ex: &mut Exec<'gc, '_>, mut pc: usize) -> Stop<'gc> {
            loop {
                let ins = ex.code.co.code[pc];
                let result = match ins.op {
                    $( Opcode::$name => ops::$name(ex, pc, ins.arg), )*
                };
                pc = match result {
                    Ok(next) => next,
                    Err(stop) => match ex.handle(pc, stop) {
                        Ok(next) => next,
                        Err(stop) => return stop,
                    },
                };
            }
        }
    };
}

for_each_opcode!(define_backends);
