//! The built-in functions.

use gc_arena::Gc;

use super::{expect_args, keywords, native, set};
use crate::ctx::{Ctx, PyResult};
use crate::object::{Args, Class, Iter};
use crate::ops;
use crate::value::Value;

pub fn install<'gc>(ctx: &mut Ctx<'gc, '_>) {
    let builtins = ctx.st.builtins;
    let fns: &[(&'static str, crate::object::NativeFn)] = &[
        ("print", print),
        ("len", len),
        ("repr", repr),
        ("ascii", ascii),
        ("abs", abs),
        ("isinstance", isinstance),
        ("issubclass", issubclass),
        ("id", id),
        ("hash", hash),
        ("iter", iter),
        ("next", next),
        ("callable", callable),
        ("getattr", getattr),
        ("setattr", setattr),
        ("hasattr", hasattr),
        ("delattr", delattr),
        ("globals", globals),
        ("locals", locals),
        ("__build_class__", crate::builtins::class_creation::build_class),
        ("any", any),
        ("all", all),
        ("enumerate", enumerate),
        ("zip", zip),
        ("map", map),
        ("filter", filter),
        ("reversed", reversed),
        ("chr", chr),
        ("compile", crate::builtins::compile::compile),
        ("exec", crate::builtins::compile::exec),
        ("eval", crate::builtins::compile::eval),
        ("ord", ord),
        ("format", format),
    ];
    for (name, f) in fns {
        let v = native(ctx, name, *f, Value::Undef);
        set(ctx, builtins, name, v);
    }
}

fn print<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    let kw = keywords(ctx, "print", &args, &["sep", "end", "file", "flush"])?;
    let mut sep = " ".to_string();
    let mut end = "\n".to_string();
    let mut file = Value::None;
    for (k, v) in kw {
        match (k, v) {
            ("sep" | "end", Value::None) => {}
            ("sep", Value::Str(s)) => sep = s.as_str().to_string(),
            ("end", Value::Str(s)) => end = s.as_str().to_string(),
            ("sep" | "end", other) => {
                let msg = format!("{k} must be None or a string, not {}", ctx.type_name(other));
                return ctx.type_error(msg);
            }
            ("file", f) => file = f,
            _ => {}
        }
    }
    let mut out = String::new();
    for (i, v) in args.positional().iter().enumerate() {
        if i > 0 {
            out.push_str(&sep);
        }
        out.push_str(&ops::repr::str_of(ctx, *v)?);
    }
    out.push_str(&end);
    crate::builtins::modules::write_to(ctx, file, &out)?;
    Ok(Value::None)
}

fn len<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    let a = expect_args(ctx, "len", &args, 1, 1)?;
    len_of(ctx, a[0]).map(|n| Value::Int(n as i64))
}

pub fn len_of<'gc>(ctx: &mut Ctx<'gc, '_>, v: Value<'gc>) -> PyResult<'gc, usize> {
    Ok(match v {
        Value::Str(s) => s.len(),
        Value::Bytes(b) => b.len(),
        Value::Tuple(t) => t.0.len(),
        Value::List(l) => l.borrow().len(),
        Value::Dict(d) => d.borrow().len(),
        Value::Set(s) => s.borrow().len(),
        Value::FrozenSet(s) => s.len(),
        Value::Range(r) => r.len() as usize,
        _ => {
            if let Some(m) = ops::attr::special_method(ctx, v, "__len__")? {
                let r = crate::interp::call_value(ctx, m, &[], &[])?;
                return match ops::compare::small_int(r) {
                    Some(n) if n >= 0 => Ok(n as usize),
                    Some(_) => ctx.value_error("__len__() should return >= 0"),
                    None => {
                        let msg =
                            format!("'{}' object cannot be interpreted as an integer", ctx.type_name(r));
                        ctx.type_error(msg)
                    }
                };
            }
            let msg = format!("object of type '{}' has no len()", ctx.type_name(v));
            return ctx.type_error(msg);
        }
    })
}

fn repr<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    let a = expect_args(ctx, "repr", &args, 1, 1)?;
    ops::repr::repr_value(ctx, a[0])
}

fn ascii<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    let a = expect_args(ctx, "ascii", &args, 1, 1)?;
    ops::repr::ascii_value(ctx, a[0])
}

