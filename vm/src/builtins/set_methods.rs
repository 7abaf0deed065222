//! The methods and operators of `set` and `frozenset`.
//!
//! Python programs print sets, and a set prints in its table's order, so every operation
//! builds its result table the way CPython's `Objects/setobject.c` does: which operand is
//! iterated, in what order keys are added, when the table is pre-sized or rebuilt. With the
//! same hashes (`ops::hash`) and the same table (`object::dict::Set`), the order matches.
//!
//! Results are built in a fresh set cell from the start, so no borrow of any table is held
//! while Python code runs (`__hash__`, `__eq__`, iteration of an argument).

use cellvm_compiler::bytecode::BinaryOp;
use gc_arena::lock::RefLock;
use gc_arena::Gc;

use super::{expect_args, methods, split_receiver, wrong_receiver};
use crate::ctx::{Ctx, PyResult};
use crate::object::{Args, NativeFn, Set};
use crate::ops;
use crate::ops::compare::builtin_eq;
use crate::ops::hash::hash;
use crate::value::{GcCell, Value};

pub fn install<'gc>(ctx: &mut Ctx<'gc, '_>) {
    let (set, frozenset) = (ctx.st.types.set, ctx.st.types.frozenset);
    let set_fns: &[(&'static str, NativeFn)] = &[
        ("add", set_add),
        ("remove", set_remove),
        ("discard", set_discard),
        ("pop", set_pop),
        ("clear", set_clear),
        ("copy", set_copy),
        ("update", set_update),
        ("intersection_update", set_intersection_update),
        ("difference_update", set_difference_update),
        ("symmetric_difference_update", set_symmetric_difference_update),
        ("union", set_union),
        ("intersection", set_intersection),
        ("difference", set_difference),
        ("symmetric_difference", set_symmetric_difference),
        ("issubset", set_issubset),
        ("issuperset", set_issuperset),
        ("isdisjoint", set_isdisjoint),
    ];
    methods(ctx, set, set_fns);
    let frozenset_fns: &[(&'static str, NativeFn)] = &[
        ("copy", frozenset_copy),
        ("union", frozenset_union),
        ("intersection", frozenset_intersection),
        ("difference", frozenset_difference),
        ("symmetric_difference", frozenset_symmetric_difference),
        ("issubset", frozenset_issubset),
        ("issuperset", frozenset_issuperset),
        ("isdisjoint", frozenset_isdisjoint),
    ];
    methods(ctx, frozenset, frozenset_fns);
}

// ---------------------------------------------------------------------------------------
// Table access

/// Whether `v` is a set or a frozenset (CPython's `PyAnySet_Check`).
pub fn is_any_set(v: Value<'_>) -> bool {
    matches!(v, Value::Set(_) | Value::FrozenSet(_))
}

/// Run `f` on the table of a set or frozenset (an empty table for anything else).
fn read<'gc, R>(v: Value<'gc>, f: impl FnOnce(&Set<'gc>) -> R) -> R {
    match v {
        Value::Set(s) => f(&s.borrow()),
        Value::FrozenSet(s) => f(&s),
        _ => f(&Set::new()),
    }
}

fn len(v: Value<'_>) -> usize {
    read(v, |s| s.len())
}

/// The entries in table order (a snapshot: Python code may run while they are used).
fn entries<'gc>(v: Value<'gc>) -> Vec<(i64, Value<'gc>)> {
    read(v, |s| s.iter().collect())
}

/// A new empty set.
pub fn empty<'gc>(ctx: &Ctx<'gc, '_>) -> GcCell<'gc, Set<'gc>> {
    Gc::new(ctx.mc, RefLock::new(Set::new()))
}

/// A finished result as a value of the receiver's kind.
fn finish<'gc>(ctx: &Ctx<'gc, '_>, cell: GcCell<'gc, Set<'gc>>, frozen: bool) -> Value<'gc> {
    if frozen {
        let table = std::mem::take(&mut *cell.borrow_mut(ctx.mc));
        Value::FrozenSet(Gc::new(ctx.mc, table))
    } else {
        Value::Set(cell)
    }
}

