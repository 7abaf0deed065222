//! `format(value, spec)`: the format-spec mini-language of `format()`, f-strings and
//! `str.format`, for str, int (and bool) and float as CPython 3.11's `formatter_unicode.c`
//! implements it, and `__format__` for everything else.
//!
//! ```text
//! [[fill]align][sign]["z"]["#"]["0"][width][grouping]["." precision][type]
//! ```

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive};

use crate::builtins::unicode;
use crate::ctx::{Ctx, PyResult};
use crate::ops::float_str::{float_to_string, Flags, Style};
use crate::value::Value;

pub use crate::ops::percent::percent;

/// A parsed format spec. `kind` is the presentation type (`None` when omitted).
#[derive(Clone, Debug)]
pub struct Spec {
    pub fill: char,
    pub align: char,
    pub sign: Option<char>,
    pub no_negative_zero: bool,
    pub alternate: bool,
    pub width: usize,
    pub grouping: Option<char>,
    pub precision: Option<usize>,
    pub kind: Option<char>,
}

/// The alignment each type uses by default: text to the left, numbers to the right.
const TEXT_ALIGN: char = '<';
const NUMBER_ALIGN: char = '>';

/// A presentation type as error messages show it.
fn show_kind(kind: char) -> String {
    if ('!'..='\x7f').contains(&kind) {
        kind.to_string()
    } else {
        format!("\\x{:x}", kind as u32)
    }
}

/// A width or precision: decimal digits of any script.
fn parse_number<'gc>(ctx: &Ctx<'gc, '_>, chars: &[char], i: &mut usize) -> PyResult<'gc, Option<usize>> {
    let mut n: Option<usize> = None;
    while let Some(d) = chars.get(*i).and_then(|&c| unicode::decimal_value(c)) {
        let next = n.unwrap_or(0).checked_mul(10).and_then(|n| n.checked_add(d as usize));
        match next.filter(|&n| n <= isize::MAX as usize) {
            Some(v) => n = Some(v),
            None => return ctx.value_error("Too many decimal digits in format string"),
        }
        *i += 1;
    }
    Ok(n)
}

/// Parse `text` for a value of type `type_name` whose presentation type defaults to
/// `default_kind` (`None` for float) and whose alignment defaults to `default_align`
/// (CPython's `parse_internal_render_format_spec`).
pub fn parse_spec<'gc>(
    ctx: &Ctx<'gc, '_>,
    text: &str,
    type_name: &str,
    default_kind: Option<char>,
    default_align: char,
) -> PyResult<'gc, Spec> {
    let chars: Vec<char> = text.chars().collect();
    let mut spec = Spec {
        fill: ' ',
        align: default_align,
        sign: None,
        no_negative_zero: false,
        alternate: false,
        width: 0,
        grouping: None,
        precision: None,
        kind: None,
    };
    let is_align = |c: &char| matches!(c, '<' | '>' | '=' | '^');
    let mut i = 0;
    let mut fill_given = false;
    let mut align_given = false;
    if chars.get(1).is_some_and(is_align) {
        spec.fill = chars[0];
        spec.align = chars[1];
        fill_given = true;
        align_given = true;
        i = 2;
    } else if chars.first().is_some_and(is_align) {
        spec.align = chars[0];
        align_given = true;
        i = 1;
    }
    if let Some(&c @ ('+' | '-' | ' ')) = chars.get(i) {
        spec.sign = Some(c);
        i += 1;
    }
    if chars.get(i) == Some(&'z') {
        spec.no_negative_zero = true;
        i += 1;
    }
    if chars.get(i) == Some(&'#') {
        spec.alternate = true;
        i += 1;
    }
    if !fill_given && chars.get(i) == Some(&'0') {
        spec.fill = '0';
        if !align_given && default_align == NUMBER_ALIGN {
            spec.align = '=';
        }
        i += 1;
    }
    spec.width = parse_number(ctx, &chars, &mut i)?.unwrap_or(0);
    if chars.get(i) == Some(&',') {
        spec.grouping = Some(',');
        i += 1;
    }
    if chars.get(i) == Some(&'_') {
        if spec.grouping.is_some() {
            return ctx.value_error("Cannot specify both ',' and '_'.");
        }
        spec.grouping = Some('_');
        i += 1;
    }
    if chars.get(i) == Some(&',') && spec.grouping == Some('_') {
        return ctx.value_error("Cannot specify both ',' and '_'.");
    }
    if chars.get(i) == Some(&'.') {
        i += 1;
        match parse_number(ctx, &chars, &mut i)? {
            Some(p) => spec.precision = Some(p),
            None => return ctx.value_error("Format specifier missing precision"),
        }
    }
    if chars.len() > i + 1 {
        return ctx
            .value_error(format!("Invalid format specifier '{text}' for object of type '{type_name}'"));
    }
    spec.kind = chars.get(i).copied();
    if let Some(sep) = spec.grouping {
        match spec.kind.or(default_kind) {
            None | Some('d' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F') => {}
            Some('b' | 'o' | 'x' | 'X') if sep == '_' => {}
            Some(k) => return ctx.value_error(format!("Cannot specify '{sep}' with '{}'.", show_kind(k))),
        }
    }
    Ok(spec)
}

