//! `obj[key]`, `obj[key] = v`, `del obj[key]` for the built-in containers, with slices.

use gc_arena::Gc;

use crate::ctx::{Ctx, PyResult};
use crate::object::Slice;
use crate::ops::collections::{dict_del, dict_get, dict_set};
use crate::ops::num::{as_int, IntArg};
use crate::value::Value;

/// A sequence index, normalised (negative from the end) and bounds-checked.
fn index<'gc>(ctx: &Ctx<'gc, '_>, key: Value<'gc>, len: usize, what: &str) -> PyResult<'gc, usize> {
    let i = match as_int(key) {
        Some(IntArg::Small(i)) => i,
        Some(IntArg::Big(_)) => {
            return Err(ctx.error("IndexError", "cannot fit 'int' into an index-sized integer"));
        }
        None if what == "string" => {
            let msg = format!("string indices must be integers, not '{}'", ctx.type_name(key));
            return ctx.type_error(msg);
        }
        None => {
            // bytes and range objects word it their own way.
            let kind = match what {
                "bytes" => "byte",
                "range object" => "range",
                _ => what,
            };
            let msg = format!("{kind} indices must be integers or slices, not {}", ctx.type_name(key));
            return ctx.type_error(msg);
        }
    };
    let j = if i < 0 { i + len as i64 } else { i };
    if j < 0 || j >= len as i64 {
        let msg = if what == "bytes" {
            "index out of range".to_string()
        } else {
            format!("{what} index out of range")
        };
        return Err(ctx.error("IndexError", msg));
    }
    Ok(j as usize)
}

/// `slice.indices(len)`: start, stop, step clamped as CPython's `PySlice_AdjustIndices`.
pub fn slice_indices<'gc>(ctx: &Ctx<'gc, '_>, s: &Slice<'gc>, len: usize) -> PyResult<'gc, (i64, i64, i64)> {
    let get = |v: Value<'gc>| -> PyResult<'gc, Option<i64>> {
        match v {
            Value::None => Ok(None),
            _ => match as_int(v) {
                Some(IntArg::Small(i)) => Ok(Some(i)),
                Some(IntArg::Big(b)) => {
                    Ok(Some(if b.sign() == num_bigint::Sign::Minus { i64::MIN / 2 } else { i64::MAX / 2 }))
                }
                None => ctx.type_error("slice indices must be integers or None or have an __index__ method"),
            },
        }
    };
    let step = get(s.step)?.unwrap_or(1);
    if step == 0 {
        return ctx.value_error("slice step cannot be zero");
    }
    let len = len as i64;
    let clamp = |v: Option<i64>, default: i64| -> i64 {
        match v {
            None => default,
            Some(mut i) => {
                if i < 0 {
                    i += len;
                    if i < 0 {
                        i = if step < 0 { -1 } else { 0 };
                    }
                } else if i >= len {
                    i = if step < 0 { len - 1 } else { len };
                }
                i
            }
        }
    };
    let (start, stop) = if step > 0 {
        (clamp(get(s.start)?, 0), clamp(get(s.stop)?, len))
    } else {
        (clamp(get(s.start)?, len - 1), clamp(get(s.stop)?, -1))
    };
    Ok((start, stop, step))
}

/// The positions a slice selects.
pub fn slice_positions(start: i64, stop: i64, step: i64) -> impl Iterator<Item = usize> {
    let mut i = start;
    std::iter::from_fn(move || {
        if (step > 0 && i < stop) || (step < 0 && i > stop) {
            let r = i as usize;
            i += step;
            Some(r)
        } else {
            None
        }
    })
}

pub fn getitem<'gc>(ctx: &mut Ctx<'gc, '_>, obj: Value<'gc>, key: Value<'gc>) -> PyResult<'gc, Value<'gc>> {
    match obj {
        Value::List(l) => {
            if let Value::Slice(s) = key {
                let items = l.borrow();
                let (a, b, c) = slice_indices(ctx, &s, items.len())?;
                let v: Vec<Value<'gc>> = slice_positions(a, b, c).map(|i| items[i]).collect();
                drop(items);
                return Ok(ctx.new_list(v));
            }
            let items = l.borrow();
            let i = index(ctx, key, items.len(), "list")?;
            Ok(items[i])
        }
        Value::Tuple(t) => {
            if let Value::Slice(s) = key {
                let (a, b, c) = slice_indices(ctx, &s, t.0.len())?;
                let v: Vec<Value<'gc>> = slice_positions(a, b, c).map(|i| t.0[i]).collect();
                return Ok(ctx.new_tuple(v));
            }
            let i = index(ctx, key, t.0.len(), "tuple")?;
            Ok(t.0[i])
        }
        Value::Str(s) => {
            if let Value::Slice(sl) = key {
                let (a, b, c) = slice_indices(ctx, &sl, s.len())?;
                let out: String = if s.is_ascii() {
                    let bytes = s.as_str().as_bytes();
                    slice_positions(a, b, c).map(|i| bytes[i] as char).collect()
                } else {
                    let chars: Vec<char> = s.as_str().chars().collect();
                    slice_positions(a, b, c).map(|i| chars[i]).collect()
                };
                return Ok(ctx.new_str(out));
            }
            let i = index(ctx, key, s.len(), "string")?;
            let c = s.char_at(i).unwrap_or('\0');
            let mut buf = [0u8; 4];
            Ok(Value::Str(ctx.intern(c.encode_utf8(&mut buf))))
        }
        Value::Bytes(b) => {
            if let Value::Slice(sl) = key {
                let (x, y, z) = slice_indices(ctx, &sl, b.len())?;
                let v: Vec<u8> = slice_positions(x, y, z).map(|i| b[i]).collect();
                return Ok(Value::Bytes(Gc::new(ctx.mc, v.into_boxed_slice())));
            }
            let i = index(ctx, key, b.len(), "bytes")?;
            Ok(Value::Int(b[i] as i64))
        }
        Value::Range(r) => {
            if let Value::Slice(sl) = key {
                let (x, y, z) = slice_indices(ctx, &sl, r.len() as usize)?;
                let start = r.get(x);
                let step = r.step * z;
                let n = slice_positions(x, y, z).count() as i64;
                let stop = start + n * step;
                return Ok(Value::Range(Gc::new(ctx.mc, crate::object::Range { start, stop, step })));
            }
            let i = index(ctx, key, r.len() as usize, "range object")?;
            Ok(Value::Int(r.get(i as i64)))
        }
        Value::Dict(d) => match dict_get(ctx, d, key)? {
            Some(v) => Ok(v),
            None => Err(key_error(ctx, key)),
        },
        Value::Type(t) if t.builtin => {
            // `list[int]` and friends: generic aliases are out of scope; show the type.
            Ok(obj)
        }
        _ => {
            if let Some(m) = crate::ops::attr::special_method(ctx, obj, crate::dunder!("__getitem__"))? {
                return crate::interp::call_value(ctx, m, &[key], &[]);
            }
            let msg = format!("'{}' object is not subscriptable", ctx.type_name(obj));
            ctx.type_error(msg)
        }
    }
}

