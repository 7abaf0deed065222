//! Comparisons: `==` and ordering with CPython's rules for mixed numbers, sequences compared
//! item by item, and its TypeError for unorderable types.

use std::cmp::Ordering;

use cellvm_compiler::bytecode::CompareOp;
use gc_arena::Gc;
use num_bigint::BigInt;
use num_traits::ToPrimitive;

use crate::ctx::{Ctx, PyResult};
use crate::ops::num::{as_int, IntArg};
use crate::value::Value;

/// Equality for values whose `__eq__` is built in (what dict and set keys need); `false` for
/// different kinds.
pub fn builtin_eq<'gc>(a: Value<'gc>, b: Value<'gc>) -> bool {
    if a.is(b) {
        return !matches!(a, Value::Float(f) if f.is_nan());
    }
    match (a, b) {
        (Value::Str(x), Value::Str(y)) => x.as_str() == y.as_str(),
        (Value::Complex(_), _) | (_, Value::Complex(_)) => complex_eq(a, b).unwrap_or(false),
        (Value::Float(x), _) => match num_cmp_float(x, b) {
            Some(o) => o == Ordering::Equal,
            None => false,
        },
        (_, Value::Float(y)) => match num_cmp_float(y, a) {
            Some(o) => o == Ordering::Equal,
            None => false,
        },
        (Value::Bytes(x), Value::Bytes(y)) => **x == **y,
        (Value::Tuple(x), Value::Tuple(y)) => {
            x.0.len() == y.0.len() && x.0.iter().zip(y.0.iter()).all(|(p, q)| builtin_eq(*p, *q))
        }
        (Value::FrozenSet(x), Value::FrozenSet(y)) => {
            x.len() == y.len() && x.iter().all(|(h, k)| y.contains(h, k, &mut |p, q| builtin_eq(p, q)))
        }
        (Value::Range(x), Value::Range(y)) => {
            let (lx, ly) = (x.len(), y.len());
            lx == ly && (lx == 0 || (x.start == y.start && (lx == 1 || x.step == y.step)))
        }
        _ => match (as_int(a), as_int(b)) {
            (Some(x), Some(y)) => int_cmp(&x, &y) == Ordering::Equal,
            _ => false,
        },
    }
}

/// `complex.__eq__` (`complex_richcompare`): a complex equals an int or float when its
/// imaginary part is zero and its real part equals it exactly. `None` (NotImplemented) when
/// neither side is a complex or the other is not a number.
fn complex_eq<'gc>(a: Value<'gc>, b: Value<'gc>) -> Option<bool> {
    let (c, other) = match (a.as_complex(), b.as_complex()) {
        (Some(x), Some(y)) => return Some(x.re == y.re && x.im == y.im),
        (Some(c), None) => (c, b),
        (None, Some(c)) => (c, a),
        (None, None) => return None,
    };
    match other {
        Value::Float(f) => Some(c.re == f && c.im == 0.0),
        Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => {
            Some(c.im == 0.0 && num_cmp_float(c.re, other) == Some(Ordering::Equal))
        }
        _ => None,
    }
}

fn int_cmp(a: &IntArg, b: &IntArg) -> Ordering {
    match (a, b) {
        (IntArg::Small(x), IntArg::Small(y)) => x.cmp(y),
        _ => a.big().cmp(&b.big()),
    }
}

/// Compare float `x` with numeric `other` exactly (ints beyond 2**53 included).
fn num_cmp_float(x: f64, other: Value<'_>) -> Option<Ordering> {
    match other {
        Value::Float(y) => x.partial_cmp(&y),
        _ => {
            let i = as_int(other)?;
            if x.is_nan() {
                return None;
            }
            if x.is_infinite() {
                return Some(if x > 0.0 { Ordering::Greater } else { Ordering::Less });
            }
            match i {
                IntArg::Small(n) if (n.unsigned_abs()) < (1u64 << 53) => x.partial_cmp(&(n as f64)),
                _ => {
                    let big = i.big();
                    let fl = x.floor();
                    let fb = BigInt::from(fl as i128);
                    let fb = if fl.abs() < 1e38 { fb } else { big_from_f64(fl) };
                    Some(match fb.cmp(&big) {
                        Ordering::Equal => {
                            if x > fl {
                                Ordering::Greater
                            } else {
                                Ordering::Equal
                            }
                        }
                        o => o,
                    })
                }
            }
        }
    }
}

