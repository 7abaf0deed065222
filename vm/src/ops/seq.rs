//! The arithmetic operators on sequences and containers: concatenation, repetition, `%`
//! formatting, set algebra and dict union.

use cellvm_compiler::bytecode::BinaryOp;
use gc_arena::Gc;

use crate::ctx::{Ctx, PyResult};
use crate::ops::num::{as_int, IntArg};
use crate::value::Value;

fn repeat_count(v: Value<'_>) -> Option<i64> {
    match as_int(v)? {
        IntArg::Small(i) => Some(i.max(0)),
        IntArg::Big(b) => Some(if b.sign() == num_bigint::Sign::Minus { 0 } else { i64::MAX }),
    }
}

/// `a op b` when one side is a sequence or container; `None` if this is not such a case.
pub fn binary<'gc>(
    ctx: &mut Ctx<'gc, '_>,
    op: BinaryOp,
    a: Value<'gc>,
    b: Value<'gc>,
) -> PyResult<'gc, Option<Value<'gc>>> {
    use BinaryOp::*;
    let base = op.base();
    Ok(Some(match (base, a, b) {
        (Add, Value::Str(x), Value::Str(y)) => {
            Value::Str(Gc::new(ctx.mc, crate::object::PyStr::concat(&x, &y)))
        }
        (Add, Value::List(x), Value::List(y)) => {
            if op.is_inplace() {
                let items = y.borrow().clone();
                x.borrow_mut(ctx.mc).extend(items);
                return Ok(Some(a));
            }
            let mut v = x.borrow().clone();
            v.extend(y.borrow().iter().copied());
            ctx.new_list(v)
        }
        (Add, Value::List(x), _) if op.is_inplace() => {
            let items = crate::ops::iter::to_vec(ctx, b)?;
            x.borrow_mut(ctx.mc).extend(items);
            return Ok(Some(a));
        }
        (Add, Value::Tuple(x), Value::Tuple(y)) => {
            let mut v = x.0.to_vec();
            v.extend(y.0.iter().copied());
            ctx.new_tuple(v)
        }
        (Add, Value::Bytes(x), Value::Bytes(y)) => {
            let mut v = x.to_vec();
            v.extend_from_slice(&y);
            Value::Bytes(Gc::new(ctx.mc, v.into_boxed_slice()))
        }
        (Multiply, Value::Str(_) | Value::List(_) | Value::Tuple(_) | Value::Bytes(_), n)
            if repeat_count(n).is_some() =>
        {
            repeat(ctx, op, a, repeat_count(n).unwrap_or(0))?
        }
        (Multiply, n, Value::Str(_) | Value::List(_) | Value::Tuple(_) | Value::Bytes(_))
            if repeat_count(n).is_some() =>
        {
            repeat(ctx, op, b, repeat_count(n).unwrap_or(0))?
        }
        (Remainder, Value::Str(fmt), args) => crate::ops::format::percent(ctx, fmt.as_str(), args)?,
        (
            Or | And | Subtract | Xor,
            Value::Set(_) | Value::FrozenSet(_),
            Value::Set(_) | Value::FrozenSet(_),
        ) => {
            return crate::builtins::set_methods::binary_op(ctx, op, a, b);
        }
        (Or | And | Subtract | Xor, Value::DictView(_), _)
        | (Or | And | Subtract | Xor, _, Value::DictView(_)) => {
            return crate::builtins::dict_methods::view_binary(ctx, op, a, b);
        }
        (Or, Value::Dict(x), Value::Dict(y)) => {
            let target = if op.is_inplace() { x } else { ctx.new_dict(crate::object::Dict::new()) };
            let mut entries: Vec<(Value<'gc>, Value<'gc>)> = Vec::new();
            if !op.is_inplace() {
                entries.extend(x.borrow().iter().map(|e| (e.key, e.value)));
            }
            entries.extend(y.borrow().iter().map(|e| (e.key, e.value)));
            for (k, v) in entries {
                crate::ops::collections::dict_set(ctx, target, k, v)?;
            }
            Value::Dict(target)
        }
        _ => return Ok(None),
    }))
}

fn repeat<'gc>(ctx: &mut Ctx<'gc, '_>, op: BinaryOp, seq: Value<'gc>, n: i64) -> PyResult<'gc, Value<'gc>> {
    let len = match seq {
        Value::Str(s) => s.as_str().len(),
        Value::List(l) => l.borrow().len(),
        Value::Tuple(t) => t.0.len(),
        Value::Bytes(b) => b.len(),
        _ => 0,
    };
    if len > 0 && (n as u128) * (len as u128) > (isize::MAX as u128) / 16 {
        return Err(ctx.error("MemoryError", ""));
    }
    let n = n as usize;
    Ok(match seq {
        Value::Str(s) => ctx.new_str(s.as_str().repeat(n)),
        Value::List(l) => {
            let items: Vec<Value<'gc>> = l.borrow().iter().copied().cycle().take(len * n).collect();
            if op.is_inplace() {
                *l.borrow_mut(ctx.mc) = items;
                seq
            } else {
                ctx.new_list(items)
            }
        }
        Value::Tuple(t) => {
            let items: Vec<Value<'gc>> = t.0.iter().copied().cycle().take(len * n).collect();
            ctx.new_tuple(items)
        }
        Value::Bytes(b) => Value::Bytes(Gc::new(ctx.mc, b.repeat(n).into_boxed_slice())),
        _ => seq,
    })
}
