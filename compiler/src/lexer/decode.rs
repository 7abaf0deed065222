//! Source bytes to text, as CPython reads a file it runs: an optional UTF-8 BOM, a PEP 263
//! coding cookie on line 1 or 2, CPython's errors for what it cannot decode, and universal
//! newlines (`\r\n` and `\r` become `\n`, inside string literals too).
//!
//! CPython checks a file line by line as its tokenizer reads it, so a file with both a syntax
//! error and an undecodable line reports whichever comes first; here decoding is a pass of its
//! own and its error wins.

use std::borrow::Cow;

use super::tables::CODECS;
use crate::error::{ErrorKind, SyntaxError};
use crate::token::Tok;

/// What a coding cookie's codec lets us do with the rest of the file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Codec {
    Utf8,
    Latin1,
    Ascii,
    /// A codec we have no tables for, but which decodes ASCII as ASCII: fine for ASCII text.
    AsciiCompatible,
}

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Decode a source file's bytes as CPython does (UTF-8 with an optional BOM, or the PEP 263
/// coding cookie), with CPython's SyntaxError for undecodable input. Newlines come out
/// normalized to `\n`.
pub fn decode_source(bytes: &[u8], filename: &str) -> Result<String, SyntaxError> {
    let (bom, body) = match bytes.strip_prefix(BOM) {
        Some(rest) => (true, rest),
        None => (false, bytes),
    };
    let text = match find_cookie(body) {
        Some(cookie) => decode_with_cookie(body, &cookie, bom, filename)?,
        None if bom => decode_declared_utf8(body, filename)?,
        None => decode_undeclared(body, filename)?,
    };
    Ok(match normalize_newlines(&text) {
        Cow::Borrowed(_) => text,
        Cow::Owned(normalized) => normalized,
    })
}

/// `text` with every `\r\n` and lone `\r` turned into `\n`, as CPython's universal newline
/// reading does before tokenizing (so string literals never hold a raw `\r` from a line end).
pub fn normalize_newlines(text: &str) -> Cow<'_, str> {
    let Some(first) = text.find('\r') else { return Cow::Borrowed(text) };
    let mut out = String::with_capacity(text.len());
    out.push_str(&text[..first]);
    let mut rest = &text[first..];
    while let Some(cr) = rest.find('\r') {
        out.push_str(&rest[..cr]);
        out.push('\n');
        rest = &rest[cr + 1..];
        if let Some(after) = rest.strip_prefix('\n') {
            rest = after;
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// A coding cookie: its name as written, and where the rest of the file starts.
struct Cookie<'b> {
    name: &'b str,
    /// Byte offset in the body of the line after the cookie's line.
    rest: usize,
    /// Byte offset of the cookie's line (lines before it are plain UTF-8).
    line: usize,
}

/// The lines CPython searches for a cookie: line 1, and line 2 when line 1 is blank or a
/// comment. Lines end at `\n`, `\r\n` or `\r`.
fn find_cookie(body: &[u8]) -> Option<Cookie<'_>> {
    let mut start = 0;
    for _ in 0..2 {
        if start >= body.len() {
            return None;
        }
        let (content_end, next) = line_end(body, start);
        let content = &body[start..content_end];
        let size = content.len() + usize::from(next > content_end);
        match coding_spec(content, size) {
            Spec::Cookie(name) => return Some(Cookie { name, rest: next, line: start }),
            Spec::Code => return None,
            Spec::NoCookie => {}
        }
        start = next;
    }
    None
}

/// Where the line starting at `start` ends: the end of its content and the start of the next.
fn line_end(body: &[u8], start: usize) -> (usize, usize) {
    let mut i = start;
    while i < body.len() {
        match body[i] {
            b'\n' => return (i, i + 1),
            b'\r' => return (i, if body.get(i + 1) == Some(&b'\n') { i + 2 } else { i + 1 }),
            _ => i += 1,
        }
    }
    (i, i)
}

