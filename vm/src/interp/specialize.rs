//! Static specialisation of threaded code (the `tail` backend). When a code object is
//! pre-decoded, an instruction may get a handler of its own instead of its opcode's:
//!
//! - one compiled for its operand, where the operand picks what the instruction does
//!   (`BINARY_OP` per operator, `COMPARE_OP` per comparison): no dispatch on the operand;
//! - one for a common pair or triple of instructions (a superinstruction), which does all of
//!   them and goes on after the last: one dispatch instead of two or three, and for
//!   `COMPARE_OP` followed by a conditional jump, no bool pushed and popped between them;
//! - one with a fast path for the common operands (lists and tuples by int, dicts by str or
//!   int, natives and built-in types called, a return to a plain caller).
//!
//! The later instructions of a pair or triple keep their own handlers at their own indexes,
//! so a jump to one still runs it alone. Whatever a fast path does not handle goes, by a tail
//! call, to the plain handler of the instruction it stopped at, which then raises at its own
//! pc, so tracebacks and exception tables see what they would unfused (`COMPARE_OP` + jump,
//! which runs both bodies, raises a second-half error at the second pc: `Exec::raise_pc`).
//! None changes what an instruction means. The `loop` backend runs the plain opcodes (the
//! baseline to compare).
//!
//! Helpers called out of line take no values and no addresses of locals (see `subscr_dict`):
//! after such a call LLVM would call the next handler instead of jumping to it.

#![allow(non_snake_case)]

use cellvm_compiler::bytecode::BinaryOp;
use cellvm_compiler::{CodeObject, Opcode};
use gc_arena::Gc;

use super::dispatch::tail;
use super::dispatch::tail_common::{dispatch, finish};
use super::dispatch::Handler;
use super::ops::{self, R};
use super::{Exec, Stop};
use crate::object::Iter;
use crate::value::Value;

/// The specialised handler for instruction `i` of `co`, if it has one.
pub fn handler_at(co: &CodeObject, i: usize) -> Option<Handler> {
    let ins = co.code[i];
    let next = co.code.get(i + 1).map(|n| n.op);
    let ops_at = |k: usize| co.code.get(i + k).map(|n| (n.op, n.arg));
    // `c[k] op= v`: the container and key are copied for the load and rotated under the new
    // value for the store.
    match (ops_at(0), ops_at(1), ops_at(2)) {
        (Some((Opcode::COPY, 2)), Some((Opcode::COPY, 2)), Some((Opcode::BINARY_SUBSCR, _))) => {
            return Some(copy_subscr)
        }
        (Some((Opcode::SWAP, 3)), Some((Opcode::SWAP, 2)), Some((Opcode::STORE_SUBSCR, _))) => {
            return Some(swap_store_subscr)
        }
        _ => {}
    }
    let pair: Option<Handler> = match (ins.op, next) {
        (Opcode::COMPARE_OP, Some(Opcode::POP_JUMP_IF_FALSE)) => compare_jump_handler(ins.arg, false),
        (Opcode::COMPARE_OP, Some(Opcode::POP_JUMP_IF_TRUE)) => compare_jump_handler(ins.arg, true),
        (Opcode::LOAD_FAST, Some(Opcode::LOAD_FAST)) => Some(LOAD_FAST__LOAD_FAST),
        (Opcode::LOAD_FAST, Some(Opcode::LOAD_CONST)) => Some(LOAD_FAST__LOAD_CONST),
        (Opcode::LOAD_CONST, Some(Opcode::LOAD_FAST)) => Some(LOAD_CONST__LOAD_FAST),
        (Opcode::STORE_FAST, Some(Opcode::LOAD_FAST)) => Some(STORE_FAST__LOAD_FAST),
        (Opcode::STORE_FAST, Some(Opcode::STORE_FAST)) => Some(STORE_FAST__STORE_FAST),
        (Opcode::LOAD_GLOBAL, Some(Opcode::LOAD_FAST)) => Some(LOAD_GLOBAL__LOAD_FAST),
        (Opcode::FOR_ITER, Some(Opcode::STORE_FAST)) => Some(for_iter::<true>),
        _ => None,
    };
    pair.or_else(|| match ins.op {
        Opcode::BINARY_OP => binary_handler(ins.arg),
        Opcode::COMPARE_OP => compare_handler(ins.arg),
        Opcode::FOR_ITER => Some(for_iter::<false>),
        Opcode::CALL_FUNCTION => Some(call::<false>),
        Opcode::UNPACK_SEQUENCE if stores_follow(co, i, ins.arg as usize) => Some(unpack_store),
        Opcode::CALL_METHOD => Some(call::<true>),
        Opcode::BINARY_SUBSCR => Some(subscr),
        Opcode::RETURN_VALUE => Some(return_value),
        Opcode::LOAD_FAST => Some(load_fast),
        Opcode::LOAD_CONST => Some(load_const),
        Opcode::STORE_FAST => Some(store_fast),
        Opcode::LOAD_GLOBAL => Some(load_global),
        Opcode::STORE_SUBSCR => Some(store_subscr),
        _ => None,
    })
}