/// The key stored in `set` that equals `key`, found with Python's `==` when the key's
/// equality may be user code (instances); otherwise `key` itself, for the table's
/// built-in equality. The candidates are copied out first, so no borrow is held.
fn stored_key<'gc>(
    ctx: &mut Ctx<'gc, '_>,
    set: Value<'gc>,
    h: i64,
    key: Value<'gc>,
) -> PyResult<'gc, Value<'gc>> {
    if !matches!(key, Value::Instance(_)) {
        return Ok(key);
    }
    for candidate in read(set, |s| s.same_hash(h)) {
        if candidate.is(key) || ops::compare::eq(ctx, candidate, key)? {
            return Ok(candidate);
        }
    }
    Ok(key)
}

fn contains_entry<'gc>(
    ctx: &mut Ctx<'gc, '_>,
    set: Value<'gc>,
    h: i64,
    key: Value<'gc>,
) -> PyResult<'gc, bool> {
    let k = stored_key(ctx, set, h, key)?;
    Ok(read(set, |s| s.contains(h, k, &mut |a, b| builtin_eq(a, b))))
}

fn contains_key<'gc>(ctx: &mut Ctx<'gc, '_>, set: Value<'gc>, key: Value<'gc>) -> PyResult<'gc, bool> {
    let h = hash(ctx, key)?;
    contains_entry(ctx, set, h, key)
}

/// CPython's `set_add_entry`: false if an equal key was already there.
fn add_entry<'gc>(
    ctx: &mut Ctx<'gc, '_>,
    cell: GcCell<'gc, Set<'gc>>,
    h: i64,
    key: Value<'gc>,
) -> PyResult<'gc, bool> {
    let k = stored_key(ctx, Value::Set(cell), h, key)?;
    Ok(cell.borrow_mut(ctx.mc).add(h, k, &mut |a, b| builtin_eq(a, b)))
}

fn add_key<'gc>(ctx: &mut Ctx<'gc, '_>, cell: GcCell<'gc, Set<'gc>>, key: Value<'gc>) -> PyResult<'gc, bool> {
    let h = hash(ctx, key)?;
    add_entry(ctx, cell, h, key)
}

/// CPython's `set_discard_entry`: whether the key was there.
fn discard_entry<'gc>(
    ctx: &mut Ctx<'gc, '_>,
    cell: GcCell<'gc, Set<'gc>>,
    h: i64,
    key: Value<'gc>,
) -> PyResult<'gc, bool> {
    let k = stored_key(ctx, Value::Set(cell), h, key)?;
    Ok(cell.borrow_mut(ctx.mc).discard(h, k, &mut |a, b| builtin_eq(a, b)))
}

/// The hash of a key for `remove`/`discard`/`in`: an unhashable set is looked up as the
/// frozenset with its items, as CPython does.
fn lookup_key<'gc>(ctx: &mut Ctx<'gc, '_>, key: Value<'gc>) -> PyResult<'gc, (i64, Value<'gc>)> {
    match hash(ctx, key) {
        Ok(h) => Ok((h, key)),
        Err(e) if matches!(key, Value::Set(_)) && ctx.exc_matches(e, "TypeError") => {
            let frozen = Value::FrozenSet(Gc::new(ctx.mc, ops::collections::copy_set(key)));
            Ok((hash(ctx, frozen)?, frozen))
        }
        Err(e) => Err(e),
    }
}

// ---------------------------------------------------------------------------------------
// The algorithms of setobject.c

/// `set_merge`: add another set's keys, pre-sizing once; an empty table takes the other's
/// layout (a straight copy when the sizes match and it has no dummies).
fn merge<'gc>(ctx: &mut Ctx<'gc, '_>, cell: GcCell<'gc, Set<'gc>>, other: Value<'gc>) -> PyResult<'gc, ()> {
    if other.is(Value::Set(cell)) || len(other) == 0 {
        return Ok(());
    }
    let n = len(other);
    let empty = {
        let mut s = cell.borrow_mut(ctx.mc);
        s.reserve_for(n);
        s.fill() == 0
    };
    if empty {
        let mut s = cell.borrow_mut(ctx.mc);
        read(other, |o| s.merge(o, &mut |a, b| builtin_eq(a, b)));
        return Ok(());
    }
    for (h, k) in entries(other) {
        add_entry(ctx, cell, h, k)?;
    }
    Ok(())
}