fn big_from_f64(f: f64) -> BigInt {
    use num_traits::FromPrimitive;
    BigInt::from_f64(f).unwrap_or_default()
}

/// `a == b` with the full protocol (user `__eq__` included).
pub fn eq<'gc>(ctx: &mut Ctx<'gc, '_>, a: Value<'gc>, b: Value<'gc>) -> PyResult<'gc, bool> {
    match (a, b) {
        (Value::List(x), Value::List(y)) => {
            if Gc::ptr_eq(x, y) {
                return Ok(true);
            }
            let (xs, ys) = (x.borrow().clone(), y.borrow().clone());
            seq_eq(ctx, &xs, &ys)
        }
        (Value::Tuple(x), Value::Tuple(y)) => seq_eq(ctx, &x.0, &y.0),
        (Value::Dict(x), Value::Dict(y)) => {
            if Gc::ptr_eq(x, y) {
                return Ok(true);
            }
            let entries: Vec<_> = x.borrow().iter().map(|e| (e.key, e.value)).collect();
            if entries.len() != y.borrow().len() {
                return Ok(false);
            }
            for (k, v) in entries {
                match crate::ops::collections::dict_get(ctx, y, k)? {
                    Some(w) => {
                        if !eq(ctx, v, w)? {
                            return Ok(false);
                        }
                    }
                    None => return Ok(false),
                }
            }
            Ok(true)
        }
        (Value::Set(_) | Value::FrozenSet(_), Value::Set(_) | Value::FrozenSet(_)) => {
            crate::ops::collections::set_eq(ctx, a, b)
        }
        // Cells compare by their contents (an empty cell is less than any full one).
        (Value::Cell(x), Value::Cell(y)) => {
            let (p, q) = (x.get(), y.get());
            match (p.is_undef(), q.is_undef()) {
                (true, true) => Ok(true),
                (false, false) => eq(ctx, p, q),
                _ => Ok(false),
            }
        }
        (Value::DictView(_), _) | (_, Value::DictView(_)) => {
            Ok(crate::builtins::dict_methods::view_richcompare(ctx, CompareOp::Eq, a, b)?.unwrap_or(a.is(b)))
        }
        (Value::Instance(_), _) | (_, Value::Instance(_)) => {
            let r = rich_compare_user(ctx, CompareOp::Eq, a, b)?;
            match r {
                Some(v) => crate::ops::truth::truthy(ctx, v),
                None => Ok(a.is(b)),
            }
        }
        // Not `builtin_eq`, whose identity shortcut (that of dict lookups) would make a
        // complex with a NaN part equal to itself.
        (Value::Complex(_), _) | (_, Value::Complex(_)) => Ok(complex_eq(a, b).unwrap_or_else(|| a.is(b))),
        _ => Ok(builtin_eq(a, b)),
    }
}

fn seq_eq<'gc>(ctx: &mut Ctx<'gc, '_>, xs: &[Value<'gc>], ys: &[Value<'gc>]) -> PyResult<'gc, bool> {
    if xs.len() != ys.len() {
        return Ok(false);
    }
    for (x, y) in xs.iter().zip(ys) {
        if !x.is(*y) && !eq(ctx, *x, *y)? {
            return Ok(false);
        }
    }
    Ok(true)
}

/// A user class's `__eq__`/`__lt__`...: `None` if neither side defines it.
fn rich_compare_user<'gc>(
    ctx: &mut Ctx<'gc, '_>,
    op: CompareOp,
    a: Value<'gc>,
    b: Value<'gc>,
) -> PyResult<'gc, Option<Value<'gc>>> {
    let (name, reflected) = match op {
        CompareOp::Eq => (crate::dunder!("__eq__"), crate::dunder!("__eq__")),
        CompareOp::Ne => (crate::dunder!("__ne__"), crate::dunder!("__ne__")),
        CompareOp::Lt => (crate::dunder!("__lt__"), crate::dunder!("__gt__")),
        CompareOp::Le => (crate::dunder!("__le__"), crate::dunder!("__ge__")),
        CompareOp::Gt => (crate::dunder!("__gt__"), crate::dunder!("__lt__")),
        CompareOp::Ge => (crate::dunder!("__ge__"), crate::dunder!("__le__")),
    };
    if let Some(m) = crate::ops::attr::user_special_method(ctx, a, name)? {
        let r = crate::interp::call_value(ctx, m, &[b], &[])?;
        if !matches!(r, Value::NotImplemented) {
            return Ok(Some(r));
        }
    }
    if let Some(m) = crate::ops::attr::user_special_method(ctx, b, reflected)? {
        let r = crate::interp::call_value(ctx, m, &[a], &[])?;
        if !matches!(r, Value::NotImplemented) {
            return Ok(Some(r));
        }
    }
    if op == CompareOp::Ne {
        if let Some(r) = rich_compare_user(ctx, CompareOp::Eq, a, b)? {
            let t = crate::ops::truth::truthy(ctx, r)?;
            return Ok(Some(Value::Bool(!t)));
        }
    }
    Ok(None)
}

