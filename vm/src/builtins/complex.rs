//! The `complex` type: its constructor (numbers, strings such as `'1+2j'`, `__complex__`)
//! and methods, with CPython 3.11's rules and messages (`complex_new_impl`,
//! `complex_from_string_inner`).

use super::{bind_args, expect_args, methods, split_receiver, wrong_receiver, Signature};
use crate::ctx::{Ctx, PyResult};
use crate::object::{Args, Complex};
use crate::ops;
use crate::value::Value;

pub fn install<'gc>(ctx: &mut Ctx<'gc, '_>) {
    let complex = ctx.st.types.complex;
    methods(
        ctx,
        complex,
        &[
            ("conjugate", conjugate),
            ("__complex__", dunder_complex),
            ("__getnewargs__", getnewargs),
            ("__format__", dunder_format),
        ],
    );
}

fn this<'gc>(ctx: &Ctx<'gc, '_>, v: Value<'gc>, method: &str) -> PyResult<'gc, Complex> {
    match v.as_complex() {
        Some(c) => Ok(c),
        None => wrong_receiver(ctx, method, "complex", v),
    }
}

/// The receiver of a method that takes no arguments.
fn noargs<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>, method: &str) -> PyResult<'gc, Complex> {
    let qualname = format!("complex.{method}");
    let (receiver, rest) = split_receiver(ctx, &qualname, args)?;
    let c = this(ctx, receiver, method)?;
    expect_args(ctx, &qualname, &rest, 0, 0)?;
    Ok(c)
}

fn conjugate<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    let c = noargs(ctx, args, "conjugate")?;
    Ok(Value::complex(ctx.mc, c.re, -c.im))
}

fn dunder_complex<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    noargs(ctx, args, "__complex__")?;
    Ok(args.args[0])
}

fn getnewargs<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    let c = noargs(ctx, args, "__getnewargs__")?;
    Ok(ctx.new_tuple(vec![Value::Float(c.re), Value::Float(c.im)]))
}

fn dunder_format<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    let (receiver, rest) = split_receiver(ctx, "complex.__format__", args)?;
    this(ctx, receiver, "__format__")?;
    let a = expect_args(ctx, "complex.__format__", &rest, 1, 1)?;
    match a[0] {
        Value::Str(s) => ops::format::format(ctx, receiver, s.as_str()),
        other => ctx.type_error(format!(
            "__format__() argument must be str, not {}",
            super::method_args::clinic_type_name(ctx, other)
        )),
    }
}

const COMPLEX: Signature =
    Signature { name: "complex", params: &["real", "imag"], posonly: 0, max_positional: 2, required: 0 };

/// `complex(real=0, imag=0)` (`complex_new_impl`).
pub fn complex_new<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    let rest = Args { args: args.args.get(1..).unwrap_or(&[]), kwnames: args.kwnames };
    let a = bind_args(ctx, &COMPLEX, &rest)?;
    let (real, imag) = (a[0].unwrap_or(Value::Int(0)), a[1]);
    if let (Value::Complex(_), None) = (real, imag) {
        return Ok(real);
    }
    if let Value::Str(s) = real {
        if imag.is_some() {
            return ctx.type_error("complex() can't take second arg if first is a string");
        }
        let (re, im) = from_str(ctx, s.as_str())?;
        return Ok(Value::complex(ctx.mc, re, im));
    }
    if let Some(Value::Str(_)) = imag {
        return ctx.type_error("complex() second arg can't be a string");
    }
    let real = match real {
        Value::Instance(_) => match ops::attr::special_method(ctx, real, "__complex__")? {
            Some(m) => {
                let r = crate::interp::call_value(ctx, m, &[], &[])?;
                if r.as_complex().is_none() {
                    let msg = format!("__complex__ returned non-complex (type {})", ctx.type_name(r));
                    return ctx.type_error(msg);
                }
                r
            }
            None => real,
        },
        _ => real,
    };
    if !is_number(real) {
        let msg =
            format!("complex() first argument must be a string or a number, not '{}'", ctx.type_name(real));
        return ctx.type_error(msg);
    }
    if let Some(i) = imag {
        if !is_number(i) {
            let msg = format!("complex() second argument must be a number, not '{}'", ctx.type_name(i));
            return ctx.type_error(msg);
        }
    }
    // The parts may themselves be complex: the result is real + imag*1j, computed as CPython
    // does (a part that is real adds nothing, not even to the sign of a zero).
    let cr = match real.as_complex() {
        Some(c) => c,
        None => Complex { re: to_float(ctx, real)?, im: 0.0 },
    };
    let (mut re, mut im) = (cr.re, cr.im);
    if let Some(i) = imag {
        match i.as_complex() {
            Some(ci) => {
                re -= ci.im;
                im = ci.re;
            }
            None => im = to_float(ctx, i)?,
        }
        if real.as_complex().is_some() {
            im += cr.im;
        }
    }
    Ok(Value::complex(ctx.mc, re, im))
}

