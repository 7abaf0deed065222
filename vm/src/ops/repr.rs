//! `repr()` and `str()` of every built-in type, in CPython's formats.

use cellvm_compiler::dis::{bytes_repr, float_repr, str_repr};

use crate::ctx::{Ctx, PyResult};
use crate::object::Descriptor;
use crate::value::Value;

/// How deeply reprs may nest before it is a RecursionError (each level is Rust stack).
const MAX_REPR_DEPTH: usize = 1000;

/// CPython's limit on int-to-decimal conversions (`sys.set_int_max_str_digits`).
pub const INT_MAX_STR_DIGITS: usize = 4300;

pub fn repr<'gc>(ctx: &mut Ctx<'gc, '_>, v: Value<'gc>) -> PyResult<'gc, String> {
    let mut out = String::new();
    let mut seen = Vec::new();
    write_repr(ctx, v, &mut out, &mut seen)?;
    Ok(out)
}

pub fn repr_value<'gc>(ctx: &mut Ctx<'gc, '_>, v: Value<'gc>) -> PyResult<'gc, Value<'gc>> {
    if let Value::Int(i) = v {
        // `str(i)` and `repr(i)` in loops: the digits go straight into the new string.
        return Ok(ctx.new_str(int_text(i, &mut [0; 20])));
    }
    let s = repr(ctx, v)?;
    Ok(ctx.new_str(s))
}

pub fn str_of<'gc>(ctx: &mut Ctx<'gc, '_>, v: Value<'gc>) -> PyResult<'gc, String> {
    match v {
        Value::Str(s) => Ok(s.as_str().to_string()),
        _ => {
            let r = str_value(ctx, v)?;
            Ok(r.as_str().unwrap_or("").to_string())
        }
    }
}

pub fn str_value<'gc>(ctx: &mut Ctx<'gc, '_>, v: Value<'gc>) -> PyResult<'gc, Value<'gc>> {
    match v {
        Value::Str(_) => Ok(v),
        Value::Exception(e) => {
            if let Some(m) = crate::ops::attr::user_special_method(ctx, v, crate::dunder!("__str__"))? {
                return call_str_method(ctx, m, "__str__");
            }
            let s = exception_default_str(ctx, e)?;
            Ok(ctx.new_str(s))
        }
        Value::Instance(_) => {
            if let Some(m) = crate::ops::attr::user_special_method(ctx, v, crate::dunder!("__str__"))? {
                return call_str_method(ctx, m, "__str__");
            }
            repr_value(ctx, v)
        }
        Value::Type(t) if t.meta.is_some() && metaclass_method(ctx, v, "__str__").is_some() => {
            match crate::ops::attr::user_special_method(ctx, v, crate::dunder!("__str__"))? {
                Some(m) => call_str_method(ctx, m, "__str__"),
                None => repr_value(ctx, v),
            }
        }
        _ => repr_value(ctx, v),
    }
}

/// A special method a user metaclass defines for class `v` (`v`'s type is the metaclass).
fn metaclass_method<'gc>(ctx: &Ctx<'gc, '_>, v: Value<'gc>, name: &str) -> Option<Value<'gc>> {
    crate::object::Class::user_lookup(ctx.type_of(v), name)
}

/// Call a user's `__str__` / `__repr__`, which must return a str.
fn call_str_method<'gc>(ctx: &mut Ctx<'gc, '_>, m: Value<'gc>, name: &str) -> PyResult<'gc, Value<'gc>> {
    let r = crate::interp::call_value(ctx, m, &[], &[])?;
    match r {
        Value::Str(_) => Ok(r),
        _ => {
            let msg = format!("{name} returned non-string (type {})", ctx.type_name(r));
            ctx.type_error(msg)
        }
    }
}

