//! The tokenizer: source text to the tokens the parser reads, as CPython 3.11's tokenizer
//! makes them for its parser (no NL or COMMENT tokens), with its errors at its positions.
//!
//! It works on bytes and follows CPython's `tok_get` closely, because the error positions
//! CPython reports fall out of where its cursor happens to be: an error "at the cursor" has
//! the 1-based offset of the character just before the cursor.
//!
//! CPython's tokenizer is lazy: the parser pulls tokens and may fail before the tokenizer
//! reaches a bad spot. [`lex`] returns the tokens up to the first error and says how CPython
//! would let that error compete with a parser error ([`Reported`]); [`tokenize`] just fails.
//!
//! Offsets of the errors CPython raises through its parser (indentation, line continuation,
//! unclosed brackets) are byte offsets, as CPython gives them for a file without a coding
//! cookie; the others count characters.
//!
//! The source should have `\n` line ends ([`decode_source`] and [`normalize_newlines`] see to
//! it); `\r\n` and `\r` are understood too, but string literals then keep them.
//!
//! CPython NFKC-normalizes non-ASCII identifiers; this lexer leaves that to the parser, and
//! checks XID_Start / XID_Continue on the text as written, as CPython does.

mod decode;
mod tables;

pub use decode::{decode_source, normalize_newlines};

use crate::ast::Loc;
use crate::error::{ErrorKind, SyntaxError};
use crate::token::{Op, Tok, Token};

/// CPython's `MAXINDENT`: at most 99 indentation levels.
const MAX_INDENT: usize = 100;
/// CPython's `MAXLEVEL`: at most 200 open brackets.
const MAX_LEVEL: usize = 200;
const TAB_SIZE: u32 = 8;
const LEADING_ZEROS: &str =
    "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers";
/// What the cursor reads past the end. A NUL byte is never read as text: its line is an error
/// as soon as the lexer enters it.
const EOF: u8 = 0;

/// Tokenize a whole source file.
pub fn tokenize(source: &str, filename: &str) -> Result<Vec<Token>, SyntaxError> {
    let lexed = lex(source, filename);
    match lexed.error {
        Some(e) => Err(e.error),
        None => Ok(lexed.tokens),
    }
}

/// Tokenize as far as the first error, for a parser that reports errors in CPython's order.
pub fn lex(source: &str, filename: &str) -> Lexed {
    let mut lexer = Lexer::new(source, filename);
    let error = lexer.run().err().map(|e| *e);
    Lexed { tokens: lexer.tokens, error, warnings: lexer.warnings }
}

/// What [`lex`] found: every token (ending with `EndMarker`), or the tokens CPython's tokenizer
/// hands its parser before the error token, and the error.
#[derive(Clone, Debug)]
pub struct Lexed {
    pub tokens: Vec<Token>,
    pub error: Option<LexError>,
    /// The SyntaxWarnings CPython's tokenizer issues, in order (it issues them all, even after
    /// a parser error, since it then tokenizes the rest of the file).
    pub warnings: Vec<LexWarning>,
}

/// A SyntaxWarning: `python3` prints it as `{filename}:{lineno}: SyntaxWarning: {msg}` and
/// the stripped source line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LexWarning {
    pub msg: String,
    pub lineno: u32,
}

/// A tokenizer error, and how CPython ranks it against a parser error.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LexError {
    pub error: SyntaxError,
    pub reported: Reported,
    /// For a [`Reported::WhenReached`] error found inside brackets: the error CPython gives
    /// for the innermost open bracket ("'(' was never closed"). CPython reports it instead of
    /// a parser error on a later line than the bracket (see [`Reported`]).
    pub unclosed: Option<SyntaxError>,
}

/// When CPython reports a tokenizer error. Either way the parser reports this error if it asks
/// for the token at `tokens.len()`. If the parser fails first, with a SyntaxError at line L:
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reported {
    /// The tokenizer raised it (bad literal, bad character, bracket mismatch, NUL byte):
    /// CPython tokenizes the rest of the file after a parser error and this error replaces
    /// the parser's. (Not after "unexpected indent" / "unexpected unindent", which CPython
    /// raises without that look.)
    Always,
    /// The tokenizer only returned an error token (indentation, line continuation, end of
    /// file inside brackets or after a backslash): the parser's error stands, except that
    /// `unclosed` replaces it when the bracket's line is before L.
    WhenReached,
}