pub fn key_error<'gc>(ctx: &Ctx<'gc, '_>, key: Value<'gc>) -> crate::PyErr<'gc> {
    let class = ctx.exc_class("KeyError");
    ctx.new_exc(class, vec![key])
}

pub fn setitem<'gc>(
    ctx: &mut Ctx<'gc, '_>,
    obj: Value<'gc>,
    key: Value<'gc>,
    value: Value<'gc>,
) -> PyResult<'gc, ()> {
    match obj {
        Value::List(l) => {
            if let Value::Slice(s) = key {
                let new = crate::ops::iter::to_vec(ctx, value)?;
                let len = l.borrow().len();
                let (a, b, c) = slice_indices(ctx, &s, len)?;
                if c == 1 {
                    let b = b.max(a);
                    l.borrow_mut(ctx.mc).splice(a as usize..b as usize, new);
                    return Ok(());
                }
                let positions: Vec<usize> = slice_positions(a, b, c).collect();
                if positions.len() != new.len() {
                    return ctx.value_error(format!(
                        "attempt to assign sequence of size {} to extended slice of size {}",
                        new.len(),
                        positions.len()
                    ));
                }
                let mut items = l.borrow_mut(ctx.mc);
                for (p, v) in positions.into_iter().zip(new) {
                    items[p] = v;
                }
                return Ok(());
            }
            let len = l.borrow().len();
            let i = index(ctx, key, len, "list").map_err(|e| {
                if ctx.exc_matches(e, "IndexError") {
                    ctx.error("IndexError", "list assignment index out of range")
                } else {
                    e
                }
            })?;
            l.borrow_mut(ctx.mc)[i] = value;
            Ok(())
        }
        Value::Dict(d) => dict_set(ctx, d, key, value),
        _ => {
            if let Some(m) = crate::ops::attr::special_method(ctx, obj, crate::dunder!("__setitem__"))? {
                crate::interp::call_value(ctx, m, &[key, value], &[])?;
                return Ok(());
            }
            let msg = format!("'{}' object does not support item assignment", ctx.type_name(obj));
            ctx.type_error(msg)
        }
    }
}

pub fn delitem<'gc>(ctx: &mut Ctx<'gc, '_>, obj: Value<'gc>, key: Value<'gc>) -> PyResult<'gc, ()> {
    match obj {
        Value::List(l) => {
            let len = l.borrow().len();
            if let Value::Slice(s) = key {
                let (a, b, c) = slice_indices(ctx, &s, len)?;
                let mut positions: Vec<usize> = slice_positions(a, b, c).collect();
                positions.sort_unstable();
                let mut items = l.borrow_mut(ctx.mc);
                for p in positions.into_iter().rev() {
                    items.remove(p);
                }
                return Ok(());
            }
            let i = index(ctx, key, len, "list").map_err(|e| {
                if ctx.exc_matches(e, "IndexError") {
                    ctx.error("IndexError", "list assignment index out of range")
                } else {
                    e
                }
            })?;
            l.borrow_mut(ctx.mc).remove(i);
            Ok(())
        }
        Value::Dict(d) => match dict_del(ctx, d, key)? {
            Some(_) => Ok(()),
            None => Err(key_error(ctx, key)),
        },
        _ => {
            if let Some(m) = crate::ops::attr::special_method(ctx, obj, crate::dunder!("__delitem__"))? {
                crate::interp::call_value(ctx, m, &[key], &[])?;
                return Ok(());
            }
            let msg = format!("'{}' object doesn't support item deletion", ctx.type_name(obj));
            ctx.type_error(msg)
        }
    }
}
