//! Generators, stackless.
//!
//! Calling a generator function binds the arguments and lays out the frame as for any call,
//! then moves the frame's slots off the value stack into a `Generator` object. Resuming it
//! pushes the generator (into the callable slot) and its slots back onto the value stack and
//! pushes its frame with an `OnReturn` that says what the resumer does at the next yield or
//! return:
//!
//! - `ForIter(target)` (FOR_ITER): a yielded value is pushed and the loop body runs; at the
//!   return the caller pops the generator and jumps to `target`.
//! - `Send(target)` (SEND, for `yield from`): a yielded value is pushed for the caller's own
//!   YIELD_VALUE; at the return the value replaces the sub-generator and the caller jumps.
//! - `Resume` (native code: `next()`, `send()`, `throw()`, `close()`): the nested run stops at
//!   the yield or return; the generator's state says which.
//!
//! So a chain of generators driven from bytecode (`for` over a `yield from` chain) never
//! recurses on the Rust stack. `throw()` into a generator delegating with `yield from`
//! pushes the whole delegation chain as SEND would have left it and raises in the innermost
//! frame, so the exception unwinds through the chain in the one loop; `close()` closes a
//! chain innermost first, one nested run after the other.
//!
//! Unlike CPython's code, the compiled code has no prologue that pops the value sent to a
//! just-started generator: the first resumption pushes nothing, later ones push the sent
//! value as the result of the YIELD_VALUE they resume after.

use cellvm_compiler::Opcode;
use gc_arena::lock::RefLock;
use gc_arena::Gc;

use super::{run_pushed, Exec, Stop, MAX_NATIVE_DEPTH};
use crate::ctx::{Ctx, PyErr, PyResult};
use crate::object::{Function, GenState, Generator};
use crate::state::{Frame, OnReturn};
use crate::value::{GcCell, Value};

/// What a resumption of a generator ended with.
#[derive(Clone, Copy)]
pub enum GenStep<'gc> {
    Yielded(Value<'gc>),
    Returned(Value<'gc>),
}

pub type GenRef<'gc> = GcCell<'gc, Generator<'gc>>;

/// Turn the frame `enter_function` just pushed for `func` into a generator object: the
/// frame and its slots leave the stacks, the callable slot included.
pub fn make<'gc>(ctx: &mut Ctx<'gc, '_>, func: Gc<'gc, Function<'gc>>) -> Value<'gc> {
    let frame = ctx.st.frames.pop().expect("the generator's frame was pushed");
    let base = frame.base as usize;
    let slots = ctx.st.stack.split_off(base);
    ctx.st.stack.truncate(base - 1);
    let generator = Generator {
        frame,
        slots,
        state: GenState::Created,
        exc_state: Value::None,
        caller_exc: Value::None,
        name: func.name.get(),
        qualname: func.qualname.get(),
    };
    Value::Generator(Gc::new(ctx.mc, RefLock::new(generator)))
}

/// Push a suspended or just-created generator's frame (the caller checked its state): the
/// generator in the callable slot, its slots, then `sent` when it resumes after a yield.
/// Returns the pc it continues at.
fn push_frame<'gc>(
    ctx: &mut Ctx<'gc, '_>,
    g: GenRef<'gc>,
    on_return: OnReturn,
    sent: Value<'gc>,
) -> PyResult<'gc, u32> {
    if ctx.st.frames.len() >= ctx.st.config.recursion_limit {
        return Err(ctx.error("RecursionError", "maximum recursion depth exceeded"));
    }
    let mut gen = g.borrow_mut(ctx.mc);
    let stack = &mut ctx.st.stack;
    stack.push(Value::Generator(g));
    let base = stack.len();
    stack.extend_from_slice(&gen.slots);
    gen.slots.clear();
    if gen.state == GenState::Suspended {
        stack.push(sent);
    }
    super::reserve_frame_room(stack, &gen.frame.code);
    let frame = Frame { base: base as u32, on_return, ..gen.frame };
    gen.state = GenState::Running;
    // CPython keeps a stack of handled exceptions where a generator's own entry sits above its
    // resumer's, and `sys.exc_info()` shows the topmost one set: the generator's own, or else
    // the resumer's.
    gen.caller_exc = ctx.st.exc_info;
    if !gen.exc_state.is_none() {
        ctx.st.exc_info = gen.exc_state;
    }
    drop(gen);
    ctx.st.frames.push(frame);
    Ok(frame.pc)
}

