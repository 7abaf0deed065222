//! The methods of `list` and `tuple`, `sorted`, and the sort behind both.
//!
//! The sort is stable and compares only with `<` (`ops::compare::less`), the later item on
//! the left as CPython does. A list shorter than 64 items is sorted exactly as CPython's
//! timsort sorts it (the first run, then binary insertion), so the same comparisons happen
//! in the same order; longer lists are cut into runs the same way and merged pairwise.
//! When a comparison raises, every item is still in the list.

use gc_arena::Gc;

use super::numeric::{index_arg, index_ssize, slice_bound};
use super::{bind_args, expect_args, methods, native, set, split_receiver, wrong_receiver, Signature};
use crate::ctx::{Ctx, PyResult};
use crate::object::{Args, NativeFn};
use crate::ops;
use crate::ops::num::IntArg;
use crate::value::{GcCell, Value};

pub fn install<'gc>(ctx: &mut Ctx<'gc, '_>) {
    let (list, tuple) = (ctx.st.types.list, ctx.st.types.tuple);
    let list_fns: &[(&'static str, NativeFn)] = &[
        ("append", list_append),
        ("extend", list_extend),
        ("insert", list_insert),
        ("remove", list_remove),
        ("pop", list_pop),
        ("clear", list_clear),
        ("index", list_index),
        ("count", list_count),
        ("sort", list_sort),
        ("reverse", list_reverse),
        ("copy", list_copy),
    ];
    methods(ctx, list, list_fns);
    methods(ctx, tuple, &[("index", tuple_index), ("count", tuple_count)]);
    let builtins = ctx.st.builtins;
    let sorted_fn = native(ctx, "sorted", sorted, Value::Undef);
    set(ctx, builtins, "sorted", sorted_fn);
}

type ListCell<'gc> = GcCell<'gc, Vec<Value<'gc>>>;

fn this_list<'gc, 'a>(
    ctx: &Ctx<'gc, '_>,
    method: &str,
    args: Args<'gc, 'a>,
) -> PyResult<'gc, (ListCell<'gc>, Args<'gc, 'a>)> {
    let (this, rest) = split_receiver(ctx, format_args!("list.{method}"), args)?;
    match this {
        Value::List(l) => Ok((l, rest)),
        _ => wrong_receiver(ctx, method, "list", this),
    }
}

/// A list method taking exactly one argument (`METH_O`).
fn list_one_arg<'gc>(
    ctx: &Ctx<'gc, '_>,
    method: &str,
    args: Args<'gc, '_>,
) -> PyResult<'gc, (ListCell<'gc>, Value<'gc>)> {
    let (l, rest) = this_list(ctx, method, args)?;
    let a = expect_args(ctx, format_args!("list.{method}"), &rest, 1, 1)?;
    Ok((l, a[0]))
}

/// A list method taking no arguments (`METH_NOARGS`).
fn list_no_args<'gc>(ctx: &Ctx<'gc, '_>, method: &str, args: Args<'gc, '_>) -> PyResult<'gc, ListCell<'gc>> {
    let (l, rest) = this_list(ctx, method, args)?;
    expect_args(ctx, format_args!("list.{method}"), &rest, 0, 0)?;
    Ok(l)
}

fn list_append<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    // The usual `xs.append(x)`, checked without building messages.
    if let ([Value::List(l), x], []) = (args.args, args.kwnames) {
        l.borrow_mut(ctx.mc).push(*x);
        return Ok(Value::None);
    }
    let (l, x) = list_one_arg(ctx, "append", args)?;
    l.borrow_mut(ctx.mc).push(x);
    Ok(Value::None)
}

/// `list.extend(iterable)`: lists and tuples (and the list itself) are copied first; other
/// iterables are appended item by item, as far as they get.
fn list_extend<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    let (l, src) = list_one_arg(ctx, "extend", args)?;
    match src {
        Value::List(other) => {
            let items = other.borrow().clone();
            l.borrow_mut(ctx.mc).extend(items);
        }
        Value::Tuple(t) => l.borrow_mut(ctx.mc).extend(t.0.iter().copied()),
        _ => {
            let it = ops::iter::get_iter(ctx, src)?;
            while let Some(x) = ops::iter::next(ctx, it)? {
                l.borrow_mut(ctx.mc).push(x);
            }
        }
    }
    Ok(Value::None)
}

