//! `str % args`: printf-style formatting as CPython 3.11's `PyUnicode_Format` does it,
//!
//! ```text
//! %[(key)][flags][width|*][.precision|.*][length modifier]conversion
//! ```
//!
//! with its argument rules: a tuple supplies the arguments in order, any other value is the
//! single argument, and a mapping (anything with `__getitem__` but a tuple or a str) may
//! also be looked up by key.

use num_bigint::BigInt;
use num_traits::FromPrimitive;

use crate::builtins::method_args::index_value;
use crate::ctx::{Ctx, PyResult};
use crate::ops;
use crate::ops::float_str::{float_to_string, Flags, Style};
use crate::ops::num::IntArg;
use crate::value::Value;

/// Where the conversions take their arguments from (CPython's `arglen`/`argidx` pair: a
/// non-tuple argument is one argument, handed out once).
struct Arguments<'gc> {
    args: Value<'gc>,
    /// `None` for a single (non-tuple) argument.
    tuple: Option<usize>,
    next: usize,
    single_taken: bool,
    mapping: Option<Value<'gc>>,
}

impl<'gc> Arguments<'gc> {
    fn next(&mut self, ctx: &Ctx<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
        match (self.tuple, self.args) {
            (Some(len), Value::Tuple(t)) if self.next < len => {
                self.next += 1;
                Ok(t.as_slice().get(self.next - 1).copied().unwrap_or(Value::None))
            }
            (None, v) if !self.single_taken => {
                self.single_taken = true;
                Ok(v)
            }
            _ => ctx.type_error("not enough arguments for format string"),
        }
    }

    fn all_used(&self) -> bool {
        match self.tuple {
            Some(len) => self.next >= len,
            None => self.single_taken,
        }
    }
}

/// Whether `%` may look keys up in `v` (CPython's `PyMapping_Check`, minus tuples and str).
fn is_mapping(v: Value<'_>) -> bool {
    match v {
        Value::Dict(_) | Value::List(_) | Value::Bytes(_) | Value::Range(_) => true,
        Value::Instance(i) => i.class.lookup("__getitem__").is_some(),
        _ => false,
    }
}

#[derive(Default)]
struct Conversion {
    left: bool,
    sign: bool,
    blank: bool,
    alternate: bool,
    zero: bool,
    width: Option<usize>,
    precision: Option<usize>,
}

/// `fmt % args`.
pub fn percent<'gc>(ctx: &mut Ctx<'gc, '_>, fmt: &str, args: Value<'gc>) -> PyResult<'gc, Value<'gc>> {
    let mut arguments = Arguments {
        args,
        tuple: match args {
            Value::Tuple(t) => Some(t.as_slice().len()),
            _ => None,
        },
        next: 0,
        single_taken: false,
        mapping: if is_mapping(args) { Some(args) } else { None },
    };
    let mut out = String::with_capacity(fmt.len() + 16);
    let mut pos = 0;
    while let Some(offset) = fmt[pos..].find('%') {
        out.push_str(&fmt[pos..pos + offset]);
        pos += offset + 1;
        if fmt[pos..].starts_with('%') {
            out.push('%');
            pos += 1;
            continue;
        }
        conversion(ctx, fmt, &mut pos, &mut arguments, &mut out)?;
    }
    out.push_str(&fmt[pos..]);
    if arguments.mapping.is_none() && !arguments.all_used() {
        return ctx.type_error("not all arguments converted during string formatting");
    }
    Ok(ctx.new_str(out))
}