fn unknown_code<'gc, T>(ctx: &Ctx<'gc, '_>, kind: char, type_name: &str) -> PyResult<'gc, T> {
    ctx.value_error(format!("Unknown format code '{}' for object of type '{type_name}'", show_kind(kind)))
}

/// `format(value, spec)`: what `value.__format__(spec)` returns.
pub fn format<'gc>(ctx: &mut Ctx<'gc, '_>, v: Value<'gc>, spec: &str) -> PyResult<'gc, Value<'gc>> {
    let text = match v {
        Value::Str(_) if spec.is_empty() => return Ok(v),
        Value::Str(s) => format_text(ctx, s.as_str(), spec)?,
        Value::Int(_) | Value::Bool(_) | Value::BigInt(_) if spec.is_empty() => {
            return crate::ops::repr::str_value(ctx, v)
        }
        Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => format_int(ctx, v, spec)?,
        Value::Float(f) => format_float(ctx, f, spec, "float")?,
        _ => return format_object(ctx, v, spec),
    };
    Ok(ctx.new_str(text))
}

/// `__format__` of other objects: a class's own method, else `object.__format__`, which
/// only takes an empty spec.
fn format_object<'gc>(ctx: &mut Ctx<'gc, '_>, v: Value<'gc>, spec: &str) -> PyResult<'gc, Value<'gc>> {
    if let Value::Instance(_) = v {
        if let Some(m) = crate::ops::attr::special_method(ctx, v, "__format__")? {
            let spec = ctx.new_str(spec);
            let r = crate::interp::call_value(ctx, m, &[spec], &[])?;
            if !matches!(r, Value::Str(_)) {
                return ctx.type_error(format!("__format__ must return a str, not {}", ctx.type_name(r)));
            }
            return Ok(r);
        }
    }
    if !spec.is_empty() {
        return ctx
            .type_error(format!("unsupported format string passed to {}.__format__", ctx.type_name(v)));
    }
    crate::ops::repr::str_value(ctx, v)
}

fn format_text<'gc>(ctx: &Ctx<'gc, '_>, s: &str, spec_text: &str) -> PyResult<'gc, String> {
    let spec = parse_spec(ctx, spec_text, "str", Some('s'), TEXT_ALIGN)?;
    match spec.kind {
        None | Some('s') => {}
        Some(k) => return unknown_code(ctx, k, "str"),
    }
    match spec.sign {
        Some(' ') => return ctx.value_error("Space not allowed in string format specifier"),
        Some(_) => return ctx.value_error("Sign not allowed in string format specifier"),
        None => {}
    }
    if spec.no_negative_zero {
        return ctx.value_error("Negative zero coercion (z) not allowed in string format specifier");
    }
    if spec.alternate {
        return ctx.value_error("Alternate form (#) not allowed in string format specifier");
    }
    if spec.align == '=' {
        return ctx.value_error("'=' alignment not allowed in string format specifier");
    }
    let body = match spec.precision {
        Some(p) => match s.char_indices().nth(p) {
            Some((end, _)) => &s[..end],
            None => s,
        },
        None => s,
    };
    let len = body.chars().count();
    let padding = spec.width.saturating_sub(len);
    let left = match spec.align {
        '>' => padding,
        '^' => padding / 2,
        _ => 0,
    };
    let mut out =
        crate::builtins::method_args::string_with_capacity(ctx, body.len() + padding * spec.fill.len_utf8())?;
    out.extend(std::iter::repeat_n(spec.fill, left));
    out.push_str(body);
    out.extend(std::iter::repeat_n(spec.fill, padding - left));
    Ok(out)
}