fn list_insert<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    let (l, rest) = this_list(ctx, "insert", args)?;
    let a = expect_args(ctx, "insert", &rest, 2, 2)?;
    let i = index_ssize(ctx, a[0])?;
    let mut items = l.borrow_mut(ctx.mc);
    let n = items.len() as i64;
    let at = if i < 0 { (i + n).max(0) } else { i.min(n) };
    items.insert(at as usize, a[1]);
    Ok(Value::None)
}

/// The position of the first item equal to `x` in `[start, stop)` of a list, compared as
/// `item == x` while the list may change under the comparisons.
fn find<'gc>(
    ctx: &mut Ctx<'gc, '_>,
    l: ListCell<'gc>,
    x: Value<'gc>,
    start: i64,
    stop: i64,
) -> PyResult<'gc, Option<usize>> {
    let mut i = start.max(0) as usize;
    while (i as i64) < stop {
        let Some(item) = l.borrow().get(i).copied() else { break };
        if item.is(x) || ops::compare::eq(ctx, item, x)? {
            return Ok(Some(i));
        }
        i += 1;
    }
    Ok(None)
}

fn list_remove<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    let (l, x) = list_one_arg(ctx, "remove", args)?;
    match find(ctx, l, x, 0, i64::MAX)? {
        Some(i) => {
            let mut items = l.borrow_mut(ctx.mc);
            if i < items.len() {
                items.remove(i);
            }
            Ok(Value::None)
        }
        None => ctx.value_error("list.remove(x): x not in list"),
    }
}

fn list_pop<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    let (l, rest) = this_list(ctx, "pop", args)?;
    let a = expect_args(ctx, "pop", &rest, 0, 1)?;
    let i = match a.first() {
        Some(v) => index_ssize(ctx, *v)?,
        None => -1,
    };
    let mut items = l.borrow_mut(ctx.mc);
    let n = items.len() as i64;
    if n == 0 {
        drop(items);
        return Err(ctx.error("IndexError", "pop from empty list"));
    }
    let j = if i < 0 { i + n } else { i };
    if !(0..n).contains(&j) {
        drop(items);
        return Err(ctx.error("IndexError", "pop index out of range"));
    }
    Ok(items.remove(j as usize))
}

fn list_clear<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    let l = list_no_args(ctx, "clear", args)?;
    l.borrow_mut(ctx.mc).clear();
    Ok(Value::None)
}

/// `start` and `stop` of `index`, made absolute (negative from the end, clamped at 0).
fn search_bounds<'gc>(ctx: &mut Ctx<'gc, '_>, a: &[Value<'gc>], len: usize) -> PyResult<'gc, (i64, i64)> {
    let n = len as i64;
    let absolute = |i: i64| if i < 0 { i.saturating_add(n).max(0) } else { i };
    let start = match a.get(1) {
        Some(v) => absolute(slice_bound(ctx, *v)?),
        None => 0,
    };
    let stop = match a.get(2) {
        Some(v) => absolute(slice_bound(ctx, *v)?),
        None => i64::MAX,
    };
    Ok((start, stop))
}

fn list_index<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    let (l, rest) = this_list(ctx, "index", args)?;
    let a = expect_args(ctx, "index", &rest, 1, 3)?;
    let len = l.borrow().len();
    let (start, stop) = search_bounds(ctx, a, len)?;
    match find(ctx, l, a[0], start, stop)? {
        Some(i) => Ok(Value::Int(i as i64)),
        None => {
            let r = ops::repr::repr(ctx, a[0])?;
            ctx.value_error(format!("{r} is not in list"))
        }
    }
}

