//! The arithmetic operators on sequences and containers: concatenation, repetition, `%`
//! formatting, set algebra and dict union.

use cellvm_compiler::bytecode::BinaryOp;
use gc_arena::lock::RefLock;
use gc_arena::Gc;

use crate::ctx::{Ctx, PyResult};
use crate::ops::collections::{copy_set, set_contains, set_items};
use crate::ops::compare::builtin_eq;
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
            let mut s = String::with_capacity(x.as_str().len() + y.as_str().len());
            s.push_str(x.as_str());
            s.push_str(y.as_str());
            ctx.new_str(s)
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
            return set_op(ctx, op, a, b).map(Some);
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

/// `|`, `&`, `-`, `^` on sets (results keep the left operand's kind), following CPython's
/// algorithms so the result's table order matches.
fn set_op<'gc>(
    ctx: &mut Ctx<'gc, '_>,
    op: BinaryOp,
    a: Value<'gc>,
    b: Value<'gc>,
) -> PyResult<'gc, Value<'gc>> {
    use BinaryOp::*;
    let mut result = match op.base() {
        Or | Subtract | Xor => copy_set(a),
        _ => crate::object::Set::new(),
    };
    match op.base() {
        Or => match b {
            Value::Set(s) => result.merge(&s.borrow(), &mut |x, y| builtin_eq(x, y)),
            Value::FrozenSet(s) => result.merge(&s, &mut |x, y| builtin_eq(x, y)),
            _ => {}
        },
        And => {
            // Iterate over the smaller set, keep what the larger one has.
            let (small, large) = if set_items(b).len() > set_items(a).len() { (a, b) } else { (b, a) };
            for (h, k) in set_items(small) {
                if set_contains(ctx, large, k)? {
                    result.add(h, k, &mut |x, y| builtin_eq(x, y));
                }
            }
        }
        Subtract => {
            for (h, k) in set_items(b) {
                result.discard(h, k, &mut |x, y| builtin_eq(x, y));
            }
        }
        _ => {
            for (h, k) in set_items(b) {
                if !result.discard(h, k, &mut |x, y| builtin_eq(x, y)) {
                    result.add(h, k, &mut |x, y| builtin_eq(x, y));
                }
            }
        }
    }
    if op.is_inplace() {
        if let Value::Set(s) = a {
            *s.borrow_mut(ctx.mc) = result;
            return Ok(a);
        }
    }
    Ok(match a {
        Value::FrozenSet(_) => Value::FrozenSet(Gc::new(ctx.mc, result)),
        _ => Value::Set(Gc::new(ctx.mc, RefLock::new(result))),
    })
}