/// `set_update_internal`: a set merges, a dict's keys go in after one resize, anything
/// else is iterated.
pub fn update_internal<'gc>(
    ctx: &mut Ctx<'gc, '_>,
    cell: GcCell<'gc, Set<'gc>>,
    other: Value<'gc>,
) -> PyResult<'gc, ()> {
    match other {
        Value::Set(_) | Value::FrozenSet(_) => merge(ctx, cell, other),
        Value::Dict(d) => {
            let keys: Vec<(i64, Value<'gc>)> = d.borrow().iter().map(|e| (e.hash, e.key)).collect();
            cell.borrow_mut(ctx.mc).reserve_for(keys.len());
            for (h, k) in keys {
                add_entry(ctx, cell, h, k)?;
            }
            Ok(())
        }
        _ => {
            let it = ops::iter::get_iter(ctx, other)?;
            while let Some(k) = ops::iter::next(ctx, it)? {
                add_key(ctx, cell, k)?;
            }
            Ok(())
        }
    }
}

/// `make_new_set(type, iterable)`: a new table filled from `iterable`.
pub fn table_from<'gc>(ctx: &mut Ctx<'gc, '_>, iterable: Value<'gc>) -> PyResult<'gc, Set<'gc>> {
    let cell = empty(ctx);
    update_internal(ctx, cell, iterable)?;
    let table = std::mem::take(&mut *cell.borrow_mut(ctx.mc));
    Ok(table)
}

/// `set_copy`: a new table merged from `so`.
fn copy_cell<'gc>(ctx: &mut Ctx<'gc, '_>, so: Value<'gc>) -> PyResult<'gc, GcCell<'gc, Set<'gc>>> {
    let cell = empty(ctx);
    merge(ctx, cell, so)?;
    Ok(cell)
}

/// `set_intersection`: iterate the smaller set (the argument when sizes are equal) and keep
/// its keys the other has; for other iterables, stop once every key of `so` was found.
fn intersection<'gc>(
    ctx: &mut Ctx<'gc, '_>,
    so: Value<'gc>,
    other: Value<'gc>,
) -> PyResult<'gc, GcCell<'gc, Set<'gc>>> {
    if so.is(other) {
        return copy_cell(ctx, so);
    }
    let result = empty(ctx);
    if is_any_set(other) {
        let (large, small) = if len(other) > len(so) { (other, so) } else { (so, other) };
        for (h, k) in entries(small) {
            if contains_entry(ctx, large, h, k)? {
                add_entry(ctx, result, h, k)?;
            }
        }
        return Ok(result);
    }
    let it = ops::iter::get_iter(ctx, other)?;
    while let Some(k) = ops::iter::next(ctx, it)? {
        let h = hash(ctx, k)?;
        if contains_entry(ctx, so, h, k)? {
            add_entry(ctx, result, h, k)?;
            if result.borrow().len() >= len(so) {
                break;
            }
        }
    }
    Ok(result)
}

fn intersection_multi<'gc>(
    ctx: &mut Ctx<'gc, '_>,
    so: Value<'gc>,
    others: &[Value<'gc>],
) -> PyResult<'gc, GcCell<'gc, Set<'gc>>> {
    let Some((first, rest)) = others.split_first() else { return copy_cell(ctx, so) };
    let mut result = intersection(ctx, so, *first)?;
    for other in rest {
        result = intersection(ctx, Value::Set(result), *other)?;
    }
    Ok(result)
}

/// `set_difference_update_internal`: discard the other's keys (through the intersection
/// when the other set is much larger), then rebuild the table if dummies took over.
fn difference_update_internal<'gc>(
    ctx: &mut Ctx<'gc, '_>,
    cell: GcCell<'gc, Set<'gc>>,
    other: Value<'gc>,
) -> PyResult<'gc, ()> {
    let so = Value::Set(cell);
    if so.is(other) {
        cell.borrow_mut(ctx.mc).clear();
        return Ok(());
    }
    if is_any_set(other) {
        let source =
            if (len(other) >> 3) > len(so) { Value::Set(intersection(ctx, so, other)?) } else { other };
        for (h, k) in entries(source) {
            discard_entry(ctx, cell, h, k)?;
        }
    } else {
        let it = ops::iter::get_iter(ctx, other)?;
        while let Some(k) = ops::iter::next(ctx, it)? {
            let h = hash(ctx, k)?;
            discard_entry(ctx, cell, h, k)?;
        }
    }
    let mut s = cell.borrow_mut(ctx.mc);
    let (fill, used, mask) = (s.fill(), s.len(), s.positions() - 1);
    if fill - used > mask / 4 {
        s.resize(if used > 50000 { used * 2 } else { used * 4 });
    }
    Ok(())
}