fn list_count<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    let (l, x) = list_one_arg(ctx, "count", args)?;
    let mut count = 0;
    let mut i = 0;
    while let Some(item) = l.borrow().get(i).copied() {
        if item.is(x) || ops::compare::eq(ctx, item, x)? {
            count += 1;
        }
        i += 1;
    }
    Ok(Value::Int(count))
}

fn list_reverse<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    let l = list_no_args(ctx, "reverse", args)?;
    l.borrow_mut(ctx.mc).reverse();
    Ok(Value::None)
}

fn list_copy<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    let l = list_no_args(ctx, "copy", args)?;
    let items = l.borrow().clone();
    Ok(ctx.new_list(items))
}

// ---------------------------------------------------------------------------------------
// tuple

fn this_tuple<'gc, 'a>(
    ctx: &Ctx<'gc, '_>,
    method: &str,
    args: Args<'gc, 'a>,
) -> PyResult<'gc, (Value<'gc>, Args<'gc, 'a>)> {
    let (this, rest) = split_receiver(ctx, format_args!("tuple.{method}"), args)?;
    match this {
        Value::Tuple(_) => Ok((this, rest)),
        _ => wrong_receiver(ctx, method, "tuple", this),
    }
}

fn tuple_items<'gc>(v: Value<'gc>) -> &'gc [Value<'gc>] {
    match v {
        Value::Tuple(t) => Gc::as_ref(t).as_slice(),
        _ => &[],
    }
}

fn tuple_index<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    let (t, rest) = this_tuple(ctx, "index", args)?;
    let a = expect_args(ctx, "index", &rest, 1, 3)?;
    let items = tuple_items(t);
    let (start, stop) = search_bounds(ctx, a, items.len())?;
    let end = stop.min(items.len() as i64).max(0) as usize;
    for (i, item) in items.iter().enumerate().take(end).skip(start as usize) {
        if item.is(a[0]) || ops::compare::eq(ctx, *item, a[0])? {
            return Ok(Value::Int(i as i64));
        }
    }
    ctx.value_error("tuple.index(x): x not in tuple")
}

fn tuple_count<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    let (t, rest) = this_tuple(ctx, "count", args)?;
    let a = expect_args(ctx, "tuple.count", &rest, 1, 1)?;
    let mut count = 0;
    for item in tuple_items(t) {
        if item.is(a[0]) || ops::compare::eq(ctx, *item, a[0])? {
            count += 1;
        }
    }
    Ok(Value::Int(count))
}

// ---------------------------------------------------------------------------------------
// sort and sorted

const SORT: Signature =
    Signature { name: "sort", params: &["key", "reverse"], posonly: 0, max_positional: 0, required: 0 };

fn list_sort<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    let (l, rest) = this_list(ctx, "sort", args)?;
    sort_with_args(ctx, l, rest)?;
    Ok(Value::None)
}

/// `sorted(iterable, /, *, key=None, reverse=False)`: a new list, sorted; the keywords are
/// checked by the sort, as CPython passes them on to `list.sort`.
fn sorted<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    let pos = args.positional();
    if pos.len() != 1 {
        return ctx.type_error(format!("sorted expected 1 argument, got {}", pos.len()));
    }
    let items = ops::iter::to_vec(ctx, pos[0])?;
    let list = ctx.new_list(items);
    let Value::List(l) = list else { return Ok(list) };
    sort_with_args(ctx, l, Args { args: &args.args[1..], kwnames: args.kwnames })?;
    Ok(list)
}

fn sort_with_args<'gc>(ctx: &mut Ctx<'gc, '_>, l: ListCell<'gc>, args: Args<'gc, '_>) -> PyResult<'gc, ()> {
    let a = bind_args(ctx, &SORT, &args)?;
    let key = a[0].filter(|k| !k.is_none());
    let reverse = match a[1] {
        None => false,
        Some(v) => match index_arg(ctx, v)? {
            IntArg::Small(i) if i32::try_from(i).is_ok() => i != 0,
            _ => return Err(ctx.error("OverflowError", "Python int too large to convert to C int")),
        },
    };
    sort_list(ctx, l, key, reverse)
}

