//! Iteration: `iter(x)`, `next(it)`, and the helpers built on them.

use gc_arena::lock::RefLock;
use gc_arena::Gc;

use crate::ctx::{Ctx, PyResult};
use crate::interp::generator::GenStep;
use crate::object::{Iter, ViewKind};
use crate::value::Value;

pub fn iter_type_name(it: &Iter<'_>) -> &'static str {
    match it {
        Iter::Seq { seq: Value::List(_), .. } => "list_iterator",
        Iter::Seq { seq: Value::Tuple(_), .. } => "tuple_iterator",
        Iter::Seq { .. } => "iterator",
        Iter::Range { .. } => "range_iterator",
        Iter::Str { .. } => "str_ascii_iterator",
        Iter::DictKeys { .. } => "dict_keyiterator",
        Iter::DictValues { .. } => "dict_valueiterator",
        Iter::DictItems { .. } => "dict_itemiterator",
        Iter::DictReversed { kind: ViewKind::Keys, .. } => "dict_reversekeyiterator",
        Iter::DictReversed { kind: ViewKind::Values, .. } => "dict_reversevalueiterator",
        Iter::DictReversed { kind: ViewKind::Items, .. } => "dict_reverseitemiterator",
        Iter::SetItems { .. } => "set_iterator",
        Iter::Reversed { .. } => "list_reverseiterator",
        Iter::Enumerate { .. } => "enumerate",
        Iter::Zip { .. } => "zip",
        Iter::Map { .. } => "map",
        Iter::Filter { .. } => "filter",
        Iter::Callable { .. } => "callable_iterator",
        Iter::Exhausted => "iterator",
    }
}

pub fn is_iterable<'gc>(ctx: &Ctx<'gc, '_>, v: Value<'gc>) -> bool {
    match v {
        Value::List(_)
        | Value::Tuple(_)
        | Value::Str(_)
        | Value::Bytes(_)
        | Value::Dict(_)
        | Value::Set(_)
        | Value::FrozenSet(_)
        | Value::Range(_)
        | Value::DictView(_)
        | Value::Iter(_)
        | Value::Generator(_) => true,
        _ => {
            let class = ctx.type_of(v);
            class.lookup("__iter__").is_some() || class.lookup("__getitem__").is_some()
        }
    }
}

pub fn new_iter<'gc>(ctx: &Ctx<'gc, '_>, it: Iter<'gc>) -> Value<'gc> {
    Value::Iter(Gc::new(ctx.mc, RefLock::new(it)))
}

pub fn get_iter<'gc>(ctx: &mut Ctx<'gc, '_>, v: Value<'gc>) -> PyResult<'gc, Value<'gc>> {
    let it = match v {
        Value::List(_) | Value::Tuple(_) | Value::Bytes(_) => Iter::Seq { seq: v, index: 0 },
        Value::Str(s) => Iter::Str { s, byte: 0 },
        Value::Range(r) => Iter::Range { next: r.start, stop: r.stop, step: r.step },
        Value::Dict(d) => {
            let len = d.borrow().len();
            Iter::DictKeys { dict: d, index: 0, len }
        }
        Value::DictView(v) => {
            let (dict, len) = (v.dict, v.dict.borrow().len());
            match v.kind {
                ViewKind::Keys => Iter::DictKeys { dict, index: 0, len },
                ViewKind::Values => Iter::DictValues { dict, index: 0, len },
                ViewKind::Items => Iter::DictItems { dict, index: 0, len },
            }
        }
        Value::Set(_) | Value::FrozenSet(_) => {
            let len = crate::ops::collections::set_items(v).len();
            Iter::SetItems { set: v, index: 0, len }
        }
        Value::Iter(_) | Value::Generator(_) => return Ok(v),
        _ => {
            if let Some(m) = crate::ops::attr::special_method(ctx, v, crate::dunder!("__iter__"))? {
                if m.is_none() {
                    let msg = format!("'{}' object is not iterable", ctx.type_name(v));
                    return ctx.type_error(msg);
                }
                let it = crate::interp::call_value(ctx, m, &[], &[])?;
                if !is_iterator(ctx, it) {
                    let msg = format!("iter() returned non-iterator of type '{}'", ctx.type_name(it));
                    return ctx.type_error(msg);
                }
                return Ok(it);
            }
            if ctx.type_of(v).lookup("__getitem__").is_some() {
                // The old sequence protocol: `__getitem__` with 0, 1, 2... until IndexError.
                return Ok(new_iter(ctx, Iter::Seq { seq: v, index: 0 }));
            }
            let msg = format!("'{}' object is not iterable", ctx.type_name(v));
            return ctx.type_error(msg);
        }
    };
    Ok(new_iter(ctx, it))
}

