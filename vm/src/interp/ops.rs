//! The handler bodies, one per opcode, shared by both dispatch backends. Each takes the
//! executor, its own pc and operand, and returns the next pc (or why the run stops).
//!
//! The `tail` backend needs each handler's call of the next one to become a jump. LLVM does
//! that only in functions where no stack slot's address escapes (a `format!` does), so
//! error paths are out-of-line (`#[cold] #[inline(never)]`) and bodies that build messages
//! or call protocols that do are `#[inline(never)]`. `tests/dispatch_stack.rs` and the
//! generator stack tests would overflow if one were missed.

#![allow(non_snake_case)]

use cellvm_compiler::bytecode::{make_function, BinaryOp, CompareOp};
use gc_arena::lock::Lock;
use gc_arena::Gc;

use super::generator::GenStep;
use super::{Exec, Stop};
use crate::ctx::PyErr;
use crate::object::{Dict, Function, PyStr, Slice};
use crate::ops;
use crate::state::OnReturn;
use crate::value::Value;

pub(super) type R<'gc> = Result<usize, Stop<'gc>>;

impl<'gc> From<PyErr<'gc>> for Stop<'gc> {
    fn from(e: PyErr<'gc>) -> Stop<'gc> {
        Stop::Raise(e)
    }
}

macro_rules! next {
    ($pc:expr) => {
        Ok($pc + 1)
    };
}

pub fn NOP<'gc>(_ex: &mut Exec<'gc, '_>, pc: usize, _arg: u32) -> R<'gc> {
    next!(pc)
}

pub fn POP_TOP<'gc>(ex: &mut Exec<'gc, '_>, pc: usize, _arg: u32) -> R<'gc> {
    ex.pop();
    next!(pc)
}

/// An expression statement of 'single' mode: `sys.displayhook(value)`.
#[inline(never)]
pub fn PRINT_EXPR<'gc>(ex: &mut Exec<'gc, '_>, pc: usize, _arg: u32) -> R<'gc> {
    let v = ex.pop();
    let sys = crate::builtins::modules::import(&mut ex.ctx, "sys")?;
    let name = ex.ctx.intern("displayhook");
    let Ok(hook) = ops::attr::getattr(&mut ex.ctx, sys, name) else {
        return Err(Stop::Raise(ex.ctx.error("RuntimeError", "lost sys.displayhook")));
    };
    super::call_value(&mut ex.ctx, hook, &[v], &[])?;
    next!(pc)
}

pub fn COPY<'gc>(ex: &mut Exec<'gc, '_>, pc: usize, arg: u32) -> R<'gc> {
    let v = ex.peek(arg as usize);
    ex.push(v);
    next!(pc)
}

pub fn SWAP<'gc>(ex: &mut Exec<'gc, '_>, pc: usize, arg: u32) -> R<'gc> {
    let s = &mut ex.ctx.st.stack;
    let len = s.len();
    if let (Some(a), true) = (len.checked_sub(arg as usize), len > 0) {
        s.swap(a, len - 1);
    }
    next!(pc)
}

#[inline(never)]
fn unary<'gc>(ex: &mut Exec<'gc, '_>, pc: usize, op: ops::num::Unary) -> R<'gc> {
    let v = ex.pop();
    let r = ops::num::unary(&mut ex.ctx, op, v)?;
    ex.push(r);
    next!(pc)
}

pub fn UNARY_POSITIVE<'gc>(ex: &mut Exec<'gc, '_>, pc: usize, _arg: u32) -> R<'gc> {
    unary(ex, pc, ops::num::Unary::Pos)
}

pub fn UNARY_NEGATIVE<'gc>(ex: &mut Exec<'gc, '_>, pc: usize, _arg: u32) -> R<'gc> {
    unary(ex, pc, ops::num::Unary::Neg)
}

pub fn UNARY_INVERT<'gc>(ex: &mut Exec<'gc, '_>, pc: usize, _arg: u32) -> R<'gc> {
    unary(ex, pc, ops::num::Unary::Invert)
}

pub fn UNARY_NOT<'gc>(ex: &mut Exec<'gc, '_>, pc: usize, _arg: u32) -> R<'gc> {
    let v = ex.pop();
    let t = ops::truth::truthy(&mut ex.ctx, v)?;
    ex.push(Value::Bool(!t));
    next!(pc)
}

#[inline(always)]
pub fn BINARY_OP<'gc>(ex: &mut Exec<'gc, '_>, pc: usize, arg: u32) -> R<'gc> {
    let b = ex.pop();
    let a = ex.pop();
    let r = match fast_arith(a, b, arg) {
        Some(v) => v,
        None => {
            let op = BinaryOp::from_arg(arg).unwrap_or(BinaryOp::Add);
            ops::num::binary_op(&mut ex.ctx, op, a, b)?
        }
    };
    ex.push(r);
    next!(pc)
}

/// BINARY_OP on ints and floats where the result is an int or float computed in place
/// (None: overflow, a zero divisor, or other operands: the general protocol decides).
/// The operator numbers are CPython's NB_* (in-place ones 13 higher).
#[inline(always)]
pub(super) fn fast_arith<'gc>(a: Value<'gc>, b: Value<'gc>, arg: u32) -> Option<Value<'gc>> {
    // An int converts to float exactly as `float(int)` does while it is at most 2**53.
    const EXACT: u64 = 1 << 53;
    let (x, y) = match (a, b) {
        (Value::Int(x), Value::Int(y)) => {
            return match arg {
                0 | 13 => x.checked_add(y).map(Value::Int),
                10 | 23 => x.checked_sub(y).map(Value::Int),
                5 | 18 => x.checked_mul(y).map(Value::Int),
                // Floor division and modulo take the sign of the divisor, as Python's do.
                2 | 15 if y != 0 => {
                    let q = x.checked_div(y)?;
                    Some(Value::Int(if x % y != 0 && ((x < 0) != (y < 0)) { q - 1 } else { q }))
                }
                6 | 19 if y != 0 => {
                    let r = x.checked_rem(y)?;
                    Some(Value::Int(if r != 0 && ((r < 0) != (y < 0)) { r + y } else { r }))
                }
                1 | 14 => Some(Value::Int(x & y)),
                7 | 20 => Some(Value::Int(x | y)),
                12 | 25 => Some(Value::Int(x ^ y)),
                // A shift that loses no bits; negative counts raise in the general path.
                3 | 16 if (0..64).contains(&y) && (x << y) >> y == x => Some(Value::Int(x << y)),
                9 | 22 if y >= 0 => Some(Value::Int(x >> y.min(63))),
                // A negative exponent makes a float: the general path.
                8 | 21 if (0..=u32::MAX as i64).contains(&y) => x.checked_pow(y as u32).map(Value::Int),
                // Both exact as floats: one correctly rounded division, CPython's fast path.
                11 | 24 if y != 0 && x.unsigned_abs() <= EXACT && y.unsigned_abs() <= EXACT => {
                    Some(Value::Float(x as f64 / y as f64))
                }
                _ => None,
            };
        }
        (Value::Float(x), Value::Float(y)) => (x, y),
        (Value::Float(x), Value::Int(y)) if y.unsigned_abs() <= EXACT => (x, y as f64),
        (Value::Int(x), Value::Float(y)) if x.unsigned_abs() <= EXACT => (x as f64, y),
        _ => return None,
    };
    match arg {
        0 | 13 => Some(Value::Float(x + y)),
        10 | 23 => Some(Value::Float(x - y)),
        5 | 18 => Some(Value::Float(x * y)),
        11 | 24 if y != 0.0 => Some(Value::Float(x / y)),
        // float_pow's ordinary case, C's pow() of finite operands (a negative base only to an
        // integral power) whose result is finite; zero, infinities, NaNs, complex results and
        // overflow are left to the general path.
        8 | 21 if x.is_finite() && y.is_finite() && (x > 0.0 || (x < 0.0 && y.fract() == 0.0)) => {
            let r = x.powf(y);
            r.is_finite().then_some(Value::Float(r))
        }
        _ => None,
    }
}

