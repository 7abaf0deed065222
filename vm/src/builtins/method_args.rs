//! Argument checking for the methods of built-in types, with CPython's messages. CPython
//! words a bad call differently depending on how the C function receives its arguments, so
//! each method says which convention it follows; the receiver arrives as the first
//! positional argument.

use crate::ctx::{Ctx, PyResult};
use crate::object::Args;
use crate::ops;
use crate::value::Value;

/// How a method takes its arguments (after the receiver).
#[derive(Clone, Copy)]
pub enum Convention {
    /// `METH_NOARGS`: "str.upper() takes no arguments (1 given)".
    NoArgs,
    /// `METH_O`: "str.join() takes exactly one argument (0 given)".
    One,
    /// Argument Clinic, positional only: "replace expected at least 2 arguments, got 1".
    Positional { min: usize, max: usize },
    /// `PyArg_ParseTuple`: "find() takes at least 1 argument (0 given)".
    ParseTuple { min: usize, max: usize },
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// The receiver (checked to be of the built-in type `type_name` by `is_type`) and the other
/// positional arguments, checked against `conv`.
pub fn method_args<'gc, 'a>(
    ctx: &Ctx<'gc, '_>,
    args: &Args<'gc, 'a>,
    type_name: &str,
    method: &str,
    is_type: impl Fn(Value<'gc>) -> bool,
    conv: Convention,
) -> PyResult<'gc, (Value<'gc>, &'a [Value<'gc>])> {
    let this = receiver(ctx, args, type_name, method, is_type)?;
    let rest = &args.positional()[1..];
    if !args.kwnames.is_empty() {
        // (Called through a bound method object, CPython leaves out the type for the
        // `PyArg_ParseTuple` methods; a direct call `s.find(x=1)` names it, as here.)
        return ctx.type_error(format!("{type_name}.{method}() takes no keyword arguments"));
    }
    let n = rest.len();
    let msg = match conv {
        Convention::NoArgs if n != 0 => format!("{type_name}.{method}() takes no arguments ({n} given)"),
        Convention::One if n != 1 => format!("{type_name}.{method}() takes exactly one argument ({n} given)"),
        Convention::Positional { min, .. } if n < min => {
            format!("{method} expected at least {min} argument{}, got {n}", plural(min))
        }
        Convention::Positional { max, .. } if n > max => {
            format!("{method} expected at most {max} argument{}, got {n}", plural(max))
        }
        Convention::ParseTuple { min, .. } if n < min => {
            format!("{method}() takes at least {min} argument{} ({n} given)", plural(min))
        }
        Convention::ParseTuple { max, .. } if n > max => {
            format!("{method}() takes at most {max} argument{} ({n} given)", plural(max))
        }
        _ => return Ok((this, rest)),
    };
    ctx.type_error(msg)
}

/// The receiver of a method called through its type (`str.upper(x)`) or bound.
pub fn receiver<'gc>(
    ctx: &Ctx<'gc, '_>,
    args: &Args<'gc, '_>,
    type_name: &str,
    method: &str,
    is_type: impl Fn(Value<'gc>) -> bool,
) -> PyResult<'gc, Value<'gc>> {
    let Some(&this) = args.positional().first() else {
        return ctx.type_error(format!("unbound method {type_name}.{method}() needs an argument"));
    };
    if !is_type(this) {
        let msg = format!(
            "descriptor '{method}' for '{type_name}' objects doesn't apply to a '{}' object",
            ctx.type_name(this)
        );
        return ctx.type_error(msg);
    }
    Ok(this)
}

/// The arguments of an Argument Clinic method whose parameters (all optional) may be passed
/// by position or by name: one slot per name in `params`.
pub fn keyword_args<'gc, const N: usize>(
    ctx: &Ctx<'gc, '_>,
    args: &Args<'gc, '_>,
    method: &str,
    params: [&str; N],
) -> PyResult<'gc, [Option<Value<'gc>>; N]> {
    let positional = &args.positional()[1..];
    let nargs = positional.len();
    let total = nargs + args.kwnames.len();
    if total > N {
        let keyword = if nargs == 0 { "keyword " } else { "" };
        let msg = format!("{method}() takes at most {N} {keyword}argument{} ({total} given)", plural(N));
        return ctx.type_error(msg);
    }
    let mut out = [None; N];
    for (slot, v) in out.iter_mut().zip(positional) {
        *slot = Some(*v);
    }
    let mut unexpected = None;
    for (name, v) in args.keywords() {
        match params.iter().position(|p| *p == name) {
            Some(i) if i < nargs => {
                let msg =
                    format!("argument for {method}() given by name ('{name}') and position ({})", i + 1);
                return ctx.type_error(msg);
            }
            Some(i) => out[i] = Some(v),
            None => unexpected = unexpected.or(Some(name)),
        }
    }
    if let Some(name) = unexpected {
        return ctx.type_error(format!("'{name}' is an invalid keyword argument for {method}()"));
    }
    Ok(out)
}

