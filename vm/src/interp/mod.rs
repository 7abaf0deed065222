//! The interpreter: a stackless loop over frames that live in the arena root.
//!
//! `Exec` caches the current frame (its code and the base of its slots) while a run goes on.
//! Python calls push a `Frame` and switch the cache; returns pop it; nothing recurses on the
//! Rust stack. A run ends when the frame it started with returns (`Stop::Return`), when an
//! exception leaves it (`Stop::Raise`), or when the slice budget is spent (`Stop::Budget`,
//! after which the driver collects garbage and resumes the same frames).
//!
//! Native code that must call back into Python (a sort key, `map`) starts a nested run on top
//! of the same frames (`call_nested`); the collector waits until it returns.

mod call;
pub mod dispatch;
pub mod generator;
mod ops;
#[cfg(tail_dispatch)]
mod specialize;
pub mod trace;

use gc_arena::Gc;

use crate::ctx::{Ctx, PyErr};
use crate::object::{Code, TraceEntry};
use crate::state::{Frame, OnReturn};
use crate::value::Value;

/// Why a run stopped.
#[derive(Clone, Copy)]
pub enum Stop<'gc> {
    /// An exception to unwind (a new raise: it gets a traceback entry for this frame).
    Raise(PyErr<'gc>),
    /// An exception re-raised by RERAISE or a bare `raise` (no new traceback entry).
    Reraise(PyErr<'gc>),
    /// The run's entry frame returned this value.
    Return(Value<'gc>),
    /// The slice budget is spent; resume the top frame at this instruction.
    Budget(u32),
    /// `gc.collect()` asked for a full collection: collect, put the number of freed objects
    /// on the stack (replacing the call's placeholder result) and resume here.
    Collect(u32),
    /// Tracing was turned on or off: resume here in the other loop (`Exec::run`).
    Switch(u32),
}

/// How deeply native code may re-enter the interpreter before it is a RecursionError
/// (each level costs Rust stack).
pub const MAX_NATIVE_DEPTH: usize = 200;

pub struct Exec<'gc, 'a> {
    pub ctx: Ctx<'gc, 'a>,
    pub code: Gc<'gc, Code<'gc>>,
    pub base: usize,
    /// The current frame's globals (LOAD_GLOBAL reads them without going through the frame).
    pub globals: crate::value::GcCell<'gc, crate::object::Dict<'gc>>,
    /// Calls and backward jumps left in this slice.
    pub budget: u32,
    /// Frames below this index belong to outer runs.
    pub entry_depth: usize,
    /// Where an exception raised by the last instruction is raised instead of at its own pc:
    /// set when the instruction already left its frame for the caller's.
    pub raise_pc: Option<usize>,
    #[cfg(tail_dispatch)]
    pub ops: &'gc [dispatch::TailOp],
    /// Why the run stopped, set by the handler that stopped it (see `dispatch::Handler`).
    #[cfg(tail_dispatch)]
    pub stop: Stop<'gc>,
    /// This run is in the tracing loop (`trace::run`), not the dispatch backend.
    pub tracing: bool,
}

impl<'gc, 'a> Exec<'gc, 'a> {
    /// An executor for the frames above `entry_depth` (the top one must exist).
    pub fn new(ctx: Ctx<'gc, 'a>, entry_depth: usize, budget: u32) -> Exec<'gc, 'a> {
        let top = *ctx.st.frames.last().expect("a run starts with a frame");
        Exec {
            ctx,
            code: top.code,
            base: top.base as usize,
            globals: top.globals,
            budget,
            entry_depth,
            raise_pc: None,
            #[cfg(tail_dispatch)]
            ops: &Gc::as_ref(top.code).threaded.ops,
            #[cfg(tail_dispatch)]
            stop: Stop::Return(Value::Undef),
            tracing: false,
        }
    }

    /// Run until the entry frame returns, an exception escapes it, or the budget ends.
    pub fn run(&mut self) -> Stop<'gc> {
        let pc = self.ctx.st.frames.last().expect("a frame").pc as usize;
        self.run_from(pc)
    }

    /// Run the entry frame, just pushed (a call from native code, a generator resumed by
    /// it): with tracing on, its `call` event comes first.
    pub fn run_entered(&mut self) -> Stop<'gc> {
        let pc = self.ctx.st.frames.last().expect("a frame").pc as usize;
        if self.ctx.st.tracing() {
            match self.trace_call(pc) {
                Ok(pc) => return self.run_from(pc),
                Err(stop) => return stop,
            }
        }
        self.run_from(pc)
    }

    /// Run from `pc` of the top frame: in the dispatch backend, or in the tracing loop while
    /// a trace function is set; a `Stop::Switch` moves from one to the other.
    fn run_from(&mut self, mut pc: usize) -> Stop<'gc> {
        loop {
            self.tracing = self.ctx.st.tracing();
            let stop = if self.tracing { trace::run(self, pc) } else { dispatch::run(self, pc) };
            match stop {
                Stop::Switch(resume) => pc = resume as usize,
                stop => return stop,
            }
        }
    }

    #[inline]
    pub fn frame(&mut self) -> &mut Frame<'gc> {
        self.ctx.st.frames.last_mut().expect("a frame is running")
    }

    /// Point the cache at the top frame.
    #[inline]
    pub fn switch_to_top(&mut self) {
        let top = *self.ctx.st.frames.last().expect("a frame");
        self.code = top.code;
        self.base = top.base as usize;
        self.globals = top.globals;
        #[cfg(tail_dispatch)]
        {
            self.ops = &Gc::as_ref(top.code).threaded.ops;
        }
    }

    /// Push onto the current frame's evaluation stack, whose room was reserved when the frame
    /// was entered (`reserve_frame_room`): as in CPython, the compiler's co_stacksize bounds
    /// the depth. Not growing here keeps every call out of the handlers' fast paths, so they
    /// need no register saves and their calls of the next handler stay jumps.
    #[inline]
    pub fn push(&mut self, v: Value<'gc>) {
        let s = &mut self.ctx.st.stack;
        if s.len() < s.capacity() {
            s.push(v);
        } else {
            stack_overflow();
        }
    }

    #[inline]
    pub fn pop(&mut self) -> Value<'gc> {
        self.ctx.st.stack.pop().unwrap_or(Value::Undef)
    }

    #[inline]
    pub fn top(&self) -> Value<'gc> {
        self.ctx.st.stack.last().copied().unwrap_or(Value::Undef)
    }

    /// The `n`-th item from the top (1 = top).
    #[inline]
    pub fn peek(&self, n: usize) -> Value<'gc> {
        let s = &self.ctx.st.stack;
        s.get(s.len().wrapping_sub(n)).copied().unwrap_or(Value::Undef)
    }

    #[inline]
    pub fn set_peek(&mut self, n: usize, v: Value<'gc>) {
        let s = &mut self.ctx.st.stack;
        let i = s.len().wrapping_sub(n);
        if let Some(slot) = s.get_mut(i) {
            *slot = v;
        }
    }

    /// Pop a frame that returned `value`; continue in its caller or stop the run.
    #[inline]
    pub fn return_from_frame(&mut self, value: Value<'gc>) -> Result<usize, Stop<'gc>> {
        match self.return_to_caller(value) {
            Some(pc) => Ok(pc),
            None => self.return_from_frame_general(value),
        }
    }

    /// The common return: a plain call returns `value` to a caller in this run. The pc to go
    /// on at in the caller; None, with nothing done, for any other return.
    #[inline(always)]
    pub fn return_to_caller(&mut self, value: Value<'gc>) -> Option<usize> {
        let frames = &mut self.ctx.st.frames;
        if frames.len() <= self.entry_depth + 1 {
            return None;
        }
        let Some(&Frame { on_return: OnReturn::Push, base, .. }) = frames.last() else { return None };
        frames.pop();
        let stack = &mut self.ctx.st.stack;
        let callee_slot = base as usize - 1;
        stack.truncate(callee_slot);
        // The callee's slot is free again, and within the caller's reserved room.
        self.push(value);
        self.switch_to_top();
        Some(self.frame().pc as usize)
    }

    #[inline(never)]
    fn return_from_frame_general(&mut self, value: Value<'gc>) -> Result<usize, Stop<'gc>> {
        let frame = self.ctx.st.frames.pop().expect("a frame is running");
        let callee_slot = frame.base as usize - 1;
        if frame.on_return.is_generator() {
            return self.return_from_generator(frame, value);
        }
        let result = match frame.on_return {
            OnReturn::KeepInstance => self.ctx.st.stack.get(callee_slot).copied().unwrap_or(Value::None),
            _ => value,
        };
        self.ctx.st.stack.truncate(callee_slot);
        if frame.on_return == OnReturn::KeepInstance && !value.is_none() {
            let msg = format!("__init__() should return None, not '{}'", self.ctx.type_name(value));
            self.resume_caller_after_error();
            return Err(Stop::Raise(self.ctx.error("TypeError", msg)));
        }
        if frame.on_return == OnReturn::Exit || self.ctx.st.frames.len() <= self.entry_depth {
            return Err(Stop::Return(result));
        }
        self.push(result);
        self.switch_to_top();
        Ok(self.frame().pc as usize)
    }

    /// After popping a frame whose return is an error (`__init__` returned a value): the
    /// error is raised in the caller, at its call instruction.
    fn resume_caller_after_error(&mut self) {
        if self.ctx.st.frames.len() > self.entry_depth {
            self.switch_to_top();
            self.raise_pc = Some(self.frame().pc.saturating_sub(1) as usize);
        }
    }

    /// Find a handler for an exception raised at `pc`, unwinding frames as needed. Returns
    /// the pc to continue at, or the stop that ends this run.
    #[cold]
    pub fn handle(&mut self, pc: usize, stop: Stop<'gc>) -> Result<usize, Stop<'gc>> {
        let pc = self.raise_pc.take().unwrap_or(pc);
        match stop {
            Stop::Raise(e) => {
                self.chain_context(e);
                self.unwind(pc, e, true)
            }
            Stop::Reraise(e) => self.unwind(pc, e, false),
            Stop::Budget(resume) | Stop::Collect(resume) => {
                self.frame().pc = resume;
                Err(stop)
            }
            Stop::Switch(_) | Stop::Return(_) => Err(stop),
        }
    }

    /// Unwind `exc`, raised at `pc` in the top frame, to the innermost handler. `add_entry`:
    /// whether the top frame gets a traceback entry (not for a re-raise).
    #[cold]
    fn unwind(&mut self, pc: usize, exc: PyErr<'gc>, add_entry: bool) -> Result<usize, Stop<'gc>> {
        self.unwind_from(pc, exc, add_entry, false)
    }

    /// `unwind`; with `leave`, the top frame's handlers are not searched: the exception
    /// leaves the frame at once (raised by a trace function at the frame's `call` or
    /// `return` event). While tracing, each frame the exception reaches gets an `exception`
    /// event after its traceback entry, and each frame it leaves a `return` event.
    #[cold]
    pub(crate) fn unwind_from(
        &mut self,
        pc: usize,
        mut exc: PyErr<'gc>,
        mut add_entry: bool,
        mut leave: bool,
    ) -> Result<usize, Stop<'gc>> {
        let mut pc = pc as u32;
        loop {
            if add_entry {
                exc.borrow_mut(self.ctx.mc).traceback.push(TraceEntry { code: self.code, pc });
                if self.ctx.st.tracing() && !leave {
                    exc = self.trace_exception(pc, exc);
                }
            }
            add_entry = true;
            let handler = if leave { None } else { self.code.co.handler_for(pc).copied() };
            if let Some(h) = handler {
                let depth = self.base + self.code.nlocalsplus as usize + h.depth as usize;
                self.ctx.st.stack.truncate(depth);
                if h.lasti {
                    self.push(Value::Int(pc as i64));
                }
                self.push(Value::Exception(exc));
                return Ok(h.target as usize);
            }
            if self.ctx.st.tracing() && !leave {
                exc = self.trace_unwind_return(pc, exc);
            }
            leave = false;
            let frame = self.ctx.st.frames.pop().expect("a frame is running");
            if frame.on_return.is_generator() {
                exc = generator::raised(&mut self.ctx, frame, exc);
            }
            self.ctx.st.stack.truncate(frame.base as usize - 1);
            if matches!(frame.on_return, OnReturn::Exit | OnReturn::Resume)
                || self.ctx.st.frames.len() <= self.entry_depth
            {
                return Err(Stop::Raise(exc));
            }
            self.switch_to_top();
            // The caller is at the instruction after its call.
            pc = self.frame().pc.saturating_sub(1);
        }
    }

    /// Start a run by raising `exc` at `pc` in the top frame, as `generator.throw()` does:
    /// the frame gets a traceback entry but the exception is not chained to `exc_info`.
    pub fn run_throwing(&mut self, pc: usize, exc: PyErr<'gc>) -> Stop<'gc> {
        if self.ctx.st.tracing() {
            // The generator's `call` event comes first, as for any resumption.
            let depth = self.ctx.st.frames.len();
            let flow = self.trace_call(pc + 1);
            if self.ctx.st.frames.len() < depth {
                return match flow {
                    Ok(next) => self.run_from(next),
                    Err(stop) => stop,
                };
            }
        }
        match self.unwind(pc, exc, true) {
            Ok(next) => self.run_from(next),
            Err(stop) => stop,
        }
    }

    /// Implicit chaining: an exception raised while another is handled gets it as
    /// `__context__` (without making a cycle).
    fn chain_context(&mut self, e: PyErr<'gc>) {
        let Value::Exception(handled) = self.ctx.st.exc_info else { return };
        if Gc::ptr_eq(handled, e) {
            return;
        }
        // Break a cycle the new context would close.
        let mut o = handled;
        loop {
            let next = o.borrow().context;
            match next {
                Value::Exception(n) if Gc::ptr_eq(n, e) => {
                    o.borrow_mut(self.ctx.mc).context = Value::None;
                    break;
                }
                Value::Exception(n) => o = n,
                _ => break,
            }
        }
        e.borrow_mut(self.ctx.mc).context = Value::Exception(handled);
    }
}

/// Room kept above a frame's co_stacksize, for the callers that put a receiver under the
/// arguments of a call (bound methods, `__call__`).
pub(crate) const STACK_SLACK: usize = 8;

/// Make room on the value stack for the evaluation stack of a frame just pushed.
#[inline]
pub(crate) fn reserve_frame_room(stack: &mut Vec<Value<'_>>, code: &Code<'_>) {
    stack.reserve(code.co.stacksize as usize + STACK_SLACK);
}

/// A frame's evaluation stack outgrew its co_stacksize: the compiler computed it wrong.
#[cold]
#[inline(never)]
fn stack_overflow() -> ! {
    panic!("cellvm bug: a frame's evaluation stack outgrew its co_stacksize")
}

/// Run the frame on top of the stack to completion, nested in the current run (the
/// collector waits until it returns).
pub fn run_nested<'gc>(ctx: &mut Ctx<'gc, '_>) -> crate::PyResult<'gc, Value<'gc>> {
    if ctx.st.native_depth >= MAX_NATIVE_DEPTH {
        let frame = ctx.st.frames.pop().expect("a frame was pushed");
        ctx.st.stack.truncate(frame.base as usize - 1);
        return Err(ctx.error("RecursionError", "maximum recursion depth exceeded"));
    }
    match run_pushed(ctx, ctx.st.frames.len() - 1, None) {
        Stop::Return(v) => Ok(v),
        Stop::Raise(e) | Stop::Reraise(e) => Err(e),
        Stop::Budget(_) | Stop::Collect(_) | Stop::Switch(_) => unreachable!("run_pushed runs to the end"),
    }
}

/// Run the frames from index `entry` up (already pushed) until the frame at `entry` returns,
/// yields or raises; with `throw`, start by raising that exception at that pc of the top
/// frame. Nested runs have no slice budget: should one ever spend it, it just goes on.
fn run_pushed<'gc>(ctx: &mut Ctx<'gc, '_>, entry: usize, throw: Option<(usize, PyErr<'gc>)>) -> Stop<'gc> {
    ctx.st.native_depth += 1;
    let mut ex = Exec::new(ctx.reborrow(), entry, u32::MAX);
    let mut stop = match throw {
        Some((pc, exc)) => ex.run_throwing(pc, exc),
        None => ex.run_entered(),
    };
    while let Stop::Budget(_) | Stop::Collect(_) = stop {
        ex.budget = u32::MAX;
        ex.switch_to_top();
        stop = ex.run();
    }
    ctx.st.native_depth -= 1;
    stop
}