/// Whether `v` is an iterator (has `__next__`).
pub fn is_iterator<'gc>(ctx: &Ctx<'gc, '_>, v: Value<'gc>) -> bool {
    matches!(v, Value::Iter(_) | Value::Generator(_)) || ctx.type_of(v).lookup("__next__").is_some()
}

/// What `yield from` does with a sub-iterator: `next(it)` when `value` is None, else
/// `it.send(value)`; a StopIteration's value is the result.
pub fn send<'gc>(ctx: &mut Ctx<'gc, '_>, it: Value<'gc>, value: Value<'gc>) -> PyResult<'gc, GenStep<'gc>> {
    if let Value::Generator(g) = it {
        return crate::interp::generator::resume(ctx, g, value);
    }
    if value.is_none() {
        if let Value::Iter(_) = it {
            return Ok(match next(ctx, it)? {
                Some(v) => GenStep::Yielded(v),
                None => GenStep::Returned(Value::None),
            });
        }
    }
    let method = if value.is_none() {
        crate::ops::attr::special_method(ctx, it, crate::dunder!("__next__"))?
    } else {
        let name = ctx.intern("send");
        crate::ops::attr::getattr_opt(ctx, it, name)?
    };
    let Some(method) = method else {
        let msg = if value.is_none() {
            format!("'{}' object is not an iterator", ctx.type_name(it))
        } else {
            format!("'{}' object has no attribute 'send'", ctx.type_name(it))
        };
        return Err(ctx.error(if value.is_none() { "TypeError" } else { "AttributeError" }, msg));
    };
    let args: &[Value<'gc>] = if value.is_none() { &[] } else { std::slice::from_ref(&value) };
    match crate::interp::call_value(ctx, method, args, &[]) {
        Ok(v) => Ok(GenStep::Yielded(v)),
        Err(e) if ctx.exc_matches(e, "StopIteration") => {
            Ok(GenStep::Returned(crate::ops::exceptions::stop_iteration_value(e)))
        }
        Err(e) => Err(e),
    }
}

