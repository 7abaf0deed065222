//! String literals: prefixes, escape sequences, implicit concatenation and f-strings, as
//! CPython 3.11's string parser reads them, with its messages.
//!
//! A run of adjacent string tokens is one expression. CPython decodes them after reading the
//! whole run, so its errors ("cannot mix bytes and nonbytes literals", a bad escape, an
//! f-string error) point at the token after the run. The expression of an f-string's
//! replacement field is parsed by a parser of its own, over `(` + the text + `)`, whose
//! errors start with "f-string: " and count columns in that text.

use bumpalo::collections::String as BString;

use crate::ast::{Constant, Expr, ExprKind, Loc};
use crate::lexer;

use super::{FStringExpr, PErr, PResult, Parser, T};

/// CPython's `MAXLEVEL`: brackets an f-string expression may nest.
const MAX_NESTED_BRACKETS: usize = 200;

/// What a string token's prefix and quotes say, and where its text is.
#[derive(Clone, Copy)]
struct Literal {
    bytes: bool,
    raw: bool,
    format: bool,
    /// Byte range of the text between the quotes, in the parser's source.
    body: (usize, usize),
}

/// Read the prefix and quotes of a string token whose text starts at byte `start`.
fn literal(text: &str, start: usize) -> Literal {
    let b = text.as_bytes();
    let mut lit = Literal { bytes: false, raw: false, format: false, body: (start, start) };
    let mut i = 0;
    while i < b.len() && b[i].is_ascii_alphabetic() {
        match b[i] {
            b'b' | b'B' => lit.bytes = true,
            b'r' | b'R' => lit.raw = true,
            b'f' | b'F' => lit.format = true,
            _ => {}
        }
        i += 1;
    }
    let quote = b.get(i).copied().unwrap_or(b'"');
    let rest = b.len().saturating_sub(i);
    let q = if rest >= 6 && b[i + 1] == quote && b[i + 2] == quote { 3 } else { 1 };
    let body_start = (i + q).min(b.len());
    let body_end = b.len().saturating_sub(q).max(body_start);
    lit.body = (start + body_start, start + body_end);
    lit
}

/// An escape sequence that does not decode, in CPython's terms: positions in the text the
/// codec sees (where a non-ASCII character counts 10 bytes, written `\UXXXXXXXX`).
struct EscapeError {
    start: usize,
    end: usize,
    reason: &'static str,
}

impl EscapeError {
    fn message(&self) -> String {
        format!(
            "(unicode error) 'unicodeescape' codec can't decode bytes in position {}-{}: {}",
            self.start,
            self.end - 1,
            self.reason
        )
    }
}

/// How long CPython makes a character of a literal before its codec reads it: non-ASCII
/// characters become `\UXXXXXXXX`.
fn codec_width(c: char) -> usize {
    if c.is_ascii() {
        1
    } else {
        10
    }
}

/// Python's `\N{name}` lookup: the Unicode name or alias, in any case, and nothing looser.
fn lookup_name(name: &str) -> Option<char> {
    // No name or alias starts with a hyphen, and unicode_names2 4.0 underflows an index on
    // one (a panic where overflow checks are on: found by fuzzing).
    if name.starts_with('-') {
        return None;
    }
    let c = unicode_names2::character(name)?;
    let wanted = name.to_ascii_uppercase();
    let canonical = unicode_names2::name(c).map(|n| n.to_string());
    if canonical.as_deref() == Some(wanted.as_str()) {
        return Some(c);
    }
    // The crate also matches loosely (UAX44-LM2: no spaces, underscores or medial hyphens),
    // which Python does not; a name it found otherwise than by those is an alias.
    let squeeze = |s: &str| s.chars().filter(|c| !matches!(c, ' ' | '-' | '_')).collect::<String>();
    let well_formed = !wanted.starts_with(' ')
        && !wanted.ends_with(' ')
        && !wanted.contains("  ")
        && wanted.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == ' ' || c == '-');
    if !well_formed || canonical.as_deref().map(squeeze) == Some(squeeze(&wanted)) {
        return None;
    }
    Some(c)
}