#[inline(always)]
pub fn COMPARE_OP<'gc>(ex: &mut Exec<'gc, '_>, pc: usize, arg: u32) -> R<'gc> {
    let b = ex.pop();
    let a = ex.pop();
    let r = match (a, b) {
        (Value::Int(x), Value::Int(y)) => Value::Bool(match arg {
            0 => x < y,
            1 => x <= y,
            2 => x == y,
            3 => x != y,
            4 => x > y,
            _ => x >= y,
        }),
        (Value::Float(x), Value::Float(y)) => Value::Bool(match arg {
            0 => x < y,
            1 => x <= y,
            2 => x == y,
            3 => x != y,
            4 => x > y,
            _ => x >= y,
        }),
        _ => {
            let op = CompareOp::from_arg(arg).unwrap_or(CompareOp::Eq);
            ops::compare::compare(&mut ex.ctx, op, a, b)?
        }
    };
    ex.push(r);
    next!(pc)
}

pub fn IS_OP<'gc>(ex: &mut Exec<'gc, '_>, pc: usize, arg: u32) -> R<'gc> {
    let b = ex.pop();
    let a = ex.pop();
    ex.push(Value::Bool(a.is(b) != (arg == 1)));
    next!(pc)
}

#[inline(never)]
pub fn CONTAINS_OP<'gc>(ex: &mut Exec<'gc, '_>, pc: usize, arg: u32) -> R<'gc> {
    let container = ex.pop();
    let item = ex.pop();
    let r = ops::compare::contains(&mut ex.ctx, container, item)?;
    ex.push(Value::Bool(r != (arg == 1)));
    next!(pc)
}

/// `i` as a position in a sequence of `len` items (negative from the end), if in range.
#[inline(always)]
fn position(i: i64, len: usize) -> Option<usize> {
    let j = if i < 0 { i.wrapping_add(len as i64) } else { i };
    (0..len as i64).contains(&j).then_some(j as usize)
}

/// `obj[key]` for a list or tuple and an int in range (None for anything else, IndexError
/// included): the subscript every handler does in place.
#[inline(always)]
pub(super) fn seq_item<'gc>(obj: Value<'gc>, key: Value<'gc>) -> Option<Value<'gc>> {
    match (obj, key) {
        (Value::List(l), Value::Int(i)) => {
            let l = l.borrow();
            position(i, l.len()).map(|j| l[j])
        }
        (Value::Tuple(t), Value::Int(i)) => position(i, t.0.len()).map(|j| t.0[j]),
        _ => None,
    }
}

/// `obj[key] = value` for a list and an int in range; false, with nothing done, otherwise.
#[inline(always)]
pub(super) fn set_list_item<'gc>(
    ex: &Exec<'gc, '_>,
    obj: Value<'gc>,
    key: Value<'gc>,
    value: Value<'gc>,
) -> bool {
    let (Value::List(l), Value::Int(i)) = (obj, key) else { return false };
    let mut items = l.borrow_mut(ex.ctx.mc);
    match position(i, items.len()) {
        Some(j) => {
            items[j] = value;
            true
        }
        None => false,
    }
}

#[inline(always)]
pub fn BINARY_SUBSCR<'gc>(ex: &mut Exec<'gc, '_>, pc: usize, _arg: u32) -> R<'gc> {
    let key = ex.pop();
    let obj = ex.pop();
    // Lists and tuples indexed by an int in range; the rest (and IndexError) below.
    let r = match seq_item(obj, key) {
        Some(v) => v,
        None => getitem(ex, obj, key)?,
    };
    ex.push(r);
    next!(pc)
}

/// The general `obj[key]`, out of line (it keeps stack slots whose address escapes).
#[inline(never)]
fn getitem<'gc>(ex: &mut Exec<'gc, '_>, obj: Value<'gc>, key: Value<'gc>) -> Result<Value<'gc>, Stop<'gc>> {
    Ok(ops::subscript::getitem(&mut ex.ctx, obj, key)?)
}

#[inline(always)]
pub fn STORE_SUBSCR<'gc>(ex: &mut Exec<'gc, '_>, pc: usize, _arg: u32) -> R<'gc> {
    let key = ex.pop();
    let obj = ex.pop();
    let value = ex.pop();
    if set_list_item(ex, obj, key, value) {
        return next!(pc);
    }
    ops::subscript::setitem(&mut ex.ctx, obj, key, value)?;
    next!(pc)
}

pub fn DELETE_SUBSCR<'gc>(ex: &mut Exec<'gc, '_>, pc: usize, _arg: u32) -> R<'gc> {
    let key = ex.pop();
    let obj = ex.pop();
    ops::subscript::delitem(&mut ex.ctx, obj, key)?;
    next!(pc)
}

pub fn BUILD_SLICE<'gc>(ex: &mut Exec<'gc, '_>, pc: usize, arg: u32) -> R<'gc> {
    let step = if arg == 3 { ex.pop() } else { Value::None };
    let stop = ex.pop();
    let start = ex.pop();
    let s = Value::Slice(Gc::new(ex.ctx.mc, Slice { start, stop, step }));
    ex.push(s);
    next!(pc)
}

// The fast bodies of LOAD_FAST, LOAD_CONST, STORE_FAST and LOAD_GLOBAL: each does all its
// instruction does and returns true, or does nothing and returns false. The plain handlers
// below raise (or, for a compiler bug, panic) on false; the specialised handlers built from
// them (`specialize`) continue in the plain handler instead, so their fast paths make no
// call that returns.

#[inline(always)]
pub(super) fn try_load_fast(ex: &mut Exec<'_, '_>, arg: u32) -> bool {
    match ex.ctx.st.stack.get(ex.base + arg as usize) {
        Some(&v) if !v.is_undef() => {
            ex.push(v);
            true
        }
        _ => false,
    }
}

#[inline(always)]
pub(super) fn try_load_const(ex: &mut Exec<'_, '_>, arg: u32) -> bool {
    match ex.code.consts.get(arg as usize) {
        Some(&v) => {
            ex.push(v);
            true
        }
        None => false,
    }
}

#[inline(always)]
pub(super) fn try_store_fast(ex: &mut Exec<'_, '_>, arg: u32) -> bool {
    let slot = ex.base + arg as usize;
    let stack = &mut ex.ctx.st.stack;
    // The local lies below the value stored, which is on top.
    match stack.len().checked_sub(1) {
        Some(top) if slot < top => {
            stack[slot] = stack[top];
            stack.truncate(top);
            true
        }
        _ => false,
    }
}

