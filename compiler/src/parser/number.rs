//! Numeric literals: the lexer has checked their form; here they become constants.

use num_bigint::BigUint;

use crate::ast::Constant;

use super::{PResult, Parser};

/// The value of a numeric literal as written (underscores allowed), or `None` if it is
/// not one.
fn parse_number(text: &str) -> Option<Number> {
    let owned;
    let text = if text.contains('_') {
        owned = text.replace('_', "");
        owned.as_str()
    } else {
        text
    };
    if let Some(imag) = text.strip_suffix(['j', 'J']) {
        return imag.parse::<f64>().ok().map(Number::Imaginary);
    }
    let radix = match text.get(..2) {
        Some("0x" | "0X") => 16,
        Some("0o" | "0O") => 8,
        Some("0b" | "0B") => 2,
        _ => 10,
    };
    if radix != 10 {
        let digits = &text[2..];
        if digits.is_empty() {
            return None;
        }
        return match i64::from_str_radix(digits, radix) {
            Ok(v) => Some(Number::Int(v)),
            Err(_) => BigUint::parse_bytes(digits.as_bytes(), radix).map(|v| Number::Big(v.to_string())),
        };
    }
    if text.contains(['.', 'e', 'E']) {
        return text.parse::<f64>().ok().map(Number::Float);
    }
    if text.is_empty() || !text.bytes().all(|c| c.is_ascii_digit()) {
        return None;
    }
    match text.parse::<i64>() {
        Ok(v) => Some(Number::Int(v)),
        Err(_) => {
            let digits = text.trim_start_matches('0');
            Some(Number::Big(if digits.is_empty() { "0".into() } else { digits.into() }))
        }
    }
}

enum Number {
    Int(i64),
    Big(String),
    Float(f64),
    Imaginary(f64),
}

impl<'a> Parser<'a> {
    /// The constant of the number token `i`.
    pub(crate) fn number(&mut self, i: usize) -> PResult<Constant<'a>> {
        match parse_number(self.text(i)) {
            Some(Number::Int(v)) => Ok(Constant::Int(v)),
            Some(Number::Big(digits)) => Ok(Constant::BigInt(self.bump.alloc_str(&digits))),
            Some(Number::Float(v)) => Ok(Constant::Float(v)),
            Some(Number::Imaginary(v)) => Ok(Constant::Imaginary(v)),
            None => Err(self.err_tok(i, "invalid number literal").first_pass()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn value(text: &str) -> String {
        match parse_number(text) {
            Some(Number::Int(v)) => format!("int {v}"),
            Some(Number::Big(d)) => format!("big {d}"),
            Some(Number::Float(v)) => format!("float {v:?}"),
            Some(Number::Imaginary(v)) => format!("imag {v:?}"),
            None => "none".into(),
        }
    }

    #[test]
    fn literals() {
        assert_eq!(value("0"), "int 0");
        assert_eq!(value("000"), "int 0");
        assert_eq!(value("1_000"), "int 1000");
        assert_eq!(value("9223372036854775807"), "int 9223372036854775807");
        assert_eq!(value("9223372036854775808"), "big 9223372036854775808");
        assert_eq!(value("0xff"), "int 255");
        assert_eq!(value("0XFF_FF"), "int 65535");
        assert_eq!(value("0o17"), "int 15");
        assert_eq!(value("0b1010"), "int 10");
        assert_eq!(value("0xffffffffffffffff"), "big 18446744073709551615");
        assert_eq!(value("1.5"), "float 1.5");
        assert_eq!(value("1."), "float 1.0");
        assert_eq!(value(".5"), "float 0.5");
        assert_eq!(value("1.e5"), "float 100000.0");
        assert_eq!(value("1e-3"), "float 0.001");
        assert_eq!(value("1E5"), "float 100000.0");
        assert_eq!(value("1e400"), "float inf");
        assert_eq!(value("2j"), "imag 2.0");
        assert_eq!(value("0123j"), "imag 123.0");
        assert_eq!(value("1.5J"), "imag 1.5");
        assert_eq!(value("1e3j"), "imag 1000.0");
    }
}