struct Lexer<'s> {
    text: &'s str,
    src: &'s [u8],
    filename: &'s str,
    /// The cursor.
    pos: usize,
    /// The current line, 1-based, and the byte where it starts.
    line: u32,
    line_start: usize,
    /// Where CPython's line buffer (`tok->buf`) starts: the line buffer is only restarted when
    /// a line is read between tokens, not after a backslash or inside a string, and the
    /// "unexpected character after line continuation character" offset counts from it.
    buf_start: usize,
    /// The first NUL byte, and the start of its line (`usize::MAX` without one).
    first_nul: usize,
    nul_line: usize,
    /// Whether the line being tokenized is the empty one at the end of the file.
    at_eof_line: bool,
    /// The indentation stack: columns with tabs to multiples of 8, and with tabs as 1 (the
    /// two must agree on every comparison, or it is a TabError).
    indents: [(u32, u32); MAX_INDENT],
    depth: usize,
    brackets: [Bracket; MAX_LEVEL],
    level: usize,
    tokens: Vec<Token>,
    warnings: Vec<LexWarning>,
}

#[derive(Clone, Copy, Default)]
struct Bracket {
    char: u8,
    line: u32,
    line_start: u32,
    col: u32,
}

fn is_potential_identifier_char(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_' || c >= 0x80
}

impl<'s> Lexer<'s> {
    fn new(text: &'s str, filename: &'s str) -> Self {
        let src = text.as_bytes();
        let first_nul = text.find('\0').unwrap_or(usize::MAX);
        let nul_line = if first_nul == usize::MAX {
            usize::MAX
        } else {
            src[..first_nul].iter().rposition(|&c| c == b'\n' || c == b'\r').map_or(0, |i| i + 1)
        };
        Lexer {
            text,
            src,
            filename,
            pos: 0,
            line: 1,
            line_start: 0,
            buf_start: 0,
            first_nul,
            nul_line,
            at_eof_line: false,
            indents: [(0, 0); MAX_INDENT],
            depth: 0,
            brackets: [Bracket::default(); MAX_LEVEL],
            level: 0,
            // Python runs at about 7 bytes a token.
            tokens: Vec::with_capacity(src.len() / 6 + 16),
            warnings: Vec::new(),
        }
    }

    fn at(&self, i: usize) -> u8 {
        self.src.get(i).copied().unwrap_or(EOF)
    }

    fn peek(&self) -> u8 {
        self.at(self.pos)
    }

    fn at_end(&self) -> bool {
        self.pos >= self.src.len()
    }

    /// CPython's `tok_nextc`: the byte at the cursor, which moves past it (not past the end).
    fn nextc(&mut self) -> u8 {
        let c = self.peek();
        if self.pos < self.src.len() {
            self.pos += 1;
        }
        c
    }

    /// CPython's `tok_backup`: undo the `nextc` that returned `c`.
    fn backup(&mut self, c: u8) {
        if c != EOF {
            self.pos = self.pos.saturating_sub(1);
        }
    }

    /// The length of the line end at byte `i`: 1 for `\n` or `\r`, 2 for `\r\n`, else 0.
    fn newline_len(&self, i: usize) -> usize {
        match self.at(i) {
            b'\n' => 1,
            b'\r' if self.at(i + 1) == b'\n' => 2,
            b'\r' => 1,
            _ => 0,
        }
    }

    /// Move to the line starting at byte `next`. CPython refuses a line with a NUL byte as it
    /// reads it.
    fn enter_line(&mut self, next: usize, restart_buffer: bool) -> Result<(), Box<LexError>> {
        self.line += 1;
        self.line_start = next;
        self.pos = next;
        if restart_buffer {
            self.buf_start = next;
        }
        if next == self.nul_line {
            return Err(self.nul_error());
        }
        Ok(())
    }

    /// The line CPython's tokenizer is on at the end of the file: the last line that has any
    /// text (a final newline does not start another).
    fn eof_lineno(&self) -> u32 {
        if self.line_start >= self.src.len() {
            self.line - 1
        } else {
            self.line
        }
    }

    fn run(&mut self) -> Result<(), Box<LexError>> {
        if self.src.len() >= u32::MAX as usize {
            let mut error = self.error(ErrorKind::MemoryError, "", 0, 0, 0, 0);
            error.text = None;
            return Err(Box::new(LexError { error, reported: Reported::Always, unclosed: None }));
        }
        if self.nul_line == 0 {
            return Err(self.nul_error());
        }
        let mut at_line_start = true;
        // A line of only blanks and comments: no NEWLINE, no indentation change.
        let mut blank = false;
        loop {
            if at_line_start {
                at_line_start = false;
                blank = self.indentation()?;
            }
            while matches!(self.peek(), b' ' | b'\t' | b'\x0c') {
                self.pos += 1;
            }
            let start = self.pos;
            if self.peek() == b'#' {
                while !matches!(self.peek(), b'\n' | b'\r') && !self.at_end() {
                    self.pos += 1;
                }
            }
            if self.at_end() {
                if self.level > 0 {
                    return Err(self.unclosed_at_eof());
                }
                if !self.at_eof_line {
                    // CPython ends an unterminated last line with a newline of its own.
                    if !blank {
                        self.push_newline(start, self.pos);
                    }
                    at_line_start = true;
                    continue;
                }
                let line = self.eof_lineno();
                let end = self.src.len() as u32;
                self.tokens.push(Token {
                    kind: Tok::EndMarker,
                    start: end,
                    end,
                    loc: Loc { lineno: line, col: 0, end_lineno: line, end_col: 0 },
                });
                return Ok(());
            }
            let newline = self.newline_len(self.pos);
            if newline > 0 {
                if !blank && self.level == 0 {
                    self.push_newline(start, self.pos);
                }
                self.enter_line(self.pos + newline, true)?;
                at_line_start = true;
                continue;
            }
            self.token(start)?;
        }
    }