/// The next item, or `None` when the iterator is exhausted.
pub fn next<'gc>(ctx: &mut Ctx<'gc, '_>, it: Value<'gc>) -> PyResult<'gc, Option<Value<'gc>>> {
    if let Value::Generator(g) = it {
        return Ok(match crate::interp::generator::resume(ctx, g, Value::None)? {
            GenStep::Yielded(v) => Some(v),
            GenStep::Returned(_) => None,
        });
    }
    let Value::Iter(cell) = it else {
        if let Some(m) = crate::ops::attr::special_method(ctx, it, crate::dunder!("__next__"))? {
            return match crate::interp::call_value(ctx, m, &[], &[]) {
                Ok(v) => Ok(Some(v)),
                Err(e) if ctx.exc_matches(e, "StopIteration") => Ok(None),
                Err(e) => Err(e),
            };
        }
        let msg = format!("'{}' object is not an iterator", ctx.type_name(it));
        return ctx.type_error(msg);
    };
    // Simple iterators advance in place; the ones that call other iterators or functions
    // copy what they need out first, so no borrow is held across the call.
    let mut state = cell.borrow_mut(ctx.mc);
    match &mut *state {
        Iter::Seq { seq, index } => {
            let v = match *seq {
                Value::List(l) => l.borrow().get(*index).copied(),
                Value::Tuple(t) => t.0.get(*index).copied(),
                Value::Bytes(b) => b.get(*index).map(|&x| Value::Int(x as i64)),
                other => {
                    let i = *index;
                    *index += 1;
                    drop(state);
                    return next_by_getitem(ctx, cell, other, i);
                }
            };
            match v {
                Some(v) => {
                    *index += 1;
                    Ok(Some(v))
                }
                None => {
                    *state = Iter::Exhausted;
                    Ok(None)
                }
            }
        }
        Iter::Range { next, stop, step } => {
            if (*step > 0 && *next < *stop) || (*step < 0 && *next > *stop) {
                let v = *next;
                *next = next.saturating_add(*step);
                Ok(Some(Value::Int(v)))
            } else {
                Ok(None)
            }
        }
        Iter::Str { s, byte } => {
            let rest = &s.as_str()[*byte..];
            match rest.chars().next() {
                Some(c) => {
                    *byte += c.len_utf8();
                    drop(state);
                    let mut buf = [0u8; 4];
                    Ok(Some(Value::Str(ctx.intern(c.encode_utf8(&mut buf)))))
                }
                None => Ok(None),
            }
        }
        Iter::DictKeys { dict, index, len }
        | Iter::DictValues { dict, index, len }
        | Iter::DictItems { dict, index, len } => {
            let d = dict.borrow();
            if d.len() != *len {
                *len = usize::MAX;
                drop(d);
                drop(state);
                return Err(ctx.error("RuntimeError", "dictionary changed size during iteration"));
            }
            let mut found = None;
            while let Some(e) = d.entry_at(*index) {
                *index += 1;
                if !e.key.is_undef() {
                    found = Some((e.key, e.value));
                    break;
                }
            }
            drop(d);
            let kind = match &*state {
                Iter::DictKeys { .. } => 0,
                Iter::DictValues { .. } => 1,
                _ => 2,
            };
            drop(state);
            Ok(found.map(|(k, v)| match kind {
                0 => k,
                1 => v,
                _ => ctx.new_tuple(vec![k, v]),
            }))
        }
        Iter::DictReversed { dict, kind, index, len } => {
            let d = dict.borrow();
            if d.len() != *len {
                *len = usize::MAX;
                drop(d);
                drop(state);
                return Err(ctx.error("RuntimeError", "dictionary changed size during iteration"));
            }
            let mut found = None;
            while *index > 0 {
                *index -= 1;
                if let Some(e) = d.entry_at(*index).filter(|e| !e.key.is_undef()) {
                    found = Some((e.key, e.value));
                    break;
                }
            }
            let kind = *kind;
            drop(d);
            drop(state);
            Ok(found.map(|(k, v)| match kind {
                ViewKind::Keys => k,
                ViewKind::Values => v,
                ViewKind::Items => ctx.new_tuple(vec![k, v]),
            }))
        }
        Iter::SetItems { set, index, len } => {
            let set = *set;
            let now = crate::ops::collections::set_items(set).len();
            if now != *len {
                *len = usize::MAX;
                drop(state);
                return Err(ctx.error("RuntimeError", "Set changed size during iteration"));
            }
            loop {
                let entry = match set {
                    Value::Set(s) => {
                        let s = s.borrow();
                        if *index >= s.positions() {
                            return Ok(None);
                        }
                        s.entry_at(*index)
                    }
                    Value::FrozenSet(s) => {
                        if *index >= s.positions() {
                            return Ok(None);
                        }
                        s.entry_at(*index)
                    }
                    _ => return Ok(None),
                };
                *index += 1;
                if let Some((_, k)) = entry {
                    return Ok(Some(k));
                }
            }
        }
        Iter::Reversed { seq, index } => {
            if *index == 0 {
                return Ok(None);
            }
            *index -= 1;
            let i = *index;
            let seq = *seq;
            drop(state);
            Ok(match seq {
                Value::List(l) => l.borrow().get(i).copied(),
                Value::Tuple(t) => t.0.get(i).copied(),
                Value::Range(r) => Some(Value::Int(r.get(i as i64))),
                Value::Str(s) => s.char_at(i).map(|c| {
                    let mut buf = [0u8; 4];
                    Value::Str(ctx.intern(c.encode_utf8(&mut buf)))
                }),
                _ => None,
            })
        }
        Iter::Enumerate { iter, count } => {
            let (inner, n) = (*iter, *count);
            *count += 1;
            drop(state);
            match next(ctx, inner)? {
                Some(v) => Ok(Some(ctx.new_tuple(vec![Value::Int(n), v]))),
                None => Ok(None),
            }
        }
        Iter::Zip { iters, strict } => {
            let (iters, strict) = (iters.to_vec(), *strict);
            drop(state);
            let mut items = Vec::with_capacity(iters.len());
            for (i, it) in iters.iter().enumerate() {
                match next(ctx, *it)? {
                    Some(v) => items.push(v),
                    None => {
                        if strict && (i > 0 || iters[1..].iter().any(|_| true)) {
                            if i > 0 {
                                let msg = format!(
                                    "zip() argument {} is shorter than argument{} 1{}",
                                    i + 1,
                                    if i > 1 { "s" } else { "" },
                                    if i > 1 { format!("-{}", i) } else { String::new() }
                                );
                                return ctx.value_error(msg);
                            }
                            for (j, other) in iters.iter().enumerate().skip(1) {
                                if next(ctx, *other)?.is_some() {
                                    let msg = format!(
                                        "zip() argument {} is longer than argument{} 1{}",
                                        j + 1,
                                        if j > 1 { "s" } else { "" },
                                        if j > 1 { format!("-{}", j) } else { String::new() }
                                    );
                                    return ctx.value_error(msg);
                                }
                            }
                        }
                        return Ok(None);
                    }
                }
            }
            if items.is_empty() {
                return Ok(None);
            }
            Ok(Some(ctx.new_tuple(items)))
        }
        Iter::Map { func, iters } => {
            let (func, iters) = (*func, iters.to_vec());
            drop(state);
            let mut args = Vec::with_capacity(iters.len());
            for it in iters {
                match next(ctx, it)? {
                    Some(v) => args.push(v),
                    None => return Ok(None),
                }
            }
            crate::interp::call_value(ctx, func, &args, &[]).map(Some)
        }
        Iter::Filter { func, iter } => {
            let (func, inner) = (*func, *iter);
            drop(state);
            while let Some(v) = next(ctx, inner)? {
                let keep = if func.is_none() { v } else { crate::interp::call_value(ctx, func, &[v], &[])? };
                if crate::ops::truth::truthy(ctx, keep)? {
                    return Ok(Some(v));
                }
            }
            Ok(None)
        }
        Iter::Callable { func, sentinel } => {
            let (func, sentinel) = (*func, *sentinel);
            drop(state);
            let v = crate::interp::call_value(ctx, func, &[], &[])?;
            if crate::ops::compare::eq(ctx, v, sentinel)? {
                *cell.borrow_mut(ctx.mc) = Iter::Exhausted;
                return Ok(None);
            }
            Ok(Some(v))
        }
        Iter::Exhausted => Ok(None),
    }
}

