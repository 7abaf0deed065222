//! `format(value, spec)`: the format-spec mini-language of `format()`, f-strings and
//! `str.format`, for str, int (and bool), float and complex as CPython 3.11's
//! `formatter_unicode.c` implements it, and `__format__` for everything else.
//!
//! ```text
//! [[fill]align][sign]["z"]["#"]["0"][width][grouping]["." precision][type]
//! ```

use std::borrow::Cow;

use num_traits::Signed;

use crate::builtins::unicode;
use crate::ctx::{Ctx, PyResult};
use crate::ops::float_str::{float_to_string, Flags, Style};
use crate::ops::num::IntArg;
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

/// A position in a format spec.
struct Cursor<'a> {
    rest: &'a str,
}

impl Cursor<'_> {
    fn peek(&self) -> Option<char> {
        self.rest.chars().next()
    }

    /// Consume the next character if it is `c`.
    fn eat(&mut self, c: char) -> bool {
        match self.rest.strip_prefix(c) {
            Some(rest) => {
                self.rest = rest;
                true
            }
            None => false,
        }
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.rest = &self.rest[c.len_utf8()..];
        Some(c)
    }

    /// A width or precision: decimal digits of any script.
    fn number<'gc>(&mut self, ctx: &Ctx<'gc, '_>) -> PyResult<'gc, Option<usize>> {
        let mut n: Option<usize> = None;
        while let Some(d) = self.peek().and_then(unicode::decimal_value) {
            let next = n.unwrap_or(0).checked_mul(10).and_then(|n| n.checked_add(d as usize));
            match next.filter(|&n| n <= isize::MAX as usize) {
                Some(v) => n = Some(v),
                None => return ctx.value_error("Too many decimal digits in format string"),
            }
            self.bump();
        }
        Ok(n)
    }
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
    let is_align = |c: char| matches!(c, '<' | '>' | '=' | '^');
    let mut at = Cursor { rest: text };
    let mut first_two = text.chars();
    let (first, second) = (first_two.next(), first_two.next());
    let mut fill_given = false;
    let mut align_given = false;
    if let (Some(fill), Some(align)) = (first, second.filter(|&c| is_align(c))) {
        spec.fill = fill;
        spec.align = align;
        fill_given = true;
        align_given = true;
        at.bump();
        at.bump();
    } else if let Some(align) = first.filter(|&c| is_align(c)) {
        spec.align = align;
        align_given = true;
        at.bump();
    }
    if let Some(sign @ ('+' | '-' | ' ')) = at.peek() {
        spec.sign = Some(sign);
        at.bump();
    }
    spec.no_negative_zero = at.eat('z');
    spec.alternate = at.eat('#');
    if !fill_given && at.eat('0') {
        spec.fill = '0';
        if !align_given && default_align == NUMBER_ALIGN {
            spec.align = '=';
        }
    }
    spec.width = at.number(ctx)?.unwrap_or(0);
    if at.eat(',') {
        spec.grouping = Some(',');
    }
    if at.eat('_') {
        if spec.grouping.is_some() {
            return ctx.value_error("Cannot specify both ',' and '_'.");
        }
        spec.grouping = Some('_');
    }
    if spec.grouping == Some('_') && at.peek() == Some(',') {
        return ctx.value_error("Cannot specify both ',' and '_'.");
    }
    if at.eat('.') {
        match at.number(ctx)? {
            Some(p) => spec.precision = Some(p),
            None => return ctx.value_error("Format specifier missing precision"),
        }
    }
    spec.kind = at.bump();
    if at.peek().is_some() {
        return ctx
            .value_error(format!("Invalid format specifier '{text}' for object of type '{type_name}'"));
    }
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
        Value::Complex(_) if spec.is_empty() => return crate::ops::repr::str_value(ctx, v),
        Value::Complex(c) => format_complex(ctx, *c, spec)?,
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
    let Some(n) = crate::ops::num::as_int(v) else {
        return ctx.type_error("an integer is required");
    };
    let kind = spec.kind.unwrap_or('d');
    match kind {
        'b' | 'c' | 'd' | 'o' | 'x' | 'X' | 'n' => {}
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%' => {
            let f = match n {
                IntArg::Small(i) => i as f64,
                IntArg::Big(b) => crate::ops::num::big_to_f64(ctx, &b)?,
            };
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
        let IntArg::Small(code) = n else {
            return Err(ctx.error("OverflowError", "Python int too large to convert to C long"));
        };
        let Some(c) = u32::try_from(code).ok().and_then(char::from_u32) else {
            return Err(ctx.error("OverflowError", "%c arg not in range(0x110000)"));
        };
        let mut buf = [0u8; 4];
        let number = Number { negative: false, prefix: "", digits: "", rest: c.encode_utf8(&mut buf) };
        return render_number(ctx, &number, &spec, None);
    }
    let (negative, digits) = int_digits(ctx, &n, kind)?;
    let every = if matches!(kind, 'b' | 'o' | 'x' | 'X') { 4 } else { 3 };
    let number = Number {
        negative,
        prefix: if spec.alternate { radix_prefix(kind) } else { "" },
        digits: &digits,
        rest: "",
    };
    render_number(ctx, &number, &spec, spec.grouping.map(|sep| (sep, every)))
}