    /// CPython's start-of-line work: measure the indentation, and unless the line is blank or
    /// inside brackets, emit INDENT / DEDENT tokens. Returns whether the line is blank.
    fn indentation(&mut self) -> Result<bool, Box<LexError>> {
        let (mut col, mut altcol) = (0u32, 0u32);
        // Indentation cannot be split by backslashes: the first backslash's column counts
        // (CPython's `cont_line_col`, a column of 0 included in its quirks).
        let mut cont_col = 0u32;
        loop {
            match self.peek() {
                b' ' => {
                    let rest = &self.src[self.pos..];
                    let spaces = rest.iter().position(|&c| c != b' ').unwrap_or(rest.len());
                    col = col.saturating_add(spaces as u32);
                    altcol = altcol.saturating_add(spaces as u32);
                    self.pos += spaces;
                    continue;
                }
                b'\t' => {
                    col = (col / TAB_SIZE).saturating_add(1).saturating_mul(TAB_SIZE);
                    altcol = altcol.saturating_add(1);
                }
                b'\x0c' => (col, altcol) = (0, 0),
                b'\\' => {
                    if cont_col == 0 {
                        cont_col = col;
                    }
                    self.continuation(true)?;
                    continue;
                }
                _ => break,
            }
            self.pos += 1;
        }
        if self.at_end() {
            // The end of the file is an empty line: it closes every indented block.
            self.at_eof_line = true;
            (col, altcol, cont_col) = (0, 0, 0);
        }
        let blank = matches!(self.peek(), b'#' | b'\n' | b'\r');
        if blank || self.level > 0 {
            return Ok(blank);
        }
        if cont_col != 0 {
            (col, altcol) = (cont_col, cont_col);
        }
        let (top, top_alt) = self.indents[self.depth];
        if col == top {
            if altcol != top_alt {
                return Err(self.tab_error());
            }
        } else if col > top {
            if self.depth + 1 >= MAX_INDENT {
                return Err(
                    self.indentation_error(ErrorKind::IndentationError, "too many levels of indentation")
                );
            }
            if altcol <= top_alt {
                return Err(self.tab_error());
            }
            self.depth += 1;
            self.indents[self.depth] = (col, altcol);
            self.push_indentation(Tok::Indent);
        } else {
            let mut depth = self.depth;
            while depth > 0 && col < self.indents[depth].0 {
                depth -= 1;
            }
            if col != self.indents[depth].0 {
                // CPython points past the end of the line (its cursor jumps there).
                let end = self.line_end(self.line_start);
                let offset = (end - self.line_start + 1) as u32;
                let error = self.error(
                    ErrorKind::IndentationError,
                    "unindent does not match any outer indentation level",
                    self.line,
                    self.line_start,
                    offset,
                    0,
                );
                return Err(self.when_reached(error));
            }
            if altcol != self.indents[depth].1 {
                return Err(self.tab_error());
            }
            for _ in depth..self.depth {
                self.push_indentation(Tok::Dedent);
            }
            self.depth = depth;
        }
        Ok(false)
    }

    fn tab_error(&self) -> Box<LexError> {
        self.indentation_error(ErrorKind::TabError, "inconsistent use of tabs and spaces in indentation")
    }

    fn indentation_error(&self, kind: ErrorKind, msg: &str) -> Box<LexError> {
        self.when_reached(self.error(kind, msg, self.line, self.line_start, 1, 0))
    }