/// `set_difference`: for a set or dict not much smaller than `so`, the keys of `so` the
/// other lacks, in `so`'s order; otherwise a copy of `so` with the other's keys discarded.
fn difference<'gc>(
    ctx: &mut Ctx<'gc, '_>,
    so: Value<'gc>,
    other: Value<'gc>,
) -> PyResult<'gc, GcCell<'gc, Set<'gc>>> {
    let other_size = match other {
        Value::Set(_) | Value::FrozenSet(_) => Some(len(other)),
        Value::Dict(d) => Some(d.borrow().len()),
        _ => None,
    };
    if other_size.is_none_or(|n| (len(so) >> 2) > n) {
        let result = copy_cell(ctx, so)?;
        difference_update_internal(ctx, result, other)?;
        return Ok(result);
    }
    let result = empty(ctx);
    for (h, k) in entries(so) {
        let present = match other {
            Value::Dict(d) => ops::collections::dict_get(ctx, d, k)?.is_some(),
            _ => contains_entry(ctx, other, h, k)?,
        };
        if !present {
            add_entry(ctx, result, h, k)?;
        }
    }
    Ok(result)
}

/// `set_symmetric_difference_update`: each key of the other (a dict's keys, a set, or a
/// set made from the iterable) is discarded if present, else added.
fn symmetric_difference_update<'gc>(
    ctx: &mut Ctx<'gc, '_>,
    cell: GcCell<'gc, Set<'gc>>,
    other: Value<'gc>,
) -> PyResult<'gc, ()> {
    if other.is(Value::Set(cell)) {
        cell.borrow_mut(ctx.mc).clear();
        return Ok(());
    }
    let keys: Vec<(i64, Value<'gc>)> = match other {
        Value::Dict(d) => d.borrow().iter().map(|e| (e.hash, e.key)).collect(),
        Value::Set(_) | Value::FrozenSet(_) => entries(other),
        _ => {
            let tmp = empty(ctx);
            update_internal(ctx, tmp, other)?;
            entries(Value::Set(tmp))
        }
    };
    for (h, k) in keys {
        if !discard_entry(ctx, cell, h, k)? {
            add_entry(ctx, cell, h, k)?;
        }
    }
    Ok(())
}

/// `set_symmetric_difference`: a new set from the other, updated with `so`.
fn symmetric_difference<'gc>(
    ctx: &mut Ctx<'gc, '_>,
    so: Value<'gc>,
    other: Value<'gc>,
) -> PyResult<'gc, GcCell<'gc, Set<'gc>>> {
    let result = empty(ctx);
    update_internal(ctx, result, other)?;
    symmetric_difference_update(ctx, result, so)?;
    Ok(result)
}

fn issubset<'gc>(ctx: &mut Ctx<'gc, '_>, so: Value<'gc>, other: Value<'gc>) -> PyResult<'gc, bool> {
    if !is_any_set(other) {
        let common = intersection(ctx, so, other)?;
        let n = common.borrow().len();
        return Ok(n == len(so));
    }
    if len(so) > len(other) {
        return Ok(false);
    }
    for (h, k) in entries(so) {
        if !contains_entry(ctx, other, h, k)? {
            return Ok(false);
        }
    }
    Ok(true)
}

fn issuperset<'gc>(ctx: &mut Ctx<'gc, '_>, so: Value<'gc>, other: Value<'gc>) -> PyResult<'gc, bool> {
    if is_any_set(other) {
        return issubset(ctx, other, so);
    }
    let it = ops::iter::get_iter(ctx, other)?;
    while let Some(k) = ops::iter::next(ctx, it)? {
        if !contains_key(ctx, so, k)? {
            return Ok(false);
        }
    }
    Ok(true)
}

fn isdisjoint<'gc>(ctx: &mut Ctx<'gc, '_>, so: Value<'gc>, other: Value<'gc>) -> PyResult<'gc, bool> {
    if so.is(other) {
        return Ok(len(so) == 0);
    }
    if is_any_set(other) {
        let (large, small) = if len(other) > len(so) { (other, so) } else { (so, other) };
        for (h, k) in entries(small) {
            if contains_entry(ctx, large, h, k)? {
                return Ok(false);
            }
        }
        return Ok(true);
    }
    let it = ops::iter::get_iter(ctx, other)?;
    while let Some(k) = ops::iter::next(ctx, it)? {
        if contains_key(ctx, so, k)? {
            return Ok(false);
        }
    }
    Ok(true)
}

