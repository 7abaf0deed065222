//! `sys.settrace`: the tracing loop and the trace events, as CPython 3.11's `ceval.c`
//! (`call_trace`, `maybe_call_line_trace`) and `sysmodule.c` (`trace_trampoline`) give them.
//!
//! While a trace function is set (and none is running), every run executes in `run` below,
//! a `loop { match }` over `dispatch::execute` that looks at each instruction before it
//! runs: the fast backends never see tracing. `Exec::run_from` picks the loop; a native call
//! returning with `State::eval_breaker` set stops the run (`Stop::Switch`) when the loop must
//! change (`sys.settrace` was called), and this loop gives way when tracing ends.
//!
//! The events:
//! - `call` (to the global trace function) when a frame starts or a generator resumes: seen
//!   as the frame an instruction pushed, or the entry frame of a nested run
//!   (`Exec::run_entered`). What it returns, if not None, becomes the frame's `f_trace`.
//! - `line` (to `f_trace`) before an instruction that starts a new line, or that a jump
//!   went back to (not for SEND, which `yield from` jumps back to);
//! - `return` before RETURN_VALUE and YIELD_VALUE (with the value), and as an exception
//!   leaves a frame (with None);
//! - `exception` (with `(type, value, traceback)`) when an exception is raised in a frame or
//!   reaches it from a callee (after its traceback entry; not for a re-raise).
//!
//! A trace function that raises is removed (`sys.settrace(None)`, and the frame's `f_trace`)
//! and its exception propagates: from the instruction for a `line` event, out of the frame
//! for `call` and `return`, in place of the exception being traced for `exception`. The
//! trace function runs nested (`call_value`), with no events inside it.
//!
//! Line numbers: instructions the compiler gave no line (line 0) keep the line of the
//! instruction before them, which is what CPython's assembler gives them
//! (`propagate_line_numbers`, `duplicate_exits_without_lineno`) on the paths that matter.

use cellvm_compiler::Opcode;
use gc_arena::lock::RefLock;
use gc_arena::Gc;

use super::{dispatch, Exec, Stop};
use crate::ctx::{Ctx, PyErr, PyResult};
use crate::object::{Dict, FrameObject, FrameRef, GenState};
use crate::state::Frame;
use crate::value::Value;

/// Run from `pc` in the top frame, tracing, until the run stops or tracing ends.
pub fn run<'gc>(ex: &mut Exec<'gc, '_>, mut pc: usize) -> Stop<'gc> {
    loop {
        if !ex.ctx.st.tracing() {
            return Stop::Switch(pc as u32);
        }
        let ins = ex.code.co.code[pc];
        let flow = match ex.trace_before(pc, ins.op) {
            Some(flow) => flow,
            None => {
                let depth = ex.ctx.st.frames.len();
                let result = match dispatch::execute(ex, pc, ins.op, ins.arg) {
                    Ok(next) => Ok(next),
                    Err(stop) => ex.handle(pc, stop),
                };
                if ex.ctx.st.frames.len() > depth && ex.ctx.st.tracing() {
                    ex.entered(result)
                } else {
                    result
                }
            }
        };
        pc = match flow {
            Ok(next) => next,
            Err(stop) => return stop,
        };
    }
}

/// Where a frame object's frame is.
pub enum Place<'gc> {
    /// Running (or waiting for a callee) at this index of the frame stack.
    Stack(usize),
    /// A generator's frame, not running.
    Suspended(crate::interp::generator::GenRef<'gc>),
    /// Finished.
    Gone,
}

/// The frame object already made for the frame at `index`, if any.
pub fn attached<'gc>(ctx: &Ctx<'gc, '_>, index: usize) -> Option<FrameRef<'gc>> {
    let f = ctx.st.frames.get(index)?;
    match f.locals {
        Value::Frame(fo) => Some(fo),
        Value::Dict(_) => ctx.st.frame_objects.iter().copied().find(|fo| is_frame_of(&fo.borrow(), *fo, f)),
        _ => None,
    }
}