    /// A backslash at the cursor joins the next line to this one.
    fn continuation(&mut self, at_line_start: bool) -> Result<(), Box<LexError>> {
        let (line, line_start) = (self.line, self.line_start);
        let after = self.pos + 1;
        let newline = self.newline_len(after);
        if newline == 0 && after < self.src.len() {
            // CPython's offset counts bytes from its line buffer to just past the character
            // after the backslash (with its `\r\n`s read as `\n`).
            let crlf = self.src[self.buf_start..after].windows(2).filter(|w| w == b"\r\n").count();
            let offset = (after + 1 - self.buf_start - crlf) as u32;
            let msg = "unexpected character after line continuation character";
            let error = self.error(ErrorKind::SyntaxError, msg, line, line_start, offset, 0);
            return Err(self.when_reached(error));
        }
        if newline > 0 {
            // Between tokens CPython restarts its line buffer; within a line it extends it.
            self.enter_line(after + newline, at_line_start)?;
        } else {
            self.pos = after;
        }
        if self.at_end() {
            if self.level > 0 {
                return Err(self.unclosed_at_eof());
            }
            // CPython's cursor is at the end of the backslash's line and its newline; at the
            // start of a line, its emptied buffer gives 0.
            let offset = if at_line_start { 0 } else { (after - line_start + 1) as u32 };
            let msg = "unexpected EOF while parsing";
            let error = self.error(ErrorKind::SyntaxError, msg, line, line_start, offset, 0);
            return Err(self.when_reached(error));
        }
        Ok(())
    }

    /// One token starting at `start`, which is not blank, a comment, a line end or the end.
    fn token(&mut self, start: usize) -> Result<(), Box<LexError>> {
        let c = self.src[start];
        match c {
            b'a'..=b'z' | b'A'..=b'Z' | b'_' | 0x80..=0xFF => return self.name_or_string(start),
            b'0'..=b'9' => return self.number(start),
            b'"' | b'\'' => return self.string(start, start),
            b'\\' => return self.continuation(false),
            b'.' if self.at(start + 1).is_ascii_digit() => {
                self.pos = start + 2;
                return self.fraction(start, self.src[start + 1]);
            }
            b'(' | b'[' | b'{' => {
                if self.level >= MAX_LEVEL {
                    return Err(self.cursor_error(start + 1, "too many nested parentheses"));
                }
                self.brackets[self.level] = Bracket {
                    char: c,
                    line: self.line,
                    line_start: self.line_start as u32,
                    col: (start - self.line_start) as u32,
                };
                self.level += 1;
            }
            b')' | b']' | b'}' => {
                if self.level == 0 {
                    return Err(self.cursor_error(start + 1, format!("unmatched '{}'", c as char)));
                }
                self.level -= 1;
                let open = self.brackets[self.level];
                if !matches!((open.char, c), (b'(', b')') | (b'[', b']') | (b'{', b'}')) {
                    let (close, open_char) = (c as char, open.char as char);
                    let msg = if open.line != self.line {
                        format!(
                            "closing parenthesis '{close}' does not match opening parenthesis '{open_char}' \
                             on line {}",
                            open.line
                        )
                    } else {
                        format!(
                            "closing parenthesis '{close}' does not match opening parenthesis '{open_char}'"
                        )
                    };
                    return Err(self.cursor_error(start + 1, msg));
                }
            }
            b'$' | b'?' | b'`' => {
                self.pos = start + 1;
                self.push(Tok::Unknown, start, self.pos);
                return Ok(());
            }
            b'<' if self.at(start + 1) == b'>' => {
                self.pos = start + 2;
                self.push(Tok::Unknown, start, self.pos);
                return Ok(());
            }
            0..=0x1F | 0x7F => {
                let msg = format!("invalid non-printable character U+{:04X}", c);
                return Err(self.cursor_error(start + 1, msg));
            }
            _ => {}
        }
        let (op, len) = operator(c, self.at(start + 1), self.at(start + 2));
        self.pos = start + len;
        self.push(Tok::Op(op), start, self.pos);
        Ok(())
    }

    /// A name, or a string literal with a prefix.
    fn name_or_string(&mut self, start: usize) -> Result<(), Box<LexError>> {
        // The legal prefixes: b r u f in any case, each once; u alone; b and f not together.
        let (mut b, mut r, mut u, mut f) = (false, false, false, false);
        let mut end = start;
        loop {
            match self.at(end) {
                b'b' | b'B' if !(b || u || f) => b = true,
                b'u' | b'U' if !(b || u || r || f) => u = true,
                b'r' | b'R' if !(r || u) => r = true,
                b'f' | b'F' if !(f || b || u) => f = true,
                _ => break,
            }
            end += 1;
            if matches!(self.at(end), b'"' | b'\'') {
                return self.string(start, end);
            }
        }
        let rest = &self.src[end..];
        let len = rest.iter().position(|&c| !is_potential_identifier_char(c)).unwrap_or(rest.len());
        let ascii = rest[..len].is_ascii();
        end += len;
        if !ascii {
            self.check_identifier(start, end)?;
        }
        self.pos = end;
        self.push(Tok::Name, start, end);
        Ok(())
    }