fn abs<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    let a = expect_args(ctx, "abs", &args, 1, 1)?;
    abs_value(ctx, a[0])
}

/// `abs(v)`.
pub fn abs_value<'gc>(ctx: &mut Ctx<'gc, '_>, v: Value<'gc>) -> PyResult<'gc, Value<'gc>> {
    match v {
        Value::Float(f) => Ok(Value::Float(f.abs())),
        Value::Complex(c) => Ok(Value::Float(ops::complex::abs(ctx, *c)?)),
        v if ops::num::as_int(v).is_some() => {
            let neg = match ops::num::as_int(v) {
                Some(ops::num::IntArg::Small(i)) => i < 0,
                Some(ops::num::IntArg::Big(b)) => b.sign() == num_bigint::Sign::Minus,
                None => false,
            };
            if neg {
                ops::num::unary(ctx, ops::num::Unary::Neg, v)
            } else {
                ops::num::unary(ctx, ops::num::Unary::Pos, v)
            }
        }
        v => {
            if let Some(m) = ops::attr::special_method(ctx, v, "__abs__")? {
                return crate::interp::call_value(ctx, m, &[], &[]);
            }
            let msg = format!("bad operand type for abs(): '{}'", ctx.type_name(v));
            ctx.type_error(msg)
        }
    }
}

/// `isinstance` / `issubclass`'s second argument: a class or a tuple of them.
fn class_matches<'gc>(
    ctx: &mut Ctx<'gc, '_>,
    class: Gc<'gc, Class<'gc>>,
    spec: Value<'gc>,
    fname: &str,
) -> PyResult<'gc, bool> {
    match spec {
        Value::Type(c) => Ok(Class::is_subclass(class, c)),
        Value::Tuple(t) => {
            for x in t.0.iter() {
                if class_matches(ctx, class, *x, fname)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        _ => ctx.type_error(format!("{fname}() arg 2 must be a type, a tuple of types, or a union")),
    }
}

fn isinstance<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    let a = expect_args(ctx, "isinstance", &args, 2, 2)?;
    let class = ctx.type_of(a[0]);
    Ok(Value::Bool(class_matches(ctx, class, a[1], "isinstance")?))
}

fn issubclass<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    let a = expect_args(ctx, "issubclass", &args, 2, 2)?;
    let Value::Type(class) = a[0] else { return ctx.type_error("issubclass() arg 1 must be a class") };
    Ok(Value::Bool(class_matches(ctx, class, a[1], "issubclass")?))
}

fn id<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    let a = expect_args(ctx, "id", &args, 1, 1)?;
    Ok(Value::Int(match a[0].ptr() {
        Some(p) => p as i64,
        // Unboxed values have no address: derive a stable one from the value.
        None => (ops::hash::hash(ctx, a[0])? as u64 >> 1) as i64 | 1,
    }))
}

fn hash<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    let a = expect_args(ctx, "hash", &args, 1, 1)?;
    ops::hash::hash(ctx, a[0]).map(Value::Int)
}

fn iter<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    let a = expect_args(ctx, "iter", &args, 1, 2)?;
    if a.len() == 2 {
        if !is_callable(ctx, a[0]) {
            return ctx.type_error("iter(v, w): v must be callable");
        }
        return Ok(ops::iter::new_iter(ctx, Iter::Callable { func: a[0], sentinel: a[1] }));
    }
    ops::iter::get_iter(ctx, a[0])
}

fn next<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    let a = expect_args(ctx, "next", &args, 1, 2)?;
    if let (Value::Generator(_), None) = (a[0], a.get(1)) {
        // The StopIteration carries the generator's return value.
        return crate::builtins::generator::gen_next(ctx, Args { args: &a[..1], kwnames: &[] });
    }
    if !matches!(a[0], Value::Iter(_)) && ops::attr::special_method(ctx, a[0], "__next__")?.is_none() {
        let msg = format!("'{}' object is not an iterator", ctx.type_name(a[0]));
        return ctx.type_error(msg);
    }
    match ops::iter::next(ctx, a[0])? {
        Some(v) => Ok(v),
        None => match a.get(1) {
            Some(d) => Ok(*d),
            None => {
                let class = ctx.exc_class("StopIteration");
                Err(ctx.new_exc(class, vec![]))
            }
        },
    }
}

