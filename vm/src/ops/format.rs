//! The format-spec mini-language (`format()`, f-strings, `str.format`) and `%` formatting.

use cellvm_compiler::dis::float_repr;
use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive, Zero};

use crate::ctx::{Ctx, PyResult};
use crate::ops::num::{as_int, IntArg};
use crate::value::Value;

#[derive(Default, Debug, Clone)]
pub struct Spec {
    pub fill: Option<char>,
    pub align: Option<char>,
    pub sign: Option<char>,
    pub z: bool,
    pub alternate: bool,
    pub zero: bool,
    pub width: Option<usize>,
    pub grouping: Option<char>,
    pub precision: Option<usize>,
    pub kind: Option<char>,
}

pub fn parse_spec<'gc>(ctx: &Ctx<'gc, '_>, spec: &str) -> PyResult<'gc, Spec> {
    let chars: Vec<char> = spec.chars().collect();
    let mut i = 0;
    let mut s = Spec::default();
    let is_align = |c: char| matches!(c, '<' | '>' | '=' | '^');
    if chars.len() >= 2 && is_align(chars[1]) {
        s.fill = Some(chars[0]);
        s.align = Some(chars[1]);
        i = 2;
    } else if !chars.is_empty() && is_align(chars[0]) {
        s.align = Some(chars[0]);
        i = 1;
    }
    if i < chars.len() && matches!(chars[i], '+' | '-' | ' ') {
        s.sign = Some(chars[i]);
        i += 1;
    }
    if i < chars.len() && chars[i] == 'z' {
        s.z = true;
        i += 1;
    }
    if i < chars.len() && chars[i] == '#' {
        s.alternate = true;
        i += 1;
    }
    if i < chars.len() && chars[i] == '0' {
        s.zero = true;
        i += 1;
    }
    let start = i;
    while i < chars.len() && chars[i].is_ascii_digit() {
        i += 1;
    }
    if i > start {
        let w: String = chars[start..i].iter().collect();
        s.width =
            Some(w.parse().map_err(|_| ctx.error("ValueError", "Too many decimal digits in format string"))?);
    }
    if i < chars.len() && matches!(chars[i], ',' | '_') {
        s.grouping = Some(chars[i]);
        i += 1;
    }
    if i < chars.len() && chars[i] == '.' {
        i += 1;
        let start = i;
        while i < chars.len() && chars[i].is_ascii_digit() {
            i += 1;
        }
        if i == start {
            return ctx.value_error("Format specifier missing precision");
        }
        let p: String = chars[start..i].iter().collect();
        s.precision =
            Some(p.parse().map_err(|_| ctx.error("ValueError", "Too many decimal digits in format string"))?);
    }
    if i < chars.len() {
        s.kind = Some(chars[i]);
        i += 1;
    }
    if i < chars.len() {
        return ctx.value_error("Invalid format specifier");
    }
    Ok(s)
}

/// `format(value, spec)`.
pub fn format<'gc>(ctx: &mut Ctx<'gc, '_>, v: Value<'gc>, spec: &str) -> PyResult<'gc, Value<'gc>> {
    if let Value::Instance(_) = v {
        if let Some(m) = crate::ops::attr::special_method(ctx, v, "__format__")? {
            let spec = ctx.new_str(spec);
            return crate::interp::call_value(ctx, m, &[spec], &[]);
        }
    }
    let s = format_str(ctx, v, spec)?;
    Ok(ctx.new_str(s))
}

pub fn format_str<'gc>(ctx: &mut Ctx<'gc, '_>, v: Value<'gc>, spec_text: &str) -> PyResult<'gc, String> {
    if spec_text.is_empty() {
        return crate::ops::repr::str_of(ctx, v);
    }
    let spec = parse_spec(ctx, spec_text)?;
    match v {
        Value::Bool(_) | Value::Int(_) | Value::BigInt(_)
            if !matches!(spec.kind, Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%')) =>
        {
            let i = as_int(v).map(|i| i.big()).unwrap_or_default();
            format_int(ctx, &i, &spec)
        }
        Value::Bool(_) | Value::Int(_) | Value::BigInt(_) | Value::Float(_) => {
            let f = crate::ops::num::as_float(ctx, v)?.unwrap_or(0.0);
            format_float(ctx, f, &spec)
        }
        Value::Str(s) => format_text(ctx, s.as_str(), &spec),
        _ => {
            let msg = format!("unsupported format string passed to {}.__format__", ctx.type_name(v));
            ctx.type_error(msg)
        }
    }
}

