//! A float as text in the styles of CPython's `PyOS_double_to_string`, which both `format()`
//! and `%` formatting build on: 'e', 'f', 'g' with a precision and 'r' (the shortest text
//! that reads back as the same float), with the alternate form, the `.0` that marks an
//! integral value as a float, and the negative-zero coercion of `z`.
//!
//! Rust's float formatting supplies the correctly rounded digits (ties to even, as
//! CPython's dtoa); the layout of those digits is CPython's `format_float_short`.

/// The text styles.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Style {
    /// `precision` digits after the point, always with an exponent.
    Exponent,
    /// `precision` digits after the point.
    Fixed,
    /// `precision` significant digits, with an exponent when it is below -4 or not below
    /// the precision; trailing zeros dropped.
    General,
    /// The shortest round-tripping digits, with an exponent outside [1e-4, 1e16).
    Repr,
}

#[derive(Clone, Copy, Default, Debug)]
pub struct Flags {
    /// `#`: always a decimal point, and 'g' keeps its trailing zeros.
    pub alternate: bool,
    /// Write an integral value with `.0` (and 'g' switches to an exponent one digit earlier).
    pub add_dot_0: bool,
    /// `z`: a value that rounds to zero is written without its minus sign.
    pub no_negative_zero: bool,
    /// Upper-case `E`, `INF` and `NAN`.
    pub upper: bool,
}

/// `x` as text in `style`: whether it is negative (its sign is not in the text) and the
/// text. A NaN never has a sign.
pub fn float_to_string(x: f64, style: Style, precision: usize, flags: Flags) -> (bool, String) {
    let mut negative = x.is_sign_negative() && !x.is_nan();
    let mut text = if x.is_nan() {
        "nan".to_string()
    } else if x.is_infinite() {
        "inf".to_string()
    } else {
        let (digits, decpt) = digits(x.abs(), style, precision);
        if flags.no_negative_zero && digits.bytes().all(|b| b == b'0') {
            negative = false;
        }
        layout(&digits, decpt, style, precision, flags)
    };
    if flags.upper {
        text.make_ascii_uppercase();
    }
    (negative, text)
}

/// The significant digits of `x >= 0` for `style` (no trailing zeros; "0" for zero, or
/// nothing when a fixed-point value rounds to zero) and the position of the decimal point
/// relative to them: `x ~ 0.DIGITS * 10**decpt`.
fn digits(x: f64, style: Style, precision: usize) -> (String, i64) {
    let scientific = match style {
        Style::Repr => format!("{x:e}"),
        Style::Exponent => format!("{:.*e}", precision, x),
        Style::General => format!("{:.*e}", precision.max(1) - 1, x),
        Style::Fixed => {
            let fixed = format!("{:.*}", precision, x);
            let (int_part, frac_part) = fixed.split_once('.').unwrap_or((&fixed, ""));
            let all = format!("{int_part}{frac_part}");
            let significant = all.trim_start_matches('0');
            let decpt = int_part.len() as i64 - (all.len() - significant.len()) as i64;
            let significant = significant.trim_end_matches('0');
            if x == 0.0 {
                return ("0".to_string(), 1);
            }
            return (significant.to_string(), decpt);
        }
    };
    let (mantissa, exponent) = scientific.split_once('e').unwrap_or((&scientific, "0"));
    let exponent: i64 = exponent.parse().unwrap_or(0);
    let digits: String = mantissa.chars().filter(|&c| c != '.').collect();
    let trimmed = digits.trim_end_matches('0');
    if trimmed.is_empty() {
        return ("0".to_string(), 1);
    }
    (trimmed.to_string(), exponent + 1)
}