/// CPython's test for an argument of `complex()`: a complex, or something with `__float__`
/// or `__index__` (ints, bools, floats).
fn is_number(v: Value<'_>) -> bool {
    match v {
        Value::Int(_) | Value::Bool(_) | Value::BigInt(_) | Value::Float(_) | Value::Complex(_) => true,
        Value::Instance(i) => i.class.lookup("__float__").is_some() || i.class.lookup("__index__").is_some(),
        _ => false,
    }
}

/// `PyNumber_Float(v)` for a number other than a complex.
fn to_float<'gc>(ctx: &mut Ctx<'gc, '_>, v: Value<'gc>) -> PyResult<'gc, f64> {
    if let Some(x) = ops::num::as_float(ctx, v)? {
        return Ok(x);
    }
    if let Some(m) = ops::attr::special_method(ctx, v, "__float__")? {
        let r = crate::interp::call_value(ctx, m, &[], &[])?;
        return match r {
            Value::Float(x) => Ok(x),
            _ => {
                let msg =
                    format!("{}.__float__ returned non-float (type {})", ctx.type_name(v), ctx.type_name(r));
                ctx.type_error(msg)
            }
        };
    }
    let n = super::method_args::index_value(ctx, v)?;
    Ok(ops::num::as_float(ctx, n)?.unwrap_or(0.0))
}

/// Why a string is not a complex number.
#[derive(Debug, PartialEq, Eq)]
pub enum ParseError {
    /// "complex() arg is a malformed string".
    Malformed,
    /// Misplaced underscores: "could not convert string to complex: ...".
    Underscores,
}

fn from_str<'gc>(ctx: &Ctx<'gc, '_>, text: &str) -> PyResult<'gc, (f64, f64)> {
    match parse(text) {
        Ok(c) => Ok(c),
        Err(ParseError::Malformed) => ctx.value_error("complex() arg is a malformed string"),
        Err(ParseError::Underscores) => ctx.value_error(format!(
            "could not convert string to complex: {}",
            cellvm_compiler::dis::str_repr(text)
        )),
    }
}

/// The parts of `complex(text)`.
pub fn parse(text: &str) -> Result<(f64, f64), ParseError> {
    let ascii = to_ascii(text);
    // CPython's `strchr` stops at the first NUL: underscores after it go unnoticed here.
    let before_nul = ascii.split(|&b| b == 0).next().unwrap_or(&[]);
    if !before_nul.contains(&b'_') {
        return parse_ascii(&ascii);
    }
    // `_Py_string_to_number_with_underscores`: each underscore between two digits.
    let mut clean = Vec::with_capacity(ascii.len());
    let mut prev = 0u8;
    for &b in before_nul {
        if b == b'_' {
            if !prev.is_ascii_digit() {
                return Err(ParseError::Underscores);
            }
        } else {
            clean.push(b);
            if prev == b'_' && !b.is_ascii_digit() {
                return Err(ParseError::Underscores);
            }
        }
        prev = b;
    }
    if prev == b'_' || before_nul.len() != ascii.len() {
        return Err(ParseError::Underscores);
    }
    parse_ascii(&clean)
}

/// `_PyUnicode_TransformDecimalAndSpaceToASCII`: Unicode spaces become ' ', decimal digits
/// of any script their ASCII digit; the first other non-ASCII character becomes '?', and
/// the text ends there.
fn to_ascii(text: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(text.len());
    for c in text.chars() {
        if (c as u32) < 127 {
            out.push(c as u8);
        } else if super::unicode::is_space(c) {
            out.push(b' ');
        } else if let Some(d) = super::unicode::decimal_value(c) {
            out.push(b'0' + d as u8);
        } else {
            out.push(b'?');
            break;
        }
    }
    out
}

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0b' | b'\x0c')
}