pub fn is_callable<'gc>(ctx: &Ctx<'gc, '_>, v: Value<'gc>) -> bool {
    match v {
        Value::Function(_) | Value::Builtin(_) | Value::Method(_) | Value::Type(_) => true,
        Value::Instance(i) => i.class.lookup("__call__").is_some(),
        _ => {
            let _ = ctx;
            false
        }
    }
}

fn callable<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    let a = expect_args(ctx, "callable", &args, 1, 1)?;
    Ok(Value::Bool(is_callable(ctx, a[0])))
}

fn attr_name<'gc>(
    ctx: &mut Ctx<'gc, '_>,
    v: Value<'gc>,
    fname: &str,
) -> PyResult<'gc, Gc<'gc, crate::object::PyStr>> {
    match v {
        Value::Str(s) => Ok(ctx.intern(s.as_str())),
        _ => {
            let msg = format!("{fname}(): attribute name must be string, not '{}'", ctx.type_name(v));
            ctx.type_error(msg)
        }
    }
}

fn getattr<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    let a = expect_args(ctx, "getattr", &args, 2, 3)?;
    let name = attr_name(ctx, a[1], "getattr")?;
    match ops::attr::getattr(ctx, a[0], name) {
        Ok(v) => Ok(v),
        Err(e) if a.len() == 3 && ctx.exc_matches(e, "AttributeError") => Ok(a[2]),
        Err(e) => Err(e),
    }
}

fn setattr<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    let a = expect_args(ctx, "setattr", &args, 3, 3)?;
    let name = attr_name(ctx, a[1], "setattr")?;
    ops::attr::setattr(ctx, a[0], name, a[2])?;
    Ok(Value::None)
}

fn hasattr<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    let a = expect_args(ctx, "hasattr", &args, 2, 2)?;
    let name = attr_name(ctx, a[1], "hasattr")?;
    match ops::attr::getattr(ctx, a[0], name) {
        Ok(_) => Ok(Value::Bool(true)),
        Err(e) if ctx.exc_matches(e, "AttributeError") => Ok(Value::Bool(false)),
        Err(e) => Err(e),
    }
}

fn delattr<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    let a = expect_args(ctx, "delattr", &args, 2, 2)?;
    let name = attr_name(ctx, a[1], "delattr")?;
    ops::attr::delattr(ctx, a[0], name)?;
    Ok(Value::None)
}

/// The frame of the Python code that called the current native.
fn caller_frame<'gc>(ctx: &Ctx<'gc, '_>) -> Option<crate::state::Frame<'gc>> {
    ctx.st.frames.last().copied()
}

fn globals<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    expect_args(ctx, "globals", &args, 0, 0)?;
    Ok(caller_frame(ctx).map_or(Value::None, |f| Value::Dict(f.globals)))
}

fn locals<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    expect_args(ctx, "locals", &args, 0, 0)?;
    let Some(frame) = caller_frame(ctx) else { return Ok(Value::None) };
    if let Value::Dict(_) = frame.locals {
        return Ok(frame.locals);
    }
    crate::builtins::introspect::frame_locals(ctx, frame)
}

fn truth_fold<'gc>(
    ctx: &mut Ctx<'gc, '_>,
    args: Args<'gc, '_>,
    name: &str,
    want: bool,
) -> PyResult<'gc, Value<'gc>> {
    let a = expect_args(ctx, name, &args, 1, 1)?;
    let it = ops::iter::get_iter(ctx, a[0])?;
    while let Some(v) = ops::iter::next(ctx, it)? {
        if ops::truth::truthy(ctx, v)? == want {
            return Ok(Value::Bool(want));
        }
    }
    Ok(Value::Bool(!want))
}

fn any<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    truth_fold(ctx, args, "any", true)
}

fn all<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    truth_fold(ctx, args, "all", false)
}

fn enumerate<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    let kw = keywords(ctx, "enumerate", &args, &["start", "iterable"])?;
    let pos = args.positional();
    let mut iterable = pos.first().copied();
    let mut start = pos.get(1).copied();
    for (k, v) in kw {
        if k == "start" {
            start = Some(v);
        } else {
            iterable = Some(v);
        }
    }
    let Some(iterable) = iterable else {
        return ctx.type_error("enumerate() missing required argument 'iterable' (pos 1)");
    };
    let count = match start {
        None => 0,
        Some(v) => match ops::compare::small_int(v) {
            Some(n) => n,
            None => {
                let msg = format!("'{}' object cannot be interpreted as an integer", ctx.type_name(v));
                return ctx.type_error(msg);
            }
        },
    };
    let it = ops::iter::get_iter(ctx, iterable)?;
    Ok(ops::iter::new_iter(ctx, Iter::Enumerate { iter: it, count }))
}