fn format_int<'gc>(ctx: &mut Ctx<'gc, '_>, v: Value<'gc>, spec_text: &str) -> PyResult<'gc, String> {
    let type_name = ctx.type_name(v);
    let spec = parse_spec(ctx, spec_text, type_name, Some('d'), NUMBER_ALIGN)?;
    let big = match crate::ops::num::as_int(v) {
        Some(i) => i.big(),
        None => return ctx.type_error("an integer is required"),
    };
    let kind = spec.kind.unwrap_or('d');
    match kind {
        'b' | 'c' | 'd' | 'o' | 'x' | 'X' | 'n' => {}
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%' => {
            let f = crate::ops::num::big_to_f64(ctx, &big)?;
            return format_float(ctx, f, spec_text, type_name);
        }
        k => return unknown_code(ctx, k, type_name),
    }
    if spec.precision.is_some() {
        return ctx.value_error("Precision not allowed in integer format specifier");
    }
    if spec.no_negative_zero {
        return ctx.value_error("Negative zero coercion (z) not allowed in integer format specifier");
    }
    if kind == 'c' {
        if spec.sign.is_some() {
            return ctx.value_error("Sign not allowed with integer format specifier 'c'");
        }
        if spec.alternate {
            return ctx.value_error("Alternate form (#) not allowed with integer format specifier 'c'");
        }
        let Some(code) = big.to_i64() else {
            return Err(ctx.error("OverflowError", "Python int too large to convert to C long"));
        };
        let Some(c) = u32::try_from(code).ok().and_then(char::from_u32) else {
            return Err(ctx.error("OverflowError", "%c arg not in range(0x110000)"));
        };
        let text = c.to_string();
        let number = Number { negative: false, prefix: "", digits: "", rest: &text };
        return render_number(ctx, &number, &spec, None);
    }
    let magnitude = big.abs();
    let (digits, prefix) = match kind {
        'b' => (magnitude.to_str_radix(2), "0b"),
        'o' => (magnitude.to_str_radix(8), "0o"),
        'x' => (magnitude.to_str_radix(16), "0x"),
        'X' => (magnitude.to_str_radix(16).to_ascii_uppercase(), "0X"),
        _ => (crate::ops::repr::int_to_decimal(ctx, &magnitude)?, ""),
    };
    let every = if matches!(kind, 'b' | 'o' | 'x' | 'X') { 4 } else { 3 };
    let number = Number {
        negative: big.is_negative(),
        prefix: if spec.alternate { prefix } else { "" },
        digits: &digits,
        rest: "",
    };
    render_number(ctx, &number, &spec, spec.grouping.map(|sep| (sep, every)))
}

/// `format(x, spec)` for a float (or an int shown as one); `type_name` for messages.
fn format_float<'gc>(ctx: &Ctx<'gc, '_>, x: f64, spec_text: &str, type_name: &str) -> PyResult<'gc, String> {
    let spec = parse_spec(ctx, spec_text, type_name, None, NUMBER_ALIGN)?;
    let mut flags =
        Flags { alternate: spec.alternate, no_negative_zero: spec.no_negative_zero, ..Flags::default() };
    let (style, precision, x, percent) = match spec.kind {
        None => {
            flags.add_dot_0 = true;
            match spec.precision {
                Some(p) => (Style::General, p, x, false),
                None => (Style::Repr, 0, x, false),
            }
        }
        Some(k @ ('e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n' | '%')) => {
            flags.upper = matches!(k, 'E' | 'F' | 'G');
            let style = match k {
                'e' | 'E' => Style::Exponent,
                'f' | 'F' | '%' => Style::Fixed,
                _ => Style::General,
            };
            let x = if k == '%' { x * 100.0 } else { x };
            (style, spec.precision.unwrap_or(6), x, k == '%')
        }
        Some(k) => return unknown_code(ctx, k, type_name),
    };
    if precision > i32::MAX as usize {
        return ctx.value_error("precision too big");
    }
    let (negative, mut text) = float_to_string(x, style, precision, flags);
    if percent {
        text.push('%');
    }
    let int_end = text.find(|c: char| !c.is_ascii_digit()).unwrap_or(text.len());
    let number = Number { negative, prefix: "", digits: &text[..int_end], rest: &text[int_end..] };
    render_number(ctx, &number, &spec, spec.grouping.map(|sep| (sep, 3)))
}

/// A number's text in parts: the sign, the `0x`-style prefix, the integer digits (which
/// take the grouping and the zero padding) and the rest (decimal point, fraction, exponent,
/// `%`, or all of `inf`/`nan`, or the character of 'c').
struct Number<'a> {
    negative: bool,
    prefix: &'a str,
    digits: &'a str,
    rest: &'a str,
}