/// Run a code object with the given namespaces (`exec`, `eval`, a module body).
pub fn run_code<'gc>(
    ctx: &mut Ctx<'gc, '_>,
    code: Gc<'gc, Code<'gc>>,
    globals: crate::value::GcCell<'gc, crate::object::Dict<'gc>>,
    locals: Value<'gc>,
) -> crate::PyResult<'gc, Value<'gc>> {
    push_code_frame(ctx, code, globals, locals, OnReturn::Exit);
    run_nested(ctx)
}

/// Push the frame of a code object that is not a function's (a module, `exec`'d code).
pub fn push_code_frame<'gc>(
    ctx: &mut Ctx<'gc, '_>,
    code: Gc<'gc, Code<'gc>>,
    globals: crate::value::GcCell<'gc, crate::object::Dict<'gc>>,
    locals: Value<'gc>,
    on_return: OnReturn,
) {
    ctx.st.stack.push(Value::None);
    let base = ctx.st.stack.len();
    ctx.st.stack.resize(base + code.nlocalsplus as usize, Value::Undef);
    reserve_frame_room(&mut ctx.st.stack, &code);
    ctx.st.frames.push(Frame { code, func: None, globals, locals, base: base as u32, pc: 0, on_return });
}

/// Run a class body (a function without arguments) with `ns` as its namespace; returns what
/// it returns (the `__class__` cell, or None).
pub fn run_class_body<'gc>(
    ctx: &mut Ctx<'gc, '_>,
    body: Gc<'gc, crate::object::Function<'gc>>,
    ns: crate::value::GcCell<'gc, crate::object::Dict<'gc>>,
) -> crate::PyResult<'gc, Value<'gc>> {
    let slot = ctx.st.stack.len();
    ctx.st.stack.push(Value::Function(body));
    if let Some(generator) = call::enter_function(ctx, body, slot, &[], OnReturn::Exit)? {
        return Ok(generator);
    }
    if let Some(f) = ctx.st.frames.last_mut() {
        f.locals = Value::Dict(ns);
    }
    run_nested(ctx)
}

pub(crate) use call::{call_user_new, with_first};
pub use call::{call_value, construct_instance, make_code};