/// Decode the escape sequences of `text` (a str literal, or a literal part of an f-string)
/// onto `out`, as CPython's `unicode_escape` codec does. Invalid escapes stay as written
/// (CPython only warns). A surrogate cannot be held in a Rust string: refused.
fn decode_str_escapes(text: &str, out: &mut BString<'_>) -> Result<(), EscapeError> {
    let b = text.as_bytes();
    let mut i = 0;
    // The codec's position of byte `i`.
    let mut pos = 0;
    while i < b.len() {
        let Some(bs) = text[i..].find('\\') else {
            out.push_str(&text[i..]);
            return Ok(());
        };
        let plain = &text[i..i + bs];
        out.push_str(plain);
        pos += plain.chars().map(codec_width).sum::<usize>();
        i += bs;
        let start = pos;
        let Some(c) = text[i + 1..].chars().next() else {
            // A backslash at the end stays a backslash.
            out.push('\\');
            return Ok(());
        };
        i += 1;
        pos += 1;
        if !c.is_ascii() {
            // CPython writes such a backslash as `\u005c`: a backslash.
            out.push('\\');
            pos += 5;
            continue;
        }
        i += 1;
        pos += 1;
        let simple = match c {
            '\n' => Some(None),
            '\\' => Some(Some('\\')),
            '\'' => Some(Some('\'')),
            '"' => Some(Some('"')),
            'a' => Some(Some('\x07')),
            'b' => Some(Some('\x08')),
            'f' => Some(Some('\x0c')),
            'n' => Some(Some('\n')),
            'r' => Some(Some('\r')),
            't' => Some(Some('\t')),
            'v' => Some(Some('\x0b')),
            _ => None,
        };
        if let Some(ch) = simple {
            if let Some(ch) = ch {
                out.push(ch);
            }
            continue;
        }
        match c {
            '0'..='7' => {
                let mut value = c as u32 - '0' as u32;
                for _ in 0..2 {
                    match b.get(i) {
                        Some(&d @ b'0'..=b'7') => {
                            value = value * 8 + (d - b'0') as u32;
                            i += 1;
                            pos += 1;
                        }
                        _ => break,
                    }
                }
                out.push(char::from_u32(value).unwrap_or('\u{fffd}'));
            }
            'x' | 'u' | 'U' => {
                let (count, reason) = match c {
                    'x' => (2, "truncated \\xXX escape"),
                    'u' => (4, "truncated \\uXXXX escape"),
                    _ => (8, "truncated \\UXXXXXXXX escape"),
                };
                let mut value: u32 = 0;
                for _ in 0..count {
                    let digit = b.get(i).and_then(|&d| (d as char).to_digit(16));
                    let Some(d) = digit else {
                        return Err(EscapeError { start, end: pos, reason });
                    };
                    value = (value << 4) | d;
                    i += 1;
                    pos += 1;
                }
                match char::from_u32(value) {
                    Some(ch) => out.push(ch),
                    None if value > 0x10FFFF => {
                        return Err(EscapeError { start, end: pos, reason: "illegal Unicode character" })
                    }
                    None => {
                        return Err(EscapeError {
                            start,
                            end: pos,
                            reason: "lone surrogates are not supported by cellvm",
                        })
                    }
                }
            }
            'N' => {
                let malformed = EscapeError { start, end: pos, reason: "malformed \\N character escape" };
                if b.get(i) != Some(&b'{') {
                    return Err(malformed);
                }
                i += 1;
                pos += 1;
                let Some(close) = text[i..].find('}') else {
                    let rest: usize = text[i..].chars().map(codec_width).sum();
                    return Err(EscapeError { end: pos + rest, ..malformed });
                };
                let name = &text[i..i + close];
                pos += name.chars().map(codec_width).sum::<usize>();
                i += close;
                if name.is_empty() {
                    return Err(EscapeError { end: pos, ..malformed });
                }
                i += 1;
                pos += 1;
                match lookup_name(name) {
                    Some(ch) => out.push(ch),
                    None => {
                        return Err(EscapeError { start, end: pos, reason: "unknown Unicode character name" })
                    }
                }
            }
            _ => {
                out.push('\\');
                out.push(c);
            }
        }
    }
    Ok(())
}

