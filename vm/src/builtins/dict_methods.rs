//! The methods of `dict` and its views (`keys()`, `values()`, `items()`).
//!
//! The views are live: they hold the dict and read it on every use. Keys and items views
//! are set-like (comparisons with sets, `|`, `&`, `-`, `^`, `isdisjoint`), following
//! `Objects/dictobject.c`, whose set operators build their results through the set
//! algorithms (so the result's order matches CPython's).

use cellvm_compiler::bytecode::{BinaryOp, CompareOp};
use gc_arena::Gc;

use super::{expect_args, methods, numeric::class_method, set_methods, split_receiver, wrong_receiver};
use crate::ctx::{Ctx, PyResult};
use crate::object::{Args, Dict, DictView, Iter, NativeFn, ViewKind};
use crate::ops;
use crate::ops::collections::{dict_del, dict_get, dict_set};
use crate::value::{GcCell, Value};

pub fn install<'gc>(ctx: &mut Ctx<'gc, '_>) {
    let t = &ctx.st.types;
    let (dict, keys, values, items) = (t.dict, t.dict_keys, t.dict_values, t.dict_items);
    let dict_fns: &[(&'static str, NativeFn)] = &[
        ("get", dict_get_method),
        ("setdefault", dict_setdefault),
        ("pop", dict_pop),
        ("popitem", dict_popitem),
        ("keys", dict_keys),
        ("values", dict_values),
        ("items", dict_items),
        ("update", dict_update),
        ("copy", dict_copy),
        ("clear", dict_clear),
        ("__reversed__", dict_reversed),
    ];
    methods(ctx, dict, dict_fns);
    class_method(ctx, dict, "fromkeys", dict_fromkeys);
    let view_fns: &[(&'static str, NativeFn)] =
        &[("__len__", view_len), ("__contains__", view_contains_method), ("__reversed__", view_reversed)];
    for class in [keys, values, items] {
        methods(ctx, class, view_fns);
    }
    for class in [keys, items] {
        methods(ctx, class, &[("isdisjoint", view_isdisjoint)]);
    }
}

fn this_dict<'gc, 'a>(
    ctx: &Ctx<'gc, '_>,
    method: &str,
    args: Args<'gc, 'a>,
) -> PyResult<'gc, (GcCell<'gc, Dict<'gc>>, Args<'gc, 'a>)> {
    let (this, rest) = split_receiver(ctx, format_args!("dict.{method}"), args)?;
    match this {
        Value::Dict(d) => Ok((d, rest)),
        _ => wrong_receiver(ctx, method, "dict", this),
    }
}

/// The arguments of a `dict` method that takes positional ones only (`METH_VARARGS`): the
/// keyword message names the method as `dict.NAME()`, the count messages as `NAME`.
fn method_args<'gc, 'a>(
    ctx: &Ctx<'gc, '_>,
    method: &str,
    rest: &Args<'gc, 'a>,
    min: usize,
    max: usize,
) -> PyResult<'gc, &'a [Value<'gc>]> {
    if !rest.kwnames.is_empty() {
        return ctx.type_error(format!("dict.{method}() takes no keyword arguments"));
    }
    expect_args(ctx, method, rest, min, max)
}

/// A `dict` method without arguments (`METH_NOARGS`).
fn dict_noargs<'gc>(
    ctx: &Ctx<'gc, '_>,
    method: &str,
    args: Args<'gc, '_>,
) -> PyResult<'gc, GcCell<'gc, Dict<'gc>>> {
    let (d, rest) = this_dict(ctx, method, args)?;
    expect_args(ctx, format_args!("dict.{method}"), &rest, 0, 0)?;
    Ok(d)
}

fn dict_get_method<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    // The usual `d.get(key)` and `d.get(key, default)`, checked without building messages.
    if let ([Value::Dict(d), key, default @ ..], []) = (args.args, args.kwnames) {
        if default.len() <= 1 {
            let default = default.first().copied().unwrap_or(Value::None);
            return Ok(dict_get(ctx, *d, *key)?.unwrap_or(default));
        }
    }
    let (d, rest) = this_dict(ctx, "get", args)?;
    let a = method_args(ctx, "get", &rest, 1, 2)?;
    Ok(dict_get(ctx, d, a[0])?.unwrap_or(a.get(1).copied().unwrap_or(Value::None)))
}

