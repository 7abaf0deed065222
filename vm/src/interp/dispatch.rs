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
//!
//! Pre-decoding also specialises (`super::specialize`): an instruction whose operand fixes
//! what it does, or a common pair of instructions, gets a handler of its own.

use cellvm_compiler::{for_each_opcode, CodeObject, Opcode};

use super::{ops, Exec, Stop};

/// A handler leaves the reason the run stopped in `Exec::stop` rather than returning it: a
/// `Stop` does not fit in registers, and a function that returns through a hidden pointer
/// must hand that pointer back after its call, which keeps LLVM from turning the call of
/// the next handler into a jump.
///
/// The caller loads the instruction's operand with its handler and passes it in a register.
#[cfg(tail_dispatch)]
pub type Handler = for<'gc, 'a, 'e> fn(&'e mut Exec<'gc, 'a>, usize, u32);

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
            let ops = (0..co.code.len())
                .map(|i| {
                    let ins = co.code[i];
                    let handler = super::specialize::handler_at(co, i).unwrap_or(tail::handler_for(ins.op));
                    TailOp { handler, arg: ins.arg }
                })
                .collect();
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
        pub(super) mod tail {
            use super::*;
            use super::tail_common::finish;

            pub fn handler_for(op: Opcode) -> Handler {
                match op {
                    $( Opcode::$name => $name, )*
                }
            }

            $(
                pub fn $name<'gc>(ex: &mut Exec<'gc, '_>, pc: usize, arg: u32) {
                    let result = ops::$name(ex, pc, arg);
                    finish(ex, pc, result)
                }
            )*
        }
        /// Run from `pc` in the current frame until the run stops.
        #[cfg(tail_dispatch)]
        pub fn run<'gc>(ex: &mut Exec<'gc, '_>, pc: usize) -> Stop<'gc> {
            tail_common::dispatch(ex, pc);
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

/// What every tail handler does after its body: jump to the next instruction's handler, or
/// to `stopped`. Also used by the specialised handlers (`super::specialize`).
#[cfg(tail_dispatch)]
pub(super) mod tail_common {
    use super::*;

    #[inline(always)]
    pub fn finish<'gc>(ex: &mut Exec<'gc, '_>, pc: usize, result: Result<usize, Stop<'gc>>) {
        match result {
            Ok(next) => dispatch(ex, next),
            Err(stop) => {
                ex.stop = stop;
                stopped(ex, pc)
            }
        }
    }

    /// Call the handler of instruction `pc`. Every pc a handler produces is in range (the
    /// compiler's jump targets, `pc + 1` before the final RETURN_VALUE); should one not be,
    /// the run ends with a SystemError, out of line so the fast path stays a jump.
    #[inline(always)]
    pub fn dispatch<'gc>(ex: &mut Exec<'gc, '_>, pc: usize) {
        match ex.ops.get(pc) {
            Some(&TailOp { handler, arg }) => handler(ex, pc, arg),
            None => bad_pc(ex, pc),
        }
    }

    #[cold]
    #[inline(never)]
    fn bad_pc<'gc>(ex: &mut Exec<'gc, '_>, pc: usize) {
        let msg = format!("cellvm bug: jump to instruction {pc} of {}", ex.ops.len());
        ex.stop = Stop::Raise(ex.ctx.error("SystemError", msg));
    }

    /// The instruction at `pc` stopped with `ex.stop`: unwind to a handler and go on
    /// there, or end the run. Out of line and reached by a tail call, so that the
    /// handlers' fast paths make no calls that return (see `Handler`).
    #[cold]
    #[inline(never)]
    fn stopped<'gc>(ex: &mut Exec<'gc, '_>, pc: usize) {
        let stop = std::mem::replace(&mut ex.stop, Stop::Return(crate::value::Value::Undef));
        match ex.handle(pc, stop) {
            Ok(next) => dispatch(ex, next),
            Err(stop) => ex.stop = stop,
        }
    }
}
