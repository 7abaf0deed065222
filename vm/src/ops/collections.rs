//! Dict and set operations with Python's hashing and equality (the storage is in
//! `object::dict`).

use cellvm_compiler::bytecode::CompareOp;
use gc_arena::lock::RefLock;
use gc_arena::Gc;

use crate::ctx::{Ctx, PyResult};
use crate::object::{Dict, Set};
use crate::ops::compare::builtin_eq;
use crate::ops::hash::hash;
use crate::value::{GcCell, Value};

/// Whether keys of this kind compare with built-in equality only (no user `__eq__`).
fn plain_key(v: Value<'_>) -> bool {
    !matches!(v, Value::Instance(_))
}

/// Equality for a lookup: built-in, or the full protocol for user objects (evaluated
/// eagerly over candidates, so no borrow of the table is held across a call).
fn key_eq<'gc>(
    ctx: &mut Ctx<'gc, '_>,
    candidates: &[Value<'gc>],
    key: Value<'gc>,
) -> PyResult<'gc, Option<Value<'gc>>> {
    for c in candidates {
        if c.is(key) || crate::ops::compare::eq(ctx, *c, key)? {
            return Ok(Some(*c));
        }
    }
    Ok(None)
}

pub fn dict_get<'gc>(
    ctx: &mut Ctx<'gc, '_>,
    d: GcCell<'gc, Dict<'gc>>,
    key: Value<'gc>,
) -> PyResult<'gc, Option<Value<'gc>>> {
    let h = hash(ctx, key)?;
    if plain_key(key) {
        return Ok(d.borrow().get(h, key, &mut |a, b| builtin_eq(a, b)));
    }
    let candidates: Vec<Value<'gc>> = d.borrow().iter().filter(|e| e.hash == h).map(|e| e.key).collect();
    match key_eq(ctx, &candidates, key)? {
        Some(k) => Ok(d.borrow().get(h, k, &mut |a, b| a.is(b))),
        None => Ok(None),
    }
}

pub fn dict_set<'gc>(
    ctx: &mut Ctx<'gc, '_>,
    d: GcCell<'gc, Dict<'gc>>,
    key: Value<'gc>,
    value: Value<'gc>,
) -> PyResult<'gc, ()> {
    let h = hash(ctx, key)?;
    if plain_key(key) {
        d.borrow_mut(ctx.mc).insert(h, key, value, &mut |a, b| builtin_eq(a, b));
        return Ok(());
    }
    let candidates: Vec<Value<'gc>> = d.borrow().iter().filter(|e| e.hash == h).map(|e| e.key).collect();
    let k = key_eq(ctx, &candidates, key)?.unwrap_or(key);
    d.borrow_mut(ctx.mc).insert(h, k, value, &mut |a, b| a.is(b));
    Ok(())
}

/// Remove `key`; its value if it was there.
pub fn dict_del<'gc>(
    ctx: &mut Ctx<'gc, '_>,
    d: GcCell<'gc, Dict<'gc>>,
    key: Value<'gc>,
) -> PyResult<'gc, Option<Value<'gc>>> {
    let h = hash(ctx, key)?;
    let k = if plain_key(key) {
        key
    } else {
        let candidates: Vec<Value<'gc>> = d.borrow().iter().filter(|e| e.hash == h).map(|e| e.key).collect();
        match key_eq(ctx, &candidates, key)? {
            Some(k) => k,
            None => return Ok(None),
        }
    };
    Ok(d.borrow_mut(ctx.mc).remove(h, k, &mut |a, b| builtin_eq(a, b)).map(|(_, v)| v))
}

pub fn new_set<'gc>(ctx: &mut Ctx<'gc, '_>, items: &[Value<'gc>]) -> PyResult<'gc, Value<'gc>> {
    let s = Gc::new(ctx.mc, RefLock::new(Set::new()));
    let v = Value::Set(s);
    for x in items {
        set_add(ctx, v, *x)?;
    }
    Ok(v)
}

pub fn frozenset_from<'gc>(ctx: &mut Ctx<'gc, '_>, items: &[Value<'gc>]) -> PyResult<'gc, Value<'gc>> {
    let mut set = Set::new();
    for x in items {
        let h = hash(ctx, *x)?;
        set.add(h, *x, &mut |a, b| builtin_eq(a, b));
    }
    Ok(Value::FrozenSet(Gc::new(ctx.mc, set)))
}