enum Spec<'b> {
    Cookie(&'b str),
    /// A blank or comment line without a cookie: the next line may still have one.
    NoCookie,
    /// A line with code: no cookie can follow.
    Code,
}

/// CPython's `get_coding_spec` on one line (`size` counts the line's newline as one byte):
/// a comment-only line holding `coding[:=]` followed by a name.
fn coding_spec(content: &[u8], size: usize) -> Spec<'_> {
    // The byte at `i`, the line's newline after its content, then C's terminating NUL.
    let at = |i: usize| -> u8 {
        match content.get(i) {
            Some(&c) => c,
            None if i == content.len() && size > content.len() => b'\n',
            None => 0,
        }
    };
    let is_space = |c: u8| c == b' ' || c == b'\t' || c == b'\x0c';
    let limit = size.saturating_sub(6);
    let mut i = 0;
    while i < limit {
        let c = at(i);
        if c == b'#' {
            break;
        }
        if !is_space(c) {
            return Spec::Code;
        }
        i += 1;
    }
    while i < limit {
        if content.get(i..i + 6) == Some(b"coding") && matches!(at(i + 6), b':' | b'=') {
            let mut t = i + 7;
            while matches!(at(t), b' ' | b'\t') {
                t += 1;
            }
            let begin = t;
            while matches!(at(t), b'-' | b'_' | b'.') || at(t).is_ascii_alphanumeric() {
                t += 1;
            }
            if begin < t {
                // The name is ASCII by construction.
                return Spec::Cookie(std::str::from_utf8(&content[begin..t]).unwrap_or_default());
            }
        }
        i += 1;
    }
    // No cookie: whether the line is only blanks and a comment decides if line 2 is searched.
    for &c in content {
        if c == b'#' {
            break;
        }
        if !is_space(c) {
            return Spec::Code;
        }
    }
    Spec::NoCookie
}

/// CPython's `get_normal_name`: the spellings of UTF-8 and Latin-1 it knows without asking the
/// codec registry, reduced to `utf-8` and `iso-8859-1`; any other name is kept as written.
fn normal_name(name: &str) -> Cow<'_, str> {
    let buf: String =
        name.bytes().take(12).map(|c| if c == b'_' { '-' } else { c.to_ascii_lowercase() as char }).collect();
    if buf == "utf-8" || buf.starts_with("utf-8-") {
        Cow::Borrowed("utf-8")
    } else if ["latin-1", "iso-8859-1", "iso-latin-1"].contains(&buf.as_str())
        || ["latin-1-", "iso-8859-1-", "iso-latin-1-"].iter().any(|p| buf.starts_with(p))
    {
        Cow::Borrowed("iso-8859-1")
    } else {
        Cow::Borrowed(name)
    }
}

/// The codec registry's answer for `name`: lower case, runs of punctuation squeezed to one
/// `_` as `encodings.normalize_encoding` does, then the module and alias names.
fn lookup_codec(name: &str) -> Option<Codec> {
    let mut norm = String::with_capacity(name.len());
    let mut punct = false;
    for c in name.chars() {
        if c.is_ascii_alphanumeric() || c == '.' {
            if punct && !norm.is_empty() {
                norm.push('_');
            }
            norm.push(c.to_ascii_lowercase());
            punct = false;
        } else {
            punct = true;
        }
    }
    let find = |n: &str| CODECS.binary_search_by(|(k, _)| (*k).cmp(n)).ok().map(|i| CODECS[i].1);
    find(&norm).or_else(|| find(&norm.replace('.', "_")))
}

fn bare_error(msg: String, filename: &str) -> SyntaxError {
    SyntaxError {
        kind: ErrorKind::SyntaxError,
        msg,
        filename: filename.to_string(),
        lineno: 0,
        offset: 0,
        end_lineno: 0,
        end_offset: 0,
        text: None,
    }
}

