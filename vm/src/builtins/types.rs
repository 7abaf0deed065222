//! Constructors of the built-in types (their `__new__`) and the MRO of new classes.

use gc_arena::lock::RefLock;
use gc_arena::Gc;
use num_bigint::BigInt;

use super::{bind_args, expect_args, keywords, methods, Signature};
use crate::ctx::{Ctx, PyResult};
use crate::object::{Args, Class, Dict, Range};
use crate::ops;
use crate::value::Value;

pub fn install<'gc>(ctx: &mut Ctx<'gc, '_>) {
    let t = &ctx.st.types;
    let table: Vec<(Gc<'gc, Class<'gc>>, crate::object::NativeFn)> = vec![
        (t.int, int_new),
        (t.bool_, bool_new),
        (t.float, float_new),
        (t.complex, crate::builtins::complex::complex_new),
        (t.str, str_new),
        (t.bytes, crate::builtins::bytes_methods::bytes_new),
        (t.tuple, tuple_new),
        (t.list, list_new),
        (t.dict, dict_new),
        (t.set, set_new),
        (t.frozenset, frozenset_new),
        (t.range, range_new),
        (t.slice, slice_new),
    ];
    for (class, f) in table {
        methods(ctx, class, &[("__new__", f)]);
    }
    crate::builtins::introspect::install_methods(ctx);
}

/// The MRO (after the class itself) of a class with these bases: C3 linearisation.
pub fn mro<'gc>(
    ctx: &Ctx<'gc, '_>,
    bases: &[Gc<'gc, Class<'gc>>],
) -> PyResult<'gc, Vec<Gc<'gc, Class<'gc>>>> {
    let mut seqs: Vec<Vec<Gc<'gc, Class<'gc>>>> = bases
        .iter()
        .map(|b| {
            let mut v = vec![*b];
            v.extend(b.ancestors.iter().copied());
            v
        })
        .collect();
    seqs.push(bases.to_vec());
    let mut out = Vec::new();
    loop {
        seqs.retain(|s| !s.is_empty());
        if seqs.is_empty() {
            return Ok(out);
        }
        let candidate = seqs
            .iter()
            .map(|s| s[0])
            .find(|c| !seqs.iter().any(|s| s[1..].iter().any(|x| Gc::ptr_eq(*x, *c))));
        let Some(c) = candidate else {
            let names: Vec<&str> = bases.iter().map(|b| b.name_str()).collect();
            return ctx.type_error(format!(
                "Cannot create a consistent method resolution\norder (MRO) for bases {}",
                names.join(", ")
            ));
        };
        out.push(c);
        for s in seqs.iter_mut() {
            if Gc::ptr_eq(s[0], c) {
                s.remove(0);
            }
        }
    }
}

fn int_new<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    let kw = keywords(ctx, "int", &args, &["base"])?;
    let pos = &args.positional()[1..];
    if pos.len() > 2 {
        return ctx.type_error(format!("int() takes at most 2 arguments ({} given)", pos.len()));
    }
    let base = pos.get(1).copied().or_else(|| kw.first().map(|(_, v)| *v));
    let Some(&x) = pos.first() else {
        if base.is_some() {
            return ctx.type_error("int() missing string argument");
        }
        return Ok(Value::Int(0));
    };
    if let Some(base) = base {
        let Some(b) = ops::compare::small_int(base) else {
            let msg = format!("'{}' object cannot be interpreted as an integer", ctx.type_name(base));
            return ctx.type_error(msg);
        };
        let text = match x {
            Value::Str(s) => s.as_str().to_string(),
            Value::Bytes(b) => String::from_utf8_lossy(&b).into_owned(),
            _ => return ctx.type_error("int() can't convert non-string with explicit base"),
        };
        if b != 0 && !(2..=36).contains(&b) {
            return ctx.value_error("int() base must be >= 2 and <= 36, or 0");
        }
        return parse_int(ctx, &text, b as u32);
    }
    match x {
        Value::Int(_) | Value::BigInt(_) => Ok(x),
        Value::Bool(b) => Ok(Value::Int(b as i64)),
        Value::Float(f) => {
            if f.is_nan() {
                return ctx.value_error("cannot convert float NaN to integer");
            }
            if f.is_infinite() {
                return Err(ctx.error("OverflowError", "cannot convert float infinity to integer"));
            }
            let t = f.trunc();
            if t.abs() < 9.0e18 {
                return Ok(Value::Int(t as i64));
            }
            use num_traits::FromPrimitive;
            Ok(ctx.int(BigInt::from_f64(t).unwrap_or_default()))
        }
        Value::Str(s) => parse_int(ctx, s.as_str(), 10),
        Value::Bytes(b) => parse_int(ctx, &String::from_utf8_lossy(&b), 10),
        _ => {
            for name in ["__int__", "__index__"] {
                if let Some(m) = ops::attr::special_method(ctx, x, name)? {
                    return crate::interp::call_value(ctx, m, &[], &[]);
                }
            }
            let msg = format!(
                "int() argument must be a string, a bytes-like object or a real number, not '{}'",
                ctx.type_name(x)
            );
            ctx.type_error(msg)
        }
    }
}