/// Sort a list in place (`list.sort`). While it runs the list is empty to Python code;
/// if that code added to it, "list modified during sort" (unless the sort already failed).
/// The list always ends up holding all of its items: sorted, or as far as the sort got.
pub fn sort_list<'gc>(
    ctx: &mut Ctx<'gc, '_>,
    l: ListCell<'gc>,
    key: Option<Value<'gc>>,
    reverse: bool,
) -> PyResult<'gc, ()> {
    let mut items = std::mem::take(&mut *l.borrow_mut(ctx.mc));
    let result = sort_items(ctx, &mut items, key, reverse);
    let modified = {
        let now = l.borrow();
        now.capacity() != 0 || !now.is_empty()
    };
    *l.borrow_mut(ctx.mc) = items;
    match result {
        Err(e) => Err(e),
        Ok(()) if modified => ctx.value_error("list modified during sort"),
        Ok(()) => Ok(()),
    }
}

/// The keys are computed first (a failing key function leaves the items as they were);
/// `reverse` sorts the reversed items and reverses back, which keeps equal items in order.
fn sort_items<'gc>(
    ctx: &mut Ctx<'gc, '_>,
    items: &mut Vec<Value<'gc>>,
    key: Option<Value<'gc>>,
    reverse: bool,
) -> PyResult<'gc, ()> {
    if key.is_none() && sort_uniform(items, reverse) {
        return Ok(());
    }
    let mut entries: Vec<(Value<'gc>, Value<'gc>)> = Vec::with_capacity(items.len());
    for item in items.iter() {
        let k = match key {
            Some(f) => crate::interp::call_value(ctx, f, &[*item], &[])?,
            None => *item,
        };
        entries.push((k, *item));
    }
    if reverse {
        entries.reverse();
    }
    let result = stable_sort(ctx, &mut entries);
    if reverse {
        entries.reverse();
    }
    for (slot, (_, value)) in items.iter_mut().zip(entries) {
        *slot = value;
    }
    result
}

/// Sort items that are all ints, all floats without a NaN, or all strs, whose `<` is a total
/// order run by no Python code: any stable sort then gives the same order as CPython's
/// timsort (the sorted order, equal items as they came), so the standard library's does the
/// work without a comparison through `ops::compare`. False, with `items` untouched, for
/// anything else.
fn sort_uniform(items: &mut [Value<'_>], reverse: bool) -> bool {
    use std::cmp::Ordering;
    fn sort_by_key_order<T>(items: &mut [T], reverse: bool, cmp: impl Fn(&T, &T) -> Ordering) {
        if reverse {
            items.sort_by(|a, b| cmp(b, a));
        } else {
            items.sort_by(cmp);
        }
    }
    match items.first() {
        Some(Value::Int(_)) if items.iter().all(|v| matches!(v, Value::Int(_))) => {
            // Equal ints are the same value: no order among them to keep.
            let mut ints: Vec<i64> =
                items.iter().map(|v| if let Value::Int(i) = v { *i } else { 0 }).collect();
            ints.sort_unstable();
            if reverse {
                ints.reverse();
            }
            for (slot, i) in items.iter_mut().zip(ints) {
                *slot = Value::Int(i);
            }
            true
        }
        // -0.0 and 0.0 are equal but not the same: the sort must be stable.
        Some(Value::Float(_)) if items.iter().all(|v| matches!(v, Value::Float(f) if !f.is_nan())) => {
            let key = |v: &Value<'_>| if let Value::Float(f) = v { *f } else { 0.0 };
            sort_by_key_order(items, reverse, |a, b| key(a).partial_cmp(&key(b)).unwrap_or(Ordering::Equal));
            true
        }
        // UTF-8 orders text as its code points do, which is how str compares.
        Some(Value::Str(_)) if items.iter().all(|v| matches!(v, Value::Str(_))) => {
            sort_by_key_order(items, reverse, |a, b| a.as_str().unwrap_or("").cmp(b.as_str().unwrap_or("")));
            true
        }
        _ => false,
    }
}

type Entry<'gc> = (Value<'gc>, Value<'gc>);

/// CPython's `merge_compute_minrun`: the run length below which runs are extended by
/// binary insertion (all of `n` when `n < 64`).
fn min_run(mut n: usize) -> usize {
    let mut r = 0;
    while n >= 64 {
        r |= n & 1;
        n >>= 1;
    }
    n + r
}

/// Sort `v` by its keys, stably.
fn stable_sort<'gc>(ctx: &mut Ctx<'gc, '_>, v: &mut [Entry<'gc>]) -> PyResult<'gc, ()> {
    let n = v.len();
    if n < 2 {
        return Ok(());
    }
    let minrun = min_run(n);
    let mut runs: Vec<(usize, usize)> = Vec::new();
    let mut lo = 0;
    while lo < n {
        let (mut run, descending) = count_run(ctx, &v[lo..])?;
        if descending {
            v[lo..lo + run].reverse();
        }
        if run < minrun {
            let forced = minrun.min(n - lo);
            binary_insertion(ctx, &mut v[lo..lo + forced], run)?;
            run = forced;
        }
        runs.push((lo, run));
        lo += run;
    }
    while runs.len() > 1 {
        let mut merged = Vec::with_capacity(runs.len().div_ceil(2));
        for pair in runs.chunks(2) {
            match *pair {
                [(start, a), (mid, b)] => {
                    merge(ctx, &mut v[start..mid + b], mid - start)?;
                    merged.push((start, a + b));
                }
                [single] => merged.push(single),
                _ => {}
            }
        }
        runs = merged;
    }
    Ok(())
}