#[inline(always)]
pub(super) fn try_load_global(ex: &mut Exec<'_, '_>, arg: u32) -> bool {
    match cached_global(ex, arg) {
        Some(v) => {
            ex.push(v);
            true
        }
        None => false,
    }
}

#[inline(always)]
pub fn LOAD_CONST<'gc>(ex: &mut Exec<'gc, '_>, pc: usize, arg: u32) -> R<'gc> {
    if !try_load_const(ex, arg) {
        let v = ex.code.consts[arg as usize];
        ex.push(v);
    }
    next!(pc)
}

#[cold]
#[inline(never)]
fn name_error<'gc>(ex: &mut Exec<'gc, '_>, name: &str) -> Stop<'gc> {
    Stop::Raise(ex.ctx.error("NameError", format!("name '{name}' is not defined")))
}

pub fn LOAD_NAME<'gc>(ex: &mut Exec<'gc, '_>, pc: usize, arg: u32) -> R<'gc> {
    let name = ex.code.names[arg as usize];
    let frame = *ex.frame();
    if let Value::Dict(locals) = frame.locals {
        if let Some(v) = locals.borrow().get_pystr(&name) {
            ex.push(v);
            return next!(pc);
        }
    }
    let v = frame.globals.borrow().get_pystr(&name).or_else(|| ex.ctx.st.builtins.borrow().get_pystr(&name));
    match v {
        Some(v) => {
            ex.push(v);
            next!(pc)
        }
        None => Err(name_error(ex, name.as_str())),
    }
}

pub fn STORE_NAME<'gc>(ex: &mut Exec<'gc, '_>, pc: usize, arg: u32) -> R<'gc> {
    let name = ex.code.names[arg as usize];
    let v = ex.pop();
    let frame = *ex.frame();
    let target = match frame.locals {
        Value::Dict(d) => d,
        _ => frame.globals,
    };
    ops::collections::dict_set(&mut ex.ctx, target, Value::Str(name), v)?;
    next!(pc)
}

pub fn DELETE_NAME<'gc>(ex: &mut Exec<'gc, '_>, pc: usize, arg: u32) -> R<'gc> {
    let name = ex.code.names[arg as usize];
    let frame = *ex.frame();
    let target = match frame.locals {
        Value::Dict(d) => d,
        _ => frame.globals,
    };
    match ops::collections::dict_del(&mut ex.ctx, target, Value::Str(name))? {
        None => Err(name_error(ex, name.as_str())),
        Some(old @ Value::Instance(_)) => deleted_instance(ex, pc, old),
        Some(_) => next!(pc),
    }
}

/// A `del` dropped a binding of an instance: if it has a finalizer, CPython would run it
/// now (the last reference may be gone), so collect at once, as `gc.collect()` does, and
/// resume after the finalizers ran (see `finalize`). A nested run cannot stop for the
/// collector: the collection then waits for the end of the slice.
#[inline(never)]
fn deleted_instance<'gc>(ex: &mut Exec<'gc, '_>, pc: usize, old: Value<'gc>) -> R<'gc> {
    if crate::finalize::deleting_watched(&ex.ctx, old) {
        ex.ctx.st.gc().request_full_collection();
        if ex.budget != u32::MAX {
            return Err(Stop::Budget(pc as u32 + 1));
        }
    }
    next!(pc)
}

#[inline(always)]
pub fn LOAD_GLOBAL<'gc>(ex: &mut Exec<'gc, '_>, pc: usize, arg: u32) -> R<'gc> {
    if try_load_global(ex, arg) {
        return next!(pc);
    }
    load_global_slow(ex, pc, arg)
}

/// The value of global `names[arg]` where this LOAD_GLOBAL's cache says it is, if it is
/// still there.
#[inline(always)]
pub(super) fn cached_global<'gc>(ex: &Exec<'gc, '_>, arg: u32) -> Option<Value<'gc>> {
    let name = *ex.code.names.get(arg as usize)?;
    let globals = ex.globals;
    let cache = ex.code.global_cache.get(arg as usize)?.get();
    if cache.globals != Gc::as_ptr(globals) as usize {
        return None;
    }
    let g = globals.borrow();
    if !cache.builtin {
        g.value_at_if_key(cache.pos as usize, Gc::as_ptr(name))
    } else if g.keys_tag() == cache.globals_tag {
        ex.ctx.st.builtins.borrow().value_at_if_key(cache.pos as usize, Gc::as_ptr(name))
    } else {
        None
    }
}

/// LOAD_GLOBAL without a usable cache: look the name up and remember where it was.
#[inline(never)]
fn load_global_slow<'gc>(ex: &mut Exec<'gc, '_>, pc: usize, arg: u32) -> R<'gc> {
    let name = ex.code.names[arg as usize];
    let globals = ex.globals;
    let mut cache =
        crate::object::GlobalCache { globals: Gc::as_ptr(globals) as usize, ..Default::default() };
    let g = globals.borrow();
    let v = match g.find_pystr(&name) {
        Some(pos) => {
            cache.pos = pos as u32;
            g.entry_at(pos).map(|e| e.value)
        }
        None => {
            let builtins = ex.ctx.st.builtins.borrow();
            builtins.find_pystr(&name).and_then(|pos| {
                cache.pos = pos as u32;
                cache.builtin = true;
                cache.globals_tag = g.keys_tag();
                builtins.entry_at(pos).map(|e| e.value)
            })
        }
    };
    drop(g);
    match v {
        Some(v) => {
            if let Some(slot) = ex.code.global_cache.get(arg as usize) {
                slot.set(cache);
            }
            ex.push(v);
            next!(pc)
        }
        None => Err(name_error(ex, name.as_str())),
    }
}

pub fn STORE_GLOBAL<'gc>(ex: &mut Exec<'gc, '_>, pc: usize, arg: u32) -> R<'gc> {
    let name = ex.code.names[arg as usize];
    let v = ex.pop();
    let globals = ex.frame().globals;
    ops::collections::dict_set(&mut ex.ctx, globals, Value::Str(name), v)?;
    next!(pc)
}

pub fn DELETE_GLOBAL<'gc>(ex: &mut Exec<'gc, '_>, pc: usize, arg: u32) -> R<'gc> {
    let name = ex.code.names[arg as usize];
    let globals = ex.frame().globals;
    match ops::collections::dict_del(&mut ex.ctx, globals, Value::Str(name))? {
        None => Err(name_error(ex, name.as_str())),
        Some(old @ Value::Instance(_)) => deleted_instance(ex, pc, old),
        Some(_) => next!(pc),
    }
}

#[cold]
#[inline(never)]
fn unbound_local<'gc>(ex: &mut Exec<'gc, '_>, name: &str) -> Stop<'gc> {
    Stop::Raise(ex.ctx.error(
        "UnboundLocalError",
        format!("cannot access local variable '{name}' where it is not associated with a value"),
    ))
}

#[inline(always)]
pub fn LOAD_FAST<'gc>(ex: &mut Exec<'gc, '_>, pc: usize, arg: u32) -> R<'gc> {
    if try_load_fast(ex, arg) {
        return next!(pc);
    }
    let name = ex.code.varnames[arg as usize];
    Err(unbound_local(ex, name.as_str()))
}