fn dict_setdefault<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    let (d, rest) = this_dict(ctx, "setdefault", args)?;
    let a = method_args(ctx, "setdefault", &rest, 1, 2)?;
    if let Some(v) = dict_get(ctx, d, a[0])? {
        return Ok(v);
    }
    let default = a.get(1).copied().unwrap_or(Value::None);
    dict_set(ctx, d, a[0], default)?;
    Ok(default)
}

/// `dict.pop(key[, default])`; an empty dict answers without hashing the key, as CPython.
fn dict_pop<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    let (d, rest) = this_dict(ctx, "pop", args)?;
    let a = method_args(ctx, "pop", &rest, 1, 2)?;
    let found = if d.borrow().is_empty() { None } else { dict_del(ctx, d, a[0])? };
    match (found, a.get(1)) {
        (Some(v), _) => Ok(v),
        (None, Some(default)) => Ok(*default),
        (None, None) => Err(ops::subscript::key_error(ctx, a[0])),
    }
}

fn dict_popitem<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    let d = dict_noargs(ctx, "popitem", args)?;
    let last = d.borrow_mut(ctx.mc).pop_last();
    match last {
        Some((k, v)) => Ok(ctx.new_tuple(vec![k, v])),
        None => Err(ctx.error("KeyError", "popitem(): dictionary is empty")),
    }
}

fn new_view<'gc>(ctx: &Ctx<'gc, '_>, dict: GcCell<'gc, Dict<'gc>>, kind: ViewKind) -> Value<'gc> {
    Value::DictView(Gc::new(ctx.mc, DictView { dict, kind }))
}

fn dict_keys<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    let d = dict_noargs(ctx, "keys", args)?;
    Ok(new_view(ctx, d, ViewKind::Keys))
}

fn dict_values<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    let d = dict_noargs(ctx, "values", args)?;
    Ok(new_view(ctx, d, ViewKind::Values))
}

fn dict_items<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    let d = dict_noargs(ctx, "items", args)?;
    Ok(new_view(ctx, d, ViewKind::Items))
}

/// `dict.update([other], **kwargs)`.
fn dict_update<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    let (d, rest) = this_dict(ctx, "update", args)?;
    let pos = rest.positional();
    if pos.len() > 1 {
        return ctx.type_error(format!("update expected at most 1 argument, got {}", pos.len()));
    }
    if let Some(src) = pos.first() {
        dict_update_from(ctx, d, *src)?;
    }
    for (k, v) in rest.keywords() {
        let key = Value::Str(ctx.intern(k));
        dict_set(ctx, d, key, v)?;
    }
    Ok(Value::None)
}

/// `dict.update(src)` / `dict(src)`: a dict, an object with `keys()` (read as a mapping),
/// or an iterable of pairs, with CPython's messages for bad pairs.
pub fn dict_update_from<'gc>(
    ctx: &mut Ctx<'gc, '_>,
    d: GcCell<'gc, Dict<'gc>>,
    src: Value<'gc>,
) -> PyResult<'gc, ()> {
    if let Value::Dict(s) = src {
        let entries: Vec<(Value<'gc>, Value<'gc>)> = s.borrow().iter().map(|e| (e.key, e.value)).collect();
        for (k, v) in entries {
            dict_set(ctx, d, k, v)?;
        }
        return Ok(());
    }
    let keys_name = ctx.intern("keys");
    if let Some(keys) = ops::attr::getattr_opt(ctx, src, keys_name)? {
        let keys = crate::interp::call_value(ctx, keys, &[], &[])?;
        for k in ops::iter::to_vec(ctx, keys)? {
            let v = ops::subscript::getitem(ctx, src, k)?;
            dict_set(ctx, d, k, v)?;
        }
        return Ok(());
    }
    let it = ops::iter::get_iter(ctx, src)?;
    let mut i = 0usize;
    while let Some(item) = ops::iter::next(ctx, it)? {
        let pair = match ops::iter::to_vec(ctx, item) {
            Ok(pair) => pair,
            Err(e) if ctx.exc_matches(e, "TypeError") => {
                let msg = format!("cannot convert dictionary update sequence element #{i} to a sequence");
                return ctx.type_error(msg);
            }
            Err(e) => return Err(e),
        };
        if pair.len() != 2 {
            let msg =
                format!("dictionary update sequence element #{i} has length {}; 2 is required", pair.len());
            return ctx.value_error(msg);
        }
        dict_set(ctx, d, pair[0], pair[1])?;
        i += 1;
    }
    Ok(())
}