fn is_frame_of<'gc>(fo: &FrameObject<'gc>, this: FrameRef<'gc>, f: &Frame<'gc>) -> bool {
    match (fo.namespace, f.locals) {
        (Some(ns), Value::Dict(d)) => Gc::ptr_eq(ns, d) && Gc::ptr_eq(fo.code, f.code),
        (None, Value::Frame(o)) => Gc::ptr_eq(o, this),
        _ => false,
    }
}

/// The generator whose frame is at `index`, if it is a generator's.
fn generator_at<'gc>(ctx: &Ctx<'gc, '_>, index: usize) -> Option<crate::interp::generator::GenRef<'gc>> {
    let f = &ctx.st.frames[index];
    match ctx.st.stack.get(f.base as usize - 1) {
        Some(Value::Generator(g)) if f.on_return.is_generator() => Some(*g),
        _ => None,
    }
}

/// The frame object of the frame at `index`: the one attached to it, or a new one (made
/// with those of its callers, which it keeps as `f_back`).
pub fn frame_object<'gc>(ctx: &mut Ctx<'gc, '_>, index: usize) -> FrameRef<'gc> {
    if let Some(fo) = attached(ctx, index) {
        let f = ctx.st.frames[index];
        let line = f.pc.checked_sub(1).and_then(|p| f.code.co.line_of(p as usize));
        let mut o = fo.borrow_mut(ctx.mc);
        o.index = index;
        if line.is_some() && !ctx.st.tracing() {
            // Untraced, the frame object learns where its frame is only when it is looked
            // at: this is the line it keeps after the frame returns.
            o.last_line = line;
        }
        drop(o);
        return fo;
    }
    let mut lowest = index;
    while lowest > 0 && generator_at(ctx, lowest).is_none() && attached(ctx, lowest - 1).is_none() {
        lowest -= 1;
    }
    let mut fo = new_frame_object(ctx, lowest);
    for i in lowest + 1..=index {
        fo = new_frame_object(ctx, i);
    }
    fo
}

fn new_frame_object<'gc>(ctx: &mut Ctx<'gc, '_>, index: usize) -> FrameRef<'gc> {
    let f = ctx.st.frames[index];
    let generator = generator_at(ctx, index);
    let back = match (generator, index.checked_sub(1)) {
        (None, Some(caller)) => attached(ctx, caller),
        _ => None,
    };
    let prev_pc = f.pc.checked_sub(1);
    let namespace = match f.locals {
        Value::Dict(d) => Some(d),
        _ => None,
    };
    let fo = Gc::new(
        ctx.mc,
        RefLock::new(FrameObject {
            code: f.code,
            globals: f.globals,
            namespace,
            generator,
            back,
            trace: Value::None,
            trace_lines: true,
            index,
            prev_pc,
            last_line: prev_pc.and_then(|p| f.code.co.line_of(p as usize)),
            locals: None,
            locals_read: false,
        }),
    );
    if namespace.is_some() {
        // Drop the objects of finished module and class body frames first.
        let live: Vec<FrameRef<'gc>> = ctx
            .st
            .frame_objects
            .iter()
            .copied()
            .filter(|o| !matches!(locate(ctx, *o), Place::Gone))
            .collect();
        ctx.st.frame_objects = live;
        ctx.st.frame_objects.push(fo);
    } else {
        ctx.st.frames[index].locals = Value::Frame(fo);
    }
    fo
}