fn decode_with_cookie(
    body: &[u8],
    cookie: &Cookie<'_>,
    bom: bool,
    filename: &str,
) -> Result<String, SyntaxError> {
    let name = normal_name(cookie.name);
    if bom {
        if name != "utf-8" {
            return Err(bare_error(format!("encoding problem: {name} with BOM"), filename));
        }
        return decode_declared_utf8(body, filename);
    }
    if name == "utf-8" {
        return decode_declared_utf8(body, filename);
    }
    let problem = || bare_error(format!("encoding problem: {name}"), filename);
    let codec = lookup_codec(&name).ok_or_else(problem)?;
    // The lines before the cookie's were read as UTF-8. The cookie's line is a comment that
    // CPython never decodes: whatever its bytes, it only shows in error messages.
    let mut text = decode_undeclared(&body[..cookie.line], filename)?;
    let cookie_line = &body[cookie.line..cookie.rest];
    match decode(codec, cookie_line) {
        Some(line) => text.push_str(&line),
        None => text.push_str(&String::from_utf8_lossy(cookie_line)),
    }
    text.push_str(&decode(codec, &body[cookie.rest..]).ok_or_else(problem)?);
    Ok(text)
}

/// `bytes` decoded by `codec`, if it can.
fn decode(codec: Codec, bytes: &[u8]) -> Option<Cow<'_, str>> {
    match codec {
        Codec::Latin1 => Some(Cow::Owned(bytes.iter().map(|&b| b as char).collect())),
        Codec::Ascii | Codec::AsciiCompatible if !bytes.is_ascii() => None,
        Codec::Utf8 | Codec::Ascii | Codec::AsciiCompatible => {
            std::str::from_utf8(bytes).ok().map(Cow::Borrowed)
        }
    }
}

/// No BOM and no cookie: every line must be UTF-8.
fn decode_undeclared(body: &[u8], filename: &str) -> Result<String, SyntaxError> {
    match std::str::from_utf8(body) {
        Ok(text) => Ok(text.to_string()),
        Err(e) => {
            let at = e.valid_up_to();
            let lineno = line_of(body, at);
            Err(bare_error(
                format!(
                    "Non-UTF-8 code starting with '\\x{:02x}' in file {filename} on line {lineno}, but no \
                     encoding declared; see https://peps.python.org/pep-0263/ for details",
                    body[at]
                ),
                filename,
            ))
        }
    }
}

/// The 1-based line number of byte `at` (lines end at `\n`, `\r\n` or `\r`).
fn line_of(body: &[u8], at: usize) -> usize {
    let before = &body[..at];
    let crlf = before.windows(2).filter(|w| w == b"\r\n").count();
    1 + before.iter().filter(|&&c| c == b'\n' || c == b'\r').count() - crlf
}