/// A new dict with the same entries in the same order (no Python code runs: the keys and
/// their hashes are reused).
pub fn copy_dict<'gc>(ctx: &Ctx<'gc, '_>, d: GcCell<'gc, Dict<'gc>>) -> GcCell<'gc, Dict<'gc>> {
    let src = d.borrow();
    let mut out = Dict::with_capacity(src.len());
    for e in src.iter() {
        out.insert(e.hash, e.key, e.value, &mut |a, b| a.is(b));
    }
    ctx.new_dict(out)
}

fn dict_copy<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    let d = dict_noargs(ctx, "copy", args)?;
    Ok(Value::Dict(copy_dict(ctx, d)))
}

fn dict_clear<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    let d = dict_noargs(ctx, "clear", args)?;
    d.borrow_mut(ctx.mc).clear();
    Ok(Value::None)
}

/// `dict.fromkeys(iterable, value=None, /)`, a class method.
fn dict_fromkeys<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    let (_, rest) = split_receiver(ctx, "dict.fromkeys", args)?;
    let a = method_args(ctx, "fromkeys", &rest, 1, 2)?;
    let value = a.get(1).copied().unwrap_or(Value::None);
    let d = ctx.new_dict(Dict::new());
    let it = ops::iter::get_iter(ctx, a[0])?;
    while let Some(k) = ops::iter::next(ctx, it)? {
        dict_set(ctx, d, k, value)?;
    }
    Ok(Value::Dict(d))
}

fn reversed_iter<'gc>(ctx: &Ctx<'gc, '_>, dict: GcCell<'gc, Dict<'gc>>, kind: ViewKind) -> Value<'gc> {
    let (index, len) = {
        let d = dict.borrow();
        (d.positions(), d.len())
    };
    ops::iter::new_iter(ctx, Iter::DictReversed { dict, kind, index, len })
}

fn dict_reversed<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    let d = dict_noargs(ctx, "__reversed__", args)?;
    Ok(reversed_iter(ctx, d, ViewKind::Keys))
}

// ---------------------------------------------------------------------------------------
// Views

fn view_name(kind: ViewKind) -> &'static str {
    match kind {
        ViewKind::Keys => "dict_keys",
        ViewKind::Values => "dict_values",
        ViewKind::Items => "dict_items",
    }
}

fn this_view<'gc, 'a>(
    ctx: &Ctx<'gc, '_>,
    method: &str,
    args: Args<'gc, 'a>,
) -> PyResult<'gc, (Gc<'gc, DictView<'gc>>, Args<'gc, 'a>)> {
    let (this, rest) = split_receiver(ctx, format_args!("dict_keys.{method}"), args)?;
    match this {
        Value::DictView(v) => Ok((v, rest)),
        _ => wrong_receiver(ctx, method, "dict_keys", this),
    }
}

/// A view's items as values, in order (for its repr and comparisons).
pub fn view_items<'gc>(ctx: &Ctx<'gc, '_>, view: Gc<'gc, DictView<'gc>>) -> Vec<Value<'gc>> {
    let entries: Vec<(Value<'gc>, Value<'gc>)> =
        view.dict.borrow().iter().map(|e| (e.key, e.value)).collect();
    entries
        .into_iter()
        .map(|(k, v)| match view.kind {
            ViewKind::Keys => k,
            ViewKind::Values => v,
            ViewKind::Items => ctx.new_tuple(vec![k, v]),
        })
        .collect()
}

fn view_len<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    let (v, rest) = this_view(ctx, "__len__", args)?;
    expect_args(ctx, "__len__", &rest, 0, 0)?;
    Ok(Value::Int(v.dict.borrow().len() as i64))
}

/// `x in view`: a key lookup, a lookup and value comparison for a `(key, value)` pair, or
/// a scan of the values.
pub fn view_contains<'gc>(
    ctx: &mut Ctx<'gc, '_>,
    view: Gc<'gc, DictView<'gc>>,
    x: Value<'gc>,
) -> PyResult<'gc, bool> {
    match view.kind {
        ViewKind::Keys => Ok(dict_get(ctx, view.dict, x)?.is_some()),
        ViewKind::Items => {
            let Value::Tuple(t) = x else { return Ok(false) };
            let [key, value] = t.0[..] else { return Ok(false) };
            match dict_get(ctx, view.dict, key)? {
                Some(found) => Ok(found.is(value) || ops::compare::eq(ctx, found, value)?),
                None => Ok(false),
            }
        }
        ViewKind::Values => {
            let values: Vec<Value<'gc>> = view.dict.borrow().iter().map(|e| e.value).collect();
            for v in values {
                if v.is(x) || ops::compare::eq(ctx, v, x)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
    }
}

fn view_contains_method<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    let (v, rest) = this_view(ctx, "__contains__", args)?;
    let a = expect_args(ctx, format_args!("{}.__contains__", view_name(v.kind)), &rest, 1, 1)?;
    view_contains(ctx, v, a[0]).map(Value::Bool)
}