/// The `str()` of an exception whose class defines no `__str__`: a group's
/// (`BaseExceptionGroup.__str__`) or `BaseException.__str__`.
pub fn exception_default_str<'gc>(ctx: &mut Ctx<'gc, '_>, e: crate::PyErr<'gc>) -> PyResult<'gc, String> {
    match crate::builtins::exception_group::group_of(e) {
        Some(g) => crate::builtins::exception_group::group_str(ctx, g),
        None if crate::builtins::syntax_error::is_syntax_error(ctx, e.borrow().class) => {
            crate::builtins::syntax_error::str_of(ctx, e)
        }
        None => exception_args_str(ctx, e),
    }
}

/// `BaseException.__str__`: empty, the one argument, or the args tuple.
pub fn exception_args_str<'gc>(ctx: &mut Ctx<'gc, '_>, e: crate::PyErr<'gc>) -> PyResult<'gc, String> {
    let (class, args) = {
        let b = e.borrow();
        (b.class, b.args)
    };
    match args.0.len() {
        0 => Ok(String::new()),
        5 if crate::builtins::codecs::is_unicode_error(ctx, class) => {
            match crate::builtins::codecs::unicode_error_message(&args.0) {
                Some(message) => Ok(message),
                None => repr(ctx, Value::Tuple(args)),
            }
        }
        1 if crate::object::Class::is_subclass(class, ctx.exc_class("KeyError")) => repr(ctx, args.0[0]),
        1 => str_of(ctx, args.0[0]),
        _ => repr(ctx, Value::Tuple(args)),
    }
}

/// `BaseException.__repr__`: `Name(args...)`.
pub fn exception_default_repr<'gc>(ctx: &mut Ctx<'gc, '_>, e: crate::PyErr<'gc>) -> PyResult<'gc, String> {
    let (class, args) = {
        let b = e.borrow();
        (b.class, b.args)
    };
    let mut out = class.name_str().to_string();
    if args.0.len() == 1 {
        out.push('(');
        out.push_str(&repr(ctx, args.0[0])?);
        out.push(')');
    } else {
        out.push_str(&repr(ctx, Value::Tuple(args))?);
    }
    Ok(out)
}

/// `object.__repr__`: `<module.QualName object at 0x...>`.
pub fn default_repr<'gc>(ctx: &Ctx<'gc, '_>, v: Value<'gc>) -> String {
    let class = ctx.type_of(v);
    let module = if class.builtin { None } else { class.dict.borrow().get_str("__module__") };
    match module.and_then(|m| m.as_str()) {
        Some(m) if m != "builtins" => {
            format!("<{}.{} object at {}>", m, class.qualname.get().as_str(), addr(v))
        }
        _ => format!("<{} object at {}>", class.qualname.get().as_str(), addr(v)),
    }
}

pub fn ascii_value<'gc>(ctx: &mut Ctx<'gc, '_>, v: Value<'gc>) -> PyResult<'gc, Value<'gc>> {
    let r = repr(ctx, v)?;
    Ok(ctx.new_str(ascii_escape(&r)))
}

/// `ascii()`'s escaping of non-ASCII characters.
pub fn ascii_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let n = c as u32;
        if n < 0x80 {
            out.push(c);
        } else if n < 0x100 {
            out.push_str(&format!("\\x{n:02x}"));
        } else if n < 0x10000 {
            out.push_str(&format!("\\u{n:04x}"));
        } else {
            out.push_str(&format!("\\U{n:08x}"));
        }
    }
    out
}

pub fn int_to_decimal<'gc>(ctx: &Ctx<'gc, '_>, b: &num_bigint::BigInt) -> PyResult<'gc, String> {
    // Cheap bound first: bits * log10(2) digits.
    if b.bits() as f64 * std::f64::consts::LOG10_2 > INT_MAX_STR_DIGITS as f64 + 1.0 {
        let s = b.to_string();
        let digits = s.trim_start_matches('-').len();
        if digits > INT_MAX_STR_DIGITS {
            return ctx.value_error(format!(
                "Exceeds the limit ({INT_MAX_STR_DIGITS} digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit"
            ));
        }
        return Ok(s);
    }
    Ok(b.to_string())
}