    /// CPython's `verify_identifier`: XID_Start (or `_`) then XID_Continue, or an error at
    /// the first character that is neither.
    fn check_identifier(&self, start: usize, end: usize) -> Result<(), Box<LexError>> {
        let Some(name) = self.text.get(start..end) else { return Ok(()) };
        for (i, ch) in name.char_indices() {
            let ok = if i == 0 { ch == '_' || is_xid_start(ch) } else { is_xid_continue(ch) };
            if !ok {
                let code = ch as u32;
                let msg = if is_printable(ch) {
                    format!("invalid character '{ch}' (U+{code:04X})")
                } else {
                    format!("invalid non-printable character U+{code:04X}")
                };
                return Err(self.cursor_error(start + i + ch.len_utf8(), msg));
            }
        }
        Ok(())
    }

    /// A string literal whose prefix starts at `start` and whose opening quote is at `quote_at`.
    fn string(&mut self, start: usize, quote_at: usize) -> Result<(), Box<LexError>> {
        let quote = self.src[quote_at];
        let (first_line, first_line_start) = (self.line, self.line_start);
        let mut p = quote_at + 1;
        let triple = self.at(p) == quote && self.at(p + 1) == quote;
        if triple {
            p += 2;
        } else if self.at(p) == quote {
            p += 1;
            self.pos = p;
            self.push(Tok::String, start, p);
            return Ok(());
        }
        loop {
            let rest = self.src.get(p..).unwrap_or_default();
            p += rest
                .iter()
                .position(|&c| c == quote || c == b'\\' || c == b'\n' || c == b'\r')
                .unwrap_or(rest.len());
            let Some(&c) = self.src.get(p) else {
                let detected = self.eof_lineno();
                return Err(self.unterminated_string(start, triple, first_line, first_line_start, detected));
            };
            match c {
                b'\\' => {
                    // The escaped character is skipped, a line end included.
                    p += 1;
                    let newline = self.newline_len(p);
                    if newline > 0 {
                        self.enter_line(p + newline, false)?;
                        p = self.pos;
                    } else if p < self.src.len() {
                        p += 1;
                    }
                }
                b'\n' | b'\r' => {
                    if !triple {
                        let detected = self.line;
                        return Err(self.unterminated_string(
                            start,
                            triple,
                            first_line,
                            first_line_start,
                            detected,
                        ));
                    }
                    self.enter_line(p + self.newline_len(p), false)?;
                    p = self.pos;
                }
                _ => {
                    if !triple {
                        p += 1;
                        break;
                    }
                    if self.at(p + 1) == quote && self.at(p + 2) == quote {
                        p += 3;
                        break;
                    }
                    p += 1;
                }
            }
        }
        self.pos = p;
        self.tokens.push(Token {
            kind: Tok::String,
            start: start as u32,
            end: p as u32,
            loc: Loc {
                lineno: first_line,
                col: (start - first_line_start) as u32,
                end_lineno: self.line,
                end_col: (p - self.line_start) as u32,
            },
        });
        Ok(())
    }

    fn unterminated_string(
        &self,
        start: usize,
        triple: bool,
        line: u32,
        line_start: usize,
        detected: u32,
    ) -> Box<LexError> {
        let msg = if triple {
            format!("unterminated triple-quoted string literal (detected at line {detected})")
        } else {
            format!("unterminated string literal (detected at line {detected})")
        };
        // CPython moves its cursor back to just after the string's first character.
        let offset = self.chars(line_start, start + 1);
        self.always(self.error(ErrorKind::SyntaxError, msg, line, line_start, offset, offset))
    }

    /// A number starting with a digit at `start`.
    fn number(&mut self, start: usize) -> Result<(), Box<LexError>> {
        self.pos = start + 1;
        if self.src[start] != b'0' {
            let c = self.decimal_tail()?;
            if c == b'.' {
                let c = self.nextc();
                return self.fraction(start, c);
            }
            return self.exponent_or_imaginary(start, c);
        }
        let mut c = self.nextc();
        match c {
            b'x' | b'X' => c = self.radix_digits(|c| c.is_ascii_hexdigit(), "hexadecimal", false)?,
            b'o' | b'O' => c = self.radix_digits(|c| matches!(c, b'0'..=b'7'), "octal", true)?,
            b'b' | b'B' => c = self.radix_digits(|c| matches!(c, b'0' | b'1'), "binary", true)?,
            _ => {
                // Zeros, maybe then the digits of what would be an old-style octal literal,
                // unless a fraction, an exponent or a `j` follows.
                loop {
                    if c == b'_' {
                        c = self.nextc();
                        if !c.is_ascii_digit() {
                            self.backup(c);
                            return Err(self.cursor_error(self.pos, "invalid decimal literal"));
                        }
                    }
                    if c != b'0' {
                        break;
                    }
                    c = self.nextc();
                }
                let zeros_end = self.pos;
                let nonzero = c.is_ascii_digit();
                if nonzero {
                    c = self.decimal_tail()?;
                }
                match c {
                    b'.' => {
                        let c = self.nextc();
                        return self.fraction(start, c);
                    }
                    b'e' | b'E' => return self.exponent(start, c),
                    b'j' | b'J' => return self.imaginary(start),
                    _ => {}
                }
                if nonzero {
                    self.backup(c);
                    // CPython gives this range in bytes.
                    let offset = (start + 1 - self.line_start) as u32;
                    let end_offset = (zeros_end - self.line_start) as u32;
                    let error = self.error(
                        ErrorKind::SyntaxError,
                        LEADING_ZEROS,
                        self.line,
                        self.line_start,
                        offset,
                        end_offset,
                    );
                    return Err(self.always(error));
                }
                self.verify_end_of_number(c, "decimal")?;
            }
        }
        self.finish_number(start, c);
        Ok(())
    }