/// The generator left its frame for good (returned or raised): it is finished and its
/// resumer's handled exception is current again.
fn finish<'gc>(ctx: &mut Ctx<'gc, '_>, g: GenRef<'gc>) {
    let mut gen = g.borrow_mut(ctx.mc);
    gen.state = GenState::Finished;
    gen.slots = Vec::new();
    gen.exc_state = Value::None;
    ctx.st.exc_info = std::mem::replace(&mut gen.caller_exc, Value::None);
}

/// The generator of a generator frame (the value in its callable slot).
fn of_frame<'gc>(ctx: &Ctx<'gc, '_>, frame: &Frame<'gc>) -> Option<GenRef<'gc>> {
    match ctx.st.stack.get(frame.base as usize - 1) {
        Some(Value::Generator(g)) => Some(*g),
        _ => None,
    }
}

/// An exception is leaving generator `frame` (already popped, its slots still on the stack):
/// the generator is finished, and a StopIteration becomes a RuntimeError (PEP 479).
pub fn raised<'gc>(ctx: &mut Ctx<'gc, '_>, frame: Frame<'gc>, exc: PyErr<'gc>) -> PyErr<'gc> {
    if let Some(g) = of_frame(ctx, &frame) {
        finish(ctx, g);
    }
    if !ctx.exc_matches(exc, "StopIteration") {
        return exc;
    }
    let err = ctx.error("RuntimeError", "generator raised StopIteration");
    {
        let mut e = err.borrow_mut(ctx.mc);
        e.cause = Value::Exception(exc);
        e.context = Value::Exception(exc);
        e.suppress_context = true;
    }
    err
}

fn generator_state(g: GenRef<'_>) -> GenState {
    g.borrow().state
}

fn already_executing<'gc>(ctx: &Ctx<'gc, '_>) -> PyErr<'gc> {
    ctx.error("ValueError", "generator already executing")
}

fn just_started<'gc>(ctx: &Ctx<'gc, '_>) -> PyErr<'gc> {
    ctx.error("TypeError", "can't send non-None value to a just-started generator")
}

impl<'gc, 'a> Exec<'gc, 'a> {
    /// FOR_ITER or SEND at `pc` resumes generator `g` (on top of the stack) with `sent`.
    pub fn resume_generator(
        &mut self,
        pc: usize,
        g: GenRef<'gc>,
        sent: Value<'gc>,
        on_return: OnReturn,
    ) -> Result<usize, Stop<'gc>> {
        let state = g.borrow().state;
        match state {
            GenState::Running => return Err(Stop::Raise(already_executing(&self.ctx))),
            GenState::Created if !sent.is_none() => return Err(Stop::Raise(just_started(&self.ctx))),
            GenState::Finished => {
                // Exhausted: a `for` loop ends, `yield from` evaluates to None.
                return Ok(match on_return {
                    OnReturn::ForIter(target) => {
                        self.pop();
                        target as usize
                    }
                    OnReturn::Send(target) => {
                        self.set_peek(1, Value::None);
                        target as usize
                    }
                    _ => pc + 1,
                });
            }
            GenState::Created | GenState::Suspended => {}
        }
        self.frame().pc = pc as u32 + 1;
        let resume = push_frame(&mut self.ctx, g, on_return, sent)?;
        self.switch_to_top();
        self.budget = self.budget.saturating_sub(1);
        if self.budget == 0 {
            return Err(Stop::Budget(resume));
        }
        Ok(resume as usize)
    }

    /// YIELD_VALUE at `pc`: save the frame into its generator and hand `value` to the
    /// resumer.
    pub fn yield_value(&mut self, pc: usize, value: Value<'gc>) -> Result<usize, Stop<'gc>> {
        let frame = *self.frame();
        let g = match of_frame(&self.ctx, &frame) {
            Some(g) if frame.on_return.is_generator() => g,
            _ => return Err(Stop::Raise(self.ctx.error("SystemError", "yield outside a generator frame"))),
        };
        let base = frame.base as usize;
        {
            let mut gen = g.borrow_mut(self.ctx.mc);
            gen.slots.extend_from_slice(&self.ctx.st.stack[base..]);
            gen.frame = Frame { pc: pc as u32 + 1, ..frame };
            gen.state = GenState::Suspended;
            let caller_exc = std::mem::replace(&mut gen.caller_exc, Value::None);
            let own = std::mem::replace(&mut self.ctx.st.exc_info, caller_exc);
            gen.exc_state = if own.is(caller_exc) { Value::None } else { own };
        }
        self.ctx.st.stack.truncate(base - 1);
        self.ctx.st.frames.pop();
        if frame.on_return == OnReturn::Resume {
            return Err(Stop::Return(value));
        }
        self.push(value);
        self.switch_to_top();
        Ok(self.frame().pc as usize)
    }

    /// A generator frame (popped) returned `value`.
    pub(super) fn return_from_generator(
        &mut self,
        frame: Frame<'gc>,
        value: Value<'gc>,
    ) -> Result<usize, Stop<'gc>> {
        if let Some(g) = of_frame(&self.ctx, &frame) {
            finish(&mut self.ctx, g);
        }
        self.ctx.st.stack.truncate(frame.base as usize - 1);
        let target = match frame.on_return {
            OnReturn::ForIter(target) => {
                self.pop();
                target
            }
            OnReturn::Send(target) => {
                self.set_peek(1, value);
                target
            }
            _ => return Err(Stop::Return(value)),
        };
        self.switch_to_top();
        if self.ctx.st.tracing() {
            return self.trace_generator_return(frame.on_return, value, target as usize);
        }
        Ok(target as usize)
    }
}