/// The frame object of a generator's frame (not running: for `gi_frame`).
pub fn generator_frame_object<'gc>(
    ctx: &mut Ctx<'gc, '_>,
    g: crate::interp::generator::GenRef<'gc>,
) -> FrameRef<'gc> {
    let frame = g.borrow().frame;
    if let Value::Frame(fo) = frame.locals {
        return fo;
    }
    let fo = Gc::new(
        ctx.mc,
        RefLock::new(FrameObject {
            code: frame.code,
            globals: frame.globals,
            namespace: None,
            generator: Some(g),
            back: None,
            trace: Value::None,
            trace_lines: true,
            index: 0,
            prev_pc: frame.pc.checked_sub(1),
            last_line: frame.pc.checked_sub(1).and_then(|p| frame.code.co.line_of(p as usize)),
            locals: None,
            locals_read: false,
        }),
    );
    g.borrow_mut(ctx.mc).frame.locals = Value::Frame(fo);
    fo
}

/// Find the frame of a frame object.
pub fn locate<'gc>(ctx: &Ctx<'gc, '_>, fo: FrameRef<'gc>) -> Place<'gc> {
    let o = fo.borrow();
    let frames = &ctx.st.frames;
    if frames.get(o.index).is_some_and(|f| is_frame_of(&o, fo, f)) {
        return Place::Stack(o.index);
    }
    if let Some(i) = frames.iter().rposition(|f| is_frame_of(&o, fo, f)) {
        return Place::Stack(i);
    }
    if let Some(g) = o.generator {
        let gen = g.borrow();
        if matches!(gen.state, GenState::Suspended | GenState::Created)
            && matches!(gen.frame.locals, Value::Frame(x) if Gc::ptr_eq(x, fo))
        {
            return Place::Suspended(g);
        }
    }
    Place::Gone
}

/// `f_lineno`: the line of the instruction the frame is at (its first line before it
/// starts); for a finished frame, the last line it ran.
pub fn lineno<'gc>(ctx: &Ctx<'gc, '_>, fo: FrameRef<'gc>) -> u32 {
    let pc = match locate(ctx, fo) {
        Place::Stack(i) => ctx.st.frames[i].pc,
        Place::Suspended(g) => g.borrow().frame.pc,
        Place::Gone => {
            let o = fo.borrow();
            return o.last_line.unwrap_or(o.code.co.firstlineno);
        }
    };
    let o = fo.borrow();
    let co = &o.code.co;
    match pc.checked_sub(1) {
        None => entry_line(co),
        Some(p) => co.line_of(p as usize).or(o.last_line).unwrap_or(co.firstlineno),
    }
}

/// The line of a frame that has not started (CPython's RESUME): the `def` or `class` line;
/// 0 for a module.
fn entry_line(co: &cellvm_compiler::CodeObject) -> u32 {
    if &*co.name == "<module>" {
        0
    } else {
        co.firstlineno
    }
}

/// The slots `[locals | cells | frees]` of a frame object's frame, if it has them.
fn slots<'gc>(ctx: &Ctx<'gc, '_>, fo: FrameRef<'gc>) -> Option<Vec<Value<'gc>>> {
    let n = fo.borrow().code.nlocalsplus as usize;
    match locate(ctx, fo) {
        Place::Stack(i) => {
            let base = ctx.st.frames[i].base as usize;
            ctx.st.stack.get(base..base + n).map(|s| s.to_vec())
        }
        Place::Suspended(g) => g.borrow().slots.get(..n).map(|s| s.to_vec()),
        Place::Gone => None,
    }
}