/// Whether an int is negative, and the digits of its magnitude for the presentation type
/// `kind` ('b', 'o', 'x', 'X', or decimal for anything else).
fn int_digits<'gc>(ctx: &Ctx<'gc, '_>, n: &IntArg, kind: char) -> PyResult<'gc, (bool, String)> {
    Ok(match n {
        IntArg::Small(i) => {
            let m = i.unsigned_abs();
            let digits = match kind {
                'b' => format!("{m:b}"),
                'o' => format!("{m:o}"),
                'x' => format!("{m:x}"),
                'X' => format!("{m:X}"),
                _ => m.to_string(),
            };
            (*i < 0, digits)
        }
        IntArg::Big(b) => {
            let m = b.abs();
            let digits = match kind {
                'b' => m.to_str_radix(2),
                'o' => m.to_str_radix(8),
                'x' => m.to_str_radix(16),
                'X' => m.to_str_radix(16).to_ascii_uppercase(),
                _ => crate::ops::repr::int_to_decimal(ctx, &m)?,
            };
            (b.is_negative(), digits)
        }
    })
}

/// The prefix the alternate form (`#`) puts before the digits.
fn radix_prefix(kind: char) -> &'static str {
    match kind {
        'b' => "0b",
        'o' => "0o",
        'x' => "0x",
        'X' => "0X",
        _ => "",
    }
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