// ---- one operand -------------------------------------------------------------------------

/// The two operands of a binary instruction, where they lie on the stack.
#[inline(always)]
fn operands<'gc>(ex: &Exec<'gc, '_>) -> Option<(Value<'gc>, Value<'gc>)> {
    match ex.ctx.st.stack.as_slice() {
        [.., a, b] => Some((*a, *b)),
        _ => None,
    }
}

/// Replace the two operands of a binary instruction by its result.
#[inline(always)]
fn replace_operands<'gc>(ex: &mut Exec<'gc, '_>, result: Value<'gc>) {
    let stack = &mut ex.ctx.st.stack;
    stack.pop();
    if let Some(top) = stack.last_mut() {
        *top = result;
    }
}

/// BINARY_OP compiled for one operator: ints and floats in place; anything else (and every
/// error) continues in the generic handler, by a tail call, so this one makes no call that
/// returns.
fn binary<const OP: u32>(ex: &mut Exec<'_, '_>, pc: usize, arg: u32) {
    match operands(ex).and_then(|(a, b)| ops::fast_arith(a, b, OP)) {
        Some(v) => {
            replace_operands(ex, v);
            dispatch(ex, pc + 1)
        }
        None if is_add(OP) => concat_strs(ex, pc, arg),
        None => tail::BINARY_OP(ex, pc, arg),
    }
}

/// `+` or `+=`.
const fn is_add(op: u32) -> bool {
    op == BinaryOp::Add as u32 || op == BinaryOp::InplaceAdd as u32
}

/// BINARY_OP `+` of the two strs on top of the stack: their concatenation replaces them
/// (anything else: the generic handler). A handler of its own, reached by a tail call, so
/// that the arithmetic handlers' fast paths stay as they were.
fn concat_strs(ex: &mut Exec<'_, '_>, pc: usize, arg: u32) {
    if let Some((Value::Str(a), Value::Str(b))) = operands(ex) {
        let s = Value::Str(Gc::new(ex.ctx.mc, crate::object::PyStr::concat(&a, &b)));
        replace_operands(ex, s);
        return dispatch(ex, pc + 1);
    }
    tail::BINARY_OP(ex, pc, arg)
}