/// `f_locals`: a module or class body's namespace; for a function frame, a dict of its
/// variables (locals, cells, frees, in CPython's order), the same dict each time, brought
/// up to date at each access while the frame lives (`PyFrame_FastToLocals`).
pub fn locals<'gc>(ctx: &mut Ctx<'gc, '_>, fo: FrameRef<'gc>) -> PyResult<'gc, Value<'gc>> {
    if let Some(ns) = fo.borrow().namespace {
        return Ok(Value::Dict(ns));
    }
    let dict = match fo.borrow().locals {
        Some(d) => d,
        None => ctx.new_dict(Dict::new()),
    };
    {
        let mut o = fo.borrow_mut(ctx.mc);
        o.locals = Some(dict);
        o.locals_read = true;
    }
    let Some(slots) = slots(ctx, fo) else { return Ok(Value::Dict(dict)) };
    let code = fo.borrow().code;
    let co = code.co.clone();
    let nlocals = co.varnames.len();
    let cell_of = |i: usize| match slots.get(nlocals + i) {
        Some(Value::Cell(c)) => c.get(),
        _ => Value::Undef,
    };
    let mut entries: Vec<(usize, Value<'gc>)> = Vec::new();
    for i in 0..nlocals {
        // A parameter that is a cell lives in its cell (its slot is empty).
        let v = match co.cell2arg.iter().position(|a| *a == Some(i as u32)) {
            Some(c) => cell_of(c),
            None => slots.get(i).copied().unwrap_or(Value::Undef),
        };
        entries.push((i, v));
    }
    for c in 0..co.cellvars.len() + co.freevars.len() {
        if matches!(co.cell2arg.get(c), Some(Some(_))) {
            continue;
        }
        entries.push((nlocals + c, cell_of(c)));
    }
    for (slot, v) in entries {
        let name =
            if slot < nlocals { code.varnames[slot] } else { ctx.intern(co.deref_name(slot - nlocals)) };
        if v.is_undef() {
            crate::ops::collections::dict_del(ctx, dict, Value::Str(name))?;
        } else {
            crate::ops::collections::dict_set(ctx, dict, Value::Str(name), v)?;
        }
    }
    Ok(Value::Dict(dict))
}

/// After a trace call that read `f_locals`: copy the dict back into the frame's locals and
/// cells (`PyFrame_LocalsToFast`), so a trace function can change variables.
fn locals_to_frame<'gc>(ctx: &mut Ctx<'gc, '_>, fo: FrameRef<'gc>) {
    let (dict, code) = {
        let mut o = fo.borrow_mut(ctx.mc);
        if !std::mem::take(&mut o.locals_read) || o.namespace.is_some() {
            return;
        }
        (o.locals, o.code)
    };
    let Some(dict) = dict else { return };
    let Place::Stack(i) = locate(ctx, fo) else { return };
    let base = ctx.st.frames[i].base as usize;
    let co = code.co.clone();
    let nlocals = co.varnames.len();
    let d = dict.borrow();
    for (slot, name) in code.varnames.iter().enumerate() {
        let v = d.get_pystr(name).unwrap_or(Value::Undef);
        match co.cell2arg.iter().position(|a| *a == Some(slot as u32)) {
            Some(c) => {
                if let Some(Value::Cell(cell)) = ctx.st.stack.get(base + nlocals + c).copied() {
                    cell.set(ctx.mc, v);
                }
            }
            None => ctx.st.stack[base + slot] = v,
        }
    }
    for (c, name) in co.cellvars.iter().enumerate() {
        if co.cell2arg[c].is_some() {
            continue;
        }
        let v = d.get_str(name).unwrap_or(Value::Undef);
        if let Some(Value::Cell(cell)) = ctx.st.stack.get(base + nlocals + c).copied() {
            cell.set(ctx.mc, v);
        }
    }
}

/// Call the trace function for event `what` of frame object `fo`: the global one for
/// `call`, the frame's `f_trace` otherwise (none: nothing happens). As CPython's
/// `trace_trampoline`: a result other than None becomes `f_trace`; an error removes the
/// trace functions.
fn call_tracer<'gc>(
    ctx: &mut Ctx<'gc, '_>,
    fo: FrameRef<'gc>,
    what: &str,
    arg: Value<'gc>,
) -> PyResult<'gc, ()> {
    let callback = if what == "call" { ctx.st.trace } else { fo.borrow().trace };
    if callback.is_none() {
        return Ok(());
    }
    let event = Value::Str(ctx.intern(what));
    let was = std::mem::replace(&mut ctx.st.in_tracer, true);
    fo.borrow_mut(ctx.mc).locals_read = false;
    let result = super::call_value(ctx, callback, &[Value::Frame(fo), event, arg], &[]);
    ctx.st.in_tracer = was;
    locals_to_frame(ctx, fo);
    match result {
        Ok(r) => {
            if !r.is_none() {
                fo.borrow_mut(ctx.mc).trace = r;
            }
            Ok(())
        }
        Err(e) => {
            ctx.st.trace = Value::None;
            ctx.st.update_breaker();
            fo.borrow_mut(ctx.mc).trace = Value::None;
            Err(e)
        }
    }
}