/// An integer argument as CPython's `Py_ssize_t` converters take it: ints and bools, or an
/// object with `__index__`; too large is an OverflowError.
pub fn index_arg<'gc>(ctx: &mut Ctx<'gc, '_>, v: Value<'gc>) -> PyResult<'gc, i64> {
    let v = index_value(ctx, v)?;
    match ops::compare::small_int(v) {
        Some(i) => Ok(i),
        None => Err(ctx.error("OverflowError", "Python int too large to convert to C ssize_t")),
    }
}

/// An integer argument converted to a C `int` (`_PyLong_AsInt`).
pub fn c_int_arg<'gc>(ctx: &mut Ctx<'gc, '_>, v: Value<'gc>) -> PyResult<'gc, i32> {
    let v = index_value(ctx, v)?;
    match ops::compare::small_int(v).and_then(|i| i32::try_from(i).ok()) {
        Some(i) => Ok(i),
        None => Err(ctx.error("OverflowError", "Python int too large to convert to C int")),
    }
}

/// `operator.index(v)`: the int an argument stands for.
pub fn index_value<'gc>(ctx: &mut Ctx<'gc, '_>, v: Value<'gc>) -> PyResult<'gc, Value<'gc>> {
    match v {
        Value::Int(_) | Value::BigInt(_) => Ok(v),
        Value::Bool(b) => Ok(Value::Int(b as i64)),
        Value::Instance(_) => {
            if let Some(m) = ops::attr::special_method(ctx, v, "__index__")? {
                let r = crate::interp::call_value(ctx, m, &[], &[])?;
                return match r {
                    Value::Int(_) | Value::BigInt(_) => Ok(r),
                    Value::Bool(b) => Ok(Value::Int(b as i64)),
                    _ => {
                        let msg = format!("__index__ returned non-int (type {})", ctx.type_name(r));
                        ctx.type_error(msg)
                    }
                };
            }
            not_an_integer(ctx, v)
        }
        _ => not_an_integer(ctx, v),
    }
}

fn not_an_integer<'gc, T>(ctx: &Ctx<'gc, '_>, v: Value<'gc>) -> PyResult<'gc, T> {
    let msg = format!("'{}' object cannot be interpreted as an integer", ctx.type_name(v));
    ctx.type_error(msg)
}

/// A start or end argument of `find()` and its relatives (`_PyEval_SliceIndex`): None for
/// the default, an integer clamped to the `Py_ssize_t` range.
pub fn slice_index<'gc>(ctx: &mut Ctx<'gc, '_>, v: Option<Value<'gc>>) -> PyResult<'gc, Option<i64>> {
    let v = match v {
        None | Some(Value::None) => return Ok(None),
        Some(v @ (Value::Int(_) | Value::BigInt(_) | Value::Bool(_))) => v,
        Some(v @ Value::Instance(_)) if ops::attr::special_method(ctx, v, "__index__")?.is_some() => {
            index_value(ctx, v)?
        }
        Some(_) => {
            return ctx.type_error("slice indices must be integers or None or have an __index__ method")
        }
    };
    Ok(Some(match v {
        Value::Int(i) => i,
        Value::Bool(b) => b as i64,
        Value::BigInt(b) if b.sign() == num_bigint::Sign::Minus => i64::MIN,
        _ => i64::MAX,
    }))
}

/// A string that will hold about `bytes` bytes, or a MemoryError instead of an abort when
/// that much cannot be had.
pub fn string_with_capacity<'gc>(ctx: &Ctx<'gc, '_>, bytes: usize) -> PyResult<'gc, String> {
    let mut s = String::new();
    match s.try_reserve_exact(bytes) {
        Ok(()) => Ok(s),
        Err(_) => Err(memory_error(ctx)),
    }
}

/// A MemoryError as CPython raises it when an allocation fails: no arguments.
pub fn memory_error<'gc>(ctx: &Ctx<'gc, '_>) -> crate::PyErr<'gc> {
    ctx.new_exc(ctx.exc_class("MemoryError"), Vec::new())
}

/// How Argument Clinic names an argument's type in "must be str, not X": None is `None`,
/// not `NoneType`.
pub fn clinic_type_name<'gc>(ctx: &Ctx<'gc, '_>, v: Value<'gc>) -> &'gc str {
    match v {
        Value::None => "None",
        _ => ctx.type_name(v),
    }
}

/// `ADJUST_INDICES`: clamp the optional start and end of a search window to a sequence of
/// `len` items; start may stay past the end (every caller treats an empty or inverted
/// window as "no match").
pub fn adjust_indices(start: Option<i64>, end: Option<i64>, len: usize) -> (i64, i64) {
    let len = len as i64;
    let mut end = end.unwrap_or(len);
    if end > len {
        end = len;
    } else if end < 0 {
        end = (end + len).max(0);
    }
    let mut start = start.unwrap_or(0);
    if start < 0 {
        start = (start + len).max(0);
    }
    (start, end)
}