fn binary_handler(arg: u32) -> Option<Handler> {
    use BinaryOp::*;
    const fn h<const OP: u32>() -> Handler {
        binary::<OP>
    }
    Some(match BinaryOp::from_arg(arg)? {
        Add => h::<{ Add as u32 }>(),
        Subtract => h::<{ Subtract as u32 }>(),
        Multiply => h::<{ Multiply as u32 }>(),
        FloorDivide => h::<{ FloorDivide as u32 }>(),
        Remainder => h::<{ Remainder as u32 }>(),
        TrueDivide => h::<{ TrueDivide as u32 }>(),
        And => h::<{ And as u32 }>(),
        Or => h::<{ Or as u32 }>(),
        Xor => h::<{ Xor as u32 }>(),
        Lshift => h::<{ Lshift as u32 }>(),
        Rshift => h::<{ Rshift as u32 }>(),
        InplaceAdd => h::<{ InplaceAdd as u32 }>(),
        InplaceSubtract => h::<{ InplaceSubtract as u32 }>(),
        InplaceMultiply => h::<{ InplaceMultiply as u32 }>(),
        InplaceFloorDivide => h::<{ InplaceFloorDivide as u32 }>(),
        InplaceRemainder => h::<{ InplaceRemainder as u32 }>(),
        InplaceTrueDivide => h::<{ InplaceTrueDivide as u32 }>(),
        InplaceAnd => h::<{ InplaceAnd as u32 }>(),
        InplaceOr => h::<{ InplaceOr as u32 }>(),
        InplaceXor => h::<{ InplaceXor as u32 }>(),
        InplaceLshift => h::<{ InplaceLshift as u32 }>(),
        InplaceRshift => h::<{ InplaceRshift as u32 }>(),
        Power => h::<{ Power as u32 }>(),
        InplacePower => h::<{ InplacePower as u32 }>(),
        // No fast path: the generic handler is as good.
        MatrixMultiply | InplaceMatrixMultiply => return None,
    })
}

/// Compare two ints or two floats with CPython's `Py_LT` ... numbering (`None` for other
/// operands).
#[inline(always)]
fn fast_compare(a: Value<'_>, b: Value<'_>, op: u32) -> Option<bool> {
    macro_rules! cmp {
        ($x:expr, $y:expr) => {
            match op {
                0 => $x < $y,
                1 => $x <= $y,
                2 => $x == $y,
                3 => $x != $y,
                4 => $x > $y,
                _ => $x >= $y,
            }
        };
    }
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => Some(cmp!(x, y)),
        (Value::Float(x), Value::Float(y)) => Some(cmp!(x, y)),
        _ => None,
    }
}

/// COMPARE_OP compiled for one comparison, as `binary`.
fn compare<const OP: u32>(ex: &mut Exec<'_, '_>, pc: usize, arg: u32) {
    match operands(ex).and_then(|(a, b)| fast_compare(a, b, OP)) {
        Some(t) => {
            replace_operands(ex, Value::Bool(t));
            dispatch(ex, pc + 1)
        }
        None => tail::COMPARE_OP(ex, pc, arg),
    }
}

fn compare_handler(arg: u32) -> Option<Handler> {
    Some(match arg {
        0 => compare::<0>,
        1 => compare::<1>,
        2 => compare::<2>,
        3 => compare::<3>,
        4 => compare::<4>,
        5 => compare::<5>,
        _ => return None,
    })
}

/// BINARY_SUBSCR of a list or tuple by an int in range, or of a dict by a str or int key it
/// has, in place (as `binary`); every other subscript, and every error, in the generic
/// handler.
fn subscr(ex: &mut Exec<'_, '_>, pc: usize, arg: u32) {
    let item = match operands(ex) {
        Some((Value::Dict(_), Value::Str(_) | Value::Int(_))) => {
            // A key whose hash and equality run no Python code; a missing one (KeyError) below.
            return if subscr_dict(ex) { dispatch(ex, pc + 1) } else { tail::BINARY_SUBSCR(ex, pc, arg) };
        }
        Some((obj, key)) => ops::seq_item(obj, key),
        None => None,
    };
    match item {
        Some(v) => {
            replace_operands(ex, v);
            dispatch(ex, pc + 1)
        }
        None => tail::BINARY_SUBSCR(ex, pc, arg),
    }
}

/// STORE_SUBSCR into a list at an int index in range, or into a dict at a str or int key,
/// in place; everything else in the generic handler.
fn store_subscr(ex: &mut Exec<'_, '_>, pc: usize, arg: u32) {
    if let [.., value, obj, key] = *ex.ctx.st.stack.as_slice() {
        if ops::set_list_item(ex, obj, key, value) {
            let stack = &mut ex.ctx.st.stack;
            stack.truncate(stack.len() - 3);
            return dispatch(ex, pc + 1);
        }
    }
    // A key whose hash and equality run no Python code.
    if let [.., _, Value::Dict(_), Value::Str(_) | Value::Int(_)] = *ex.ctx.st.stack.as_slice() {
        if store_subscr_dict(ex) {
            return dispatch(ex, pc + 1);
        }
    }
    tail::STORE_SUBSCR(ex, pc, arg)
}

