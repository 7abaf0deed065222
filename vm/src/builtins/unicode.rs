//! Character properties and case mappings as CPython 3.11 defines them for `str` methods:
//! the predicates behind `isalpha()` and friends, Python's whitespace and line-break sets,
//! and the case conversions (with the Final_Sigma rule that `lower()` and its relatives
//! apply to a capital sigma). Classification comes from tables generated from CPython
//! itself (`unicode_tables.rs`); plain upper/lower mappings use Rust's, which agree for every
//! character Unicode 14 assigns.

use super::unicode_tables as tables;

const CAPITAL_SIGMA: char = '\u{3A3}';

fn in_table(table: &[u32], c: char) -> bool {
    let c = c as u32;
    // The number of ranges whose start is <= c; c is in the table if it is in the last one.
    let (mut lo, mut hi) = (0, table.len() / 2);
    while lo < hi {
        let mid = (lo + hi) / 2;
        if table[2 * mid] <= c {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    lo > 0 && c <= table[2 * lo - 1]
}

fn mapped(table: &'static [(u32, &'static str)], c: char) -> Option<&'static str> {
    table.binary_search_by_key(&(c as u32), |&(k, _)| k).ok().map(|i| table[i].1)
}

/// `str.isspace()` for one character: the bidirectional classes WS, B and S plus category Zs.
/// Also what `split()` and `strip()` without arguments treat as whitespace.
pub fn is_space(c: char) -> bool {
    match c {
        '\t'..='\r' | '\x1c'..='\x20' => true,
        _ if c.is_ascii() => false,
        '\u{85}' | '\u{A0}' | '\u{1680}' | '\u{2000}'..='\u{200A}' | '\u{2028}' | '\u{2029}' | '\u{202F}' => {
            true
        }
        '\u{205F}' | '\u{3000}' => true,
        _ => false,
    }
}

/// A line boundary for `splitlines()` (`\r\n` counts as one, handled by the caller).
pub fn is_linebreak(c: char) -> bool {
    matches!(c, '\n' | '\x0b' | '\x0c' | '\r' | '\x1c' | '\x1d' | '\x1e' | '\u{85}' | '\u{2028}' | '\u{2029}')
}

pub fn is_alpha(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphabetic()
    } else {
        in_table(tables::ALPHA, c)
    }
}

pub fn is_decimal(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_digit()
    } else {
        in_table(tables::DECIMAL, c)
    }
}

/// The value of a decimal digit of any script (category Nd).
pub fn decimal_value(c: char) -> Option<u32> {
    if c.is_ascii() {
        return c.to_digit(10);
    }
    // Every Nd range is a whole number of runs of ten, each from zero to nine.
    let (table, cp) = (tables::DECIMAL, c as u32);
    let i = table.chunks_exact(2).position(|r| r[0] <= cp && cp <= r[1])?;
    Some((cp - table[2 * i]) % 10)
}

pub fn is_digit(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_digit()
    } else {
        in_table(tables::DIGIT, c)
    }
}

pub fn is_numeric(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_digit()
    } else {
        in_table(tables::NUMERIC, c)
    }
}

/// `str.isalnum()` for one character.
pub fn is_alnum(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        is_alpha(c) || is_numeric(c)
    }
}

pub fn is_lower(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_lowercase()
    } else {
        in_table(tables::LOWERCASE, c)
    }
}

pub fn is_upper(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_uppercase()
    } else {
        in_table(tables::UPPERCASE, c)
    }
}

/// Category Lt (the digraphs such as `ǅ`).
pub fn is_titlecase(c: char) -> bool {
    !c.is_ascii() && in_table(tables::TITLECASE, c)
}

pub fn is_cased(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphabetic()
    } else {
        in_table(tables::CASED, c)
    }
}

fn is_case_ignorable(c: char) -> bool {
    in_table(tables::CASE_IGNORABLE, c)
}

pub fn is_identifier_start(c: char) -> bool {
    c == '_' || cellvm_compiler::lexer::is_xid_start(c)
}

pub fn is_identifier_continue(c: char) -> bool {
    cellvm_compiler::lexer::is_xid_continue(c)
}

pub fn is_printable(c: char) -> bool {
    cellvm_compiler::lexer::is_printable(c)
}

pub fn push_upper(out: &mut String, c: char) {
    if c.is_ascii() {
        out.push(c.to_ascii_uppercase());
    } else {
        out.extend(c.to_uppercase());
    }
}

/// The lower-case mapping of `chars[i]`, which for a capital sigma depends on its
/// neighbours: it is final (`ς`) after a cased letter (case-ignorable characters between
/// them skipped) unless a cased letter follows in the same way.
pub fn push_lower_at(out: &mut String, chars: &[char], i: usize) {
    let c = chars[i];
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
    } else if c == CAPITAL_SIGMA {
        out.push(if is_final_sigma(chars, i) { '\u{3C2}' } else { '\u{3C3}' });
    } else {
        out.extend(c.to_lowercase());
    }
}

fn is_final_sigma(chars: &[char], i: usize) -> bool {
    let before = chars[..i].iter().rev().find(|&&c| !is_case_ignorable(c));
    if !before.is_some_and(|&c| is_cased(c)) {
        return false;
    }
    let after = chars[i + 1..].iter().find(|&&c| !is_case_ignorable(c));
    !after.is_some_and(|&c| is_cased(c))
}

pub fn push_title(out: &mut String, c: char) {
    match mapped(tables::TITLE_MAP, c) {
        Some(s) => out.push_str(s),
        None => push_upper(out, c),
    }
}

pub fn push_casefold(out: &mut String, c: char) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    match mapped(tables::FOLD_MAP, c) {
        Some(s) => out.push_str(s),
        None => out.extend(c.to_lowercase()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lower(s: &str) -> String {
        let chars: Vec<char> = s.chars().collect();
        let mut out = String::new();
        for i in 0..chars.len() {
            push_lower_at(&mut out, &chars, i);
        }
        out
    }

    #[test]
    fn final_sigma_follows_cpython() {
        assert_eq!(lower("ΟΔΟΣ"), "οδος");
        assert_eq!(lower("ΟΔΟΣ ΑΒ"), "οδος αβ");
        assert_eq!(lower("Σ"), "σ");
        assert_eq!(lower("AΣB"), "aσb");
        assert_eq!(lower("A'Σ"), "a'ς");
        assert_eq!(lower("1Σ"), "1σ");
    }

    #[test]
    fn classification() {
        assert!(is_space('\x1f') && is_space('\u{3000}') && !is_space('\u{200B}'));
        assert!(is_alpha('é') && !is_alpha('\u{16EE}'));
        assert!(is_decimal('٣') && is_digit('²') && !is_decimal('²') && is_numeric('一') && !is_digit('一'));
        assert!(is_titlecase('ǅ') && is_cased('ǅ') && !is_upper('ǅ'));
        let mut s = String::new();
        push_title(&mut s, 'ǆ');
        push_casefold(&mut s, 'ß');
        push_title(&mut s, 'ß');
        assert_eq!(s, "ǅssSs");
    }
}