pub fn addr(v: Value<'_>) -> String {
    format!("{:#x}", v.ptr().unwrap_or(0))
}

fn write_repr<'gc>(
    ctx: &mut Ctx<'gc, '_>,
    v: Value<'gc>,
    out: &mut String,
    seen: &mut Vec<usize>,
) -> PyResult<'gc, ()> {
    if seen.len() > MAX_REPR_DEPTH {
        return Err(ctx.error(
            "RecursionError",
            "maximum recursion depth exceeded while getting the repr of an object",
        ));
    }
    match v {
        Value::Undef => out.push_str("<NULL>"),
        Value::None => out.push_str("None"),
        Value::NotImplemented => out.push_str("NotImplemented"),
        Value::Ellipsis => out.push_str("Ellipsis"),
        Value::Bool(b) => out.push_str(if b { "True" } else { "False" }),
        Value::Int(i) => push_int(out, i),
        Value::BigInt(b) => out.push_str(&int_to_decimal(ctx, &b)?),
        Value::Float(f) => out.push_str(&float_repr(f)),
        Value::Complex(c) => out.push_str(&crate::ops::complex::repr(*c)),
        Value::Str(s) => out.push_str(&str_repr(s.as_str())),
        Value::Bytes(b) => out.push_str(&bytes_repr(&b)),
        Value::List(_) | Value::Tuple(_) | Value::Dict(_) | Value::Set(_) | Value::FrozenSet(_) => {
            let id = v.ptr().unwrap_or(0);
            if seen.contains(&id) {
                out.push_str(match v {
                    Value::List(_) => "[...]",
                    Value::Dict(_) => "{...}",
                    _ => "...",
                });
                return Ok(());
            }
            seen.push(id);
            let r = write_container(ctx, v, out, seen);
            seen.pop();
            r?;
        }
        Value::Cell(c) => {
            let content = c.get();
            if content.is_undef() {
                out.push_str(&format!("<cell at {}: empty>", addr(v)));
            } else {
                out.push_str(&format!(
                    "<cell at {}: {} object at {}>",
                    addr(v),
                    ctx.type_name(content),
                    addr_or_fake(content)
                ));
            }
        }
        Value::Function(f) => {
            out.push_str(&format!("<function {} at {}>", f.qualname.get().as_str(), addr(v)))
        }
        Value::Builtin(b) if b.slot => {
            let owner = match b.owner {
                Value::Type(t) => t.name_str(),
                _ => "object",
            };
            if b.bound.is_undef() {
                out.push_str(&format!("<slot wrapper '{}' of '{owner}' objects>", b.name));
            } else {
                out.push_str(&format!(
                    "<method-wrapper '{}' of {} object at {}>",
                    b.name,
                    ctx.type_name(b.bound),
                    addr_or_fake(b.bound)
                ));
            }
        }
        Value::Builtin(b) => {
            if b.bound.is_undef() || matches!(b.bound, Value::Module(_)) {
                out.push_str(&format!("<built-in function {}>", b.name));
            } else {
                out.push_str(&format!(
                    "<built-in method {} of {} object at {}>",
                    b.name,
                    ctx.type_name(b.bound),
                    addr_or_fake(b.bound)
                ));
            }
        }
        Value::Method(m) => {
            let name = match m.func {
                Value::Function(f) => f.qualname.get().as_str().to_string(),
                _ => "?".to_string(),
            };
            out.push_str(&format!("<bound method {} of ", name));
            write_repr(ctx, m.receiver, out, seen)?;
            out.push('>');
        }
        Value::Code(c) => out.push_str(&format!(
            "<code object {} at {}, file \"{}\", line {}>",
            c.co.name,
            addr(v),
            c.co.filename,
            c.co.firstlineno
        )),
        Value::Module(m) => {
            if crate::builtins::modules::is_builtin_module(m.name.as_str()) {
                out.push_str(&format!("<module '{}' (built-in)>", m.name.as_str()));
            } else {
                out.push_str(&format!("<module '{}'>", m.name.as_str()));
            }
        }
        Value::Type(t) if t.meta.is_some() && metaclass_method(ctx, v, "__repr__").is_some() => {
            if let Some(m) = crate::ops::attr::user_special_method(ctx, v, crate::dunder!("__repr__"))? {
                let r = call_str_method(ctx, m, "__repr__")?;
                out.push_str(r.as_str().unwrap_or(""));
            }
        }
        Value::Type(t) => {
            let module = if t.builtin { None } else { t.dict.borrow().get_str("__module__") };
            match module {
                Some(Value::Str(m)) if m.as_str() != "builtins" => {
                    out.push_str(&format!("<class '{}.{}'>", m.as_str(), t.qualname.get().as_str()))
                }
                _ => out.push_str(&format!("<class '{}'>", t.name_str())),
            }
        }
        Value::Instance(_) => {
            if let Some(m) = crate::ops::attr::user_special_method(ctx, v, crate::dunder!("__repr__"))? {
                let r = call_str_method(ctx, m, "__repr__")?;
                out.push_str(r.as_str().unwrap_or(""));
            } else {
                out.push_str(&default_repr(ctx, v));
            }
        }
        Value::Exception(e) => {
            if let Some(m) = crate::ops::attr::user_special_method(ctx, v, crate::dunder!("__repr__"))? {
                let r = call_str_method(ctx, m, "__repr__")?;
                out.push_str(r.as_str().unwrap_or(""));
            } else {
                let (class, args) = {
                    let b = e.borrow();
                    (b.class, b.args)
                };
                out.push_str(class.name_str());
                if args.0.len() == 1 {
                    out.push('(');
                    write_repr(ctx, args.0[0], out, seen)?;
                    out.push(')');
                } else {
                    write_repr(ctx, Value::Tuple(args), out, seen)?;
                }
            }
        }
        Value::Range(r) => {
            if r.step == 1 {
                out.push_str(&format!("range({}, {})", r.start, r.stop));
            } else {
                out.push_str(&format!("range({}, {}, {})", r.start, r.stop, r.step));
            }
        }
        Value::Slice(s) => {
            out.push_str("slice(");
            write_repr(ctx, s.start, out, seen)?;
            out.push_str(", ");
            write_repr(ctx, s.stop, out, seen)?;
            out.push_str(", ");
            write_repr(ctx, s.step, out, seen)?;
            out.push(')');
        }
        Value::Iter(_) => out.push_str(&format!("<{} object at {}>", ctx.type_name(v), addr(v))),
        Value::DictView(view) => {
            let id = v.ptr().unwrap_or(0);
            if seen.contains(&id) {
                out.push_str("...");
                return Ok(());
            }
            let items = crate::builtins::dict_methods::view_items(ctx, view);
            out.push_str(ctx.type_name(v));
            out.push_str("([");
            seen.push(id);
            let r = write_items(ctx, &items, out, seen);
            seen.pop();
            r?;
            out.push_str("])");
        }
        Value::Generator(g) => {
            out.push_str(&format!("<generator object {} at {}>", g.borrow().qualname.as_str(), addr(v)))
        }
        Value::Frame(fo) => out.push_str(&crate::builtins::frame::repr(ctx, fo, &addr(v))),
        Value::Descriptor(d) => match &*d {
            Descriptor::StaticMethod(f) | Descriptor::ClassMethod(f) => {
                out.push_str(if matches!(*d, Descriptor::StaticMethod(_)) {
                    "<staticmethod("
                } else {
                    "<classmethod("
                });
                write_repr(ctx, *f, out, seen)?;
                out.push_str(")>");
            }
            Descriptor::Property(_) => out.push_str(&format!("<property object at {}>", addr(v))),
            Descriptor::Super(s) => {
                out.push_str(&format!("<super: <class '{}'>, ", s.thisclass.name_str()));
                match s.obj_type {
                    Some(t) => out.push_str(&format!("<{} object>>", t.name_str())),
                    None => out.push_str("NULL>"),
                }
            }
        },
    }
    Ok(())
}