    /// The digits after `0x`, `0o` or `0b`, single underscores allowed between them. Returns
    /// the byte after them, read.
    fn radix_digits(
        &mut self,
        is_digit: fn(u8) -> bool,
        kind: &str,
        digit_errors: bool,
    ) -> Result<u8, Box<LexError>> {
        let mut c = self.nextc();
        loop {
            if c == b'_' {
                c = self.nextc();
            }
            if !is_digit(c) {
                if digit_errors && c.is_ascii_digit() {
                    return Err(self.invalid_digit(c, kind));
                }
                self.backup(c);
                return Err(self.cursor_error(self.pos, format!("invalid {kind} literal")));
            }
            loop {
                c = self.nextc();
                if !is_digit(c) {
                    break;
                }
            }
            if c != b'_' {
                break;
            }
        }
        if digit_errors && c.is_ascii_digit() {
            return Err(self.invalid_digit(c, kind));
        }
        self.verify_end_of_number(c, kind)?;
        Ok(c)
    }

    fn invalid_digit(&self, c: u8, kind: &str) -> Box<LexError> {
        self.cursor_error(self.pos, format!("invalid digit '{}' in {kind} literal", c as char))
    }

    /// Decimal digits with single underscores between them, after a first digit already read.
    /// Returns the byte after them, read.
    fn decimal_tail(&mut self) -> Result<u8, Box<LexError>> {
        loop {
            let mut c;
            loop {
                c = self.nextc();
                if !c.is_ascii_digit() {
                    break;
                }
            }
            if c != b'_' {
                return Ok(c);
            }
            c = self.nextc();
            if !c.is_ascii_digit() {
                self.backup(c);
                return Err(self.cursor_error(self.pos, "invalid decimal literal"));
            }
        }
    }

    /// After a decimal point; `c` is the byte after it, read.
    fn fraction(&mut self, start: usize, mut c: u8) -> Result<(), Box<LexError>> {
        if c.is_ascii_digit() {
            c = self.decimal_tail()?;
        }
        self.exponent_or_imaginary(start, c)
    }

    fn exponent_or_imaginary(&mut self, start: usize, c: u8) -> Result<(), Box<LexError>> {
        match c {
            b'e' | b'E' => self.exponent(start, c),
            b'j' | b'J' => self.imaginary(start),
            _ => {
                self.verify_end_of_number(c, "decimal")?;
                self.finish_number(start, c);
                Ok(())
            }
        }
    }

    /// After an `e` or `E`, read.
    fn exponent(&mut self, start: usize, e: u8) -> Result<(), Box<LexError>> {
        let mut c = self.nextc();
        if c == b'+' || c == b'-' {
            c = self.nextc();
            if !c.is_ascii_digit() {
                self.backup(c);
                return Err(self.cursor_error(self.pos, "invalid decimal literal"));
            }
        } else if !c.is_ascii_digit() {
            // Not an exponent after all: the number ends before the `e` (as in `1else`).
            self.backup(c);
            self.verify_end_of_number(e, "decimal")?;
            self.finish_number(start, e);
            return Ok(());
        }
        c = self.decimal_tail()?;
        if c == b'j' || c == b'J' {
            return self.imaginary(start);
        }
        self.verify_end_of_number(c, "decimal")?;
        self.finish_number(start, c);
        Ok(())
    }

    /// After a `j` or `J`, read.
    fn imaginary(&mut self, start: usize) -> Result<(), Box<LexError>> {
        let c = self.nextc();
        self.verify_end_of_number(c, "imaginary")?;
        self.finish_number(start, c);
        Ok(())
    }

    /// Give back `c`, the byte read after the number, and emit the number.
    fn finish_number(&mut self, start: usize, c: u8) {
        self.backup(c);
        self.push(Tok::Number, start, self.pos);
    }