/// Where a suspended generator delegates with `yield from`: the pc of its SEND and the
/// sub-iterator (on top of its saved stack).
fn delegate<'gc>(gen: &Generator<'gc>) -> Option<(usize, Value<'gc>)> {
    if gen.state != GenState::Suspended {
        return None;
    }
    let code = &gen.frame.code.co.code;
    let resume = gen.frame.pc as usize;
    let send = resume.checked_sub(2)?;
    if code.get(send)?.op != Opcode::SEND || code.get(send + 1)?.op != Opcode::YIELD_VALUE {
        return None;
    }
    Some((send, *gen.slots.last()?))
}

/// `gi_yieldfrom`: the iterator a generator delegates to, if it is suspended in `yield from`.
pub fn yield_from<'gc>(g: GenRef<'gc>) -> Option<Value<'gc>> {
    delegate(&g.borrow()).map(|(_, sub)| sub)
}

fn check_native_depth<'gc>(ctx: &Ctx<'gc, '_>) -> PyResult<'gc, ()> {
    if ctx.st.native_depth >= MAX_NATIVE_DEPTH {
        return Err(ctx.error("RecursionError", "maximum recursion depth exceeded"));
    }
    Ok(())
}

/// Run the generator frames pushed from index `entry` (the frame of `g`, resumed with
/// `OnReturn::Resume`) until `g` yields, returns or raises.
fn run<'gc>(
    ctx: &mut Ctx<'gc, '_>,
    g: GenRef<'gc>,
    entry: usize,
    throw: Option<(usize, PyErr<'gc>)>,
) -> PyResult<'gc, GenStep<'gc>> {
    match run_pushed(ctx, entry, throw) {
        Stop::Return(v) if g.borrow().state == GenState::Suspended => Ok(GenStep::Yielded(v)),
        Stop::Return(v) => Ok(GenStep::Returned(v)),
        Stop::Raise(e) | Stop::Reraise(e) => Err(e),
        Stop::Budget(_) | Stop::Collect(_) | Stop::Switch(_) => unreachable!("run_pushed runs to the end"),
    }
}

/// `next(g)` / `g.send(sent)` from native code.
pub fn resume<'gc>(ctx: &mut Ctx<'gc, '_>, g: GenRef<'gc>, sent: Value<'gc>) -> PyResult<'gc, GenStep<'gc>> {
    let state = g.borrow().state;
    match state {
        GenState::Running => return Err(already_executing(ctx)),
        GenState::Finished => return Ok(GenStep::Returned(Value::None)),
        GenState::Created if !sent.is_none() => return Err(just_started(ctx)),
        GenState::Created | GenState::Suspended => {}
    }
    check_native_depth(ctx)?;
    let entry = ctx.st.frames.len();
    push_frame(ctx, g, OnReturn::Resume, sent)?;
    run(ctx, g, entry, None)
}

