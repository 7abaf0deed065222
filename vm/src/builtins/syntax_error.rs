//! SyntaxError and its subclasses (IndentationError, TabError): the location fields that
//! CPython's `SyntaxError_init` takes from the arguments, `SyntaxError.__str__`, and the
//! `File ..., line ...` block an uncaught one prints above its last line.

use super::{classes::this_exception, expect_args};
use crate::ctx::{Ctx, PyErr, PyResult};
use crate::object::{Args, Class};
use crate::value::Value;

/// The fields, in the order of the location tuple after `msg`. All are None until set.
const FIELDS: [&str; 8] =
    ["msg", "filename", "lineno", "offset", "text", "end_lineno", "end_offset", "print_file_and_line"];

pub fn install<'gc>(ctx: &mut Ctx<'gc, '_>) {
    let class = ctx.exc_class("SyntaxError");
    super::methods(ctx, class, &[("__init__", syntax_error_init), ("__str__", syntax_error_str)]);
}

/// Whether instances of `class` are SyntaxErrors (and so have the fields).
pub fn is_syntax_error<'gc>(ctx: &Ctx<'gc, '_>, class: gc_arena::Gc<'gc, Class<'gc>>) -> bool {
    Class::is_subclass(class, ctx.exc_class("SyntaxError"))
}

/// CPython's `SyntaxError_init` on the call's arguments: `msg` is the first; with exactly
/// two, the second is `(filename, lineno, offset, text[, end_lineno, end_offset])`.
pub fn init_fields<'gc>(ctx: &mut Ctx<'gc, '_>, e: PyErr<'gc>, args: &[Value<'gc>]) -> PyResult<'gc, ()> {
    let mut values = [Value::None; FIELDS.len()];
    if let Some(&msg) = args.first() {
        values[0] = msg;
    }
    if let [_, info] = args {
        let info = crate::ops::iter::to_vec(ctx, *info)?;
        // PyArg_ParseTuple(info, "OOOO|OO"): its messages name no function.
        if info.len() < 4 {
            return ctx.type_error(format!("function takes at least 4 arguments ({} given)", info.len()));
        }
        if info.len() > 6 {
            return ctx.type_error(format!("function takes at most 6 arguments ({} given)", info.len()));
        }
        values[1..=info.len()].copy_from_slice(&info);
    }
    let dict = super::introspect::exception_dict(ctx, e);
    for (name, value) in FIELDS.into_iter().zip(values) {
        super::set(ctx, dict, name, value);
    }
    Ok(())
}

/// A field's value (None when a program deleted it or never let `__init__` set it).
fn field<'gc>(e: PyErr<'gc>, name: &str) -> Value<'gc> {
    e.borrow().dict.and_then(|d| d.borrow().get_str(name)).unwrap_or(Value::None)
}

/// `SyntaxError.__init__(self, *args)`: `BaseException.__init__`, then the fields.
fn syntax_error_init<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    super::classes::exception_init(ctx, args)?;
    let e = this_exception(ctx, &args, "__init__")?;
    init_fields(ctx, e, &args.positional()[1..])?;
    Ok(Value::None)
}

fn syntax_error_str<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    expect_args(ctx, "__str__", &args, 1, 1)?;
    let e = this_exception(ctx, &args, "__str__")?;
    let s = str_of(ctx, e)?;
    Ok(ctx.new_str(s))
}

/// CPython's `SyntaxError_str`: `msg (file, line N)` with the file's last path component,
/// either part only when it is known.
pub fn str_of<'gc>(ctx: &mut Ctx<'gc, '_>, e: PyErr<'gc>) -> PyResult<'gc, String> {
    let msg = crate::ops::repr::str_of(ctx, field(e, "msg"))?;
    let filename = match field(e, "filename") {
        Value::Str(s) => Some(s.as_str().rsplit('/').next().unwrap_or("").to_string()),
        _ => None,
    };
    // An int exactly (not a bool); one too big for a C long shows as -1, as in CPython.
    let lineno = match field(e, "lineno") {
        Value::Int(n) => Some(n),
        Value::BigInt(_) => Some(-1),
        _ => None,
    };
    Ok(match (filename, lineno) {
        (Some(f), Some(n)) => format!("{msg} ({f}, line {n})"),
        (Some(f), None) => format!("{msg} ({f})"),
        (None, Some(n)) => format!("{msg} (line {n})"),
        (None, None) => msg,
    })
}

/// What an uncaught SyntaxError prints above its last line (CPython's `print_exception`
/// after `parse_syntax_error`): `  File "...", line N` and the marked source text, with the
/// message to print in place of `str(e)`. None when the fields do not make a location
/// (`lineno` not an int) or `e` is no SyntaxError, and it is printed as any other.
pub fn location_block<'gc>(ctx: &Ctx<'gc, '_>, e: PyErr<'gc>) -> Option<(String, Value<'gc>)> {
    if !is_syntax_error(ctx, e.borrow().class) {
        return None;
    }
    let int = |v: Value<'gc>| match v {
        Value::Int(n) => Some(n),
        Value::Bool(b) => Some(b as i64),
        _ => None,
    };
    let int_or = |name: &str, default: i64| match field(e, name) {
        Value::None => Some(default),
        v => int(v),
    };
    let lineno = int(field(e, "lineno"))?;
    let offset = int_or("offset", -1)?;
    let end_lineno = int_or("end_lineno", lineno)?;
    let mut end_offset = int_or("end_offset", -1)?;
    let filename = match field(e, "filename") {
        Value::Str(s) => s.as_str().to_string(),
        Value::None => "<string>".to_string(),
        _ => return None,
    };
    let mut out = format!("  File \"{filename}\", line {lineno}\n");
    if let Value::Str(text) = field(e, "text") {
        let text = text.as_str();
        let line_size = text.len() as i64;
        // An error spanning lines is marked to the end of its first; never past the text.
        if end_lineno > lineno {
            end_offset = line_size;
        }
        end_offset = end_offset.min(line_size + 1);
        out.push_str(&cellvm_compiler::error::error_text(text, offset, end_offset));
    }
    Some((out, field(e, "msg")))
}