/// The set operators `|`, `&`, `-`, `^` (and their in-place forms on a `set`) when both
/// operands are sets; `None` otherwise (NotImplemented). The result has the left operand's
/// kind; an in-place operator on a frozenset makes a new frozenset.
pub fn binary_op<'gc>(
    ctx: &mut Ctx<'gc, '_>,
    op: BinaryOp,
    a: Value<'gc>,
    b: Value<'gc>,
) -> PyResult<'gc, Option<Value<'gc>>> {
    if !is_any_set(a) || !is_any_set(b) {
        return Ok(None);
    }
    let base = op.base();
    if let (true, Value::Set(cell)) = (op.is_inplace(), a) {
        match base {
            BinaryOp::Or => update_internal(ctx, cell, b)?,
            BinaryOp::And => {
                let tmp = intersection(ctx, a, b)?;
                let table = std::mem::take(&mut *tmp.borrow_mut(ctx.mc));
                cell.borrow_mut(ctx.mc).replace_table(table);
            }
            BinaryOp::Subtract => difference_update_internal(ctx, cell, b)?,
            BinaryOp::Xor => symmetric_difference_update(ctx, cell, b)?,
            _ => return Ok(None),
        }
        return Ok(Some(a));
    }
    let result = match base {
        BinaryOp::Or => {
            let result = copy_cell(ctx, a)?;
            if !a.is(b) {
                update_internal(ctx, result, b)?;
            }
            result
        }
        BinaryOp::And => intersection(ctx, a, b)?,
        BinaryOp::Subtract => difference(ctx, a, b)?,
        BinaryOp::Xor => symmetric_difference(ctx, a, b)?,
        _ => return Ok(None),
    };
    Ok(Some(finish(ctx, result, matches!(a, Value::FrozenSet(_)))))
}

// ---------------------------------------------------------------------------------------
// The methods

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Set,
    FrozenSet,
}

impl Kind {
    fn name(self) -> &'static str {
        match self {
            Kind::Set => "set",
            Kind::FrozenSet => "frozenset",
        }
    }
}

/// The receiver, checked to be of `kind`, and the arguments after it.
fn receiver<'gc, 'a>(
    ctx: &Ctx<'gc, '_>,
    kind: Kind,
    method: &str,
    args: Args<'gc, 'a>,
) -> PyResult<'gc, (Value<'gc>, Args<'gc, 'a>)> {
    let (this, rest) = split_receiver(ctx, format_args!("{}.{method}", kind.name()), args)?;
    match (kind, this) {
        (Kind::Set, Value::Set(_)) | (Kind::FrozenSet, Value::FrozenSet(_)) => Ok((this, rest)),
        _ => wrong_receiver(ctx, method, kind.name(), this),
    }
}

fn the_cell<'gc>(v: Value<'gc>) -> Option<GcCell<'gc, Set<'gc>>> {
    match v {
        Value::Set(c) => Some(c),
        _ => None,
    }
}

/// A method taking exactly one argument (`METH_O`).
fn one_arg<'gc, 'a>(
    ctx: &Ctx<'gc, '_>,
    kind: Kind,
    method: &str,
    args: Args<'gc, 'a>,
) -> PyResult<'gc, (Value<'gc>, Value<'gc>)> {
    let (this, rest) = receiver(ctx, kind, method, args)?;
    let a = expect_args(ctx, format_args!("{}.{method}", kind.name()), &rest, 1, 1)?;
    Ok((this, a[0]))
}

/// A method taking any number of positional arguments (`METH_VARARGS`).
fn var_args<'gc, 'a>(
    ctx: &Ctx<'gc, '_>,
    kind: Kind,
    method: &str,
    args: Args<'gc, 'a>,
) -> PyResult<'gc, (Value<'gc>, &'a [Value<'gc>])> {
    let (this, rest) = receiver(ctx, kind, method, args)?;
    let a = expect_args(ctx, format_args!("{}.{method}", kind.name()), &rest, 0, usize::MAX)?;
    Ok((this, a))
}

/// A method taking no arguments (`METH_NOARGS`).
fn no_args<'gc>(
    ctx: &Ctx<'gc, '_>,
    kind: Kind,
    method: &str,
    args: Args<'gc, '_>,
) -> PyResult<'gc, Value<'gc>> {
    let (this, rest) = receiver(ctx, kind, method, args)?;
    expect_args(ctx, format_args!("{}.{method}", kind.name()), &rest, 0, 0)?;
    Ok(this)
}