/// One conversion after its `%` (at byte `pos` of `fmt`), appended to `out`; `pos` ends
/// past it.
fn conversion<'gc>(
    ctx: &mut Ctx<'gc, '_>,
    fmt: &str,
    pos: &mut usize,
    arguments: &mut Arguments<'gc>,
    out: &mut String,
) -> PyResult<'gc, ()> {
    let next_char = |pos: &mut usize| -> Option<char> {
        let c = fmt[*pos..].chars().next()?;
        *pos += c.len_utf8();
        Some(c)
    };
    let mut c = next_char(pos);
    if c == Some('(') {
        let Some(mapping) = arguments.mapping else {
            return ctx.type_error("format requires a mapping");
        };
        let key_start = *pos;
        let mut depth = 1;
        while depth > 0 {
            match next_char(pos) {
                Some(')') => depth -= 1,
                Some('(') => depth += 1,
                Some(_) => {}
                None => return ctx.value_error("incomplete format key"),
            }
        }
        let key = ctx.new_str(&fmt[key_start..*pos - 1]);
        let value = ops::subscript::getitem(ctx, mapping, key)?;
        // From here on the looked-up value is the one argument, as in CPython.
        arguments.args = value;
        arguments.tuple = None;
        arguments.single_taken = false;
        c = next_char(pos);
    }
    let mut conv = Conversion::default();
    loop {
        match c {
            Some('-') => conv.left = true,
            Some('+') => conv.sign = true,
            Some(' ') => conv.blank = true,
            Some('#') => conv.alternate = true,
            Some('0') => conv.zero = true,
            _ => break,
        }
        c = next_char(pos);
    }
    if c == Some('*') {
        let v = arguments.next(ctx)?;
        let width = star_arg(ctx, v, false)?;
        if width < 0 {
            conv.left = true;
        }
        conv.width = Some(width.unsigned_abs() as usize);
        c = next_char(pos);
    } else if let Some(d) = c.and_then(|c| c.to_digit(10)) {
        let mut width = d as usize;
        loop {
            c = next_char(pos);
            let Some(d) = c.and_then(|c| c.to_digit(10)) else { break };
            width = match width
                .checked_mul(10)
                .and_then(|w| w.checked_add(d as usize))
                .filter(|w| *w <= isize::MAX as usize)
            {
                Some(w) => w,
                None => return ctx.value_error("width too big"),
            };
        }
        conv.width = Some(width);
    }
    if c == Some('.') {
        let mut precision = 0usize;
        c = next_char(pos);
        if c == Some('*') {
            let v = arguments.next(ctx)?;
            precision = star_arg(ctx, v, true)?.max(0) as usize;
            c = next_char(pos);
        } else if let Some(d) = c.and_then(|c| c.to_digit(10)) {
            precision = d as usize;
            loop {
                c = next_char(pos);
                let Some(d) = c.and_then(|c| c.to_digit(10)) else { break };
                precision = match precision
                    .checked_mul(10)
                    .and_then(|p| p.checked_add(d as usize))
                    .filter(|p| *p <= i32::MAX as usize)
                {
                    Some(p) => p,
                    None => return ctx.value_error("precision too big"),
                };
            }
        }
        conv.precision = Some(precision);
    }
    if matches!(c, Some('h' | 'l' | 'L')) {
        c = next_char(pos);
    }
    let Some(kind) = c else {
        return ctx.value_error("incomplete format");
    };
    let v = arguments.next(ctx)?;
    let (text, numeric) = match kind {
        's' | 'r' | 'a' => {
            let mut s = match kind {
                's' => ops::repr::str_of(ctx, v)?,
                'r' => ops::repr::repr(ctx, v)?,
                _ => ops::repr::ascii_escape(&ops::repr::repr(ctx, v)?),
            };
            if let Some((end, _)) = conv.precision.and_then(|p| s.char_indices().nth(p)) {
                s.truncate(end);
            }
            (s, false)
        }
        'd' | 'i' | 'u' | 'o' | 'x' | 'X' => (integer(ctx, v, kind, &conv)?, true),
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' => (float(ctx, v, kind, &conv)?, true),
        'c' => (character(ctx, v)?.to_string(), false),
        _ => {
            let shown = if (' '..='~').contains(&kind) { kind } else { '?' };
            let index = fmt[..*pos - kind.len_utf8()].chars().count();
            let msg =
                format!("unsupported format character '{shown}' (0x{:x}) at index {index}", kind as u32);
            return ctx.value_error(msg);
        }
    };
    pad(ctx, out, &text, kind, numeric, &conv)
}