/// `int(text, base)` with Python's literal rules (underscores, prefixes, whitespace).
pub fn parse_int<'gc>(ctx: &mut Ctx<'gc, '_>, text: &str, base: u32) -> PyResult<'gc, Value<'gc>> {
    let invalid = |ctx: &Ctx<'gc, '_>| {
        let r = cellvm_compiler::dis::str_repr(text);
        ctx.value_error(format!("invalid literal for int() with base {base}: {r}"))
    };
    let s = text.trim_matches(|c: char| c.is_whitespace());
    let (neg, mut s) = match s.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, s.strip_prefix('+').unwrap_or(s)),
    };
    let mut base = base;
    let lower = s.to_ascii_lowercase();
    let prefixed = |p: &str| lower.starts_with(p);
    if base == 0 || base == 16 && prefixed("0x") || base == 8 && prefixed("0o") || base == 2 && prefixed("0b")
    {
        if prefixed("0x") {
            base = 16;
            s = &s[2..];
        } else if prefixed("0o") {
            base = 8;
            s = &s[2..];
        } else if prefixed("0b") {
            base = 2;
            s = &s[2..];
        } else if base == 0 {
            if s.len() > 1 && s.starts_with('0') && s.chars().any(|c| c != '0' && c != '_') {
                return invalid(ctx);
            }
            base = 10;
        }
        s = s.strip_prefix('_').unwrap_or(s);
    }
    if s.is_empty() || s.starts_with('_') || s.ends_with('_') || s.contains("__") {
        return invalid(ctx);
    }
    let digits: String = s.chars().filter(|c| *c != '_').collect();
    if !digits.chars().all(|c| c.is_digit(base)) {
        // Other Unicode decimal digits count in base 10.
        let converted: Option<String> = digits
            .chars()
            .map(|c| {
                c.to_digit(base)
                    .or_else(|| unicode_decimal(c))
                    .map(|d| char::from_digit(d, base).unwrap_or('0'))
            })
            .collect();
        match converted {
            Some(d) if base == 10 => return finish_int(ctx, &d, base, neg),
            _ => return invalid(ctx),
        }
    }
    if base == 10 && digits.len() > crate::ops::repr::INT_MAX_STR_DIGITS {
        return ctx.value_error(format!(
            "Exceeds the limit ({} digits) for integer string conversion: value has {} digits; use sys.set_int_max_str_digits() to increase the limit",
            crate::ops::repr::INT_MAX_STR_DIGITS,
            digits.len()
        ));
    }
    finish_int(ctx, &digits, base, neg)
}

fn unicode_decimal(c: char) -> Option<u32> {
    // Fullwidth and Arabic-Indic digits, the common non-ASCII decimal digits.
    let n = c as u32;
    for zero in [0xFF10u32, 0x0660, 0x06F0, 0x0966] {
        if (zero..zero + 10).contains(&n) {
            return Some(n - zero);
        }
    }
    None
}

fn finish_int<'gc>(ctx: &mut Ctx<'gc, '_>, digits: &str, base: u32, neg: bool) -> PyResult<'gc, Value<'gc>> {
    let b = BigInt::parse_bytes(digits.as_bytes(), base).unwrap_or_default();
    Ok(ctx.int(if neg { -b } else { b }))
}