fn set_add<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    let (this, key) = one_arg(ctx, Kind::Set, "add", args)?;
    if let Some(cell) = the_cell(this) {
        add_key(ctx, cell, key)?;
    }
    Ok(Value::None)
}

fn set_remove<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    let (this, key) = one_arg(ctx, Kind::Set, "remove", args)?;
    let (h, k) = lookup_key(ctx, key)?;
    if let Some(cell) = the_cell(this) {
        if !discard_entry(ctx, cell, h, k)? {
            return Err(ops::subscript::key_error(ctx, key));
        }
    }
    Ok(Value::None)
}

fn set_discard<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    let (this, key) = one_arg(ctx, Kind::Set, "discard", args)?;
    let (h, k) = lookup_key(ctx, key)?;
    if let Some(cell) = the_cell(this) {
        discard_entry(ctx, cell, h, k)?;
    }
    Ok(Value::None)
}

fn set_pop<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    let this = no_args(ctx, Kind::Set, "pop", args)?;
    let popped = the_cell(this).and_then(|c| c.borrow_mut(ctx.mc).pop());
    match popped {
        Some(k) => Ok(k),
        None => Err(ctx.error("KeyError", "pop from an empty set")),
    }
}

fn set_clear<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    let this = no_args(ctx, Kind::Set, "clear", args)?;
    if let Some(cell) = the_cell(this) {
        cell.borrow_mut(ctx.mc).clear();
    }
    Ok(Value::None)
}

fn copy<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>, kind: Kind) -> PyResult<'gc, Value<'gc>> {
    let this = no_args(ctx, kind, "copy", args)?;
    if kind == Kind::FrozenSet {
        return Ok(this);
    }
    let result = copy_cell(ctx, this)?;
    Ok(Value::Set(result))
}

fn set_update<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    let (this, others) = var_args(ctx, Kind::Set, "update", args)?;
    if let Some(cell) = the_cell(this) {
        for other in others {
            update_internal(ctx, cell, *other)?;
        }
    }
    Ok(Value::None)
}

fn set_intersection_update<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    let (this, others) = var_args(ctx, Kind::Set, "intersection_update", args)?;
    if let Some(cell) = the_cell(this) {
        let tmp = intersection_multi(ctx, this, others)?;
        let table = std::mem::take(&mut *tmp.borrow_mut(ctx.mc));
        cell.borrow_mut(ctx.mc).replace_table(table);
    }
    Ok(Value::None)
}

fn set_difference_update<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    let (this, others) = var_args(ctx, Kind::Set, "difference_update", args)?;
    if let Some(cell) = the_cell(this) {
        for other in others {
            difference_update_internal(ctx, cell, *other)?;
        }
    }
    Ok(Value::None)
}

fn set_symmetric_difference_update<'gc>(
    ctx: &mut Ctx<'gc, '_>,
    args: Args<'gc, '_>,
) -> PyResult<'gc, Value<'gc>> {
    let (this, other) = one_arg(ctx, Kind::Set, "symmetric_difference_update", args)?;
    if let Some(cell) = the_cell(this) {
        symmetric_difference_update(ctx, cell, other)?;
    }
    Ok(Value::None)
}

fn union<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>, kind: Kind) -> PyResult<'gc, Value<'gc>> {
    let (this, others) = var_args(ctx, kind, "union", args)?;
    let result = copy_cell(ctx, this)?;
    for other in others {
        if !other.is(this) {
            update_internal(ctx, result, *other)?;
        }
    }
    Ok(finish(ctx, result, kind == Kind::FrozenSet))
}

fn intersection_method<'gc>(
    ctx: &mut Ctx<'gc, '_>,
    args: Args<'gc, '_>,
    kind: Kind,
) -> PyResult<'gc, Value<'gc>> {
    let (this, others) = var_args(ctx, kind, "intersection", args)?;
    let result = intersection_multi(ctx, this, others)?;
    Ok(finish(ctx, result, kind == Kind::FrozenSet))
}

fn difference_method<'gc>(
    ctx: &mut Ctx<'gc, '_>,
    args: Args<'gc, '_>,
    kind: Kind,
) -> PyResult<'gc, Value<'gc>> {
    let (this, others) = var_args(ctx, kind, "difference", args)?;
    let result = match others.split_first() {
        None => copy_cell(ctx, this)?,
        Some((first, rest)) => {
            let result = difference(ctx, this, *first)?;
            for other in rest {
                difference_update_internal(ctx, result, *other)?;
            }
            result
        }
    };
    Ok(finish(ctx, result, kind == Kind::FrozenSet))
}