fn view_reversed<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    let (v, rest) = this_view(ctx, "__reversed__", args)?;
    expect_args(ctx, "__reversed__", &rest, 0, 0)?;
    Ok(reversed_iter(ctx, v.dict, v.kind))
}

/// A keys or items view: the set-like ones.
fn set_like_view<'gc>(v: Value<'gc>) -> Option<Gc<'gc, DictView<'gc>>> {
    match v {
        Value::DictView(view) if view.kind != ViewKind::Values => Some(view),
        _ => None,
    }
}

fn set_like(v: Value<'_>) -> bool {
    set_methods::is_any_set(v) || set_like_view(v).is_some()
}

fn size<'gc>(ctx: &mut Ctx<'gc, '_>, v: Value<'gc>) -> PyResult<'gc, usize> {
    super::functions::len_of(ctx, v)
}

/// `dictviews_isdisjoint`: iterate the shorter operand when both are set-like.
fn view_isdisjoint<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    let (view, rest) = this_view(ctx, "isdisjoint", args)?;
    let a = expect_args(ctx, format_args!("{}.isdisjoint", view_name(view.kind)), &rest, 1, 1)?;
    let (mut this, mut other) = (Value::DictView(view), a[0]);
    if this.is(other) {
        return Ok(Value::Bool(view.dict.borrow().is_empty()));
    }
    if set_like(other) && size(ctx, other)? > size(ctx, this)? {
        std::mem::swap(&mut this, &mut other);
    }
    let it = ops::iter::get_iter(ctx, other)?;
    while let Some(x) = ops::iter::next(ctx, it)? {
        if ops::compare::contains(ctx, this, x)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

/// Comparisons where a keys or items view meets a set or another such view (the view's
/// `tp_richcompare`, reflected when the view is on the right); `None` when neither side
/// defines the comparison.
pub fn view_richcompare<'gc>(
    ctx: &mut Ctx<'gc, '_>,
    op: CompareOp,
    a: Value<'gc>,
    b: Value<'gc>,
) -> PyResult<'gc, Option<bool>> {
    if set_like_view(a).is_some() && set_like(b) {
        return view_compare(ctx, op, a, b).map(Some);
    }
    if set_like_view(b).is_some() && set_like(a) {
        let reflected = match op {
            CompareOp::Lt => CompareOp::Gt,
            CompareOp::Le => CompareOp::Ge,
            CompareOp::Gt => CompareOp::Lt,
            CompareOp::Ge => CompareOp::Le,
            other => other,
        };
        return view_compare(ctx, reflected, b, a).map(Some);
    }
    Ok(None)
}

/// `dictview_richcompare`: sizes first, then containment of every item.
fn view_compare<'gc>(
    ctx: &mut Ctx<'gc, '_>,
    op: CompareOp,
    this: Value<'gc>,
    other: Value<'gc>,
) -> PyResult<'gc, bool> {
    let (n, m) = (size(ctx, this)?, size(ctx, other)?);
    Ok(match op {
        CompareOp::Eq => n == m && all_contained_in(ctx, this, other)?,
        CompareOp::Ne => !(n == m && all_contained_in(ctx, this, other)?),
        CompareOp::Lt => n < m && all_contained_in(ctx, this, other)?,
        CompareOp::Le => n <= m && all_contained_in(ctx, this, other)?,
        CompareOp::Gt => n > m && all_contained_in(ctx, other, this)?,
        CompareOp::Ge => n >= m && all_contained_in(ctx, other, this)?,
    })
}

fn all_contained_in<'gc>(ctx: &mut Ctx<'gc, '_>, this: Value<'gc>, other: Value<'gc>) -> PyResult<'gc, bool> {
    let it = ops::iter::get_iter(ctx, this)?;
    while let Some(x) = ops::iter::next(ctx, it)? {
        if !ops::compare::contains(ctx, other, x)? {
            return Ok(false);
        }
    }
    Ok(true)
}