/// BINARY_SUBSCR of a dict (below the top) by a str or int key (on top) that it has: the
/// item replaces the two. False, with nothing done, when the key is missing.
///
/// Out of line, and taking no values: a handler that passes a local's address to a call
/// (a value handed over in memory, an equality closure) cannot jump to the next handler
/// afterwards, it calls it, and the native stack grows by a frame per instruction until
/// the run ends (`tests/dispatch_stack.rs`).
#[inline(never)]
fn subscr_dict(ex: &mut Exec<'_, '_>) -> bool {
    let Some((Value::Dict(d), key)) = operands(ex) else { return false };
    match crate::ops::collections::dict_get(&mut ex.ctx, d, key) {
        Ok(Some(v)) => {
            replace_operands(ex, v);
            true
        }
        _ => false,
    }
}

/// STORE_SUBSCR into a dict by a str or int key (which cannot fail): `value, dict, key` leave
/// the stack. Out of line and taking no values, as `subscr_dict`.
#[inline(never)]
fn store_subscr_dict(ex: &mut Exec<'_, '_>) -> bool {
    let [.., value, Value::Dict(d), key] = *ex.ctx.st.stack.as_slice() else { return false };
    if crate::ops::collections::dict_set(&mut ex.ctx, d, key, value).is_err() {
        return false;
    }
    let stack = &mut ex.ctx.st.stack;
    stack.truncate(stack.len() - 3);
    true
}

/// COPY 2, COPY 2, BINARY_SUBSCR (the load of `c[k] op= v`) with a list or tuple and an int
/// in range: the item is pushed above the container and key, one dispatch for three.
/// Anything else runs the three instructions.
fn copy_subscr(ex: &mut Exec<'_, '_>, pc: usize, arg: u32) {
    match operands(ex).and_then(|(obj, key)| ops::seq_item(obj, key)) {
        Some(v) => {
            ex.push(v);
            dispatch(ex, pc + 3)
        }
        None => tail::COPY(ex, pc, arg),
    }
}

/// SWAP 3, SWAP 2, STORE_SUBSCR (the store of `c[k] op= v`, with `c, k, v` on the stack) into
/// a list at an int in range: one dispatch for three. Anything else runs the three.
fn swap_store_subscr(ex: &mut Exec<'_, '_>, pc: usize, arg: u32) {
    if let [.., obj, key, value] = *ex.ctx.st.stack.as_slice() {
        if ops::set_list_item(ex, obj, key, value) {
            let stack = &mut ex.ctx.st.stack;
            stack.truncate(stack.len() - 3);
            return dispatch(ex, pc + 3);
        }
    }
    tail::SWAP(ex, pc, arg)
}

// ---- pairs --------------------------------------------------------------------------------

/// The operand of the instruction after `pc` (the second of a pair; it exists, since the
/// pair was matched on it).
#[inline(always)]
fn second_arg(ex: &Exec<'_, '_>, pc: usize) -> u32 {
    ex.ops.get(pc + 1).map_or(0, |op| op.arg)
}

/// The result of a pair's second half: an exception it raised is raised at its own pc.
#[inline(always)]
fn second_half<'gc>(ex: &mut Exec<'gc, '_>, pc: usize, result: R<'gc>) -> R<'gc> {
    if let Err(Stop::Raise(_) | Stop::Reraise(_)) = result {
        ex.raise_pc.get_or_insert(pc + 1);
    }
    result
}