/// Decode the escape sequences of a bytes literal onto `out`, as CPython's
/// `_PyBytes_DecodeEscape` does; the error is the position of a bad `\x`.
fn decode_bytes_escapes(text: &[u8], out: &mut Vec<u8>) -> Result<(), usize> {
    let mut i = 0;
    while i < text.len() {
        let c = text[i];
        if c != b'\\' {
            out.push(c);
            i += 1;
            continue;
        }
        let Some(&e) = text.get(i + 1) else {
            out.push(b'\\');
            return Ok(());
        };
        let start = i;
        i += 2;
        match e {
            b'\n' => {}
            b'\\' | b'\'' | b'"' => out.push(e),
            b'a' => out.push(0x07),
            b'b' => out.push(0x08),
            b'f' => out.push(0x0c),
            b'n' => out.push(b'\n'),
            b'r' => out.push(b'\r'),
            b't' => out.push(b'\t'),
            b'v' => out.push(0x0b),
            b'0'..=b'7' => {
                let mut value = (e - b'0') as u32;
                for _ in 0..2 {
                    match text.get(i) {
                        Some(&d @ b'0'..=b'7') => {
                            value = value * 8 + (d - b'0') as u32;
                            i += 1;
                        }
                        _ => break,
                    }
                }
                out.push(value as u8);
            }
            b'x' => {
                let hex = |j: usize| text.get(j).and_then(|&d| (d as char).to_digit(16));
                match (hex(i), hex(i + 1)) {
                    (Some(h), Some(l)) => {
                        out.push((h * 16 + l) as u8);
                        i += 2;
                    }
                    _ => return Err(start),
                }
            }
            _ => {
                out.push(b'\\');
                i -= 1;
            }
        }
    }
    Ok(())
}

/// An f-string being put together: the literal text not yet flushed, and the parts so far.
struct Joined<'a> {
    text: BString<'a>,
    parts: Vec<Expr<'a>>,
    format: bool,
}

impl<'a> Parser<'a> {
    /// `strings: STRING+`: adjacent string literals, concatenated.
    pub(crate) fn strings(&mut self) -> PResult<Expr<'a>> {
        let first = self.pos;
        while self.at(T::Str) {
            self.advance();
        }
        let last = self.pos - 1;
        let group = self.loc(first).to(self.loc(last));

        // The common case: one plain string with nothing to decode.
        if first == last {
            let t = self.toks[first];
            let lit = literal(self.text(first), t.start as usize);
            let body = &self.src[lit.body.0..lit.body.1];
            if !lit.bytes && !lit.format && (lit.raw || !body.contains('\\')) {
                let src: &'a str = self.src;
                let body = &src[lit.body.0..lit.body.1];
                return Ok(self.expr(ExprKind::Constant(Constant::Str(body)), group));
            }
        }