fn bool_new<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    let a = new_args(ctx, "bool", &args, 0, 1)?;
    match a.first() {
        Some(v) => Ok(Value::Bool(ops::truth::truthy(ctx, *v)?)),
        None => Ok(Value::Bool(false)),
    }
}

fn float_new<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    let a = new_args(ctx, "float", &args, 0, 1)?;
    let Some(&x) = a.first() else { return Ok(Value::Float(0.0)) };
    match x {
        Value::Float(_) => Ok(x),
        Value::Str(s) => parse_float(ctx, s.as_str()).map(Value::Float),
        _ => match ops::num::as_float(ctx, x)? {
            Some(f) => Ok(Value::Float(f)),
            None => {
                if let Some(m) = ops::attr::special_method(ctx, x, "__float__")? {
                    return crate::interp::call_value(ctx, m, &[], &[]);
                }
                let msg =
                    format!("float() argument must be a string or a real number, not '{}'", ctx.type_name(x));
                ctx.type_error(msg)
            }
        },
    }
}

pub fn parse_float<'gc>(ctx: &Ctx<'gc, '_>, text: &str) -> PyResult<'gc, f64> {
    let s = text.trim();
    let lower = s.to_ascii_lowercase();
    let body = lower.trim_start_matches(['+', '-']);
    let neg = lower.starts_with('-');
    let special = match body {
        "inf" | "infinity" => Some(f64::INFINITY),
        "nan" => Some(f64::NAN),
        _ => None,
    };
    if let Some(v) = special {
        if lower.len() - body.len() <= 1 {
            return Ok(if neg { -v } else { v });
        }
    }
    let ok_underscores = !s.starts_with('_')
        && !s.ends_with('_')
        && !s.contains("__")
        && !s.contains("_.")
        && !s.contains("._");
    let cleaned: String = s.chars().filter(|c| *c != '_').collect();
    let valid_chars = cleaned.chars().all(|c| c.is_ascii_digit() || matches!(c, '.' | 'e' | 'E' | '+' | '-'));
    match cleaned.parse::<f64>() {
        Ok(v) if ok_underscores && valid_chars && !cleaned.is_empty() => Ok(v),
        _ => ctx.value_error(format!(
            "could not convert string to float: {}",
            cellvm_compiler::dis::str_repr(text)
        )),
    }
}

/// `str(object='', encoding='utf-8', errors='strict')`.
const STR_SIGNATURE: Signature = Signature {
    name: "str",
    params: &["object", "encoding", "errors"],
    posonly: 0,
    max_positional: 3,
    required: 0,
};

fn str_new<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    // The common `str(x)`: one positional argument after the class.
    if let ([_, v], []) = (args.args, args.kwnames) {
        return ops::repr::str_value(ctx, *v);
    }
    let bound = bind_args(ctx, &STR_SIGNATURE, &after_class(&args))?;
    let decoding = bound[1].is_some() || bound[2].is_some();
    match bound[0] {
        None if decoding => Ok(ctx.new_str("")),
        None => Ok(Value::Str(ctx.intern(""))),
        Some(v) => {
            if decoding {
                if let Value::Bytes(b) = v {
                    return match std::str::from_utf8(&b) {
                        Ok(s) => Ok(ctx.new_str(s)),
                        Err(_) => ctx.value_error("invalid utf-8"),
                    };
                }
                let msg = format!("decoding to str: need a bytes-like object, {} found", ctx.type_name(v));
                return ctx.type_error(msg);
            }
            ops::repr::str_value(ctx, v)
        }
    }
}

fn tuple_new<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    let a = new_args(ctx, "tuple", &args, 0, 1)?;
    match a.first() {
        None => Ok(ctx.new_tuple(vec![])),
        Some(v @ Value::Tuple(_)) => Ok(*v),
        Some(v) => {
            let items = ops::iter::to_vec(ctx, *v)?;
            Ok(ctx.new_tuple(items))
        }
    }
}

fn list_new<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    let a = new_args(ctx, "list", &args, 0, 1)?;
    let items = match a.first() {
        None => Vec::new(),
        Some(v) => ops::iter::to_vec(ctx, *v)?,
    };
    Ok(ctx.new_list(items))
}