    /// CPython's `verify_end_of_number`: `c`, just read, must not continue the number as a
    /// name would. The keywords that may follow a number (`1if x else 2`) are allowed, with a
    /// warning.
    fn verify_end_of_number(&mut self, c: u8, kind: &str) -> Result<(), Box<LexError>> {
        let keyword = match c {
            b'a' => self.lookahead(b"nd"),
            b'e' => self.lookahead(b"lse"),
            b'f' => self.lookahead(b"or"),
            b'i' => matches!(self.peek(), b'f' | b'n' | b's'),
            b'o' => self.lookahead(b"r"),
            b'n' => self.lookahead(b"ot"),
            _ => false,
        };
        if keyword {
            self.warnings.push(LexWarning { msg: format!("invalid {kind} literal"), lineno: self.line });
        } else if c < 0x80 && is_potential_identifier_char(c) {
            // Unlike elsewhere, a non-ASCII byte does not count as part of a name here: `1é` is
            // a number and a name, which the parser rejects.
            self.backup(c);
            return Err(self.cursor_error(self.pos, format!("invalid {kind} literal")));
        }
        Ok(())
    }

    /// Whether `rest` follows the cursor as the end of a word.
    fn lookahead(&self, rest: &[u8]) -> bool {
        self.src.get(self.pos..self.pos + rest.len()) == Some(rest)
            && !is_potential_identifier_char(self.at(self.pos + rest.len()))
    }

    fn push(&mut self, kind: Tok, start: usize, end: usize) {
        let loc = Loc {
            lineno: self.line,
            col: (start - self.line_start) as u32,
            end_lineno: self.line,
            end_col: (end - self.line_start) as u32,
        };
        self.tokens.push(Token { kind, start: start as u32, end: end as u32, loc });
    }

    /// NEWLINE spans from a trailing comment, if any, to the line end, which it excludes.
    fn push_newline(&mut self, start: usize, end: usize) {
        self.push(Tok::Newline, start, end);
    }

    /// INDENT and DEDENT sit where the line's first token starts (at the end of the file: at
    /// column 0 of the last line, where CPython reports them).
    fn push_indentation(&mut self, kind: Tok) {
        if self.at_eof_line {
            let line = self.eof_lineno();
            let end = self.src.len() as u32;
            let loc = Loc { lineno: line, col: 0, end_lineno: line, end_col: 0 };
            self.tokens.push(Token { kind, start: end, end, loc });
        } else {
            self.push(kind, self.pos, self.pos);
        }
    }

    /// The end of the text of the line starting at `line_start` (its line end excluded).
    fn line_end(&self, line_start: usize) -> usize {
        self.src[line_start.min(self.src.len())..]
            .iter()
            .position(|&c| c == b'\n' || c == b'\r')
            .map_or(self.src.len(), |i| line_start + i)
    }

    /// The number of characters in `src[from..to]`.
    fn chars(&self, from: usize, to: usize) -> u32 {
        self.src[from..to].iter().filter(|&&c| (c as i8) >= -0x40).count() as u32
    }

    /// A SyntaxError on line `lineno` (which starts at `line_start`), with CPython's 1-based
    /// `offset` and `end_offset` as given.
    fn error(
        &self,
        kind: ErrorKind,
        msg: impl Into<String>,
        lineno: u32,
        line_start: usize,
        offset: u32,
        end_offset: u32,
    ) -> SyntaxError {
        let line_start = line_start.min(self.src.len());
        let mut text = self.text.get(line_start..self.line_end(line_start)).unwrap_or_default().to_string();
        text.push('\n');
        SyntaxError {
            kind,
            msg: msg.into(),
            filename: self.filename.to_string(),
            lineno,
            offset,
            end_lineno: lineno,
            end_offset,
            text: Some(text),
        }
    }

    /// An error CPython's tokenizer raises with its cursor at byte `cursor` of the current
    /// line: the offset counts the characters before the cursor.
    fn cursor_error(&self, cursor: usize, msg: impl Into<String>) -> Box<LexError> {
        let offset = self.chars(self.line_start, cursor);
        self.always(self.error(ErrorKind::SyntaxError, msg, self.line, self.line_start, offset, offset))
    }

    fn always(&self, error: SyntaxError) -> Box<LexError> {
        Box::new(LexError { error, reported: Reported::Always, unclosed: None })
    }

    fn when_reached(&self, error: SyntaxError) -> Box<LexError> {
        let unclosed = (self.level > 0).then(|| self.unclosed_error());
        Box::new(LexError { error, reported: Reported::WhenReached, unclosed })
    }

    /// "'(' was never closed", for the innermost open bracket.
    fn unclosed_error(&self) -> SyntaxError {
        let open = self.brackets[self.level.saturating_sub(1)];
        let msg = format!("'{}' was never closed", open.char as char);
        self.error(ErrorKind::SyntaxError, msg, open.line, open.line_start as usize, open.col + 1, 0)
    }