        let mut joined = Joined { text: BString::new_in(self.bump), parts: self.vec(), format: false };
        let mut bytes = self.vec();
        let mut bytes_mode = false;
        for i in first..=last {
            let t = self.toks[i];
            let lit = literal(self.text(i), t.start as usize);
            let src: &'a str = self.src;
            let body = &src[lit.body.0..lit.body.1];
            // CPython's `_PyPegen_parsestr`: a plain literal is decoded before anything else.
            let mut decoded = None;
            if !lit.format {
                if lit.bytes {
                    if !body.is_ascii() {
                        return Err(self
                            .err_tok(i, "bytes can only contain ASCII literal characters")
                            .first_pass());
                    }
                    let mut b = self.vec();
                    if lit.raw {
                        b.extend_from_slice(body.as_bytes());
                    } else if let Err(at) = decode_bytes_escapes(body.as_bytes(), &mut b) {
                        return Err(self
                            .err_last(format!("(value error) invalid \\x escape at position {at}"))
                            .first_pass());
                    }
                    decoded = Some(Ok(b));
                } else {
                    let mut s = BString::new_in(self.bump);
                    if lit.raw {
                        s.push_str(body);
                    } else if let Err(e) = decode_str_escapes(body, &mut s) {
                        return Err(self.err_last(e.message()).first_pass());
                    }
                    decoded = Some(Err(s));
                }
            }
            if i != first && bytes_mode != lit.bytes {
                return Err(self.err_last("cannot mix bytes and nonbytes literals").first_pass());
            }
            bytes_mode = lit.bytes;
            match decoded {
                Some(Ok(b)) => bytes.extend_from_slice(&b),
                Some(Err(s)) => joined.text.push_str(&s),
                None => {
                    let mut at = lit.body.0;
                    self.fstring(&mut joined, &mut at, lit.body.1, lit.raw, 0, i, group)?;
                }
            }
        }
        if bytes_mode {
            return Ok(self.expr(ExprKind::Constant(Constant::Bytes(self.alloc_list(bytes))), group));
        }
        if !joined.format {
            let text = joined.text.into_bump_str();
            return Ok(self.expr(ExprKind::Constant(Constant::Str(text)), group));
        }
        self.flush_literal(&mut joined, group);
        Ok(self.expr(ExprKind::JoinedStr(self.alloc_list(joined.parts)), group))
    }

    /// Turn the pending literal text of `joined` into a `Constant` part.
    fn flush_literal(&self, joined: &mut Joined<'a>, group: Loc) {
        if joined.text.is_empty() {
            return;
        }
        let text = std::mem::replace(&mut joined.text, BString::new_in(self.bump)).into_bump_str();
        joined.parts.push(self.expr(ExprKind::Constant(Constant::Str(text)), group));
    }

    /// An f-string's text from byte `*at` to `end` of token `tok` (CPython's
    /// `_PyPegen_FstringParser_ConcatFstring`): literal parts and replacement fields. At
    /// `level` 1 it is a format spec, which a `}` ends.
    #[allow(clippy::too_many_arguments)]
    fn fstring(
        &mut self,
        joined: &mut Joined<'a>,
        at: &mut usize,
        end: usize,
        raw: bool,
        level: u8,
        tok: usize,
        group: Loc,
    ) -> PResult<()> {
        joined.format = true;
        let src: &'a str = self.src;
        loop {
            let (literal_end, more) = self.fstring_literal(at, end, raw, level)?;
            let text = &src[literal_end.0..literal_end.1];
            if !text.is_empty() {
                if raw {
                    joined.text.push_str(text);
                } else if let Err(e) = decode_str_escapes(text, &mut joined.text) {
                    return Err(self.err_last(e.message()).first_pass());
                }
            }
            if more {
                continue;
            }
            if *at >= end || src.as_bytes()[*at] == b'}' {
                break;
            }
            let (debug_text, value) = self.fstring_field(at, end, raw, level, tok, group)?;
            if let Some(t) = debug_text {
                joined.text.push_str(t);
            }
            self.flush_literal(joined, group);
            joined.parts.push(value);
        }
        if level > 0 && (*at >= end || src.as_bytes()[*at] != b'}') {
            return Err(self.err_last("f-string: expecting '}'").first_pass());
        }
        Ok(())
    }

    /// CPython's `fstring_find_literal`: the literal text from `*at` up to a replacement
    /// field, the end, or (in a format spec) a `}`. Gives its byte range, and whether it
    /// stopped at a doubled brace (which it keeps one of) with more to come.
    fn fstring_literal(
        &self,
        at: &mut usize,
        end: usize,
        raw: bool,
        level: u8,
    ) -> PResult<((usize, usize), bool)> {
        let b = self.src.as_bytes();
        let start = *at;
        let mut s = *at;
        while s < end {
            let mut ch = b[s];
            s += 1;
            if !raw && ch == b'\\' && s < end {
                ch = b[s];
                s += 1;
                if ch == b'N' {
                    // `\N{...}` is an escape, not a field; a malformed one is left to the codec.
                    if s < end && b[s] == b'{' {
                        s += 1;
                        while s < end && b[s] != b'}' {
                            s += 1;
                        }
                        s = (s + 1).min(end);
                        continue;
                    }
                    s = (s + 1).min(end);
                    break;
                }
            }
            if ch == b'{' || ch == b'}' {
                if level == 0 {
                    if s < end && b[s] == ch {
                        *at = s + 1;
                        return Ok(((start, s), true));
                    }
                    if ch == b'}' {
                        *at = s - 1;
                        return Err(self.err_last("f-string: single '}' is not allowed").first_pass());
                    }
                }
                s -= 1;
                break;
            }
        }
        *at = s;
        Ok(((start, s), false))
    }

    /// CPython's `fstring_find_expr`: the replacement field at `*at` (on its `{`): its
    /// expression, `=`, conversion and format spec. Gives the `=` text (which goes before
    /// the value) and the `FormattedValue`.
    #[allow(clippy::too_many_arguments)]
    fn fstring_field(
        &mut self,
        at: &mut usize,
        end: usize,
        raw: bool,
        level: u8,
        tok: usize,
        group: Loc,
    ) -> PResult<(Option<&'a str>, Expr<'a>)> {
        let fail = |p: &Self, msg: String| Err(p.err_last(msg).first_pass());
        if level >= 2 {
            return fail(self, "f-string: expressions nested too deeply".into());
        }
        let src: &'a str = self.src;
        let b = src.as_bytes();
        *at += 1;
        let expr_start = *at;
        let mut quote = 0u8;
        let mut triple = false;
        let mut brackets = [0u8; MAX_NESTED_BRACKETS];
        let mut depth = 0;
        while *at < end {
            let ch = b[*at];
            if ch == b'\\' {
                return fail(self, "f-string expression part cannot include a backslash".into());
            }
            if quote != 0 {
                if ch == quote {
                    if triple {
                        if *at + 2 < end && b[*at + 1] == ch && b[*at + 2] == ch {
                            *at += 3;
                            quote = 0;
                            continue;
                        }
                    } else {
                        quote = 0;
                    }
                }
            } else if ch == b'\'' || ch == b'"' {
                triple = *at + 2 < end && b[*at + 1] == ch && b[*at + 2] == ch;
                if triple {
                    *at += 2;
                }
                quote = ch;
            } else if matches!(ch, b'[' | b'{' | b'(') {
                if depth >= MAX_NESTED_BRACKETS {
                    return fail(self, "f-string: too many nested parenthesis".into());
                }
                brackets[depth] = ch;
                depth += 1;
            } else if ch == b'#' {
                return fail(self, "f-string expression part cannot include '#'".into());
            } else if depth == 0 && matches!(ch, b'!' | b':' | b'}' | b'=' | b'>' | b'<') {
                if *at + 1 < end {
                    let next = b[*at + 1];
                    if next == b'=' && matches!(ch, b'!' | b'=' | b'<' | b'>') {
                        *at += 2;
                        continue;
                    }
                    if ch == b'>' || ch == b'<' {
                        *at += 1;
                        continue;
                    }
                }
                break;
            } else if matches!(ch, b']' | b'}' | b')') {
                if depth == 0 {
                    return fail(self, format!("f-string: unmatched '{}'", ch as char));
                }
                depth -= 1;
                let open = brackets[depth];
                if !matches!((open, ch), (b'(', b')') | (b'[', b']') | (b'{', b'}')) {
                    return fail(
                        self,
                        format!(
                            "f-string: closing parenthesis '{}' does not match opening parenthesis '{}'",
                            ch as char, open as char
                        ),
                    );
                }
            }
            *at += 1;
        }
        let expr_end = *at;
        if quote != 0 {
            return fail(self, "f-string: unterminated string".into());
        }
        if depth > 0 {
            return fail(self, format!("f-string: unmatched '{}'", brackets[depth - 1] as char));
        }
        if *at >= end {
            return fail(self, "f-string: expecting '}'".into());
        }
        if src[expr_start..expr_end].bytes().all(|c| matches!(c, b' ' | b'\t' | b'\n' | b'\x0c')) {
            let stop = b[expr_end];
            if matches!(stop, b'!' | b':' | b'=') {
                return fail(self, format!("f-string: expression required before '{}'", stop as char));
            }
            return fail(self, "f-string: empty expression not allowed".into());
        }
        let value = self.fstring_expression(tok, expr_start, expr_end)?;

        let mut debug_text = None;
        if b[*at] == b'=' {
            *at += 1;
            // Python's `str.isspace` for ASCII: blanks, line ends, \v and \f.
            while *at < end && matches!(b[*at], b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c) {
                *at += 1;
            }
            debug_text = Some(&src[expr_start..*at]);
        }
        let mut conversion = None;
        if *at < end && b[*at] == b'!' {
            *at += 1;
            if *at >= end {
                return fail(self, "f-string: expecting '}'".into());
            }
            let c = b[*at];
            *at += 1;
            if !matches!(c, b's' | b'r' | b'a') {
                return fail(
                    self,
                    "f-string: invalid conversion character: expected 's', 'r', or 'a'".into(),
                );
            }
            conversion = Some(c as char);
        }
        if *at >= end {
            return fail(self, "f-string: expecting '}'".into());
        }
        let mut format_spec = None;
        if b[*at] == b':' {
            *at += 1;
            if *at >= end {
                return fail(self, "f-string: expecting '}'".into());
            }
            let mut spec = Joined { text: BString::new_in(self.bump), parts: self.vec(), format: false };
            self.fstring(&mut spec, at, end, raw, level + 1, tok, group)?;
            // CPython gives the literal that ends a format spec the place of its token.
            self.flush_literal(&mut spec, self.loc(tok));
            let spec = self.expr(ExprKind::JoinedStr(self.alloc_list(spec.parts)), self.loc(tok));
            format_spec = Some(self.alloc(spec));
        }
        if *at >= end || b[*at] != b'}' {
            return fail(self, "f-string: expecting '}'".into());
        }
        *at += 1;
        if debug_text.is_some() && format_spec.is_none() && conversion.is_none() {
            conversion = Some('r');
        }
        let kind = ExprKind::FormattedValue { value: self.alloc(value), conversion, format_spec };
        Ok((debug_text, self.expr(kind, group)))
    }

    /// Parse the expression of a replacement field, bytes `start..end` of the source in
    /// token `tok`, as CPython does: `(` + text + `)` with a parser of its own, whose nodes
    /// get the positions of the text in the file.
    fn fstring_expression(&mut self, tok: usize, start: usize, end: usize) -> PResult<Expr<'a>> {
        let (line, col) = self.position_of(tok, start);
        let text = &self.src[start..end];
        let mut wrapped = BString::with_capacity_in(text.len() + 2, self.bump);
        wrapped.push('(');
        wrapped.push_str(text);
        wrapped.push(')');
        let wrapped: &'a str = wrapped.into_bump_str();

        let mut lexed = lexer::lex(wrapped, self.filename);
        // Tokens on the text's first line sit after the `{` (which the `(` replaces); the
        // lines are the file's.
        let shift_line = |l: &mut u32| *l += line - 1;
        for t in &mut lexed.tokens {
            if t.loc.lineno == 1 {
                t.loc.col = (t.loc.col + col).saturating_sub(1);
            }
            if t.loc.end_lineno == 1 {
                t.loc.end_col = (t.loc.end_col + col).saturating_sub(1);
            }
            shift_line(&mut t.loc.lineno);
            shift_line(&mut t.loc.end_lineno);
        }
        if let Some(e) = &mut lexed.error {
            shift_line(&mut e.error.lineno);
            shift_line(&mut e.error.end_lineno);
            if let Some(u) = &mut e.unclosed {
                shift_line(&mut u.lineno);
                shift_line(&mut u.end_lineno);
            }
        }
        // CPython's `starting_col_offset`: the column of the `{`, unless only blanks follow
        // it on its line.
        let after_brace = &text[..text.find('\n').unwrap_or(text.len())];
        let newline_after_brace =
            text.contains('\n') && after_brace.bytes().all(|c| matches!(c, b' ' | b'\t' | b'\x0c'));
        let col_shift = if newline_after_brace { 0 } else { col as i64 - 1 };

        let mut sub = Parser::new(self.bump, wrapped, self.filename, lexed.tokens, lexed.error.is_some());
        sub.fstring = Some(FStringExpr { col_shift, first_line: line });
        sub.scope = self.scope;
        sub.depth = self.depth;
        sub.stack_base = self.stack_base;
        let result = sub.star_expressions();
        let compile_error = sub.compile_error.take();
        match sub.finish(result, lexed.error) {
            Ok(e) => {
                if let Some(ce) = compile_error {
                    self.compile_time_error(ce);
                }
                Ok(e)
            }
            Err(err) => Err(Box::new(PErr { err, pass: super::Pass::First, generic: false })),
        }
    }

    /// The line and byte column in the file of byte `at`, which is inside token `tok`.
    fn position_of(&self, tok: usize, at: usize) -> (u32, u32) {
        let t = self.toks[tok];
        let inside = &self.src[t.start as usize..at];
        match inside.rfind('\n') {
            None => (t.loc.lineno, t.loc.col + inside.len() as u32),
            Some(nl) => {
                let lines = inside.bytes().filter(|&c| c == b'\n').count() as u32;
                (t.loc.lineno + lines, (inside.len() - nl - 1) as u32)
            }
        }
    }
}