/// `format(c, spec)` for a complex (CPython's `format_complex_internal`): each part laid
/// out as a float, the imaginary one always signed (unless it stands alone), padding
/// applied to the whole. Without a presentation type it is `str(c)`'s form ('r', or 'g'
/// given a precision) with parentheses unless the real part is +0, which is left out.
fn format_complex<'gc>(
    ctx: &Ctx<'gc, '_>,
    c: crate::object::Complex,
    spec_text: &str,
) -> PyResult<'gc, String> {
    let spec = parse_spec(ctx, spec_text, "complex", None, NUMBER_ALIGN)?;
    let kind = match spec.kind {
        None => 'r',
        Some('n') => 'g',
        Some(k @ ('e' | 'E' | 'f' | 'F' | 'g' | 'G')) => k,
        Some(k) => return unknown_code(ctx, k, "complex"),
    };
    if spec.precision.is_some_and(|p| p > i32::MAX as usize) {
        return ctx.value_error("precision too big");
    }
    if spec.fill == '0' {
        return ctx.value_error("Zero padding is not allowed in complex format specifier");
    }
    if spec.align == '=' {
        return ctx.value_error("'=' alignment flag is not allowed in complex format specifier");
    }
    let bare = spec.kind.is_none();
    let skip_re = bare && c.re == 0.0 && c.re.is_sign_positive();
    let parens = bare && !skip_re;
    let (style, precision) = match (kind, spec.precision) {
        ('r', None) => (Style::Repr, 0),
        ('r', Some(p)) => (Style::General, p),
        (k, p) => (
            match k {
                'e' | 'E' => Style::Exponent,
                'f' | 'F' => Style::Fixed,
                _ => Style::General,
            },
            p.unwrap_or(6),
        ),
    };
    let flags = Flags {
        alternate: spec.alternate,
        no_negative_zero: spec.no_negative_zero,
        upper: matches!(kind, 'E' | 'F' | 'G'),
        add_dot_0: false,
    };
    // Each part without padding; the imaginary part signed unless it stands alone.
    let part = |x: f64, sign: Option<char>| -> PyResult<'gc, String> {
        let (negative, text) = float_to_string(x, style, precision, flags);
        let int_end = text.find(|ch: char| !ch.is_ascii_digit()).unwrap_or(text.len());
        let number = Number { negative, prefix: "", digits: &text[..int_end], rest: &text[int_end..] };
        let unpadded = Spec { fill: ' ', align: '<', width: 0, sign, ..spec.clone() };
        render_number(ctx, &number, &unpadded, spec.grouping.map(|sep| (sep, 3)))
    };
    let mut body = String::new();
    if parens {
        body.push('(');
    }
    if !skip_re {
        body.push_str(&part(c.re, spec.sign)?);
    }
    body.push_str(&part(c.im, if skip_re { spec.sign } else { Some('+') })?);
    body.push('j');
    if parens {
        body.push(')');
    }
    let padding = spec.width.saturating_sub(body.chars().count());
    let left = match spec.align {
        '<' => 0,
        '^' => padding / 2,
        _ => padding,
    };
    let size = body.len().saturating_add(padding.saturating_mul(spec.fill.len_utf8()));
    let mut out = crate::builtins::method_args::string_with_capacity(ctx, size)?;
    out.extend(std::iter::repeat_n(spec.fill, left));
    out.push_str(&body);
    out.extend(std::iter::repeat_n(spec.fill, padding - left));
    Ok(out)
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
    let digits = if n.digits.is_empty() {
        Cow::Borrowed("")
    } else {
        match group_digits(n.digits, sep, min_width) {
            Some(digits) => digits,
            None => return Err(crate::builtins::method_args::memory_error(ctx)),
        }
    };
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
fn group_digits(digits: &str, sep: Option<(char, usize)>, min_width: i64) -> Option<Cow<'_, str>> {
    let bytes = digits.as_bytes();
    let min_width = min_width.max(0);
    let Some((sep, group)) = sep else {
        let zeros = (min_width as usize).saturating_sub(bytes.len());
        if zeros == 0 {
            return Some(Cow::Borrowed(digits));
        }
        let mut out = String::new();
        out.try_reserve_exact(zeros + bytes.len()).ok()?;
        out.extend(std::iter::repeat_n('0', zeros));
        out.push_str(digits);
        return Some(Cow::Owned(out));
    };
    // Built from the right, reversed at the end. Room for the digits and zeros, plus a
    // separator for every group of at least three.
    let mut out: Vec<u8> = Vec::new();
    out.try_reserve_exact((bytes.len().max(min_width as usize) + group).saturating_mul(2)).ok()?;
    let group = group as i64;
    let mut remaining = bytes.len() as i64;
    let mut min_width = min_width;
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
    String::from_utf8(out).ok().map(Cow::Owned)
}

/// An int as `%`-formatting's integer conversions write it before padding: sign, the `0x`
/// prefix when `alternate`, and at least `precision` digits (CPython's `_PyUnicode_FormatLong`).
pub fn int_text<'gc>(
    ctx: &Ctx<'gc, '_>,
    n: &IntArg,
    kind: char,
    alternate: bool,
    precision: usize,
) -> PyResult<'gc, String> {
    let (negative, digits) = int_digits(ctx, n, kind)?;
    let prefix = if alternate { radix_prefix(kind) } else { "" };
    let zeros = precision.saturating_sub(digits.len());
    let mut out = String::with_capacity(1 + prefix.len() + zeros + digits.len());
    if negative {
        out.push('-');
    }
    out.push_str(prefix);
    out.extend(std::iter::repeat_n('0', zeros));
    out.push_str(&digits);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::group_digits;

    fn group_digits_text(digits: &str, sep: Option<(char, usize)>, min_width: i64) -> String {
        group_digits(digits, sep, min_width).map(|d| d.into_owned()).unwrap_or_default()
    }

    #[test]
    fn grouping_pads_with_grouped_zeros() {
        assert_eq!(group_digits_text("1234", Some((',', 3)), 0), "1,234");
        assert_eq!(group_digits_text("1234", Some((',', 3)), 9), "0,001,234");
        assert_eq!(group_digits_text("1234", Some((',', 3)), 7), "001,234");
        assert_eq!(group_digits_text("1234", Some((',', 3)), 5), "1,234");
        assert_eq!(group_digits_text("0", Some((',', 3)), 8), "0,000,000");
        assert_eq!(group_digits_text("4d2", Some(('_', 4)), 9), "0000_04d2");
        assert_eq!(group_digits_text("42", None, 5), "00042");
    }
}
