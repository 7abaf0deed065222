//! Compile-time errors: CPython's SyntaxError and its subclasses, with the fields its
//! exception carries (`msg`, `filename`, `lineno`, `offset`, `end_lineno`, `end_offset`,
//! `text`) and its report format.

use std::fmt;

/// Which SyntaxError class CPython raises.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    SyntaxError,
    IndentationError,
    TabError,
    /// Nesting too deep for the compiler's passes (CPython: "maximum recursion depth
    /// exceeded during compilation").
    RecursionError,
    /// Nesting too deep for the parser (CPython raises a bare MemoryError).
    MemoryError,
}

impl ErrorKind {
    pub fn name(self) -> &'static str {
        match self {
            ErrorKind::SyntaxError => "SyntaxError",
            ErrorKind::IndentationError => "IndentationError",
            ErrorKind::TabError => "TabError",
            ErrorKind::RecursionError => "RecursionError",
            ErrorKind::MemoryError => "MemoryError",
        }
    }
}

/// A compile-time error. Positions are CPython's: `lineno` is 1-based, `offset` and
/// `end_offset` are 1-based *character* columns (0 when unknown).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    pub kind: ErrorKind,
    pub msg: String,
    pub filename: String,
    pub lineno: u32,
    pub offset: u32,
    pub end_lineno: u32,
    pub end_offset: u32,
    /// The offending source line, with its newline, when there is one.
    pub text: Option<String>,
}

impl SyntaxError {
    /// An error at 1-based line `lineno`, 0-based *byte* columns `col..end_col` of `source`
    /// (the whole file); fills in `text` and converts the columns to CPython's 1-based
    /// character offsets.
    #[allow(clippy::too_many_arguments)]
    pub fn at(
        kind: ErrorKind,
        msg: impl Into<String>,
        filename: &str,
        source: &str,
        lineno: u32,
        col: u32,
        end_lineno: u32,
        end_col: u32,
    ) -> SyntaxError {
        let line = source_line(source, lineno);
        let end_line = if end_lineno == lineno { line } else { source_line(source, end_lineno) };
        SyntaxError {
            kind,
            msg: msg.into(),
            filename: filename.to_string(),
            lineno,
            offset: line.map_or(col + 1, |l| char_col(l, col) + 1),
            end_lineno,
            end_offset: end_line.map_or(end_col + 1, |l| char_col(l, end_col) + 1),
            text: line.map(|l| {
                let mut s = l.to_string();
                if !s.ends_with('\n') {
                    s.push('\n');
                }
                s
            }),
        }
    }

    /// As [`SyntaxError::at`], but with CPython's *byte* offsets (`col + 1`), which is what
    /// the symtable and the code generator report (only the parser converts to characters).
    pub fn at_bytes(
        kind: ErrorKind,
        msg: impl Into<String>,
        filename: &str,
        source: &str,
        loc: crate::ast::Loc,
    ) -> SyntaxError {
        let mut e =
            SyntaxError::at(kind, msg, filename, source, loc.lineno, loc.col, loc.end_lineno, loc.end_col);
        e.offset = loc.col + 1;
        e.end_offset = loc.end_col + 1;
        e
    }

    /// CPython's report of this error, as `python3 file.py` prints it on stderr (without a
    /// "Traceback" header, which CPython omits for errors found while compiling the main file).
    /// The two resource errors, and errors without a line (undecodable source), are reported
    /// as their exception line alone, as CPython does.
    pub fn report(&self) -> String {
        if matches!(self.kind, ErrorKind::RecursionError | ErrorKind::MemoryError) || self.lineno == 0 {
            return format!("{self}\n");
        }
        let mut out = format!("  File \"{}\", line {}\n", self.filename, self.lineno);
        if let Some(text) = &self.text {
            // CPython's print_exception: an error spanning lines is marked to the end of its
            // first line, and never past the end of the text (`end_offset` 0 means none).
            // An IndentationError gets one caret whatever its span.
            let line_size = text.len() as i64;
            let indentation = matches!(self.kind, ErrorKind::IndentationError | ErrorKind::TabError);
            let mut end_offset =
                if self.end_offset == 0 || indentation { -1 } else { self.end_offset as i64 };
            if self.end_lineno > self.lineno && !indentation {
                end_offset = line_size;
            }
            end_offset = end_offset.min(line_size + 1);
            out.push_str(&error_text(text, self.offset as i64, end_offset));
        }
        out.push_str(&format!("{}: {}\n", self.kind.name(), self.msg));
        out
    }
}

impl fmt::Display for SyntaxError {
    /// The exception line, `SyntaxError: msg`, as the last line of a traceback shows it.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.msg.is_empty() {
            write!(f, "{}", self.kind.name())
        } else {
            write!(f, "{}: {}", self.kind.name(), self.msg)
        }
    }
}

impl std::error::Error for SyntaxError {}

/// CPython's `print_error_text`: the source line without its indentation, then a caret line
/// under 1-based `offset` .. `end_offset`. Like CPython it counts bytes of the line, not
/// characters, and prints no caret when the offset falls in the indentation.
pub fn error_text(text: &str, offset: i64, end_offset: i64) -> String {
    let carets = if end_offset > 0 && end_offset > offset { end_offset - offset } else { 1 };
    let mut offset = offset - 1;
    let mut text = text;
    while let Some(rest) = text.strip_prefix([' ', '\t', '\x0c']) {
        text = rest;
        offset -= 1;
    }
    let mut len = text.len() as i64;
    if text.ends_with('\n') {
        len -= 1;
    }
    offset = offset.min(len);
    // Only the physical line the offset is on (a text may hold several).
    while let Some(nl) = text.find('\n') {
        let inl = nl as i64;
        if inl >= offset {
            break;
        }
        text = &text[nl + 1..];
        len -= inl + 1;
        offset -= inl + 1;
    }
    let mut out = format!("    {text}");
    if text.as_bytes().get(len.max(0) as usize) != Some(&b'\n') {
        out.push('\n');
    }
    if offset >= 0 {
        out.push_str("    ");
        out.push_str(&" ".repeat(offset as usize));
        out.push_str(&"^".repeat(carets as usize));
        out.push('\n');
    }
    out
}

/// The text of 1-based line `lineno` of `source`, with its line ending.
pub fn source_line(source: &str, lineno: u32) -> Option<&str> {
    if lineno == 0 {
        return None;
    }
    source.split_inclusive('\n').nth(lineno as usize - 1)
}

/// The character index of byte column `col` in `line`.
pub fn char_col(line: &str, col: u32) -> u32 {
    let col = (col as usize).min(line.len());
    let mut end = col;
    while !line.is_char_boundary(end) {
        end -= 1;
    }
    line[..end].chars().count() as u32 + (col - end) as u32
}