/// A `*` width (a `Py_ssize_t`) or precision (a C int).
fn star_arg<'gc>(ctx: &Ctx<'gc, '_>, v: Value<'gc>, precision: bool) -> PyResult<'gc, i64> {
    if !matches!(v, Value::Int(_) | Value::BigInt(_) | Value::Bool(_)) {
        return ctx.type_error("* wants int");
    }
    match ops::compare::small_int(v) {
        Some(n) if !precision => Ok(n),
        Some(n) if i32::try_from(n).is_ok() => Ok(n),
        _ if precision => Err(ctx.error("OverflowError", "Python int too large to convert to C int")),
        _ => Err(ctx.error("OverflowError", "Python int too large to convert to C ssize_t")),
    }
}

/// Whether CPython's `PyNumber_Check` holds: an int, a float, or an object convertible to one.
fn is_number<'gc>(v: Value<'gc>) -> bool {
    match v {
        Value::Int(_) | Value::BigInt(_) | Value::Bool(_) | Value::Float(_) => true,
        Value::Instance(i) => {
            ["__index__", "__int__", "__float__"].iter().any(|m| i.class.lookup(m).is_some())
        }
        _ => false,
    }
}

fn integer<'gc>(
    ctx: &mut Ctx<'gc, '_>,
    v: Value<'gc>,
    kind: char,
    conv: &Conversion,
) -> PyResult<'gc, String> {
    let wrong_type = |ctx: &Ctx<'gc, '_>| -> PyResult<'gc, String> {
        let what = if matches!(kind, 'o' | 'x' | 'X') { "an integer" } else { "a real number" };
        ctx.type_error(format!("%{kind} format: {what} is required, not {}", ctx.type_name(v)))
    };
    if !is_number(v) {
        return wrong_type(ctx);
    }
    let n: IntArg = match v {
        Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => ops::num::as_int(v).unwrap_or(IntArg::Small(0)),
        Value::Float(_) if matches!(kind, 'o' | 'x' | 'X') => return wrong_type(ctx),
        Value::Float(f) if f.is_nan() => return ctx.value_error("cannot convert float NaN to integer"),
        Value::Float(f) if f.is_infinite() => {
            return Err(ctx.error("OverflowError", "cannot convert float infinity to integer"));
        }
        Value::Float(f) if f.abs() < 9e18 => IntArg::Small(f.trunc() as i64),
        Value::Float(f) => IntArg::Big(BigInt::from_f64(f.trunc()).unwrap_or_default()),
        _ => {
            let method = if matches!(kind, 'o' | 'x' | 'X') { "__index__" } else { "__int__" };
            let has = |m: &str| matches!(v, Value::Instance(i) if i.class.lookup(m).is_some());
            let r = if has(method) {
                let m = ops::attr::special_method(ctx, v, method)?.unwrap_or(Value::None);
                crate::interp::call_value(ctx, m, &[], &[])?
            } else if has("__index__") {
                index_value(ctx, v)?
            } else {
                return wrong_type(ctx);
            };
            match ops::num::as_int(r) {
                Some(i) => i,
                None => {
                    let msg = format!("{method} returned non-int (type {})", ctx.type_name(r));
                    return ctx.type_error(msg);
                }
            }
        }
    };
    let kind = if matches!(kind, 'i' | 'u') { 'd' } else { kind };
    crate::ops::format::int_text(ctx, &n, kind, conv.alternate, conv.precision.unwrap_or(0))
}