/// A just-created or finished generator cannot take an exception at a yield: the exception
/// is raised at once (and a just-created one is finished without running).
fn throw_unstarted<'gc>(
    ctx: &mut Ctx<'gc, '_>,
    g: GenRef<'gc>,
    exc: PyErr<'gc>,
) -> PyResult<'gc, GenStep<'gc>> {
    let state = g.borrow().state;
    match state {
        GenState::Running => Err(already_executing(ctx)),
        _ => {
            if state == GenState::Created {
                let mut gen = g.borrow_mut(ctx.mc);
                gen.state = GenState::Finished;
                gen.slots = Vec::new();
            }
            Err(exc)
        }
    }
}

/// Raise `exc` in `g` at the yield where it is suspended, without delegating it.
fn throw_here<'gc>(ctx: &mut Ctx<'gc, '_>, g: GenRef<'gc>, exc: PyErr<'gc>) -> PyResult<'gc, GenStep<'gc>> {
    if g.borrow().state != GenState::Suspended {
        return throw_unstarted(ctx, g, exc);
    }
    check_native_depth(ctx)?;
    let entry = ctx.st.frames.len();
    let resume = push_frame(ctx, g, OnReturn::Resume, Value::None)?;
    // Nothing was sent: the YIELD_VALUE raises instead of producing a value.
    ctx.st.stack.pop();
    run(ctx, g, entry, Some((resume as usize - 1, exc)))
}

/// `g.throw(exc)`: raise `exc` at the yield where `g` is suspended; if it delegates with
/// `yield from`, in the innermost generator of the chain (or through the `throw` method of
/// the iterator at the end of the chain), as CPython's `gen_throw`.
pub fn throw<'gc>(
    ctx: &mut Ctx<'gc, '_>,
    g: GenRef<'gc>,
    mut exc: PyErr<'gc>,
) -> PyResult<'gc, GenStep<'gc>> {
    if g.borrow().state != GenState::Suspended {
        return throw_unstarted(ctx, g, exc);
    }
    if ctx.exc_matches(exc, "GeneratorExit") {
        // GeneratorExit is not delegated: the sub-iterator is closed first.
        if let Some(sub) = yield_from(g) {
            if let Err(e) = close_iter(ctx, sub) {
                exc = e;
            }
        }
        return throw_here(ctx, g, exc);
    }
    check_native_depth(ctx)?;
    let entry = ctx.st.frames.len();
    push_frame(ctx, g, OnReturn::Resume, Value::None)?;
    ctx.st.stack.pop();
    // Push the delegation chain as SEND leaves it: each delegating frame waits at its
    // YIELD_VALUE (so a value the sub-generator yields goes on outward) with the
    // sub-generator on its stack; the innermost frame gets the exception.
    let throw_at = loop {
        let top = ctx.st.frames.len() - 1;
        let resume = ctx.st.frames[top].pc as usize;
        let code = ctx.st.frames[top].code;
        let Some((send, sub)) = delegating_frame(ctx, top) else { break resume - 1 };
        let target = code.co.code[send].arg;
        match sub {
            Value::Generator(s) => match generator_state(s) {
                GenState::Suspended => {}
                GenState::Running => {
                    exc = already_executing(ctx);
                    break send;
                }
                _ => break send,
            },
            _ => {
                let name = ctx.intern("throw");
                let method = match crate::ops::attr::getattr_opt(ctx, sub, name) {
                    Ok(m) => m,
                    Err(e) => {
                        exc = e;
                        break send;
                    }
                };
                let Some(method) = method else { break resume - 1 };
                match crate::interp::call_value(ctx, method, &[Value::Exception(exc)], &[]) {
                    Ok(v) => {
                        // The iterator yielded: this frame yields it on outward.
                        ctx.st.frames[top].pc = send as u32 + 1;
                        ctx.st.stack.push(v);
                        return run(ctx, g, entry, None);
                    }
                    Err(e) if ctx.exc_matches(e, "StopIteration") => {
                        let v = crate::ops::exceptions::stop_iteration_value(e);
                        if let Some(slot) = ctx.st.stack.last_mut() {
                            *slot = v;
                        }
                        ctx.st.frames[top].pc = target;
                        return run(ctx, g, entry, None);
                    }
                    Err(e) => {
                        exc = e;
                        break send;
                    }
                }
            }
        }
        let Value::Generator(s) = sub else { unreachable!("matched above") };
        ctx.st.frames[top].pc = send as u32 + 1;
        if let Err(e) = push_frame(ctx, s, OnReturn::Send(target), Value::None) {
            exc = e;
            break send;
        }
        ctx.st.stack.pop();
    };
    run(ctx, g, entry, Some((throw_at, exc)))
}