/// Unboxed values have no address; show a stable stand-in.
fn addr_or_fake(v: Value<'_>) -> String {
    match v.ptr() {
        Some(p) => format!("{p:#x}"),
        None => "0x0".to_string(),
    }
}

fn write_container<'gc>(
    ctx: &mut Ctx<'gc, '_>,
    v: Value<'gc>,
    out: &mut String,
    seen: &mut Vec<usize>,
) -> PyResult<'gc, ()> {
    match v {
        Value::List(l) => {
            let items = l.borrow().clone();
            out.push('[');
            write_items(ctx, &items, out, seen)?;
            out.push(']');
        }
        Value::Tuple(t) => {
            out.push('(');
            write_items(ctx, &t.0, out, seen)?;
            if t.0.len() == 1 {
                out.push(',');
            }
            out.push(')');
        }
        Value::Dict(d) => {
            let entries: Vec<(Value<'gc>, Value<'gc>)> =
                d.borrow().iter().map(|e| (e.key, e.value)).collect();
            out.push('{');
            for (i, (k, val)) in entries.into_iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                write_repr(ctx, k, out, seen)?;
                out.push_str(": ");
                write_repr(ctx, val, out, seen)?;
            }
            out.push('}');
        }
        Value::Set(_) | Value::FrozenSet(_) => {
            let items: Vec<Value<'gc>> =
                crate::ops::collections::set_items(v).into_iter().map(|(_, k)| k).collect();
            let frozen = matches!(v, Value::FrozenSet(_));
            if items.is_empty() {
                out.push_str(if frozen { "frozenset()" } else { "set()" });
                return Ok(());
            }
            if frozen {
                out.push_str("frozenset(");
            }
            out.push('{');
            write_items(ctx, &items, out, seen)?;
            out.push('}');
            if frozen {
                out.push(')');
            }
        }
        _ => {}
    }
    Ok(())
}