/// `|`, `&`, `-`, `^` with a keys or items view on either side: a new set, built as
/// `dictviews_or` & co. do (the left operand made a set, then updated with the right);
/// `None` when no set-like view is involved.
pub fn view_binary<'gc>(
    ctx: &mut Ctx<'gc, '_>,
    op: BinaryOp,
    a: Value<'gc>,
    b: Value<'gc>,
) -> PyResult<'gc, Option<Value<'gc>>> {
    if set_like_view(a).is_none() && set_like_view(b).is_none() {
        return Ok(None);
    }
    let base = op.base();
    match base {
        BinaryOp::And => intersect(ctx, a, b).map(Some),
        BinaryOp::Xor if matches!((set_like_view(a), set_like_view(b)), (Some(x), Some(y)) if x.kind == ViewKind::Items && y.kind == ViewKind::Items) => {
            items_xor(ctx, a, b).map(Some)
        }
        BinaryOp::Or | BinaryOp::Subtract | BinaryOp::Xor => {
            let cell = to_set(ctx, a)?;
            set_methods::update_in_place(ctx, cell, base, b)?;
            Ok(Some(Value::Set(cell)))
        }
        _ => Ok(None),
    }
}

/// `dictviews_to_set`: a keys view is read through its dict (CPython's pre-sized path).
fn to_set<'gc>(ctx: &mut Ctx<'gc, '_>, v: Value<'gc>) -> PyResult<'gc, GcCell<'gc, crate::object::Set<'gc>>> {
    let source = match v {
        Value::DictView(view) if view.kind == ViewKind::Keys => Value::Dict(view.dict),
        _ => v,
    };
    set_methods::new_set_from(ctx, source)
}

/// `_PyDictView_Intersect`: an exact set at least as large does the work itself;
/// otherwise the other operand (the smaller view, when both are views) is iterated and its
/// items kept when the view has them.
fn intersect<'gc>(ctx: &mut Ctx<'gc, '_>, a: Value<'gc>, b: Value<'gc>) -> PyResult<'gc, Value<'gc>> {
    let (mut this, mut other) = if set_like_view(a).is_some() { (a, b) } else { (b, a) };
    let len_this = size(ctx, this)?;
    if matches!(other, Value::Set(_)) && len_this <= size(ctx, other)? {
        return set_methods::intersection_with(ctx, other, this);
    }
    if set_like_view(other).is_some() && size(ctx, other)? > len_this {
        std::mem::swap(&mut this, &mut other);
    }
    let Some(view) = set_like_view(this) else { return ctx.type_error("dict view expected") };
    let result = set_methods::empty(ctx);
    let it = ops::iter::get_iter(ctx, other)?;
    while let Some(x) = ops::iter::next(ctx, it)? {
        if view_contains(ctx, view, x)? {
            set_methods::add(ctx, result, x)?;
        }
    }
    Ok(Value::Set(result))
}

/// `dictitems_xor`: pairs of the right dict whose key the left lacks or maps to an unequal
/// value, then the left's remaining pairs.
fn items_xor<'gc>(ctx: &mut Ctx<'gc, '_>, a: Value<'gc>, b: Value<'gc>) -> PyResult<'gc, Value<'gc>> {
    let (Some(left), Some(right)) = (set_like_view(a), set_like_view(b)) else {
        return ctx.type_error("dict items views expected");
    };
    let remaining = copy_dict(ctx, left.dict);
    let result = set_methods::empty(ctx);
    let pairs: Vec<(Value<'gc>, Value<'gc>)> = right.dict.borrow().iter().map(|e| (e.key, e.value)).collect();
    for (key, value) in pairs {
        let same = match dict_get(ctx, remaining, key)? {
            Some(mine) => mine.is(value) || ops::compare::eq(ctx, mine, value)?,
            None => false,
        };
        if same {
            dict_del(ctx, remaining, key)?;
        } else {
            let pair = ctx.new_tuple(vec![key, value]);
            set_methods::add(ctx, result, pair)?;
        }
    }
    let rest = new_view(ctx, remaining, ViewKind::Items);
    set_methods::update_in_place(ctx, result, BinaryOp::Or, rest)?;
    Ok(Value::Set(result))
}