/// Two instructions of which the first always goes on to the second, from their fast
/// bodies; when one cannot run fast, its plain handler runs it (at its own pc) and what
/// follows it.
macro_rules! pairs {
    ($( $name:ident = $first:ident ($fast_first:path) + $second:ident ($fast_second:path) ),* $(,)?) => {
        $(
            fn $name(ex: &mut Exec<'_, '_>, pc: usize, arg: u32) {
                if !$fast_first(ex, arg) {
                    return tail::$first(ex, pc, arg);
                }
                let arg2 = second_arg(ex, pc);
                if !$fast_second(ex, arg2) {
                    return tail::$second(ex, pc + 1, arg2);
                }
                dispatch(ex, pc + 2)
            }
        )*
    };
}

pairs! {
    LOAD_FAST__LOAD_FAST = LOAD_FAST(ops::try_load_fast) + LOAD_FAST(ops::try_load_fast),
    LOAD_FAST__LOAD_CONST = LOAD_FAST(ops::try_load_fast) + LOAD_CONST(ops::try_load_const),
    LOAD_CONST__LOAD_FAST = LOAD_CONST(ops::try_load_const) + LOAD_FAST(ops::try_load_fast),
    STORE_FAST__LOAD_FAST = STORE_FAST(ops::try_store_fast) + LOAD_FAST(ops::try_load_fast),
    STORE_FAST__STORE_FAST = STORE_FAST(ops::try_store_fast) + STORE_FAST(ops::try_store_fast),
    LOAD_GLOBAL__LOAD_FAST = LOAD_GLOBAL(ops::try_load_global) + LOAD_FAST(ops::try_load_fast),
}

/// One instruction from its fast body, as a pair's half is.
macro_rules! singles {
    ($( $name:ident = $op:ident ($fast:path) ),* $(,)?) => {
        $(
            fn $name(ex: &mut Exec<'_, '_>, pc: usize, arg: u32) {
                if !$fast(ex, arg) {
                    return tail::$op(ex, pc, arg);
                }
                dispatch(ex, pc + 1)
            }
        )*
    };
}

singles! {
    load_fast = LOAD_FAST(ops::try_load_fast),
    load_const = LOAD_CONST(ops::try_load_const),
    store_fast = STORE_FAST(ops::try_store_fast),
    load_global = LOAD_GLOBAL(ops::try_load_global),
}

/// COMPARE_OP (one comparison) and the POP_JUMP_IF_FALSE (`WHEN` false) or _TRUE after it.
/// Two ints or two floats are compared where they lie and the jump taken without a bool on
/// the stack; anything else runs the two bodies in turn (`compare_then_jump`).
fn compare_jump<const OP: u32, const WHEN: bool>(ex: &mut Exec<'_, '_>, pc: usize, arg: u32) {
    let Some(t) = operands(ex).and_then(|(a, b)| fast_compare(a, b, OP)) else {
        return compare_then_jump::<OP, WHEN>(ex, pc, arg);
    };
    let stack = &mut ex.ctx.st.stack;
    stack.truncate(stack.len() - 2);
    let target = second_arg(ex, pc);
    if t != WHEN {
        dispatch(ex, pc + 2)
    } else if target as usize > pc + 1 {
        dispatch(ex, target as usize)
    } else {
        let result = ops::backward(ex, target);
        finish(ex, pc + 1, result)
    }
}

fn compare_then_jump<const OP: u32, const WHEN: bool>(ex: &mut Exec<'_, '_>, pc: usize, _arg: u32) {
    let result = compare_then_jump_body(ex, pc, OP, WHEN);
    finish(ex, pc, result)
}

#[inline(never)]
fn compare_then_jump_body<'gc>(ex: &mut Exec<'gc, '_>, pc: usize, op: u32, when: bool) -> R<'gc> {
    ops::COMPARE_OP(ex, pc, op)?;
    let target = second_arg(ex, pc);
    let result = ops::jump_if(ex, pc + 1, target, when);
    second_half(ex, pc, result)
}

fn compare_jump_handler(op: u32, when: bool) -> Option<Handler> {
    Some(match (op, when) {
        (0, false) => compare_jump::<0, false>,
        (1, false) => compare_jump::<1, false>,
        (2, false) => compare_jump::<2, false>,
        (3, false) => compare_jump::<3, false>,
        (4, false) => compare_jump::<4, false>,
        (5, false) => compare_jump::<5, false>,
        (0, true) => compare_jump::<0, true>,
        (1, true) => compare_jump::<1, true>,
        (2, true) => compare_jump::<2, true>,
        (3, true) => compare_jump::<3, true>,
        (4, true) => compare_jump::<4, true>,
        (5, true) => compare_jump::<5, true>,
        _ => return None,
    })
}