/// Ordering of two values, or `None` when Python has no ordering for them.
fn order<'gc>(ctx: &mut Ctx<'gc, '_>, a: Value<'gc>, b: Value<'gc>) -> PyResult<'gc, Option<Ordering>> {
    Ok(match (a, b) {
        (Value::Float(x), _) if as_int(b).is_some() || matches!(b, Value::Float(_)) => num_cmp_float(x, b),
        (_, Value::Float(y)) if as_int(a).is_some() => num_cmp_float(y, a).map(Ordering::reverse),
        _ if as_int(a).is_some() && as_int(b).is_some() => {
            Some(int_cmp(&as_int(a).unwrap_or(IntArg::Small(0)), &as_int(b).unwrap_or(IntArg::Small(0))))
        }
        (Value::Str(x), Value::Str(y)) => Some(x.as_str().cmp(y.as_str())),
        (Value::Bytes(x), Value::Bytes(y)) => Some((**x).cmp(&**y)),
        (Value::List(x), Value::List(y)) => {
            let (xs, ys) = (x.borrow().clone(), y.borrow().clone());
            seq_order(ctx, &xs, &ys)?
        }
        (Value::Tuple(x), Value::Tuple(y)) => seq_order(ctx, &x.0, &y.0)?,
        (Value::Cell(x), Value::Cell(y)) => {
            let (p, q) = (x.get(), y.get());
            match (p.is_undef(), q.is_undef()) {
                (true, true) => Some(Ordering::Equal),
                (true, false) => Some(Ordering::Less),
                (false, true) => Some(Ordering::Greater),
                (false, false) => order(ctx, p, q)?,
            }
        }
        _ => None,
    })
}

fn seq_order<'gc>(
    ctx: &mut Ctx<'gc, '_>,
    xs: &[Value<'gc>],
    ys: &[Value<'gc>],
) -> PyResult<'gc, Option<Ordering>> {
    for (x, y) in xs.iter().zip(ys) {
        if x.is(*y) || eq(ctx, *x, *y)? {
            continue;
        }
        return match order(ctx, *x, *y)? {
            Some(o) => Ok(Some(o)),
            None => Err(unorderable(ctx, "<", *x, *y)),
        };
    }
    Ok(Some(xs.len().cmp(&ys.len())))
}

fn unorderable<'gc>(ctx: &Ctx<'gc, '_>, sym: &str, a: Value<'gc>, b: Value<'gc>) -> crate::PyErr<'gc> {
    ctx.error(
        "TypeError",
        format!(
            "'{sym}' not supported between instances of '{}' and '{}'",
            ctx.type_name(a),
            ctx.type_name(b)
        ),
    )
}