/// CPython's `format_float_short` from the digits on: the slice of the digit string padded
/// with zeros on both sides that the style shows, the decimal point, the exponent.
fn layout(digits: &str, mut decpt: i64, style: Style, precision: usize, flags: Flags) -> String {
    let precision = precision as i64;
    let digits_len = digits.len() as i64;
    let mut use_exp = false;
    let mut vdigits_end = digits_len;
    match style {
        Style::Exponent => {
            use_exp = true;
            vdigits_end = precision + 1;
        }
        Style::Fixed => vdigits_end = decpt + precision,
        Style::General => {
            let precision = precision.max(1);
            let threshold = if flags.add_dot_0 { precision - 1 } else { precision };
            use_exp = decpt <= -4 || decpt > threshold;
            if flags.alternate {
                vdigits_end = precision;
            }
        }
        Style::Repr => use_exp = decpt <= -4 || decpt > 16,
    }
    let mut exp = 0;
    if use_exp {
        exp = decpt - 1;
        decpt = 1;
    }
    let vdigits_start = if decpt <= 0 { decpt - 1 } else { 0 };
    vdigits_end =
        if !use_exp && flags.add_dot_0 { vdigits_end.max(decpt + 1) } else { vdigits_end.max(decpt) };

    let zeros = |out: &mut String, n: i64| out.extend(std::iter::repeat_n('0', n.max(0) as usize));
    let mut out = String::with_capacity((vdigits_end - vdigits_start + 8) as usize);
    if decpt <= 0 {
        zeros(&mut out, decpt - vdigits_start);
        out.push('.');
        zeros(&mut out, -decpt);
    } else {
        zeros(&mut out, -vdigits_start);
    }
    if 0 < decpt && decpt <= digits_len {
        out.push_str(&digits[..decpt as usize]);
        out.push('.');
        out.push_str(&digits[decpt as usize..]);
    } else {
        out.push_str(digits);
    }
    if digits_len < decpt {
        zeros(&mut out, decpt - digits_len);
        out.push('.');
        zeros(&mut out, vdigits_end - decpt);
    } else {
        zeros(&mut out, vdigits_end - digits_len);
    }
    if out.ends_with('.') && !flags.alternate {
        out.pop();
    }
    if use_exp {
        let sign = if exp < 0 { '-' } else { '+' };
        out.push_str(&format!("e{sign}{:02}", exp.abs()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn show(x: f64, style: Style, precision: usize, flags: Flags) -> String {
        let (negative, text) = float_to_string(x, style, precision, flags);
        format!("{}{text}", if negative { "-" } else { "" })
    }

    #[test]
    fn styles_match_cpython() {
        let plain = Flags::default();
        let dot0 = Flags { add_dot_0: true, ..plain };
        let alt = Flags { alternate: true, ..plain };
        assert_eq!(show(1234.5678, Style::Repr, 0, dot0), "1234.5678");
        assert_eq!(show(1e16, Style::Repr, 0, dot0), "1e+16");
        assert_eq!(show(1e16, Style::Repr, 0, Flags { alternate: true, ..dot0 }), "1.e+16");
        assert_eq!(show(1.0, Style::Repr, 0, dot0), "1.0");
        assert_eq!(show(1.0, Style::General, 1, dot0), "1e+00");
        assert_eq!(show(1.0, Style::General, 3, dot0), "1.0");
        assert_eq!(show(0.125, Style::General, 2, plain), "0.12");
        assert_eq!(show(-0.0, Style::General, 6, plain), "-0");
        assert_eq!(show(0.0, Style::General, 6, alt), "0.00000");
        assert_eq!(show(1e-5, Style::General, 6, alt), "1.00000e-05");
        assert_eq!(show(12345.678, Style::Exponent, 0, alt), "1.e+04");
        assert_eq!(show(5e-324, Style::Exponent, 6, plain), "4.940656e-324");
        assert_eq!(show(2.5, Style::Fixed, 0, plain), "2");
        assert_eq!(show(-1e-5, Style::Fixed, 1, Flags { no_negative_zero: true, ..plain }), "0.0");
        assert_eq!(show(-1e-5, Style::Fixed, 1, plain), "-0.0");
        assert_eq!(show(0.1, Style::Fixed, 0, alt), "0.");
        assert_eq!(show(f64::NAN, Style::Fixed, 2, Flags { upper: true, ..plain }), "NAN");
        assert_eq!(show(-f64::INFINITY, Style::Exponent, 2, plain), "-inf");
        assert_eq!(show(1e100, Style::Fixed, 1, plain).len(), 103);
    }
}