/// The length of the run at the start of `v` and whether it is strictly descending.
fn count_run<'gc>(ctx: &mut Ctx<'gc, '_>, v: &[Entry<'gc>]) -> PyResult<'gc, (usize, bool)> {
    if v.len() < 2 {
        return Ok((v.len(), false));
    }
    let descending = ops::compare::less(ctx, v[1].0, v[0].0)?;
    let mut n = 2;
    while n < v.len() && ops::compare::less(ctx, v[n].0, v[n - 1].0)? == descending {
        n += 1;
    }
    Ok((n, descending))
}

/// Insert `v[sorted..]` one by one into the sorted prefix, each after the equal items
/// already there. An item moves only once its place is known, so a failing comparison
/// leaves every item in `v`.
fn binary_insertion<'gc>(ctx: &mut Ctx<'gc, '_>, v: &mut [Entry<'gc>], sorted: usize) -> PyResult<'gc, ()> {
    for start in sorted.max(1)..v.len() {
        let pivot = v[start];
        let (mut l, mut r) = (0, start);
        while l < r {
            let p = l + (r - l) / 2;
            if ops::compare::less(ctx, pivot.0, v[p].0)? {
                r = p;
            } else {
                l = p + 1;
            }
        }
        v.copy_within(l..start, l + 1);
        v[l] = pivot;
    }
    Ok(())
}

/// Merge the sorted halves `v[..mid]` and `v[mid..]`, the left one first among equals. On
/// a failing comparison the unmerged left items are put back into the gap.
fn merge<'gc>(ctx: &mut Ctx<'gc, '_>, v: &mut [Entry<'gc>], mid: usize) -> PyResult<'gc, ()> {
    let left: Vec<Entry<'gc>> = v[..mid].to_vec();
    let (mut i, mut j, mut k) = (0, mid, 0);
    while i < left.len() && j < v.len() {
        match ops::compare::less(ctx, v[j].0, left[i].0) {
            Ok(true) => {
                v[k] = v[j];
                j += 1;
            }
            Ok(false) => {
                v[k] = left[i];
                i += 1;
            }
            Err(e) => {
                v[k..k + left.len() - i].copy_from_slice(&left[i..]);
                return Err(e);
            }
        }
        k += 1;
    }
    v[k..k + left.len() - i].copy_from_slice(&left[i..]);
    Ok(())
}