fn dict_new<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    let pos = &args.positional()[1..];
    if pos.len() > 1 {
        return ctx.type_error(format!("dict expected at most 1 argument, got {}", pos.len()));
    }
    let d = ctx.new_dict(Dict::new());
    if let Some(src) = pos.first() {
        crate::builtins::dict_methods::dict_update_from(ctx, d, *src)?;
    }
    for (k, v) in args.keywords() {
        let key = Value::Str(ctx.intern(k));
        ops::collections::dict_set(ctx, d, key, v)?;
    }
    Ok(Value::Dict(d))
}

fn set_new<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    let a = new_args(ctx, "set", &args, 0, 1)?;
    match a.first() {
        None => Ok(Value::Set(Gc::new(ctx.mc, RefLock::new(crate::object::Set::new())))),
        Some(v @ (Value::Set(_) | Value::FrozenSet(_))) => {
            Ok(Value::Set(Gc::new(ctx.mc, RefLock::new(ops::collections::copy_set(*v)))))
        }
        Some(v) => {
            let table = crate::builtins::set_methods::table_from(ctx, *v)?;
            Ok(Value::Set(Gc::new(ctx.mc, RefLock::new(table))))
        }
    }
}

fn frozenset_new<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    let a = new_args(ctx, "frozenset", &args, 0, 1)?;
    match a.first() {
        None => Ok(Value::FrozenSet(Gc::new(ctx.mc, crate::object::Set::new()))),
        Some(v @ Value::FrozenSet(_)) => Ok(*v),
        Some(v @ Value::Set(_)) => Ok(Value::FrozenSet(Gc::new(ctx.mc, ops::collections::copy_set(*v)))),
        Some(v) => {
            let table = crate::builtins::set_methods::table_from(ctx, *v)?;
            Ok(Value::FrozenSet(Gc::new(ctx.mc, table)))
        }
    }
}

/// The arguments of a `__new__` after the class, checked as `expect_args` checks them, so
/// that the counts in messages leave the class out as CPython's do.
fn new_args<'gc, 'a>(
    ctx: &Ctx<'gc, '_>,
    name: &str,
    args: &Args<'gc, 'a>,
    min: usize,
    max: usize,
) -> PyResult<'gc, &'a [Value<'gc>]> {
    expect_args(ctx, name, &after_class(args), min, max)
}

/// A `__new__`'s arguments without the class.
fn after_class<'gc, 'a>(args: &Args<'gc, 'a>) -> Args<'gc, 'a> {
    Args { args: args.args.get(1..).unwrap_or(&[]), kwnames: args.kwnames }
}

fn range_new<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    let a = new_args(ctx, "range", &args, 1, 3)?;
    let mut nums = Vec::new();
    for v in a {
        match (ops::num::as_int(*v), v) {
            (_, Value::Float(_)) | (None, _) => {
                let msg = format!("'{}' object cannot be interpreted as an integer", ctx.type_name(*v));
                return ctx.type_error(msg);
            }
            (Some(ops::num::IntArg::Small(i)), _) => nums.push(i),
            (Some(ops::num::IntArg::Big(_)), _) => {
                return Err(ctx.error("OverflowError", "Python int too large to convert to C ssize_t"));
            }
        }
    }
    let (start, stop, step) = match nums[..] {
        [stop] => (0, stop, 1),
        [start, stop] => (start, stop, 1),
        [start, stop, step] => (start, stop, step),
        _ => unreachable!("checked by expect_args"),
    };
    if step == 0 {
        return ctx.value_error("range() arg 3 must not be zero");
    }
    Ok(Value::Range(Gc::new(ctx.mc, Range { start, stop, step })))
}

/// `slice(stop)`, `slice(start, stop[, step])`: any objects, kept as given.
fn slice_new<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    let (start, stop, step) = match *new_args(ctx, "slice", &args, 1, 3)? {
        [stop] => (Value::None, stop, Value::None),
        [start, stop] => (start, stop, Value::None),
        [start, stop, step] => (start, stop, step),
        _ => unreachable!("checked by expect_args"),
    };
    Ok(Value::Slice(Gc::new(ctx.mc, crate::object::Slice { start, stop, step })))
}