#[inline(always)]
pub fn STORE_FAST<'gc>(ex: &mut Exec<'gc, '_>, pc: usize, arg: u32) -> R<'gc> {
    if !try_store_fast(ex, arg) {
        let v = ex.pop();
        let i = ex.base + arg as usize;
        ex.ctx.st.stack[i] = v;
    }
    next!(pc)
}

pub fn DELETE_FAST<'gc>(ex: &mut Exec<'gc, '_>, pc: usize, arg: u32) -> R<'gc> {
    let i = ex.base + arg as usize;
    let old = ex.ctx.st.stack[i];
    if old.is_undef() {
        let name = ex.code.varnames[arg as usize];
        return Err(unbound_local(ex, name.as_str()));
    }
    ex.ctx.st.stack[i] = Value::Undef;
    if let Value::Instance(_) = old {
        return deleted_instance(ex, pc, old);
    }
    next!(pc)
}

/// The cell in deref slot `arg` (cells, then frees, after the locals).
#[inline]
fn cell_at<'gc>(ex: &Exec<'gc, '_>, arg: u32) -> Option<Gc<'gc, Lock<Value<'gc>>>> {
    let i = ex.base + ex.code.co.varnames.len() + arg as usize;
    match ex.ctx.st.stack.get(i) {
        Some(Value::Cell(c)) => Some(*c),
        _ => None,
    }
}

/// 3.11's messages for an empty cell: a cell variable of this frame is a local that has no
/// value yet; a free variable belongs to an enclosing scope.
#[cold]
#[inline(never)]
fn empty_cell<'gc>(ex: &mut Exec<'gc, '_>, arg: u32) -> Stop<'gc> {
    let co = &ex.code.co;
    let name = co.deref_name(arg as usize).to_string();
    if (arg as usize) < co.cellvars.len() {
        unbound_local(ex, &name)
    } else {
        Stop::Raise(ex.ctx.error(
            "NameError",
            format!("cannot access free variable '{name}' where it is not associated with a value in enclosing scope"),
        ))
    }
}

pub fn LOAD_DEREF<'gc>(ex: &mut Exec<'gc, '_>, pc: usize, arg: u32) -> R<'gc> {
    let v = cell_at(ex, arg).map_or(Value::Undef, |c| c.get());
    if v.is_undef() {
        return Err(empty_cell(ex, arg));
    }
    ex.push(v);
    next!(pc)
}

pub fn STORE_DEREF<'gc>(ex: &mut Exec<'gc, '_>, pc: usize, arg: u32) -> R<'gc> {
    let v = ex.pop();
    if let Some(c) = cell_at(ex, arg) {
        c.set(ex.ctx.mc, v);
    }
    next!(pc)
}

pub fn DELETE_DEREF<'gc>(ex: &mut Exec<'gc, '_>, pc: usize, arg: u32) -> R<'gc> {
    let Some(c) = cell_at(ex, arg) else { return next!(pc) };
    let old = c.get();
    if old.is_undef() {
        return Err(empty_cell(ex, arg));
    }
    c.set(ex.ctx.mc, Value::Undef);
    if let Value::Instance(_) = old {
        return deleted_instance(ex, pc, old);
    }
    next!(pc)
}

pub fn LOAD_CLOSURE<'gc>(ex: &mut Exec<'gc, '_>, pc: usize, arg: u32) -> R<'gc> {
    let i = ex.base + ex.code.co.varnames.len() + arg as usize;
    let cell = ex.ctx.st.stack[i];
    ex.push(cell);
    next!(pc)
}

pub fn LOAD_CLASSDEREF<'gc>(ex: &mut Exec<'gc, '_>, pc: usize, arg: u32) -> R<'gc> {
    let name = ex.code.co.deref_name(arg as usize).to_string();
    if let Value::Dict(locals) = ex.frame().locals {
        if let Some(v) = locals.borrow().get_str(&name) {
            ex.push(v);
            return next!(pc);
        }
    }
    LOAD_DEREF(ex, pc, arg)
}

pub fn LOAD_ATTR<'gc>(ex: &mut Exec<'gc, '_>, pc: usize, arg: u32) -> R<'gc> {
    let name = ex.code.names[arg as usize];
    let obj = ex.pop();
    if let Value::Frame(_) = obj {
        return load_frame_attr(ex, pc, obj, name);
    }
    let v = ops::attr::getattr(&mut ex.ctx, obj, name)?;
    ex.push(v);
    next!(pc)
}

/// An attribute of a frame object: the running frame's `f_lineno` is the line of this
/// instruction, which the frame is told first (it keeps its pc only at calls).
#[inline(never)]
fn load_frame_attr<'gc>(
    ex: &mut Exec<'gc, '_>,
    pc: usize,
    obj: Value<'gc>,
    name: Gc<'gc, crate::object::PyStr>,
) -> R<'gc> {
    ex.frame().pc = pc as u32 + 1;
    let v = ops::attr::getattr(&mut ex.ctx, obj, name)?;
    ex.push(v);
    next!(pc)
}

pub fn STORE_ATTR<'gc>(ex: &mut Exec<'gc, '_>, pc: usize, arg: u32) -> R<'gc> {
    let name = ex.code.names[arg as usize];
    let obj = ex.pop();
    let value = ex.pop();
    ops::attr::setattr(&mut ex.ctx, obj, name, value)?;
    next!(pc)
}

pub fn DELETE_ATTR<'gc>(ex: &mut Exec<'gc, '_>, pc: usize, arg: u32) -> R<'gc> {
    let name = ex.code.names[arg as usize];
    let obj = ex.pop();
    ops::attr::delattr(&mut ex.ctx, obj, name)?;
    next!(pc)
}

pub fn LOAD_METHOD<'gc>(ex: &mut Exec<'gc, '_>, pc: usize, arg: u32) -> R<'gc> {
    let name = ex.code.names[arg as usize];
    let obj = ex.pop();
    if let Some(method) = cached_method(ex, obj, arg, name) {
        ex.push(method);
        ex.push(obj);
        return next!(pc);
    }
    load_method_slow(ex, pc, arg, obj, name)
}

/// The method of a built-in type's value that this LOAD_METHOD found last time, if `obj`'s
/// type is that type.
#[inline(always)]
fn cached_method<'gc>(
    ex: &Exec<'gc, '_>,
    obj: Value<'gc>,
    arg: u32,
    name: Gc<'gc, PyStr>,
) -> Option<Value<'gc>> {
    if matches!(obj, Value::Instance(_)) {
        return None;
    }
    let cache = ex.code.method_cache.get(arg as usize)?.get();
    let class = ex.ctx.type_of(obj);
    if cache.class != Gc::as_ptr(class) as usize {
        return None;
    }
    class.dict.borrow().value_at_if_key(cache.pos as usize, Gc::as_ptr(name))
}