/// `complex_from_string_inner`: `<float>`, `<float>j`, `<float><signed-float>j`, and the
/// older `<float><sign>j`, `<sign>j`, `j`; in parentheses or not, with spaces around.
fn parse_ascii(s: &[u8]) -> Result<(f64, f64), ParseError> {
    let at = |i: usize| s.get(i).copied().unwrap_or(0);
    let mut i = 0;
    while is_space(at(i)) {
        i += 1;
    }
    let bracket = at(i) == b'(';
    if bracket {
        i += 1;
        while is_space(at(i)) {
            i += 1;
        }
    }
    let (mut x, mut y) = (0.0, 0.0);
    let is_j = |b: u8| b == b'j' || b == b'J';
    match float_prefix(&s[i..]) {
        Some((z, n)) => {
            i += n;
            if matches!(at(i), b'+' | b'-') {
                x = z;
                match float_prefix(&s[i..]) {
                    Some((w, n)) => {
                        y = w;
                        i += n;
                    }
                    None => {
                        y = if at(i) == b'+' { 1.0 } else { -1.0 };
                        i += 1;
                    }
                }
                if !is_j(at(i)) {
                    return Err(ParseError::Malformed);
                }
                i += 1;
            } else if is_j(at(i)) {
                i += 1;
                y = z;
            } else {
                x = z;
            }
        }
        None => {
            y = match at(i) {
                b'+' => {
                    i += 1;
                    1.0
                }
                b'-' => {
                    i += 1;
                    -1.0
                }
                _ => 1.0,
            };
            if !is_j(at(i)) {
                return Err(ParseError::Malformed);
            }
            i += 1;
        }
    }
    while is_space(at(i)) {
        i += 1;
    }
    if bracket {
        if at(i) != b')' {
            return Err(ParseError::Malformed);
        }
        i += 1;
        while is_space(at(i)) {
            i += 1;
        }
    }
    if i != s.len() {
        return Err(ParseError::Malformed);
    }
    Ok((x, y))
}

/// `PyOS_string_to_double` on a prefix of `s`: an optional sign, then decimal digits with
/// an optional point and exponent, or `inf`, `infinity`, `nan` in any case. The value
/// (infinite when it overflows) and how many bytes it took.
fn float_prefix(s: &[u8]) -> Option<(f64, usize)> {
    let digits_from = |mut i: usize| {
        while s.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
        i
    };
    let start = usize::from(matches!(s.first(), Some(b'+' | b'-')));
    let mut i = digits_from(start);
    let mut ndigits = i - start;
    if s.get(i) == Some(&b'.') {
        let end = digits_from(i + 1);
        ndigits += end - (i + 1);
        i = end;
    }
    if ndigits == 0 {
        return inf_or_nan(s, start);
    }
    if matches!(s.get(i), Some(b'e' | b'E')) {
        let sign = usize::from(matches!(s.get(i + 1), Some(b'+' | b'-')));
        let end = digits_from(i + 1 + sign);
        // An exponent needs digits; without them the number ends before the 'e'.
        if end > i + 1 + sign {
            i = end;
        }
    }
    let text = std::str::from_utf8(&s[..i]).ok()?;
    text.parse::<f64>().ok().map(|x| (x, i))
}

/// `_Py_parse_inf_or_nan` after the sign.
fn inf_or_nan(s: &[u8], start: usize) -> Option<(f64, usize)> {
    let negative = s.first() == Some(&b'-');
    let rest = &s[start..];
    let starts =
        |word: &str| rest.len() >= word.len() && rest[..word.len()].eq_ignore_ascii_case(word.as_bytes());
    let (x, n) = if starts("infinity") {
        (f64::INFINITY, 8)
    } else if starts("inf") {
        (f64::INFINITY, 3)
    } else if starts("nan") {
        (f64::NAN, 3)
    } else {
        return None;
    };
    Some((if negative { -x } else { x }, start + n))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_parse_as_cpython_parses_them() {
        let ok = |s: &str| parse(s).map(|(re, im)| format!("{re:?} {im:?}"));
        assert_eq!(ok("1+2j"), Ok("1.0 2.0".into()));
        assert_eq!(ok(" ( -1.5e3-J ) "), Ok("-1500.0 -1.0".into()));
        assert_eq!(ok("j"), Ok("0.0 1.0".into()));
        assert_eq!(ok("infj"), Ok("0.0 inf".into()));
        assert_eq!(ok("-Infinity+nanj"), Ok("-inf NaN".into()));
        assert_eq!(ok("1e"), Err(ParseError::Malformed));
        assert_eq!(ok("1_0j"), Ok("0.0 10.0".into()));
        assert_eq!(ok("1__0j"), Err(ParseError::Underscores));
        assert_eq!(ok("1\0"), Err(ParseError::Malformed));
        assert_eq!(ok("1_0\0"), Err(ParseError::Underscores));
        assert_eq!(ok("\u{661}+\u{662}j"), Ok("1.0 2.0".into()));
        assert_eq!(ok("1_\u{e9}"), Err(ParseError::Underscores));
        assert_eq!(ok("1_0\u{e9}"), Err(ParseError::Malformed));
    }
}