fn pad(body: &str, spec: &Spec, default_align: char, sign_prefix_len: usize) -> String {
    let width = spec.width.unwrap_or(0);
    let len = body.chars().count();
    if len >= width {
        return body.to_string();
    }
    let fill = spec.fill.unwrap_or(if spec.zero && spec.align.is_none() { '0' } else { ' ' });
    let align = spec.align.unwrap_or(if spec.zero && default_align == '>' { '=' } else { default_align });
    let n = width - len;
    let f = |k: usize| std::iter::repeat_n(fill, k).collect::<String>();
    match align {
        '<' => format!("{body}{}", f(n)),
        '^' => format!("{}{body}{}", f(n / 2), f(n - n / 2)),
        '=' => {
            let (head, tail) =
                body.split_at(body.char_indices().nth(sign_prefix_len).map_or(body.len(), |(i, _)| i));
            format!("{head}{}{tail}", f(n))
        }
        _ => format!("{}{body}", f(n)),
    }
}

fn format_text<'gc>(ctx: &Ctx<'gc, '_>, s: &str, spec: &Spec) -> PyResult<'gc, String> {
    match spec.kind {
        None | Some('s') => {}
        Some(k) => return ctx.value_error(format!("Unknown format code '{k}' for object of type 'str'")),
    }
    if spec.sign.is_some() {
        return ctx.value_error("Sign not allowed in string format specifier");
    }
    if spec.alternate {
        return ctx.value_error("Alternate form (#) not allowed in string format specifier");
    }
    if spec.align == Some('=') {
        return ctx.value_error("'=' alignment not allowed in string format specifier");
    }
    let body: String = match spec.precision {
        Some(p) => s.chars().take(p).collect(),
        None => s.to_string(),
    };
    Ok(pad(&body, spec, '<', 0))
}