#[inline(never)]
fn load_method_slow<'gc>(
    ex: &mut Exec<'gc, '_>,
    pc: usize,
    arg: u32,
    obj: Value<'gc>,
    name: Gc<'gc, PyStr>,
) -> R<'gc> {
    match ops::attr::load_method(&mut ex.ctx, obj, name)? {
        Some(method) => {
            // A built-in type's own method (not an instance's, whose class and dict may
            // change) is remembered for next time.
            let class = ex.ctx.type_of(obj);
            if class.builtin && !matches!(obj, Value::Instance(_)) {
                if let (Some(pos), Some(slot)) =
                    (class.dict.borrow().find_pystr(&name), ex.code.method_cache.get(arg as usize))
                {
                    slot.set(crate::object::MethodCache {
                        class: Gc::as_ptr(class) as usize,
                        pos: pos as u32,
                    });
                }
            }
            ex.push(method);
            ex.push(obj);
        }
        None => {
            let attr = ops::attr::getattr(&mut ex.ctx, obj, name)?;
            ex.push(Value::Undef);
            ex.push(attr);
        }
    }
    next!(pc)
}

pub fn CALL_FUNCTION<'gc>(ex: &mut Exec<'gc, '_>, pc: usize, arg: u32) -> R<'gc> {
    ex.call_op(pc, arg as usize, &[])
}

pub fn CALL_FUNCTION_KW<'gc>(ex: &mut Exec<'gc, '_>, pc: usize, arg: u32) -> R<'gc> {
    let names = ex.pop();
    let Value::Tuple(names) = names else { return ex.call_op(pc, arg as usize, &[]) };
    ex.call_op(pc, arg as usize, &Gc::as_ref(names).0)
}

pub fn CALL_FUNCTION_EX<'gc>(ex: &mut Exec<'gc, '_>, pc: usize, arg: u32) -> R<'gc> {
    let kwargs = if arg & 1 != 0 { ex.pop() } else { Value::None };
    let args = ex.pop();
    let mut items = ops::iter::to_vec(&mut ex.ctx, args)?;
    let mut names = Vec::new();
    if let Value::Dict(d) = kwargs {
        for e in d.borrow().iter() {
            if !matches!(e.key, Value::Str(_)) {
                return Err(Stop::Raise(ex.ctx.error("TypeError", "keywords must be strings")));
            }
            names.push(e.key);
            items.push(e.value);
        }
    }
    let n = items.len();
    ex.ctx.st.stack.extend(items);
    ex.call_op(pc, n, &names)
}

pub fn CALL_METHOD<'gc>(ex: &mut Exec<'gc, '_>, pc: usize, arg: u32) -> R<'gc> {
    let slot = ex.ctx.st.stack.len() - arg as usize - 2;
    if ex.ctx.st.stack[slot].is_undef() {
        ex.ctx.st.stack.remove(slot);
        ex.call_op(pc, arg as usize, &[])
    } else {
        ex.call_op(pc, arg as usize + 1, &[])
    }
}

#[inline(never)]
pub fn MAKE_FUNCTION<'gc>(ex: &mut Exec<'gc, '_>, pc: usize, arg: u32) -> R<'gc> {
    let Value::Code(code) = ex.pop() else { return next!(pc) };
    let closure = if arg & make_function::CLOSURE != 0 {
        match ex.pop() {
            Value::Tuple(t) => Some(t),
            _ => None,
        }
    } else {
        None
    };
    let annotations = if arg & make_function::ANNOTATIONS != 0 { Some(ex.pop()) } else { None };
    let kwdefaults = if arg & make_function::KWDEFAULTS != 0 {
        match ex.pop() {
            Value::Dict(d) => Some(d),
            _ => None,
        }
    } else {
        None
    };
    let defaults = if arg & make_function::DEFAULTS != 0 {
        match ex.pop() {
            Value::Tuple(t) => Some(t),
            _ => None,
        }
    } else {
        None
    };
    let globals = ex.globals;
    let module = module_name(ex, globals);
    let doc = match code.consts.first() {
        Some(v @ Value::Str(_)) if code.co.flags & cellvm_compiler::bytecode::flags::OPTIMIZED != 0 => *v,
        _ => Value::None,
    };
    let annotations = match annotations {
        Some(Value::Tuple(pairs)) => {
            let mut d = Dict::new();
            let items = &Gc::as_ref(pairs).0;
            for kv in items.chunks(2) {
                if let [k, v] = kv {
                    let h = ops::hash::hash(&mut ex.ctx, *k)?;
                    d.insert(h, *k, *v, &mut |a, b| ops::compare::builtin_eq(a, b));
                }
            }
            Some(ex.ctx.new_dict(d))
        }
        _ => None,
    };
    let f = Function {
        code,
        globals,
        closure,
        name: Lock::new(code.name),
        qualname: Lock::new(code.qualname),
        defaults: Lock::new(defaults),
        kwdefaults: Lock::new(kwdefaults),
        annotations: Lock::new(annotations),
        dict: Lock::new(None),
        module: Lock::new(module),
        doc: Lock::new(doc),
    };
    ex.push(Value::Function(Gc::new(ex.ctx.mc, f)));
    next!(pc)
}

/// `globals['__name__']` (a new function's `__module__`), or None. Where the entry was last
/// found is remembered in the code object and checked against the key before use.
#[inline(always)]
fn module_name<'gc>(ex: &Exec<'gc, '_>, globals: crate::value::GcCell<'gc, Dict<'gc>>) -> Value<'gc> {
    let g = globals.borrow();
    let cache = ex.code.module_cache.get();
    if cache.globals == Gc::as_ptr(globals) as usize {
        if let Some(v) = g.value_at_if_key(cache.pos as usize, cache.key) {
            return v;
        }
    }
    let Some(pos) = g.find_key(crate::dunder!("__name__")) else { return Value::None };
    let Some(entry) = g.entry_at(pos) else { return Value::None };
    if let Value::Str(key) = entry.key {
        let globals = Gc::as_ptr(globals) as usize;
        ex.code.module_cache.set(crate::object::ModuleCache {
            globals,
            pos: pos as u32,
            key: Gc::as_ptr(key),
        });
    }
    entry.value
}

#[inline(always)]
pub fn RETURN_VALUE<'gc>(ex: &mut Exec<'gc, '_>, _pc: usize, _arg: u32) -> R<'gc> {
    let v = ex.pop();
    ex.return_from_frame(v)
}

fn pop_n<'gc>(ex: &mut Exec<'gc, '_>, n: usize) -> Vec<Value<'gc>> {
    let len = ex.ctx.st.stack.len();
    ex.ctx.st.stack.split_off(len - n)
}

pub fn BUILD_TUPLE<'gc>(ex: &mut Exec<'gc, '_>, pc: usize, arg: u32) -> R<'gc> {
    // Made from the stack in place: a small tuple is then one allocation.
    let stack = &ex.ctx.st.stack;
    let start = stack.len().saturating_sub(arg as usize);
    let t = ex.ctx.new_tuple(&stack[start..]);
    ex.ctx.st.stack.truncate(start);
    ex.push(t);
    next!(pc)
}

pub fn BUILD_LIST<'gc>(ex: &mut Exec<'gc, '_>, pc: usize, arg: u32) -> R<'gc> {
    let items = pop_n(ex, arg as usize);
    let l = ex.ctx.new_list(items);
    ex.push(l);
    next!(pc)
}

pub fn BUILD_SET<'gc>(ex: &mut Exec<'gc, '_>, pc: usize, arg: u32) -> R<'gc> {
    let items = pop_n(ex, arg as usize);
    let s = ops::collections::new_set(&mut ex.ctx, &items)?;
    ex.push(s);
    next!(pc)
}