fn write_items<'gc>(
    ctx: &mut Ctx<'gc, '_>,
    items: &[Value<'gc>],
    out: &mut String,
    seen: &mut Vec<usize>,
) -> PyResult<'gc, ()> {
    for (i, x) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        write_repr(ctx, *x, out, seen)?;
    }
    Ok(())
}

/// How a callable names itself in call errors: `f()`, `A.m()`, `print()`.
pub fn callable_name<'gc>(ctx: &mut Ctx<'gc, '_>, f: Value<'gc>) -> String {
    match f {
        Value::Function(f) => format!("{}()", f.qualname.get().as_str()),
        Value::Builtin(b) => format!("{}()", b.name),
        Value::Method(m) => callable_name(ctx, m.func),
        Value::Type(t) => format!("{}()", t.name_str()),
        _ => format!("{} object", ctx.type_name(f)),
    }
}

/// Append the decimal digits of `i`: what `i.to_string()` gives, without the formatting
/// machinery or a temporary string (str() and repr() of ints are hot).
fn push_int(out: &mut String, i: i64) {
    out.push_str(int_text(i, &mut [0; 20]));
}

/// The decimal text of `i`, written at the end of `buf` (20 bytes hold `i64::MIN`).
fn int_text(i: i64, buf: &mut [u8; 20]) -> &str {
    let mut n = i.unsigned_abs();
    let mut start = buf.len();
    loop {
        start -= 1;
        buf[start] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    if i < 0 {
        start -= 1;
        buf[start] = b'-';
    }
    std::str::from_utf8(&buf[start..]).expect("ASCII digits")
}