/// UTF-8 declared by a BOM or a `utf-8` cookie. CPython then tokenizes the raw bytes and only
/// decodes the tokens it needs text for, so undecodable bytes in comments pass; in a string
/// or a name they are a "(unicode error)".
fn decode_declared_utf8(body: &[u8], filename: &str) -> Result<String, SyntaxError> {
    if let Ok(text) = std::str::from_utf8(body) {
        return Ok(text.to_string());
    }
    // Lex a same-length stand-in with each undecodable byte replaced by an inert ASCII letter
    // to see which tokens the bad bytes fall in.
    let bad = invalid_utf8_spans(body);
    let mut stand_in = body.to_vec();
    for &(start, len) in &bad {
        stand_in[start..start + len].fill(b'x');
    }
    let stand_in = String::from_utf8(stand_in).unwrap_or_default();
    let lexed = super::lex(&stand_in, filename);
    for &(start, _) in &bad {
        let start = start as u32;
        // NEWLINE tokens span trailing comments, which CPython never decodes.
        let found =
            lexed.tokens.iter().position(|t| t.kind != Tok::Newline && t.start <= start && start < t.end);
        let Some(i) = found else {
            if lexed.error.is_some() && lexed.tokens.last().is_none_or(|t| t.end <= start) {
                // The lexer stopped before this byte; tokenize reports why.
                break;
            }
            continue;
        };
        let token = lexed.tokens[i];
        let (reason, lineno, offset, end_offset) = if token.kind == Tok::String {
            // The parser decodes a literal once it has read the token after it (and after the
            // literals concatenated to it), and reports the error there.
            let (from, to) = string_body(body, token.start as usize, token.end as usize);
            let next = lexed.tokens[i..].iter().find(|t| t.kind != Tok::String).unwrap_or(&token);
            let (line, col, end_col) = (next.loc.lineno, next.loc.col, next.loc.end_col);
            (utf8_error_text(&body[from..to]), line, col + 1, end_col + 1)
        } else {
            let name = &body[token.start as usize..token.end as usize];
            (utf8_error_text(name), token.loc.lineno, token.loc.end_col, 0)
        };
        // CPython's offsets count the characters of the line decoded with replacement
        // characters, in as many bytes of it (UTF-8 encoded) as the byte offset says.
        let line = String::from_utf8_lossy(nth_line(body, lineno)).into_owned();
        let chars = |n: u32| {
            let n = (n as usize).min(line.len() + 1);
            line.as_bytes()[..n.min(line.len())].iter().filter(|&&c| (c as i8) >= -0x40).count() as u32
                + u32::from(n > line.len())
        };
        return Err(SyntaxError {
            kind: ErrorKind::SyntaxError,
            msg: format!("(unicode error) 'utf-8' codec can't decode {reason}"),
            filename: filename.to_string(),
            lineno,
            offset: chars(offset),
            end_lineno: lineno,
            end_offset: if end_offset == 0 { 0 } else { chars(end_offset) },
            text: Some(line + "\n"),
        });
    }
    Ok(String::from_utf8_lossy(body).into_owned())
}

/// Line `lineno` (1-based) of `body`, without its line end.
fn nth_line(body: &[u8], lineno: u32) -> &[u8] {
    let mut start = 0;
    for _ in 1..lineno {
        start = line_end(body, start).1;
    }
    &body[start.min(body.len())..line_end(body, start.min(body.len())).0]
}

/// The (start, length) of every undecodable sequence in `bytes`.
fn invalid_utf8_spans(bytes: &[u8]) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut at = 0;
    while at < bytes.len() {
        match std::str::from_utf8(&bytes[at..]) {
            Ok(_) => break,
            Err(e) => {
                let start = at + e.valid_up_to();
                let len = e.error_len().unwrap_or(bytes.len() - start);
                spans.push((start, len));
                at = start + len;
            }
        }
    }
    spans
}

/// The body of the string literal at `start..end` (prefix and quotes dropped).
fn string_body(body: &[u8], start: usize, end: usize) -> (usize, usize) {
    let tok = &body[start..end];
    let prefix = tok.iter().take_while(|c| c.is_ascii_alphabetic()).count();
    let quotes =
        if tok[prefix..].starts_with(b"\"\"\"") || tok[prefix..].starts_with(b"'''") { 3 } else { 1 };
    (start + prefix + quotes, (end - quotes).max(start + prefix + quotes))
}

/// Python's UTF-8 decode error text for `bytes`: "byte 0xff in position 0: invalid start byte".
fn utf8_error_text(bytes: &[u8]) -> String {
    let Err(e) = std::str::from_utf8(bytes) else { return "bytes: unknown error".to_string() };
    let pos = e.valid_up_to();
    let first = bytes[pos];
    let (len, reason) = match e.error_len() {
        None => (bytes.len() - pos, "unexpected end of data"),
        Some(_) if matches!(first, 0x80..=0xC1 | 0xF5..=0xFF) => (1, "invalid start byte"),
        Some(n) => (n, "invalid continuation byte"),
    };
    if len == 1 {
        format!("byte 0x{first:02x} in position {pos}: {reason}")
    } else {
        format!("bytes in position {pos}-{}: {reason}", pos + len - 1)
    }
}