pub fn BUILD_MAP<'gc>(ex: &mut Exec<'gc, '_>, pc: usize, arg: u32) -> R<'gc> {
    let items = pop_n(ex, 2 * arg as usize);
    let d = ex.ctx.new_dict(Dict::with_capacity(arg as usize));
    for kv in items.chunks(2) {
        ops::collections::dict_set(&mut ex.ctx, d, kv[0], kv[1])?;
    }
    ex.push(Value::Dict(d));
    next!(pc)
}

pub fn BUILD_CONST_KEY_MAP<'gc>(ex: &mut Exec<'gc, '_>, pc: usize, arg: u32) -> R<'gc> {
    let keys = ex.pop();
    let values = pop_n(ex, arg as usize);
    let d = ex.ctx.new_dict(Dict::with_capacity(arg as usize));
    if let Value::Tuple(keys) = keys {
        for (k, v) in Gc::as_ref(keys).0.iter().zip(values) {
            ops::collections::dict_set(&mut ex.ctx, d, *k, v)?;
        }
    }
    ex.push(Value::Dict(d));
    next!(pc)
}

pub fn BUILD_STRING<'gc>(ex: &mut Exec<'gc, '_>, pc: usize, arg: u32) -> R<'gc> {
    let parts = pop_n(ex, arg as usize);
    let mut s = String::new();
    for p in parts {
        s.push_str(p.as_str().unwrap_or(""));
    }
    let v = ex.ctx.new_str(s);
    ex.push(v);
    next!(pc)
}

pub fn LIST_APPEND<'gc>(ex: &mut Exec<'gc, '_>, pc: usize, arg: u32) -> R<'gc> {
    let v = ex.pop();
    if let Value::List(l) = ex.peek(arg as usize) {
        l.borrow_mut(ex.ctx.mc).push(v);
    }
    next!(pc)
}

#[inline(never)]
pub fn SET_ADD<'gc>(ex: &mut Exec<'gc, '_>, pc: usize, arg: u32) -> R<'gc> {
    let v = ex.pop();
    let set = ex.peek(arg as usize);
    ops::collections::set_add(&mut ex.ctx, set, v)?;
    next!(pc)
}

pub fn MAP_ADD<'gc>(ex: &mut Exec<'gc, '_>, pc: usize, arg: u32) -> R<'gc> {
    let value = ex.pop();
    let key = ex.pop();
    if let Value::Dict(d) = ex.peek(arg as usize) {
        ops::collections::dict_set(&mut ex.ctx, d, key, value)?;
    }
    next!(pc)
}

#[inline(never)]
pub fn LIST_EXTEND<'gc>(ex: &mut Exec<'gc, '_>, pc: usize, arg: u32) -> R<'gc> {
    let iterable = ex.pop();
    let list = ex.peek(arg as usize);
    let items = match ops::iter::to_vec(&mut ex.ctx, iterable) {
        Ok(items) => items,
        Err(e) if ex.ctx.exc_matches(e, "TypeError") && !ops::iter::is_iterable(&ex.ctx, iterable) => {
            let msg = format!("Value after * must be an iterable, not {}", ex.ctx.type_name(iterable));
            return Err(Stop::Raise(ex.ctx.error("TypeError", msg)));
        }
        Err(e) => return Err(Stop::Raise(e)),
    };
    if let Value::List(l) = list {
        l.borrow_mut(ex.ctx.mc).extend(items);
    }
    next!(pc)
}

#[inline(never)]
pub fn SET_UPDATE<'gc>(ex: &mut Exec<'gc, '_>, pc: usize, arg: u32) -> R<'gc> {
    let iterable = ex.pop();
    // `_PySet_Update`: merging a set (the constant frozenset of a display) keeps its layout.
    if let Value::Set(cell) = ex.peek(arg as usize) {
        crate::builtins::set_methods::update_internal(&mut ex.ctx, cell, iterable)?;
    }
    next!(pc)
}

#[inline(never)]
pub fn DICT_UPDATE<'gc>(ex: &mut Exec<'gc, '_>, pc: usize, arg: u32) -> R<'gc> {
    let other = ex.pop();
    let Value::Dict(d) = ex.peek(arg as usize) else { return next!(pc) };
    let Value::Dict(o) = other else {
        let msg = format!("'{}' object is not a mapping", ex.ctx.type_name(other));
        return Err(Stop::Raise(ex.ctx.error("TypeError", msg)));
    };
    let entries: Vec<(Value<'gc>, Value<'gc>)> = o.borrow().iter().map(|e| (e.key, e.value)).collect();
    for (k, v) in entries {
        ops::collections::dict_set(&mut ex.ctx, d, k, v)?;
    }
    next!(pc)
}

#[inline(never)]
pub fn DICT_MERGE<'gc>(ex: &mut Exec<'gc, '_>, pc: usize, arg: u32) -> R<'gc> {
    let other = ex.pop();
    let Value::Dict(d) = ex.peek(arg as usize) else { return next!(pc) };
    let func = ex.peek(arg as usize + 2);
    let func_name = ops::repr::callable_name(&mut ex.ctx, func);
    let Value::Dict(o) = other else {
        let msg = format!("{func_name} argument after ** must be a mapping, not {}", ex.ctx.type_name(other));
        return Err(Stop::Raise(ex.ctx.error("TypeError", msg)));
    };
    let entries: Vec<(Value<'gc>, Value<'gc>)> = o.borrow().iter().map(|e| (e.key, e.value)).collect();
    for (k, v) in entries {
        if ops::collections::dict_get(&mut ex.ctx, d, k)?.is_some() {
            let key = ops::repr::str_of(&mut ex.ctx, k)?;
            let msg = format!("{func_name} got multiple values for keyword argument '{key}'");
            return Err(Stop::Raise(ex.ctx.error("TypeError", msg)));
        }
        ops::collections::dict_set(&mut ex.ctx, d, k, v)?;
    }
    next!(pc)
}

pub fn LIST_TO_TUPLE<'gc>(ex: &mut Exec<'gc, '_>, pc: usize, _arg: u32) -> R<'gc> {
    if let Value::List(l) = ex.pop() {
        let items = l.borrow().clone();
        let t = ex.ctx.new_tuple(items);
        ex.push(t);
    }
    next!(pc)
}

pub fn UNPACK_SEQUENCE<'gc>(ex: &mut Exec<'gc, '_>, pc: usize, arg: u32) -> R<'gc> {
    let seq = ex.pop();
    let n = arg as usize;
    // A tuple or list of the right length goes straight onto the stack, last item first.
    match seq {
        Value::Tuple(t) if t.0.len() == n => {
            ex.ctx.st.stack.extend(t.0.iter().rev());
            return next!(pc);
        }
        Value::List(l) if l.borrow().len() == n => {
            ex.ctx.st.stack.extend(l.borrow().iter().rev());
            return next!(pc);
        }
        _ => {}
    }
    let items = ops::iter::unpack(&mut ex.ctx, seq, n, None)?;
    ex.ctx.st.stack.extend(items.into_iter().rev());
    next!(pc)
}