// ---- loops --------------------------------------------------------------------------------

/// What `for_iter` found in the iterator.
enum Step<'gc> {
    Item(Value<'gc>),
    Exhausted,
    /// Not a range or list iterator, or a list iterator at its end (which the generic handler
    /// marks exhausted): the generic handler decides.
    Other,
}

/// FOR_ITER over a range or a list, and with `STORE` the STORE_FAST of the loop variable after
/// it: the next item is taken in place (and stored straight into the local). Every other
/// iterator, generators included, continues in the generic handler.
fn for_iter<const STORE: bool>(ex: &mut Exec<'_, '_>, pc: usize, arg: u32) {
    let step = match ex.ctx.st.stack.last() {
        Some(&Value::Iter(cell)) => match &mut *cell.borrow_mut(ex.ctx.mc) {
            Iter::Range { next, stop, step } => {
                if (*step > 0 && *next < *stop) || (*step < 0 && *next > *stop) {
                    let v = *next;
                    *next = next.saturating_add(*step);
                    Step::Item(Value::Int(v))
                } else {
                    Step::Exhausted
                }
            }
            Iter::Seq { seq: Value::List(list), index } => match list.borrow().get(*index) {
                Some(&v) => {
                    *index += 1;
                    Step::Item(v)
                }
                None => Step::Other,
            },
            _ => Step::Other,
        },
        _ => Step::Other,
    };
    match step {
        Step::Item(v) if STORE => {
            let slot = ex.base + second_arg(ex, pc) as usize;
            if let Some(local) = ex.ctx.st.stack.get_mut(slot) {
                *local = v;
            }
            dispatch(ex, pc + 2)
        }
        Step::Item(v) => {
            ex.push(v);
            dispatch(ex, pc + 1)
        }
        Step::Exhausted => {
            ex.pop();
            dispatch(ex, arg as usize)
        }
        Step::Other => tail::FOR_ITER(ex, pc, arg),
    }
}

// ---- calls --------------------------------------------------------------------------------

/// CALL_FUNCTION (`METHOD` false) or CALL_METHOD of a plain Python function with exactly its
/// positional parameters (for CALL_METHOD, a method LOAD_METHOD found, its receiver the first
/// argument): the frame is pushed and run here, without a `Result` returned through memory.
/// Every other call continues in the generic handler.
fn call<const METHOD: bool>(ex: &mut Exec<'_, '_>, pc: usize, arg: u32) {
    let nargs = arg as usize + METHOD as usize;
    let stack = &ex.ctx.st.stack;
    let callee_slot = stack.len().wrapping_sub(nargs + 1);
    match stack.get(callee_slot).copied() {
        Some(Value::Function(f)) if ex.enter_plain(pc, f, callee_slot) => {
            if ex.budget == 0 {
                return finish(ex, pc, Err(Stop::Budget(0)));
            }
            return dispatch(ex, 0);
        }
        // A native function, or a built-in method LOAD_METHOD found (its receiver first).
        Some(Value::Builtin(b))
            if b.bound.is_undef() && ex.ctx.st.stack.len() - callee_slot <= NATIVE_ARGS + 1 =>
        {
            let result = call_native_here(ex, pc, callee_slot, callee_slot + 1, b.func);
            return finish(ex, pc, result);
        }
        // A built-in type's constructor: its native `__new__` takes the class first, which
        // is where the class already lies.
        Some(Value::Type(cls))
            if cls.meta.is_none()
                && cls.layout != crate::object::Layout::Type
                && !Gc::ptr_eq(cls, ex.ctx.st.types.type_)
                && ex.ctx.st.stack.len() - callee_slot <= NATIVE_ARGS =>
        {
            if let Some(new) = cls.native_new() {
                let result = call_native_here(ex, pc, callee_slot, callee_slot, new);
                return finish(ex, pc, result);
            }
        }
        _ => {}
    }
    if METHOD {
        tail::CALL_METHOD(ex, pc, arg)
    } else {
        tail::CALL_FUNCTION(ex, pc, arg)
    }
}