fn symmetric_difference_method<'gc>(
    ctx: &mut Ctx<'gc, '_>,
    args: Args<'gc, '_>,
    kind: Kind,
) -> PyResult<'gc, Value<'gc>> {
    let (this, other) = one_arg(ctx, kind, "symmetric_difference", args)?;
    let result = symmetric_difference(ctx, this, other)?;
    Ok(finish(ctx, result, kind == Kind::FrozenSet))
}

fn predicate<'gc>(
    ctx: &mut Ctx<'gc, '_>,
    args: Args<'gc, '_>,
    kind: Kind,
    method: &str,
    test: for<'c> fn(&mut Ctx<'gc, 'c>, Value<'gc>, Value<'gc>) -> PyResult<'gc, bool>,
) -> PyResult<'gc, Value<'gc>> {
    let (this, other) = one_arg(ctx, kind, method, args)?;
    test(ctx, this, other).map(Value::Bool)
}

/// The natives of one method for `set` and for `frozenset` receivers.
macro_rules! for_both_kinds {
    ($($set_fn:ident, $frozen_fn:ident => |$ctx:ident, $args:ident, $kind:ident| $body:expr;)*) => {$(
        fn $set_fn<'gc>($ctx: &mut Ctx<'gc, '_>, $args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
            let $kind = Kind::Set;
            $body
        }
        fn $frozen_fn<'gc>($ctx: &mut Ctx<'gc, '_>, $args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
            let $kind = Kind::FrozenSet;
            $body
        }
    )*};
}

for_both_kinds! {
    set_copy, frozenset_copy => |ctx, args, kind| copy(ctx, args, kind);
    set_union, frozenset_union => |ctx, args, kind| union(ctx, args, kind);
    set_intersection, frozenset_intersection => |ctx, args, kind| intersection_method(ctx, args, kind);
    set_difference, frozenset_difference => |ctx, args, kind| difference_method(ctx, args, kind);
    set_symmetric_difference, frozenset_symmetric_difference =>
        |ctx, args, kind| symmetric_difference_method(ctx, args, kind);
    set_issubset, frozenset_issubset => |ctx, args, kind| predicate(ctx, args, kind, "issubset", issubset);
    set_issuperset, frozenset_issuperset => |ctx, args, kind| predicate(ctx, args, kind, "issuperset", issuperset);
    set_isdisjoint, frozenset_isdisjoint => |ctx, args, kind| predicate(ctx, args, kind, "isdisjoint", isdisjoint);
}

/// What views and other callers need: `set(iterable)` as a value.
pub fn new_set_from<'gc>(
    ctx: &mut Ctx<'gc, '_>,
    iterable: Value<'gc>,
) -> PyResult<'gc, GcCell<'gc, Set<'gc>>> {
    let cell = empty(ctx);
    update_internal(ctx, cell, iterable)?;
    Ok(cell)
}

/// In-place updates for the dict views' operators (`dictviews_or` etc.).
pub fn update_in_place<'gc>(
    ctx: &mut Ctx<'gc, '_>,
    cell: GcCell<'gc, Set<'gc>>,
    op: BinaryOp,
    other: Value<'gc>,
) -> PyResult<'gc, ()> {
    match op {
        BinaryOp::Or => update_internal(ctx, cell, other),
        BinaryOp::Subtract => difference_update_internal(ctx, cell, other),
        _ => symmetric_difference_update(ctx, cell, other),
    }
}

/// `other.intersection(view)` for the dict views' `&`.
pub fn intersection_with<'gc>(
    ctx: &mut Ctx<'gc, '_>,
    so: Value<'gc>,
    other: Value<'gc>,
) -> PyResult<'gc, Value<'gc>> {
    let result = intersection(ctx, so, other)?;
    Ok(finish(ctx, result, matches!(so, Value::FrozenSet(_))))
}

/// Add a key to a set being built (the dict views' `&`).
pub fn add<'gc>(ctx: &mut Ctx<'gc, '_>, cell: GcCell<'gc, Set<'gc>>, key: Value<'gc>) -> PyResult<'gc, ()> {
    add_key(ctx, cell, key).map(|_| ())
}