pub fn UNPACK_EX<'gc>(ex: &mut Exec<'gc, '_>, pc: usize, arg: u32) -> R<'gc> {
    let seq = ex.pop();
    let before = (arg & 0xff) as usize;
    let after = (arg >> 8) as usize;
    let items = ops::iter::unpack(&mut ex.ctx, seq, before, Some(after))?;
    ex.ctx.st.stack.extend(items.into_iter().rev());
    next!(pc)
}

#[inline(never)]
pub fn FORMAT_VALUE<'gc>(ex: &mut Exec<'gc, '_>, pc: usize, arg: u32) -> R<'gc> {
    let spec = if arg & 4 != 0 { ex.pop() } else { Value::Undef };
    let v = ex.pop();
    let converted = match arg & 3 {
        1 => ops::repr::str_value(&mut ex.ctx, v)?,
        2 => ops::repr::repr_value(&mut ex.ctx, v)?,
        3 => ops::repr::ascii_value(&mut ex.ctx, v)?,
        _ => v,
    };
    let r = match (converted, spec) {
        (Value::Str(_), Value::Undef) => converted,
        _ => {
            let spec = spec.as_str().unwrap_or("");
            ops::format::format(&mut ex.ctx, converted, spec)?
        }
    };
    ex.push(r);
    next!(pc)
}

pub fn JUMP_FORWARD<'gc>(_ex: &mut Exec<'gc, '_>, _pc: usize, arg: u32) -> R<'gc> {
    Ok(arg as usize)
}

/// A backward jump: counts against the slice budget, so long loops let the collector run.
#[inline]
pub(super) fn backward<'gc>(ex: &mut Exec<'gc, '_>, target: u32) -> R<'gc> {
    ex.budget -= 1;
    if ex.budget == 0 {
        return Err(Stop::Budget(target));
    }
    Ok(target as usize)
}

pub fn JUMP_BACKWARD<'gc>(ex: &mut Exec<'gc, '_>, _pc: usize, arg: u32) -> R<'gc> {
    backward(ex, arg)
}

#[inline(always)]
pub(super) fn jump_if<'gc>(ex: &mut Exec<'gc, '_>, pc: usize, arg: u32, when: bool) -> R<'gc> {
    let v = ex.pop();
    let t = match v {
        Value::Bool(b) => b,
        Value::Int(i) => i != 0,
        Value::None => false,
        _ => ops::truth::truthy(&mut ex.ctx, v)?,
    };
    if t == when {
        if (arg as usize) <= pc {
            return backward(ex, arg);
        }
        Ok(arg as usize)
    } else {
        next!(pc)
    }
}

pub fn POP_JUMP_IF_FALSE<'gc>(ex: &mut Exec<'gc, '_>, pc: usize, arg: u32) -> R<'gc> {
    jump_if(ex, pc, arg, false)
}

pub fn POP_JUMP_IF_TRUE<'gc>(ex: &mut Exec<'gc, '_>, pc: usize, arg: u32) -> R<'gc> {
    jump_if(ex, pc, arg, true)
}

pub fn POP_JUMP_IF_NONE<'gc>(ex: &mut Exec<'gc, '_>, pc: usize, arg: u32) -> R<'gc> {
    if ex.pop().is_none() {
        Ok(arg as usize)
    } else {
        next!(pc)
    }
}

pub fn POP_JUMP_IF_NOT_NONE<'gc>(ex: &mut Exec<'gc, '_>, pc: usize, arg: u32) -> R<'gc> {
    if !ex.pop().is_none() {
        Ok(arg as usize)
    } else {
        next!(pc)
    }
}

fn jump_or_pop<'gc>(ex: &mut Exec<'gc, '_>, pc: usize, arg: u32, when: bool) -> R<'gc> {
    let v = ex.top();
    if ops::truth::truthy(&mut ex.ctx, v)? == when {
        Ok(arg as usize)
    } else {
        ex.pop();
        next!(pc)
    }
}

pub fn JUMP_IF_FALSE_OR_POP<'gc>(ex: &mut Exec<'gc, '_>, pc: usize, arg: u32) -> R<'gc> {
    jump_or_pop(ex, pc, arg, false)
}

pub fn JUMP_IF_TRUE_OR_POP<'gc>(ex: &mut Exec<'gc, '_>, pc: usize, arg: u32) -> R<'gc> {
    jump_or_pop(ex, pc, arg, true)
}

pub fn GET_ITER<'gc>(ex: &mut Exec<'gc, '_>, pc: usize, _arg: u32) -> R<'gc> {
    let v = ex.pop();
    let it = ops::iter::get_iter(&mut ex.ctx, v)?;
    ex.push(it);
    next!(pc)
}

pub fn FOR_ITER<'gc>(ex: &mut Exec<'gc, '_>, pc: usize, arg: u32) -> R<'gc> {
    let it = ex.top();
    if let Value::Generator(g) = it {
        return ex.resume_generator(pc, g, Value::None, OnReturn::ForIter(arg));
    }
    match ops::iter::next(&mut ex.ctx, it)? {
        Some(v) => {
            ex.push(v);
            next!(pc)
        }
        None => {
            ex.pop();
            Ok(arg as usize)
        }
    }
}

pub fn PUSH_EXC_INFO<'gc>(ex: &mut Exec<'gc, '_>, pc: usize, _arg: u32) -> R<'gc> {
    let exc = ex.pop();
    let prev = std::mem::replace(&mut ex.ctx.st.exc_info, exc);
    ex.push(prev);
    ex.push(exc);
    next!(pc)
}

pub fn POP_EXCEPT<'gc>(ex: &mut Exec<'gc, '_>, pc: usize, _arg: u32) -> R<'gc> {
    let prev = ex.pop();
    ex.ctx.st.exc_info = if prev.is_undef() { Value::None } else { prev };
    next!(pc)
}

pub fn RERAISE<'gc>(ex: &mut Exec<'gc, '_>, _pc: usize, _arg: u32) -> R<'gc> {
    match ex.pop() {
        Value::Exception(e) => Err(Stop::Reraise(e)),
        _ => Err(Stop::Raise(ex.ctx.error("SystemError", "RERAISE without an exception"))),
    }
}

pub fn CHECK_EXC_MATCH<'gc>(ex: &mut Exec<'gc, '_>, pc: usize, _arg: u32) -> R<'gc> {
    let typ = ex.pop();
    let exc = ex.top();
    let m = ops::exceptions::matches(&mut ex.ctx, exc, typ)?;
    ex.push(Value::Bool(m));
    next!(pc)
}

/// `except* T`: `exc, T -> rest, match` with the matched part as the handled exception, or
/// `exc, T -> exc, None` when nothing matches.
#[inline(never)]
pub fn CHECK_EG_MATCH<'gc>(ex: &mut Exec<'gc, '_>, pc: usize, _arg: u32) -> R<'gc> {
    use crate::builtins::exception_group as eg;
    let typ = ex.pop();
    eg::check_except_star_type(&ex.ctx, typ)?;
    let exc = ex.top();
    let (matched, rest) = eg::exception_group_match(&mut ex.ctx, exc, typ)?;
    if matched.is_none() {
        ex.push(Value::None);
    } else {
        ex.set_peek(1, rest);
        ex.push(matched);
        ex.ctx.st.exc_info = matched;
    }
    next!(pc)
}