/// `sys.settrace(func)`. The frames on the stack ran untraced until now: each frame object
/// learns where its frame is (waiting in a call, whose instruction it executed last).
pub fn set_trace<'gc>(ctx: &mut Ctx<'gc, '_>, func: Value<'gc>) {
    ctx.st.trace = func;
    ctx.st.update_breaker();
    for i in 0..ctx.st.frames.len() {
        if let (Some(fo), Some(&f)) = (attached(ctx, i), ctx.st.frames.get(i)) {
            let prev = f.pc.checked_sub(1);
            let mut o = fo.borrow_mut(ctx.mc);
            o.prev_pc = prev;
            if let Some(line) = prev.and_then(|p| f.code.co.line_of(p as usize)) {
                o.last_line = Some(line);
            }
        }
    }
}

impl<'gc, 'a> Exec<'gc, 'a> {
    /// The frame object of the top frame, when it has one and its trace function is set.
    fn traced_top(&mut self) -> Option<FrameRef<'gc>> {
        let fo = attached(&self.ctx, self.ctx.st.frames.len() - 1)?;
        (!fo.borrow().trace.is_none()).then_some(fo)
    }

    /// Before the instruction at `pc` of the top frame: its `line` event, and `return` for
    /// RETURN_VALUE and YIELD_VALUE. `Some` when an event raised: where to go on.
    fn trace_before(&mut self, pc: usize, op: Opcode) -> Option<Result<usize, Stop<'gc>>> {
        let fo = attached(&self.ctx, self.ctx.st.frames.len() - 1)?;
        let line = self.code.co.line_of(pc);
        let (prev, last, traced) = {
            let mut o = fo.borrow_mut(self.ctx.mc);
            let prev = o.prev_pc.replace(pc as u32);
            let last = o.last_line;
            if line.is_some() {
                o.last_line = line;
            }
            (prev, last, !o.trace.is_none() && o.trace_lines)
        };
        if traced && line.is_some() {
            let backward = prev.is_some_and(|p| (pc as u32) < p) && op != Opcode::SEND;
            if line != last || backward {
                self.frame().pc = pc as u32 + 1;
                if let Err(e) = call_tracer(&mut self.ctx, fo, "line", Value::None) {
                    return Some(self.handle(pc, Stop::Raise(e)));
                }
            }
        }
        if matches!(op, Opcode::RETURN_VALUE | Opcode::YIELD_VALUE) && self.ctx.st.tracing() {
            if let Some(fo) = self.traced_top() {
                let value = self.top();
                self.frame().pc = pc as u32 + 1;
                if let Err(e) = call_tracer(&mut self.ctx, fo, "return", value) {
                    return Some(self.unwind_from(pc, e, false, true));
                }
            }
        }
        None
    }

    /// An instruction pushed a frame (a call, a generator resumed) and ended with `result`
    /// (going on in the new frame, or the end of the slice): the frame's `call` event.
    fn entered(&mut self, result: Result<usize, Stop<'gc>>) -> Result<usize, Stop<'gc>> {
        let entry = match result {
            Ok(next) => next,
            Err(Stop::Budget(next)) => next as usize,
            Err(_) => return result,
        };
        let depth = self.ctx.st.frames.len();
        let flow = self.trace_call(entry);
        let unwound = self.ctx.st.frames.len() < depth;
        match (flow, result) {
            (Ok(_), Err(budget)) if !unwound => Err(budget),
            // The event raised and a caller's handler took the exception; the slice ends.
            (Ok(next), Err(Stop::Budget(_))) => {
                self.frame().pc = next as u32;
                Err(Stop::Budget(next as u32))
            }
            (flow, _) => flow,
        }
    }

    /// The `call` event of the top frame, about to run from `pc` (0, or where a generator
    /// resumes). Returns where to go on: `pc`, or a handler after the event raised.
    pub(crate) fn trace_call(&mut self, pc: usize) -> Result<usize, Stop<'gc>> {
        let top = self.ctx.st.frames.len() - 1;
        let fo = frame_object(&mut self.ctx, top);
        {
            let prev = (pc as u32).checked_sub(1);
            let mut o = fo.borrow_mut(self.ctx.mc);
            o.prev_pc = prev;
            o.last_line = prev.and_then(|p| self.code.co.line_of(p as usize));
        }
        self.frame().pc = pc as u32;
        match call_tracer(&mut self.ctx, fo, "call", Value::None) {
            Ok(()) => Ok(pc),
            // The traceback shows a frame that has not started at its first line (an
            // instruction index past the code has none: `co_firstlineno`).
            Err(e) => self.unwind_from(pc.checked_sub(1).unwrap_or(u32::MAX as usize), e, true, true),
        }
    }

    /// The `exception` event of the top frame for `exc`, raised at `pc`: returns the
    /// exception to go on with (the trace function's, if it raised).
    pub(crate) fn trace_exception(&mut self, pc: u32, exc: PyErr<'gc>) -> PyErr<'gc> {
        let Some(fo) = self.traced_top() else { return exc };
        self.frame().pc = pc + 1;
        let class = exc.borrow().class;
        let arg = self.ctx.new_tuple(vec![Value::Type(class), Value::Exception(exc), Value::None]);
        match call_tracer(&mut self.ctx, fo, "exception", arg) {
            Ok(()) => exc,
            Err(e) => e,
        }
    }

    /// A generator driven by FOR_ITER or SEND (`on_return`) returned `value` to the top frame,
    /// which goes on at `target`: CPython sees the StopIteration that ends the iteration, and
    /// traces it as an `exception` event of this frame (for FOR_ITER only when the value is
    /// not None). An error of the trace function is dropped by FOR_ITER and raised by SEND.
    pub(crate) fn trace_generator_return(
        &mut self,
        on_return: crate::state::OnReturn,
        value: Value<'gc>,
        target: usize,
    ) -> Result<usize, Stop<'gc>> {
        let send = matches!(on_return, crate::state::OnReturn::Send(_));
        if !send && value.is_none() {
            return Ok(target);
        }
        let Some(fo) = self.traced_top() else { return Ok(target) };
        let exc = crate::interp::generator::stop_iteration(&self.ctx, value);
        let class = exc.borrow().class;
        let arg = self.ctx.new_tuple(vec![Value::Type(class), Value::Exception(exc), Value::None]);
        match call_tracer(&mut self.ctx, fo, "exception", arg) {
            Err(e) if send => {
                let pc = self.frame().pc.saturating_sub(1) as usize;
                self.handle(pc, Stop::Raise(e))
            }
            _ => Ok(target),
        }
    }

    /// `exc` leaves the top frame (at `pc`): its `return` event, with None.
    pub(crate) fn trace_unwind_return(&mut self, pc: u32, exc: PyErr<'gc>) -> PyErr<'gc> {
        let Some(fo) = self.traced_top() else { return exc };
        self.frame().pc = pc + 1;
        match call_tracer(&mut self.ctx, fo, "return", Value::None) {
            Ok(()) => exc,
            Err(e) => e,
        }
    }
}