pub fn set_add<'gc>(ctx: &mut Ctx<'gc, '_>, set: Value<'gc>, item: Value<'gc>) -> PyResult<'gc, ()> {
    let h = hash(ctx, item)?;
    let Value::Set(s) = set else { return Ok(()) };
    if plain_key(item) {
        s.borrow_mut(ctx.mc).add(h, item, &mut |a, b| builtin_eq(a, b));
        return Ok(());
    }
    if set_member(ctx, set, h, item)?.is_none() {
        s.borrow_mut(ctx.mc).add(h, item, &mut |a, b| a.is(b));
    }
    Ok(())
}

/// The member of `set` equal to `item` (a user object: its `__eq__` may run), if any.
fn set_member<'gc>(
    ctx: &mut Ctx<'gc, '_>,
    set: Value<'gc>,
    h: i64,
    item: Value<'gc>,
) -> PyResult<'gc, Option<Value<'gc>>> {
    let candidates: Vec<Value<'gc>> =
        set_items(set).into_iter().filter(|(eh, _)| *eh == h).map(|(_, k)| k).collect();
    key_eq(ctx, &candidates, item)
}

pub fn set_contains<'gc>(ctx: &mut Ctx<'gc, '_>, set: Value<'gc>, item: Value<'gc>) -> PyResult<'gc, bool> {
    // An unhashable set is looked up as a frozenset, as CPython does.
    let h = match (item, hash(ctx, item)) {
        (_, Ok(h)) => h,
        (Value::Set(s), Err(_)) => {
            let items: Vec<Value<'gc>> = s.borrow().iter().map(|(_, k)| k).collect();
            let f = frozenset_from(ctx, &items)?;
            return set_contains(ctx, set, f);
        }
        (_, Err(e)) => return Err(e),
    };
    if !plain_key(item) {
        return Ok(set_member(ctx, set, h, item)?.is_some());
    }
    Ok(match set {
        Value::Set(s) => s.borrow().contains(h, item, &mut |a, b| builtin_eq(a, b)),
        Value::FrozenSet(s) => s.contains(h, item, &mut |a, b| builtin_eq(a, b)),
        _ => false,
    })
}

/// The items of a set or frozenset, in table order.
pub fn set_items<'gc>(v: Value<'gc>) -> Vec<(i64, Value<'gc>)> {
    match v {
        Value::Set(s) => s.borrow().iter().collect(),
        Value::FrozenSet(s) => s.iter().collect(),
        _ => Vec::new(),
    }
}

pub fn set_eq<'gc>(ctx: &mut Ctx<'gc, '_>, a: Value<'gc>, b: Value<'gc>) -> PyResult<'gc, bool> {
    let (xa, xb) = (set_items(a), set_items(b));
    if xa.len() != xb.len() {
        return Ok(false);
    }
    for (_, k) in xa {
        if !set_contains(ctx, b, k)? {
            return Ok(false);
        }
    }
    Ok(true)
}

/// Subset and superset comparisons.
pub fn set_compare<'gc>(
    ctx: &mut Ctx<'gc, '_>,
    op: CompareOp,
    a: Value<'gc>,
    b: Value<'gc>,
) -> PyResult<'gc, Value<'gc>> {
    let subset = |ctx: &mut Ctx<'gc, '_>, x: Value<'gc>, y: Value<'gc>| -> PyResult<'gc, bool> {
        for (_, k) in set_items(x) {
            if !set_contains(ctx, y, k)? {
                return Ok(false);
            }
        }
        Ok(true)
    };
    let (la, lb) = (set_items(a).len(), set_items(b).len());
    Ok(Value::Bool(match op {
        CompareOp::Le => subset(ctx, a, b)?,
        CompareOp::Lt => la < lb && subset(ctx, a, b)?,
        CompareOp::Ge => subset(ctx, b, a)?,
        CompareOp::Gt => la > lb && subset(ctx, b, a)?,
        CompareOp::Eq => set_eq(ctx, a, b)?,
        CompareOp::Ne => !set_eq(ctx, a, b)?,
    }))
}

/// A copy of a set's table (`set(s)`, `s.copy()`), keeping CPython's layout.
pub fn copy_set<'gc>(v: Value<'gc>) -> Set<'gc> {
    let mut out = Set::new();
    match v {
        Value::Set(s) => out.merge(&s.borrow(), &mut |a, b| builtin_eq(a, b)),
        Value::FrozenSet(s) => out.merge(&s, &mut |a, b| builtin_eq(a, b)),
        _ => {}
    }
    out
}