    fn unclosed_at_eof(&self) -> Box<LexError> {
        let error = self.unclosed_error();
        Box::new(LexError { unclosed: Some(error.clone()), error, reported: Reported::WhenReached })
    }

    /// CPython refuses a line with a NUL byte, showing it up to the NUL and no column.
    fn nul_error(&self) -> Box<LexError> {
        let mut error = self.error(
            ErrorKind::SyntaxError,
            "source code cannot contain null bytes",
            self.line,
            self.line_start,
            0,
            0,
        );
        let mut text = self.text.get(self.line_start..self.first_nul).unwrap_or_default().to_string();
        text.push('\n');
        error.text = Some(text);
        self.always(error)
    }
}

/// The operator starting with `c`, then `c2`, `c3`, and its length (CPython's
/// `PyToken_OneChar` / `TwoChars` / `ThreeChars`; `.` digits, `<>` and the characters that
/// start no token are dealt with before).
fn operator(c: u8, c2: u8, c3: u8) -> (Op, usize) {
    use Op::*;
    match (c, c2, c3) {
        (b'*', b'*', b'=') => (DoubleStarEqual, 3),
        (b'/', b'/', b'=') => (DoubleSlashEqual, 3),
        (b'<', b'<', b'=') => (LeftShiftEqual, 3),
        (b'>', b'>', b'=') => (RightShiftEqual, 3),
        (b'.', b'.', b'.') => (Ellipsis, 3),
        (b'!', b'=', _) => (NotEqual, 2),
        (b'%', b'=', _) => (PercentEqual, 2),
        (b'&', b'=', _) => (AmperEqual, 2),
        (b'*', b'*', _) => (DoubleStar, 2),
        (b'*', b'=', _) => (StarEqual, 2),
        (b'+', b'=', _) => (PlusEqual, 2),
        (b'-', b'=', _) => (MinEqual, 2),
        (b'-', b'>', _) => (RArrow, 2),
        (b'/', b'/', _) => (DoubleSlash, 2),
        (b'/', b'=', _) => (SlashEqual, 2),
        (b':', b'=', _) => (ColonEqual, 2),
        (b'<', b'<', _) => (LeftShift, 2),
        (b'<', b'=', _) => (LessEqual, 2),
        (b'=', b'=', _) => (EqEqual, 2),
        (b'>', b'=', _) => (GreaterEqual, 2),
        (b'>', b'>', _) => (RightShift, 2),
        (b'@', b'=', _) => (AtEqual, 2),
        (b'^', b'=', _) => (CircumFlexEqual, 2),
        (b'|', b'=', _) => (VBarEqual, 2),
        (b'(', ..) => (LPar, 1),
        (b')', ..) => (RPar, 1),
        (b'[', ..) => (LSqb, 1),
        (b']', ..) => (RSqb, 1),
        (b'{', ..) => (LBrace, 1),
        (b'}', ..) => (RBrace, 1),
        (b':', ..) => (Colon, 1),
        (b',', ..) => (Comma, 1),
        (b';', ..) => (Semi, 1),
        (b'+', ..) => (Plus, 1),
        (b'-', ..) => (Minus, 1),
        (b'*', ..) => (Star, 1),
        (b'/', ..) => (Slash, 1),
        (b'|', ..) => (VBar, 1),
        (b'&', ..) => (Amper, 1),
        (b'<', ..) => (Less, 1),
        (b'>', ..) => (Greater, 1),
        (b'=', ..) => (Equal, 1),
        (b'.', ..) => (Dot, 1),
        (b'%', ..) => (Percent, 1),
        (b'~', ..) => (Tilde, 1),
        (b'^', ..) => (CircumFlex, 1),
        (b'@', ..) => (At, 1),
        // Only `!` is left among the printable ASCII characters.
        _ => (Exclamation, 1),
    }
}

fn in_table(table: &[u32], c: char) -> bool {
    let c = c as u32;
    // The last range whose start is <= c.
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

/// XID_Start (Unicode 14, as CPython 3.11): can begin an identifier (with `_`).
pub fn is_xid_start(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphabetic()
    } else {
        in_table(tables::XID_START, c)
    }
}

/// XID_Continue (Unicode 14, as CPython 3.11): can continue an identifier.
pub fn is_xid_continue(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric() || c == '_'
    } else {
        in_table(tables::XID_CONTINUE, c)
    }
}

/// Python's `str.isprintable()` for one character.
pub fn is_printable(c: char) -> bool {
    if c.is_ascii() {
        (' '..='~').contains(&c)
    } else {
        !in_table(tables::NON_PRINTABLE, c)
    }
}