/// The most arguments `call_native_here` takes (in a buffer on the Rust stack).
const NATIVE_ARGS: usize = 6;

/// Call `func` with the stack's items from `first_arg` on (at most `NATIVE_ARGS`), which
/// leave the stack first, as do the callable's slot and everything above it; the result
/// takes the callable's slot. What `Exec::call_native_op` does for these callables, without
/// the general call's dispatch on the callable.
///
/// Out of line: the argument buffer's address escapes into the native, and a handler with
/// an escaped local cannot jump to the next handler, it would call it (a native stack frame
/// per native call until the slice ends; `tests/dispatch_stack.rs`).
#[inline(never)]
fn call_native_here<'gc>(
    ex: &mut Exec<'gc, '_>,
    pc: usize,
    callee_slot: usize,
    first_arg: usize,
    func: crate::object::NativeFn,
) -> R<'gc> {
    let mut buf = [Value::Undef; NATIVE_ARGS];
    let args = ex.ctx.st.stack.get(first_arg..).unwrap_or(&[]);
    let n = args.len().min(NATIVE_ARGS);
    buf[..n].copy_from_slice(&args[..n]);
    ex.ctx.st.stack.truncate(callee_slot);
    ex.frame().pc = pc as u32 + 1;
    let result = func(&mut ex.ctx, crate::object::Args { args: &buf[..n], kwnames: &[] });
    ex.native_returned(pc, result)
}

/// RETURN_VALUE to a caller in this run that called plainly (`Exec::return_to_caller`);
/// every other return in the generic handler.
fn return_value(ex: &mut Exec<'_, '_>, pc: usize, arg: u32) {
    if let Some(&value) = ex.ctx.st.stack.last() {
        ex.ctx.st.stack.pop();
        match ex.return_to_caller(value) {
            Some(next) => return dispatch(ex, next),
            // Put back: the generic handler pops it again.
            None => ex.push(value),
        }
    }
    tail::RETURN_VALUE(ex, pc, arg)
}

// ---- unpacking ----------------------------------------------------------------------------

/// Whether the `n` instructions after `i` are all STORE_FAST (`a, b = ...` into locals).
fn stores_follow(co: &CodeObject, i: usize, n: usize) -> bool {
    (1..=16).contains(&n)
        && co.code.get(i + 1..=i + n).is_some_and(|s| s.iter().all(|x| x.op == Opcode::STORE_FAST))
}

/// UNPACK_SEQUENCE of a tuple or list of the right length followed by as many STORE_FAST:
/// the items go straight into their locals (the first store takes the first item, as the
/// unfused pair leaves it on top). Anything else continues in the generic handler; the stores
/// keep their own handlers.
fn unpack_store(ex: &mut Exec<'_, '_>, pc: usize, arg: u32) {
    let n = arg as usize;
    let stored = match ex.ctx.st.stack.last() {
        Some(&Value::Tuple(t)) if t.0.len() == n => {
            store_items(ex, pc, &t.0);
            true
        }
        Some(&Value::List(l)) if l.borrow().len() == n => {
            store_items(ex, pc, &l.borrow());
            true
        }
        _ => false,
    };
    if stored {
        ex.ctx.st.stack.pop();
        dispatch(ex, pc + 1 + n)
    } else {
        tail::UNPACK_SEQUENCE(ex, pc, arg)
    }
}

#[inline(always)]
fn store_items<'gc>(ex: &mut Exec<'gc, '_>, pc: usize, items: &[Value<'gc>]) {
    for (i, &v) in items.iter().enumerate() {
        let slot = ex.base + ex.ops.get(pc + 1 + i).map_or(0, |op| op.arg) as usize;
        if let Some(local) = ex.ctx.st.stack.get_mut(slot) {
            *local = v;
        }
    }
}