/// For the generator frame at index `i` (pushed, waiting where it was suspended): the pc of
/// its SEND and the sub-iterator, if it is in `yield from`.
fn delegating_frame<'gc>(ctx: &Ctx<'gc, '_>, i: usize) -> Option<(usize, Value<'gc>)> {
    let frame = &ctx.st.frames[i];
    let code = &frame.code.co.code;
    let send = (frame.pc as usize).checked_sub(2)?;
    if code.get(send)?.op != Opcode::SEND || code.get(send + 1)?.op != Opcode::YIELD_VALUE {
        return None;
    }
    ctx.st.stack.last().copied().filter(|_| ctx.st.stack.len() > frame.base as usize).map(|sub| (send, sub))
}

/// `g.close()`: raise GeneratorExit at its yield; an error if it yields again. A delegation
/// chain is closed innermost first, each generator in its own nested run, as CPython's
/// `gen_close` does recursively.
pub fn close<'gc>(ctx: &mut Ctx<'gc, '_>, g: GenRef<'gc>) -> PyResult<'gc, ()> {
    let state = g.borrow().state;
    match state {
        GenState::Running => return Err(already_executing(ctx)),
        GenState::Finished => return Ok(()),
        GenState::Created => {
            let mut gen = g.borrow_mut(ctx.mc);
            gen.state = GenState::Finished;
            gen.slots = Vec::new();
            return Ok(());
        }
        GenState::Suspended => {}
    }
    let mut chain = vec![g];
    let mut pending = None;
    while let Some(sub) = yield_from(*chain.last().expect("not empty")) {
        match sub {
            Value::Generator(s) if s.borrow().state == GenState::Suspended => chain.push(s),
            _ => {
                if let Err(e) = close_iter(ctx, sub) {
                    pending = Some(e);
                }
                break;
            }
        }
    }
    for gen in chain.into_iter().rev() {
        let exc = match pending.take() {
            Some(e) => e,
            None => {
                let class = ctx.exc_class("GeneratorExit");
                ctx.new_exc(class, vec![])
            }
        };
        pending = match throw_here(ctx, gen, exc) {
            Ok(GenStep::Yielded(_)) => Some(ctx.error("RuntimeError", "generator ignored GeneratorExit")),
            Ok(GenStep::Returned(_)) => None,
            Err(e) if ctx.exc_matches(e, "StopIteration") || ctx.exc_matches(e, "GeneratorExit") => None,
            Err(e) => Some(e),
        };
    }
    match pending {
        Some(e) => Err(e),
        None => Ok(()),
    }
}

/// Close the iterator a closing generator delegates to: a generator by `close`, another
/// object through its `close` method if it has one.
fn close_iter<'gc>(ctx: &mut Ctx<'gc, '_>, it: Value<'gc>) -> PyResult<'gc, ()> {
    if let Value::Generator(s) = it {
        return close(ctx, s);
    }
    let name = ctx.intern("close");
    if let Some(m) = crate::ops::attr::getattr_opt(ctx, it, name)? {
        crate::interp::call_value(ctx, m, &[], &[])?;
    }
    Ok(())
}

/// The StopIteration a finished resumption raises in native code (`next()`, `send()`).
pub fn stop_iteration<'gc>(ctx: &Ctx<'gc, '_>, value: Value<'gc>) -> PyErr<'gc> {
    let class = ctx.exc_class("StopIteration");
    let args = if value.is_none() { vec![] } else { vec![value] };
    ctx.new_exc(class, args)
}