/// The number laid out in the spec's width (CPython's `calc_number_widths` and
/// `fill_number`): `sep` is the grouping separator and group size.
fn render_number<'gc>(
    ctx: &Ctx<'gc, '_>,
    n: &Number<'_>,
    spec: &Spec,
    sep: Option<(char, usize)>,
) -> PyResult<'gc, String> {
    let sign = match (n.negative, spec.sign) {
        (true, _) => Some('-'),
        (false, Some('+')) => Some('+'),
        (false, Some(' ')) => Some(' '),
        _ => None,
    };
    let rest_len = n.rest.chars().count();
    let non_digits = sign.map_or(0, |_| 1) + n.prefix.len() + rest_len;
    let zero_padded = spec.fill == '0' && spec.align == '=';
    let min_width = if zero_padded { spec.width as i64 - non_digits as i64 } else { 0 };
    let digits = if n.digits.is_empty() { String::new() } else { group_digits(n.digits, sep, min_width) };
    let padding = spec.width.saturating_sub(non_digits + digits.len());
    let (left, inner, right) = match spec.align {
        '<' => (0, 0, padding),
        '^' => (padding / 2, 0, padding - padding / 2),
        '=' => (0, padding, 0),
        _ => (padding, 0, 0),
    };
    let size = (n.prefix.len() + digits.len() + n.rest.len() + 1)
        .saturating_add(padding.saturating_mul(spec.fill.len_utf8()));
    let mut out = crate::builtins::method_args::string_with_capacity(ctx, size)?;
    out.extend(std::iter::repeat_n(spec.fill, left));
    out.extend(sign);
    out.push_str(n.prefix);
    out.extend(std::iter::repeat_n(spec.fill, inner));
    out.push_str(&digits);
    out.push_str(n.rest);
    out.extend(std::iter::repeat_n(spec.fill, right));
    Ok(out)
}

/// The integer digits with separators every `sep.1` digits from the right, zero-filled on
/// the left to at least `min_width` characters (CPython's `_PyUnicode_InsertThousandsGrouping`:
/// the padding zeros are grouped too, so a spec like `010,` gives `00,001,234`).
fn group_digits(digits: &str, sep: Option<(char, usize)>, min_width: i64) -> String {
    let bytes = digits.as_bytes();
    let Some((sep, group)) = sep else {
        let zeros = (min_width.max(0) as usize).saturating_sub(bytes.len());
        return "0".repeat(zeros) + digits;
    };
    let group = group as i64;
    // Built from the right, reversed at the end.
    let mut out: Vec<u8> = Vec::with_capacity(bytes.len() * 2 + min_width.max(0) as usize);
    let mut remaining = bytes.len() as i64;
    let mut min_width = min_width.max(0);
    let mut first = true;
    loop {
        let len = group.min(remaining.max(min_width).max(1));
        let n_zeros = (len - remaining).max(0);
        let n_chars = remaining.min(len).max(0);
        if !first {
            out.push(sep as u8);
        }
        out.extend(bytes[(remaining - n_chars) as usize..remaining as usize].iter().rev());
        out.extend(std::iter::repeat_n(b'0', n_zeros as usize));
        first = false;
        remaining -= n_chars;
        min_width -= len;
        if remaining <= 0 && min_width <= 0 {
            break;
        }
        min_width -= 1;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// An int as `%`-formatting's integer conversions write it before padding: sign, the `0x`
/// prefix when `alternate`, and at least `precision` digits (CPython's `_PyUnicode_FormatLong`).
pub fn int_text<'gc>(
    ctx: &Ctx<'gc, '_>,
    n: &BigInt,
    kind: char,
    alternate: bool,
    precision: usize,
) -> PyResult<'gc, String> {
    let magnitude = n.abs();
    let (mut digits, prefix) = match kind {
        'o' => (magnitude.to_str_radix(8), "0o"),
        'x' => (magnitude.to_str_radix(16), "0x"),
        'X' => (magnitude.to_str_radix(16).to_ascii_uppercase(), "0X"),
        _ => (crate::ops::repr::int_to_decimal(ctx, &magnitude)?, ""),
    };
    if digits.len() < precision {
        digits = "0".repeat(precision - digits.len()) + &digits;
    }
    let sign = if n.is_negative() { "-" } else { "" };
    let prefix = if alternate { prefix } else { "" };
    Ok(format!("{sign}{prefix}{digits}"))
}

#[cfg(test)]
mod tests {
    use super::group_digits;

    #[test]
    fn grouping_pads_with_grouped_zeros() {
        assert_eq!(group_digits("1234", Some((',', 3)), 0), "1,234");
        assert_eq!(group_digits("1234", Some((',', 3)), 9), "0,001,234");
        assert_eq!(group_digits("1234", Some((',', 3)), 7), "001,234");
        assert_eq!(group_digits("1234", Some((',', 3)), 5), "1,234");
        assert_eq!(group_digits("0", Some((',', 3)), 8), "0,000,000");
        assert_eq!(group_digits("4d2", Some(('_', 4)), 9), "0000_04d2");
        assert_eq!(group_digits("42", None, 5), "00042");
    }
}
