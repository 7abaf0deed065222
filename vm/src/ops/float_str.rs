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
        match style {
            // Rust writes these two exactly as CPython lays them out, but for the exponent.
            Style::Fixed => {
                let mut text = format!("{:.*}", precision, x.abs());
                if flags.alternate && precision == 0 {
                    text.push('.');
                }
                text
            }
            Style::Exponent => {
                exponent_form(&format!("{:.*e}", precision, x.abs()), flags.alternate && precision == 0)
            }
            Style::General | Style::Repr => {
                let (digits, decpt) = digits(x.abs(), style, precision);
                layout(&digits, decpt, style, precision, flags)
            }
        }
    };
    if flags.no_negative_zero && negative && x.is_finite() {
        let mantissa = text.split('e').next().unwrap_or("");
        negative = mantissa.bytes().any(|b| (b'1'..=b'9').contains(&b));
    }
    if flags.upper {
        text.make_ascii_uppercase();
    }
    (negative, text)
}

/// Rust's `1.5e3` as CPython's `1.5e+03` (with a point after a lone digit if `point`).
fn exponent_form(rust: &str, point: bool) -> String {
    let (mantissa, exponent) = rust.split_once('e').unwrap_or((rust, "0"));
    let exponent: i64 = exponent.parse().unwrap_or(0);
    let sign = if exponent < 0 { '-' } else { '+' };
    let point = if point { "." } else { "" };
    format!("{mantissa}{point}e{sign}{:02}", exponent.abs())
}

/// The significant digits of `x >= 0` for the 'g' and 'r' styles (no trailing zeros; "0"
/// for zero) and the position of the decimal point relative to them:
/// `x ~ 0.DIGITS * 10**decpt`.
fn digits(x: f64, style: Style, precision: usize) -> (String, i64) {
    let scientific = match style {
        Style::Repr => format!("{x:e}"),
        // A double has at most 767 significant digits; more precision only adds zeros,
        // which the layout writes without Rust materialising them here.
        _ => format!("{:.*e}", precision.clamp(1, 800) - 1, x),
    };
    let (mantissa, exponent) = scientific.split_once('e').unwrap_or((&scientific, "0"));
    let exponent: i64 = exponent.parse().unwrap_or(0);
    let mut digits: String = mantissa.chars().filter(|&c| c != '.').collect();
    digits.truncate(digits.trim_end_matches('0').len());
    if digits.is_empty() {
        return ("0".to_string(), 1);
    }
    (digits, exponent + 1)
}

/// CPython's `format_float_short` from the digits on, for 'g' and 'r': the slice of the digit string padded
/// with zeros on both sides that the style shows, the decimal point, the exponent.
fn layout(digits: &str, mut decpt: i64, style: Style, precision: usize, flags: Flags) -> String {
    let precision = precision as i64;
    let digits_len = digits.len() as i64;
    let mut vdigits_end = digits_len;
    let use_exp = if style == Style::Repr {
        decpt <= -4 || decpt > 16
    } else {
        let precision = precision.max(1);
        if flags.alternate {
            vdigits_end = precision;
        }
        let threshold = if flags.add_dot_0 { precision - 1 } else { precision };
        decpt <= -4 || decpt > threshold
    };
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