fn group(digits: &str, sep: char, every: usize) -> String {
    let mut out = String::new();
    let n = digits.len();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (n - i).is_multiple_of(every) {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

fn sign_str(negative: bool, sign: Option<char>) -> &'static str {
    match (negative, sign) {
        (true, _) => "-",
        (false, Some('+')) => "+",
        (false, Some(' ')) => " ",
        _ => "",
    }
}

pub fn format_int<'gc>(ctx: &Ctx<'gc, '_>, i: &BigInt, spec: &Spec) -> PyResult<'gc, String> {
    if spec.precision.is_some() {
        return ctx.value_error("Precision not allowed in integer format specifier");
    }
    let kind = spec.kind.unwrap_or('d');
    let abs = i.abs();
    let (digits, prefix) = match kind {
        'd' | 'n' => (abs.to_string(), ""),
        'b' => (abs.to_str_radix(2), "0b"),
        'o' => (abs.to_str_radix(8), "0o"),
        'x' => (abs.to_str_radix(16), "0x"),
        'X' => (abs.to_str_radix(16).to_uppercase(), "0X"),
        'c' => {
            if spec.sign.is_some() {
                return ctx.value_error("Sign not allowed with integer format specifier 'c'");
            }
            let c = i
                .to_u32()
                .and_then(char::from_u32)
                .ok_or_else(|| ctx.error("OverflowError", "%c arg not in range(0x110000)"))?;
            return Ok(pad(&c.to_string(), spec, '<', 0));
        }
        's' => return ctx.value_error("Unknown format code 's' for object of type 'int'"),
        k => return ctx.value_error(format!("Unknown format code '{k}' for object of type 'int'")),
    };
    let digits = match spec.grouping {
        Some(sep) => {
            let every = if matches!(kind, 'd' | 'n') { 3 } else { 4 };
            if sep == ',' && !matches!(kind, 'd' | 'n') {
                return ctx.value_error(format!("Cannot specify ',' with '{kind}'."));
            }
            group(&digits, sep, every)
        }
        None => digits,
    };
    let head =
        format!("{}{}", sign_str(i.is_negative(), spec.sign), if spec.alternate { prefix } else { "" });
    let body = format!("{head}{digits}");
    Ok(pad(&body, spec, '>', head.chars().count()))
}

/// Python's `repr`-style float text with `precision` significant digits (`'g'` rules).
fn format_g(f: f64, precision: usize, alternate: bool, upper: bool) -> String {
    let p = precision.max(1);
    if f == 0.0 {
        let z = if alternate { format!("0.{}", "0".repeat(p - 1)) } else { "0".to_string() };
        return if f.is_sign_negative() { format!("-{z}") } else { z };
    }
    let exp = {
        let s = format!("{:.*e}", p - 1, f);
        let e: i32 = s.split('e').nth(1).and_then(|e| e.parse().ok()).unwrap_or(0);
        e
    };
    let mut s = if exp < -4 || exp >= p as i32 {
        let s = format!("{:.*e}", p - 1, f);
        let (mant, e) = s.split_once('e').unwrap_or((&s, "0"));
        let mant = if alternate { mant.to_string() } else { trim_zeros(mant) };
        let e: i32 = e.parse().unwrap_or(0);
        format!("{mant}e{}{:02}", if e < 0 { '-' } else { '+' }, e.abs())
    } else {
        let decimals = (p as i32 - 1 - exp).max(0) as usize;
        let s = format!("{:.*}", decimals, f);
        if alternate {
            if s.contains('.') {
                s
            } else {
                format!("{s}.")
            }
        } else {
            trim_zeros(&s)
        }
    };
    if upper {
        s = s.to_uppercase();
    }
    s
}

fn trim_zeros(s: &str) -> String {
    if s.contains('.') {
        let t = s.trim_end_matches('0');
        t.trim_end_matches('.').to_string()
    } else {
        s.to_string()
    }
}

fn format_exp(f: f64, precision: usize, alternate: bool, upper: bool) -> String {
    let s = format!("{:.*e}", precision, f);
    let (mant, e) = s.split_once('e').unwrap_or((&s, "0"));
    let e: i32 = e.parse().unwrap_or(0);
    let mant = if alternate && precision == 0 { format!("{mant}.") } else { mant.to_string() };
    let out = format!("{mant}e{}{:02}", if e < 0 { '-' } else { '+' }, e.abs());
    if upper {
        out.to_uppercase()
    } else {
        out
    }
}

pub fn format_float<'gc>(ctx: &Ctx<'gc, '_>, f: f64, spec: &Spec) -> PyResult<'gc, String> {
    let kind = spec.kind;
    let neg = f.is_sign_negative() && !(spec.z && f == 0.0) && !f.is_nan();
    let a = f.abs();
    let upper = matches!(kind, Some('E' | 'F' | 'G'));
    let body = if !a.is_finite() {
        let t = if a.is_nan() { "nan" } else { "inf" };
        if upper {
            t.to_uppercase()
        } else {
            t.to_string()
        }
    } else {
        match kind {
            Some('f' | 'F') => {
                let s = format!("{:.*}", spec.precision.unwrap_or(6), a);
                if spec.alternate && !s.contains('.') {
                    format!("{s}.")
                } else {
                    s
                }
            }
            Some('e' | 'E') => format_exp(a, spec.precision.unwrap_or(6), spec.alternate, upper),
            Some('g' | 'G') => format_g(a, spec.precision.unwrap_or(6), spec.alternate, upper),
            Some('%') => format!("{:.*}%", spec.precision.unwrap_or(6), a * 100.0),
            Some('n') => format_g(a, spec.precision.unwrap_or(6), spec.alternate, false),
            None => match spec.precision {
                Some(p) => {
                    let s = format_g(a, p, spec.alternate, false);
                    if s.contains(['.', 'e', 'n', 'i']) {
                        s
                    } else {
                        format!("{s}.0")
                    }
                }
                None => float_repr(a),
            },
            Some(k) => {
                return ctx.value_error(format!("Unknown format code '{k}' for object of type 'float'"))
            }
        }
    };
    let body = match spec.grouping {
        Some(sep) if a.is_finite() => {
            let (int_part, rest) = match body.find(|c: char| !c.is_ascii_digit()) {
                Some(i) => body.split_at(i),
                None => (body.as_str(), ""),
            };
            format!("{}{}", group(int_part, sep, 3), rest)
        }
        _ => body,
    };
    let head = sign_str(neg, spec.sign);
    Ok(pad(&format!("{head}{body}"), spec, '>', head.len()))
}

/// `fmt % args`.
pub fn percent<'gc>(ctx: &mut Ctx<'gc, '_>, fmt: &str, args: Value<'gc>) -> PyResult<'gc, Value<'gc>> {
    let items: Vec<Value<'gc>> = match args {
        Value::Tuple(t) => t.0.to_vec(),
        _ => vec![args],
    };
    let mapping = match args {
        Value::Dict(d) => Some(d),
        _ => None,
    };
    let mut next = 0usize;
    let mut out = String::new();
    let chars: Vec<char> = fmt.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        i += 1;
        if c != '%' {
            out.push(c);
            continue;
        }
        // %[(key)][flags][width][.precision]type
        let mut value = None;
        if i < chars.len() && chars[i] == '(' {
            let start = i + 1;
            let mut depth = 1;
            let mut j = start;
            while j < chars.len() && depth > 0 {
                match chars[j] {
                    '(' => depth += 1,
                    ')' => depth -= 1,
                    _ => {}
                }
                j += 1;
            }
            if depth > 0 {
                return ctx.value_error("incomplete format key");
            }
            let key: String = chars[start..j - 1].iter().collect();
            let Some(d) = mapping else { return ctx.type_error("format requires a mapping") };
            let k = ctx.new_str(key);
            value = Some(match crate::ops::collections::dict_get(ctx, d, k)? {
                Some(v) => v,
                None => return Err(crate::ops::subscript::key_error(ctx, k)),
            });
            i = j;
        }
        let mut spec = Spec::default();
        while i < chars.len() && matches!(chars[i], '-' | '+' | ' ' | '#' | '0') {
            match chars[i] {
                '-' => spec.align = Some('<'),
                '+' => spec.sign = Some('+'),
                ' ' => {
                    if spec.sign.is_none() {
                        spec.sign = Some(' ')
                    }
                }
                '#' => spec.alternate = true,
                _ => spec.zero = true,
            }
            i += 1;
        }
        let take_num =
            |i: &mut usize, ctx: &mut Ctx<'gc, '_>, next: &mut usize| -> PyResult<'gc, Option<usize>> {
                if *i < chars.len() && chars[*i] == '*' {
                    *i += 1;
                    let v = items.get(*next).copied();
                    *next += 1;
                    return match v.and_then(crate::ops::compare::small_int) {
                        Some(n) => Ok(Some(n.max(0) as usize)),
                        None => ctx.type_error("* wants int"),
                    };
                }
                let start = *i;
                while *i < chars.len() && chars[*i].is_ascii_digit() {
                    *i += 1;
                }
                if *i > start {
                    let s: String = chars[start..*i].iter().collect();
                    return Ok(s.parse().ok());
                }
                Ok(None)
            };
        spec.width = take_num(&mut i, ctx, &mut next)?;
        if i < chars.len() && chars[i] == '.' {
            i += 1;
            spec.precision = Some(take_num(&mut i, ctx, &mut next)?.unwrap_or(0));
        }
        while i < chars.len() && matches!(chars[i], 'h' | 'l' | 'L') {
            i += 1;
        }
        let Some(&kind) = chars.get(i) else { return ctx.value_error("incomplete format") };
        i += 1;
        if kind == '%' {
            out.push('%');
            continue;
        }
        let v = match value {
            Some(v) => v,
            None => {
                if mapping.is_some() && items.len() == 1 && matches!(items[0], Value::Dict(_)) && next > 0 {
                    return ctx.type_error("not enough arguments for format string");
                }
                let v = items.get(next).copied();
                next += 1;
                match v {
                    Some(v) => v,
                    None => return ctx.type_error("not enough arguments for format string"),
                }
            }
        };
        if spec.zero && spec.align.is_none() {
            spec.fill = Some('0');
            spec.align = Some('=');
        }
        let piece = match kind {
            's' | 'r' | 'a' => {
                let s = match kind {
                    's' => crate::ops::repr::str_of(ctx, v)?,
                    'r' => crate::ops::repr::repr(ctx, v)?,
                    _ => crate::ops::repr::ascii_escape(&crate::ops::repr::repr(ctx, v)?),
                };
                let s: String = match spec.precision {
                    Some(p) => s.chars().take(p).collect(),
                    None => s,
                };
                let text_spec = Spec {
                    fill: Some(' '),
                    align: Some(spec.align.filter(|a| *a == '<').unwrap_or('>')),
                    width: spec.width,
                    ..Spec::default()
                };
                pad(&s, &text_spec, '>', 0)
            }
            'd' | 'i' | 'u' | 'x' | 'X' | 'o' => {
                let n = match v {
                    Value::Float(f) if f.is_finite() => BigInt::from(f.trunc() as i128),
                    _ => match as_int(v) {
                        Some(IntArg::Small(n)) => BigInt::from(n),
                        Some(IntArg::Big(b)) => b,
                        None => {
                            let msg = format!(
                                "%{kind} format: a real number is required, not {}",
                                ctx.type_name(v)
                            );
                            let msg = if matches!(kind, 'x' | 'X' | 'o') {
                                format!("%{kind} format: an integer is required, not {}", ctx.type_name(v))
                            } else {
                                msg
                            };
                            return ctx.type_error(msg);
                        }
                    },
                };
                let mut s =
                    Spec { kind: Some(if matches!(kind, 'i' | 'u') { 'd' } else { kind }), ..spec.clone() };
                if let Some(p) = spec.precision {
                    // Precision is a minimum digit count for integers in % formatting.
                    let digits = match kind {
                        'x' | 'X' => n.abs().to_str_radix(16),
                        'o' => n.abs().to_str_radix(8),
                        _ => n.abs().to_string(),
                    };
                    let digits = format!("{}{}", "0".repeat(p.saturating_sub(digits.len())), digits);
                    let digits = if kind == 'X' { digits.to_uppercase() } else { digits };
                    let prefix = if spec.alternate {
                        match kind {
                            'x' => "0x",
                            'X' => "0X",
                            'o' => "0o",
                            _ => "",
                        }
                    } else {
                        ""
                    };
                    let head = format!("{}{}", sign_str(n.is_negative(), spec.sign), prefix);
                    s.precision = None;
                    pad(&format!("{head}{digits}"), &s, '>', head.len())
                } else {
                    s.precision = None;
                    format_int(ctx, &n, &s)?
                }
            }
            'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
                let f = match crate::ops::num::as_float(ctx, v)? {
                    Some(f) => f,
                    None => {
                        let msg = format!("must be real number, not {}", ctx.type_name(v));
                        return ctx.type_error(msg);
                    }
                };
                let s =
                    Spec { kind: Some(kind), precision: Some(spec.precision.unwrap_or(6)), ..spec.clone() };
                format_float(ctx, f, &s)?
            }
            'c' => match v {
                Value::Str(s) if s.len() == 1 => s.as_str().to_string(),
                _ => match crate::ops::compare::small_int(v)
                    .and_then(|n| u32::try_from(n).ok())
                    .and_then(char::from_u32)
                {
                    Some(c) => c.to_string(),
                    None => return ctx.type_error("%c requires int or char"),
                },
            },
            k => {
                return ctx.value_error(format!(
                    "unsupported format character '{}' (0x{:x}) at index {}",
                    k,
                    k as u32,
                    i - 1
                ))
            }
        };
        out.push_str(&piece);
    }
    if mapping.is_none() && next < items.len() && !matches!(args, Value::Str(_)) {
        return ctx.type_error("not all arguments converted during string formatting");
    }
    if mapping.is_none() && next < items.len() {
        return ctx.type_error("not all arguments converted during string formatting");
    }
    let _ = BigInt::zero();
    Ok(ctx.new_str(out))
}