fn float<'gc>(ctx: &mut Ctx<'gc, '_>, v: Value<'gc>, kind: char, conv: &Conversion) -> PyResult<'gc, String> {
    let not_real =
        |ctx: &Ctx<'gc, '_>| ctx.type_error(format!("must be real number, not {}", ctx.type_name(v)));
    let x = match v {
        Value::Instance(i) if i.class.lookup("__float__").is_some() => {
            let m = ops::attr::special_method(ctx, v, "__float__")?.unwrap_or(Value::None);
            match crate::interp::call_value(ctx, m, &[], &[])? {
                Value::Float(f) => f,
                r => {
                    let msg = format!(
                        "{}.__float__ returned non-float (type {})",
                        ctx.type_name(v),
                        ctx.type_name(r)
                    );
                    return ctx.type_error(msg);
                }
            }
        }
        Value::Instance(i) if i.class.lookup("__index__").is_some() => {
            let n = index_value(ctx, v)?;
            ops::num::as_float(ctx, n)?.unwrap_or(0.0)
        }
        _ => match ops::num::as_float(ctx, v)? {
            Some(x) => x,
            None => return not_real(ctx),
        },
    };
    let style = match kind {
        'e' | 'E' => Style::Exponent,
        'f' | 'F' => Style::Fixed,
        _ => Style::General,
    };
    let flags = Flags { alternate: conv.alternate, upper: kind.is_ascii_uppercase(), ..Flags::default() };
    let (negative, text) = float_to_string(x, style, conv.precision.unwrap_or(6), flags);
    Ok(if negative { format!("-{text}") } else { text })
}

fn character<'gc>(ctx: &mut Ctx<'gc, '_>, v: Value<'gc>) -> PyResult<'gc, char> {
    let code = match v {
        Value::Str(s) => {
            return match s.char_at(0) {
                Some(c) if s.len() == 1 => Ok(c),
                _ => ctx.type_error("%c requires int or char"),
            };
        }
        Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => v,
        Value::Instance(i) if i.class.lookup("__index__").is_some() => index_value(ctx, v)?,
        _ => return ctx.type_error("%c requires int or char"),
    };
    match ops::compare::small_int(code).and_then(|n| u32::try_from(n).ok()).and_then(char::from_u32) {
        Some(c) => Ok(c),
        None => Err(ctx.error("OverflowError", "%c arg not in range(0x110000)")),
    }
}

/// Append a converted value padded to the conversion's width (CPython's
/// `unicode_format_arg_output`): numbers take the sign flags, and with `0` their zeros go
/// after the sign and the `0x` prefix.
fn pad<'gc>(
    ctx: &Ctx<'gc, '_>,
    out: &mut String,
    text: &str,
    kind: char,
    numeric: bool,
    conv: &Conversion,
) -> PyResult<'gc, ()> {
    let mut body = text;
    let mut sign = None;
    if numeric {
        if let Some(rest) = body.strip_prefix(['-', '+']) {
            sign = body.chars().next();
            body = rest;
        } else if conv.sign {
            sign = Some('+');
        } else if conv.blank {
            sign = Some(' ');
        }
    }
    let prefix = if numeric && conv.alternate && matches!(kind, 'o' | 'x' | 'X') && body.len() >= 2 {
        let (p, rest) = body.split_at(2);
        body = rest;
        p
    } else {
        ""
    };
    let zero_fill = numeric && conv.zero && !conv.left;
    let len = sign.map_or(0, |_| 1) + prefix.len() + body.chars().count();
    let padding = conv.width.unwrap_or(0).saturating_sub(len);
    if out.try_reserve(text.len() + padding).is_err() {
        return Err(crate::builtins::method_args::memory_error(ctx));
    }
    if conv.left {
        out.extend(sign);
        out.push_str(prefix);
        out.push_str(body);
        out.extend(std::iter::repeat_n(' ', padding));
    } else if zero_fill {
        out.extend(sign);
        out.push_str(prefix);
        out.extend(std::iter::repeat_n('0', padding));
        out.push_str(body);
    } else {
        out.extend(std::iter::repeat_n(' ', padding));
        out.extend(sign);
        out.push_str(prefix);
        out.push_str(body);
    }
    Ok(())
}