/// The old sequence protocol: item `index` of an object with `__getitem__`; IndexError or
/// StopIteration ends the iteration.
fn next_by_getitem<'gc>(
    ctx: &mut Ctx<'gc, '_>,
    cell: crate::value::GcCell<'gc, Iter<'gc>>,
    seq: Value<'gc>,
    index: usize,
) -> PyResult<'gc, Option<Value<'gc>>> {
    match crate::ops::subscript::getitem(ctx, seq, Value::Int(index as i64)) {
        Ok(v) => Ok(Some(v)),
        Err(e) if ctx.exc_matches(e, "IndexError") || ctx.exc_matches(e, "StopIteration") => {
            *cell.borrow_mut(ctx.mc) = Iter::Exhausted;
            Ok(None)
        }
        Err(e) => Err(e),
    }
}

/// All items of an iterable.
pub fn to_vec<'gc>(ctx: &mut Ctx<'gc, '_>, v: Value<'gc>) -> PyResult<'gc, Vec<Value<'gc>>> {
    match v {
        Value::List(l) => return Ok(l.borrow().clone()),
        Value::Tuple(t) => return Ok(t.0.to_vec()),
        _ => {}
    }
    let it = get_iter(ctx, v)?;
    let mut out = Vec::new();
    while let Some(x) = next(ctx, it)? {
        out.push(x);
    }
    Ok(out)
}

/// Unpack exactly `before` items (or, with `after`, `before` + a list + `after`), in order.
pub fn unpack<'gc>(
    ctx: &mut Ctx<'gc, '_>,
    seq: Value<'gc>,
    before: usize,
    after: Option<usize>,
) -> PyResult<'gc, Vec<Value<'gc>>> {
    if !is_iterable(ctx, seq) {
        let msg = format!("cannot unpack non-iterable {} object", ctx.type_name(seq));
        return ctx.type_error(msg);
    }
    let items = to_vec(ctx, seq)?;
    match after {
        None => {
            if items.len() != before {
                let msg = if items.len() > before {
                    format!("too many values to unpack (expected {before})")
                } else {
                    format!("not enough values to unpack (expected {before}, got {})", items.len())
                };
                return ctx.value_error(msg);
            }
            Ok(items)
        }
        Some(after) => {
            if items.len() < before + after {
                let msg = format!(
                    "not enough values to unpack (expected at least {}, got {})",
                    before + after,
                    items.len()
                );
                return ctx.value_error(msg);
            }
            let mut out = items[..before].to_vec();
            let middle = items[before..items.len() - after].to_vec();
            out.push(ctx.new_list(middle));
            out.extend_from_slice(&items[items.len() - after..]);
            Ok(out)
        }
    }
}