/// The end of the `except*` clauses: `orig, raised list -> what to raise (or None)`.
#[inline(never)]
pub fn PREP_RERAISE_STAR<'gc>(ex: &mut Exec<'gc, '_>, pc: usize, _arg: u32) -> R<'gc> {
    let excs = ex.pop();
    let orig = ex.pop();
    let v = crate::builtins::exception_group::prep_reraise_star(&mut ex.ctx, orig, excs)?;
    ex.push(v);
    next!(pc)
}

pub fn RAISE_VARARGS<'gc>(ex: &mut Exec<'gc, '_>, _pc: usize, arg: u32) -> R<'gc> {
    let cause = if arg == 2 { Some(ex.pop()) } else { None };
    if arg == 0 {
        return match ex.ctx.st.exc_info {
            Value::Exception(e) => Err(Stop::Reraise(e)),
            _ => Err(Stop::Raise(ex.ctx.error("RuntimeError", "No active exception to reraise"))),
        };
    }
    let v = ex.pop();
    let e = ops::exceptions::make_raisable(&mut ex.ctx, v)?;
    if let Some(cause) = cause {
        ops::exceptions::set_cause(&mut ex.ctx, e, cause)?;
    }
    Err(Stop::Raise(e))
}

pub fn LOAD_ASSERTION_ERROR<'gc>(ex: &mut Exec<'gc, '_>, pc: usize, _arg: u32) -> R<'gc> {
    let c = ex.ctx.exc_class("AssertionError");
    ex.push(Value::Type(c));
    next!(pc)
}

#[inline(never)]
pub fn BEFORE_WITH<'gc>(ex: &mut Exec<'gc, '_>, pc: usize, _arg: u32) -> R<'gc> {
    let mgr = ex.pop();
    let enter = ops::attr::special_method(&mut ex.ctx, mgr, crate::dunder!("__enter__"))?;
    let exit = ops::attr::special_method(&mut ex.ctx, mgr, crate::dunder!("__exit__"))?;
    let (Some(enter), Some(exit)) = (enter, exit) else {
        let msg = format!("'{}' object does not support the context manager protocol", ex.ctx.type_name(mgr));
        return Err(Stop::Raise(ex.ctx.error("TypeError", msg)));
    };
    ex.push(exit);
    let r = super::call_value(&mut ex.ctx, enter, &[], &[])?;
    ex.push(r);
    next!(pc)
}

#[inline(never)]
pub fn WITH_EXCEPT_START<'gc>(ex: &mut Exec<'gc, '_>, pc: usize, _arg: u32) -> R<'gc> {
    let exc = ex.peek(1);
    let exit = ex.peek(4);
    let (typ, tb) = match exc {
        Value::Exception(e) => (Value::Type(e.borrow().class), Value::None),
        _ => (Value::None, Value::None),
    };
    let r = super::call_value(&mut ex.ctx, exit, &[typ, exc, tb], &[])?;
    ex.push(r);
    next!(pc)
}

pub fn IMPORT_NAME<'gc>(ex: &mut Exec<'gc, '_>, pc: usize, arg: u32) -> R<'gc> {
    let name = ex.code.names[arg as usize];
    let _fromlist = ex.pop();
    let _level = ex.pop();
    let m = crate::builtins::modules::import(&mut ex.ctx, name.as_str())?;
    ex.push(m);
    next!(pc)
}

#[inline(never)]
pub fn IMPORT_FROM<'gc>(ex: &mut Exec<'gc, '_>, pc: usize, arg: u32) -> R<'gc> {
    let name = ex.code.names[arg as usize];
    let module = ex.top();
    match ops::attr::getattr(&mut ex.ctx, module, name) {
        Ok(v) => {
            ex.push(v);
            next!(pc)
        }
        Err(_) => {
            let mname = match module {
                Value::Module(m) => m.name.as_str().to_string(),
                _ => "?".to_string(),
            };
            let msg = format!("cannot import name '{}' from '{}' (unknown location)", name.as_str(), mname);
            Err(Stop::Raise(ex.ctx.error("ImportError", msg)))
        }
    }
}

pub fn IMPORT_STAR<'gc>(ex: &mut Exec<'gc, '_>, pc: usize, _arg: u32) -> R<'gc> {
    let module = ex.pop();
    let frame = *ex.frame();
    let target = match frame.locals {
        Value::Dict(d) => d,
        _ => frame.globals,
    };
    if let Value::Module(m) = module {
        let entries: Vec<(Value<'gc>, Value<'gc>)> = m
            .dict
            .borrow()
            .iter()
            .filter(|e| !e.key.as_str().unwrap_or("_").starts_with('_'))
            .map(|e| (e.key, e.value))
            .collect();
        for (k, v) in entries {
            ops::collections::dict_set(&mut ex.ctx, target, k, v)?;
        }
    }
    next!(pc)
}

pub fn LOAD_BUILD_CLASS<'gc>(ex: &mut Exec<'gc, '_>, pc: usize, _arg: u32) -> R<'gc> {
    let f = ex.ctx.st.builtins.borrow().get_str("__build_class__");
    match f {
        Some(f) => {
            ex.push(f);
            next!(pc)
        }
        None => Err(Stop::Raise(ex.ctx.error("NameError", "__build_class__ not found"))),
    }
}

pub fn SETUP_ANNOTATIONS<'gc>(ex: &mut Exec<'gc, '_>, pc: usize, _arg: u32) -> R<'gc> {
    let frame = *ex.frame();
    let target = match frame.locals {
        Value::Dict(d) => d,
        _ => frame.globals,
    };
    if target.borrow().get_str("__annotations__").is_none() {
        let d = Value::Dict(ex.ctx.new_dict(Dict::new()));
        let key = Value::Str(ex.ctx.intern("__annotations__"));
        ops::collections::dict_set(&mut ex.ctx, target, key, d)?;
    }
    next!(pc)
}

pub fn YIELD_VALUE<'gc>(ex: &mut Exec<'gc, '_>, pc: usize, _arg: u32) -> R<'gc> {
    let v = ex.pop();
    ex.yield_value(pc, v)
}

pub fn GET_YIELD_FROM_ITER<'gc>(ex: &mut Exec<'gc, '_>, pc: usize, _arg: u32) -> R<'gc> {
    let v = ex.pop();
    let it = match v {
        Value::Generator(_) => v,
        _ => ops::iter::get_iter(&mut ex.ctx, v)?,
    };
    ex.push(it);
    next!(pc)
}

/// `iter, value -> iter, yielded` while the sub-iterator yields; when it returns,
/// `-> result` and jump to `arg`.
#[inline(never)]
pub fn SEND<'gc>(ex: &mut Exec<'gc, '_>, pc: usize, arg: u32) -> R<'gc> {
    let v = ex.pop();
    let it = ex.top();
    if let Value::Generator(g) = it {
        return ex.resume_generator(pc, g, v, OnReturn::Send(arg));
    }
    match ops::iter::send(&mut ex.ctx, it, v)? {
        GenStep::Yielded(y) => {
            ex.push(y);
            next!(pc)
        }
        GenStep::Returned(r) => {
            ex.set_peek(1, r);
            Ok(arg as usize)
        }
    }
}