fn zip<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    let kw = keywords(ctx, "zip", &args, &["strict"])?;
    let strict = match kw.first() {
        Some((_, v)) => ops::truth::truthy(ctx, *v)?,
        None => false,
    };
    let mut iters = Vec::new();
    for (i, v) in args.positional().iter().enumerate() {
        match ops::iter::get_iter(ctx, *v) {
            Ok(it) => iters.push(it),
            Err(e) if ctx.exc_matches(e, "TypeError") => {
                let msg = format!("zip argument #{} must support iteration", i + 1);
                return ctx.type_error(msg);
            }
            Err(e) => return Err(e),
        }
    }
    Ok(ops::iter::new_iter(ctx, Iter::Zip { iters: iters.into(), strict }))
}

fn map<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    let a = expect_args(ctx, "map", &args, 1, usize::MAX)?;
    if a.len() < 2 {
        return ctx.type_error("map() must have at least two arguments.");
    }
    let mut iters = Vec::new();
    for v in &a[1..] {
        iters.push(ops::iter::get_iter(ctx, *v)?);
    }
    Ok(ops::iter::new_iter(ctx, Iter::Map { func: a[0], iters: iters.into() }))
}

fn filter<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    let a = expect_args(ctx, "filter", &args, 2, 2)?;
    let it = ops::iter::get_iter(ctx, a[1])?;
    Ok(ops::iter::new_iter(ctx, Iter::Filter { func: a[0], iter: it }))
}

fn reversed<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    let a = expect_args(ctx, "reversed", &args, 1, 1)?;
    let n = match a[0] {
        Value::List(l) => l.borrow().len(),
        Value::Tuple(t) => t.0.len(),
        Value::Range(r) => r.len() as usize,
        Value::Str(s) => s.len(),
        v => {
            if let Some(m) = ops::attr::special_method(ctx, v, "__reversed__")? {
                return crate::interp::call_value(ctx, m, &[], &[]);
            }
            let msg = format!("'{}' object is not reversible", ctx.type_name(v));
            return ctx.type_error(msg);
        }
    };
    Ok(ops::iter::new_iter(ctx, Iter::Reversed { seq: a[0], index: n }))
}

fn chr<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    let a = expect_args(ctx, "chr", &args, 1, 1)?;
    let Some(n) = ops::compare::small_int(a[0]).filter(|_| !matches!(a[0], Value::Float(_))) else {
        let msg = format!("'{}' object cannot be interpreted as an integer", ctx.type_name(a[0]));
        return ctx.type_error(msg);
    };
    match u32::try_from(n).ok().filter(|n| *n < 0x110000) {
        Some(n) => match char::from_u32(n) {
            Some(c) => Ok(ctx.new_str(c.to_string())),
            None => ctx.value_error("lone surrogates are not supported by cellvm"),
        },
        None => ctx.value_error("chr() arg not in range(0x110000)"),
    }
}

fn ord<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    let a = expect_args(ctx, "ord", &args, 1, 1)?;
    match a[0] {
        Value::Str(s) if s.len() == 1 => Ok(Value::Int(s.char_at(0).map_or(0, |c| c as i64))),
        Value::Str(s) => {
            let msg = format!("ord() expected a character, but string of length {} found", s.len());
            ctx.type_error(msg)
        }
        Value::Bytes(b) if b.len() == 1 => Ok(Value::Int(b[0] as i64)),
        v => {
            let msg = format!("ord() expected string of length 1, but {} found", ctx.type_name(v));
            ctx.type_error(msg)
        }
    }
}

fn format<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    let a = expect_args(ctx, "format", &args, 1, 2)?;
    let spec = match a.get(1) {
        None => "",
        Some(Value::Str(s)) => Gc::as_ref(*s).as_str(),
        Some(v) => {
            let type_name = super::method_args::clinic_type_name(ctx, *v);
            return ctx.type_error(format!("format() argument 2 must be str, not {type_name}"));
        }
    };
    ops::format::format(ctx, a[0], spec)
}