/// `a op b` for the six comparison operators.
pub fn compare<'gc>(
    ctx: &mut Ctx<'gc, '_>,
    op: CompareOp,
    a: Value<'gc>,
    b: Value<'gc>,
) -> PyResult<'gc, Value<'gc>> {
    match op {
        CompareOp::Eq => return Ok(Value::Bool(eq(ctx, a, b)?)),
        CompareOp::Ne => {
            if matches!(a, Value::Instance(_)) || matches!(b, Value::Instance(_)) {
                if let Some(r) = rich_compare_user(ctx, op, a, b)? {
                    return Ok(r);
                }
            }
            return Ok(Value::Bool(!eq(ctx, a, b)?));
        }
        _ => {}
    }
    if matches!(a, Value::Instance(_)) || matches!(b, Value::Instance(_)) {
        if let Some(r) = rich_compare_user(ctx, op, a, b)? {
            return Ok(r);
        }
    }
    if let (Value::Set(_) | Value::FrozenSet(_), Value::Set(_) | Value::FrozenSet(_)) = (a, b) {
        return crate::ops::collections::set_compare(ctx, op, a, b);
    }
    if matches!(a, Value::DictView(_)) || matches!(b, Value::DictView(_)) {
        if let Some(r) = crate::builtins::dict_methods::view_richcompare(ctx, op, a, b)? {
            return Ok(Value::Bool(r));
        }
    }
    // Real numbers are ordered, but a comparison with a NaN is false.
    let real =
        |v: Value<'gc>| matches!(v, Value::Float(_) | Value::Int(_) | Value::Bool(_) | Value::BigInt(_));
    let nan = (matches!(a, Value::Float(f) if f.is_nan()) || matches!(b, Value::Float(f) if f.is_nan()))
        && real(a)
        && real(b);
    match order(ctx, a, b)? {
        Some(o) => Ok(Value::Bool(match op {
            CompareOp::Lt => o == Ordering::Less,
            CompareOp::Le => o != Ordering::Greater,
            CompareOp::Gt => o == Ordering::Greater,
            _ => o != Ordering::Less,
        })),
        None if nan => Ok(Value::Bool(false)),
        None => Err(unorderable(ctx, op.symbol(), a, b)),
    }
}

/// `item in container`.
pub fn contains<'gc>(ctx: &mut Ctx<'gc, '_>, container: Value<'gc>, item: Value<'gc>) -> PyResult<'gc, bool> {
    match container {
        Value::Str(s) => match item {
            Value::Str(sub) => Ok(s.as_str().contains(sub.as_str())),
            _ => {
                let msg =
                    format!("'in <string>' requires string as left operand, not {}", ctx.type_name(item));
                ctx.type_error(msg)
            }
        },
        Value::Dict(d) => Ok(crate::ops::collections::dict_get(ctx, d, item)?.is_some()),
        Value::Set(_) | Value::FrozenSet(_) => crate::ops::collections::set_contains(ctx, container, item),
        Value::Range(r) => Ok(match as_int(item) {
            Some(IntArg::Small(i)) => {
                let n = r.len();
                n > 0 && {
                    let off = i as i128 - r.start as i128;
                    off % r.step as i128 == 0 && (0..n as i128).contains(&(off / r.step as i128))
                }
            }
            _ => {
                let items = crate::ops::iter::to_vec(ctx, container)?;
                let mut found = false;
                for x in items {
                    if eq(ctx, x, item)? {
                        found = true;
                        break;
                    }
                }
                found
            }
        }),
        Value::List(l) => {
            let items = l.borrow().clone();
            for x in items {
                if x.is(item) || eq(ctx, x, item)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        Value::Tuple(t) => {
            for x in t.0.iter() {
                if x.is(item) || eq(ctx, *x, item)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        Value::Bytes(b) => match item {
            Value::Int(i) => Ok((0..256).contains(&i) && b.contains(&(i as u8))),
            Value::Bytes(sub) => Ok(sub.is_empty() || b.windows(sub.len()).any(|w| w == &sub[..])),
            _ => ctx.type_error("a bytes-like object is required"),
        },
        _ => {
            if let Some(m) = crate::ops::attr::special_method(ctx, container, crate::dunder!("__contains__"))?
            {
                let r = crate::interp::call_value(ctx, m, &[item], &[])?;
                return crate::ops::truth::truthy(ctx, r);
            }
            if !crate::ops::iter::is_iterable(ctx, container) {
                let msg = format!("argument of type '{}' is not iterable", ctx.type_name(container));
                return ctx.type_error(msg);
            }
            let it = crate::ops::iter::get_iter(ctx, container)?;
            while let Some(x) = crate::ops::iter::next(ctx, it)? {
                if x.is(item) || eq(ctx, x, item)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
    }
}

/// Helper for sorting: `a < b` as a Rust bool.
pub fn less<'gc>(ctx: &mut Ctx<'gc, '_>, a: Value<'gc>, b: Value<'gc>) -> PyResult<'gc, bool> {
    if let (Value::Int(x), Value::Int(y)) = (a, b) {
        return Ok(x < y);
    }
    let r = compare(ctx, CompareOp::Lt, a, b)?;
    crate::ops::truth::truthy(ctx, r)
}

/// The i64 value of an int that fits.
pub fn small_int(v: Value<'_>) -> Option<i64> {
    match as_int(v)? {
        IntArg::Small(i) => Some(i),
        IntArg::Big(b) => b.to_i64(),
    }
}
