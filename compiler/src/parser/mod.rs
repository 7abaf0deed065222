//! The parser: the lexer's tokens to the AST of [`crate::ast`], with CPython 3.11's
//! SyntaxErrors.
//!
//! A hand-written recursive-descent parser over the whole token vector. CPython's PEG parser
//! runs twice on bad input: a fast first pass, then, if it failed, a second pass in which its
//! `invalid_*` rules look for a specific message; failing that, "invalid syntax" is reported
//! at the furthest token the first pass looked at. This parser does the same:
//!
//! - where the grammar meets a shape that only an `invalid_*` rule accepts, it raises that
//!   rule's message (see `stmt.rs`, `expr.rs`, `args.rs`, `params.rs`);
//! - it counts the furthest token it has looked at (`fill`, CPython's `p->fill`), which is
//!   where generic errors and CPython's location-less `RAISE_SYNTAX_ERROR` point;
//! - errors CPython raises in its first pass (forced tokens such as `def f` without `(`,
//!   string and f-string errors, a dict entry without a colon) are final at once;
//! - for any other error it parses again from the start in a second pass, which adds the
//!   `invalid_*` rules that also match valid code (Python 2's `print x`, `match x` without a
//!   colon) or are too costly to try on every file; the first error found wins;
//! - errors CPython reports only when compiling a parsed AST (`await` outside a function,
//!   the unsupported async forms) are held back until the whole file has parsed;
//! - the lexer's own error, if any, ranks against the parser's as CPython ranks them.
//!
//! Nesting depth is counted so that no input can exhaust the native stack: too deep gives
//! CPython's bare MemoryError.

mod args;
mod dump;
mod expr;
mod number;
mod params;
mod stmt;
mod string;
mod targets;

pub use dump::dump;

use std::cell::Cell;

use bumpalo::Bump;

use crate::ast::{Expr, ExprKind, Loc, Module, Stmt, StmtKind};
use crate::error::{ErrorKind, SyntaxError};
use crate::lexer;
use crate::token::{Op, Tok, Token};
use crate::Mode;

/// Parse `source` into an AST allocated in `bump`. `Mode::Exec` parses a module;
/// `Mode::Eval` parses one expression list, returned as a module whose body is a single
/// `StmtKind::Expr`; `Mode::Single` one interactive statement (a line of simple statements
/// or one compound statement).
pub fn parse<'a>(
    bump: &'a Bump,
    source: &'a str,
    filename: &str,
    mode: Mode,
) -> Result<Module<'a>, SyntaxError> {
    let lexed = lexer::lex(source, filename);
    let implicit_newline = lexed
        .tokens
        .iter()
        .rev()
        .find(|t| t.kind == Tok::Newline)
        .filter(|t| t.end as usize >= source.len())
        .map(|t| t.loc);
    let mut p = Parser::new(bump, source, bump.alloc_str(filename), lexed.tokens, lexed.error.is_some());
    let result = p.run(|p| match mode {
        Mode::Exec => p.file(),
        Mode::Eval => p.eval(),
        Mode::Single => p.single(),
    });
    let result = p.finish(result, lexed.error);
    match mode {
        Mode::Single | Mode::Eval => result.map_err(|e| single_error(e, source, implicit_newline)),
        _ => result,
    }
}

/// In 'single' and 'eval' mode CPython's tokenizer adds no newline at the end of the input
/// (only file input gets one): an error
/// on a last line without one shows the line without it, and the generic error at the
/// missing line end is at column 0.
fn single_error(mut e: SyntaxError, source: &str, implicit_newline: Option<Loc>) -> SyntaxError {
    if source.ends_with('\n') {
        return e;
    }
    let last_line = source.split_inclusive('\n').count() as u32;
    if e.lineno == last_line {
        if let Some(t) = e.text.as_mut() {
            if t.ends_with('\n') {
                t.pop();
            }
        }
    }
    if let Some(nl) = implicit_newline {
        if e.msg == "invalid syntax" && e.lineno == nl.lineno && e.offset == nl.col + 1 {
            e.offset = 0;
            e.end_offset = 0;
        }
    }
    e
}

/// Token kinds as the parser sees them: hard keywords are told apart from names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum T {
    Name,
    Number,
    Str,
    Newline,
    Indent,
    Dedent,
    End,
    Op(Op),
    Kw(Kw),
    /// Text no rule accepts (`$`, `?`, `` ` ``, `<>`).
    Unknown,
    /// Where the lexer stopped with an error: asking for this token reports it.
    LexError,
}

/// Python 3.11's hard keywords.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kw {
    False,
    None,
    True,
    And,
    As,
    Assert,
    Async,
    Await,
    Break,
    Class,
    Continue,
    Def,
    Del,
    Elif,
    Else,
    Except,
    Finally,
    For,
    From,
    Global,
    If,
    Import,
    In,
    Is,
    Lambda,
    Nonlocal,
    Not,
    Or,
    Pass,
    Raise,
    Return,
    Try,
    While,
    With,
    Yield,
}

impl Kw {
    /// The keyword spelled `s`, if any. Called for every name token, so the first byte
    /// picks the few candidates before any text is compared.
    fn from_name(s: &str) -> Option<Kw> {
        let &[first, _, ..] = s.as_bytes() else { return None };
        if s.len() > 8 {
            return None;
        }
        Some(match first {
            b'F' if s == "False" => Kw::False,
            b'N' if s == "None" => Kw::None,
            b'T' if s == "True" => Kw::True,
            b'a' => match s {
                "and" => Kw::And,
                "as" => Kw::As,
                "assert" => Kw::Assert,
                "async" => Kw::Async,
                "await" => Kw::Await,
                _ => return None,
            },
            b'b' if s == "break" => Kw::Break,
            b'c' => match s {
                "class" => Kw::Class,
                "continue" => Kw::Continue,
                _ => return None,
            },
            b'd' => match s {
                "def" => Kw::Def,
                "del" => Kw::Del,
                _ => return None,
            },
            b'e' => match s {
                "elif" => Kw::Elif,
                "else" => Kw::Else,
                "except" => Kw::Except,
                _ => return None,
            },
            b'f' => match s {
                "finally" => Kw::Finally,
                "for" => Kw::For,
                "from" => Kw::From,
                _ => return None,
            },
            b'g' if s == "global" => Kw::Global,
            b'i' => match s {
                "if" => Kw::If,
                "import" => Kw::Import,
                "in" => Kw::In,
                "is" => Kw::Is,
                _ => return None,
            },
            b'l' if s == "lambda" => Kw::Lambda,
            b'n' => match s {
                "nonlocal" => Kw::Nonlocal,
                "not" => Kw::Not,
                _ => return None,
            },
            b'o' if s == "or" => Kw::Or,
            b'p' if s == "pass" => Kw::Pass,
            b'r' => match s {
                "raise" => Kw::Raise,
                "return" => Kw::Return,
                _ => return None,
            },
            b't' if s == "try" => Kw::Try,
            b'w' => match s {
                "while" => Kw::While,
                "with" => Kw::With,
                _ => return None,
            },
            b'y' if s == "yield" => Kw::Yield,
            _ => return None,
        })
    }
}

/// A syntax error on its way out, with which of CPython's passes would raise it.
#[derive(Debug)]
pub(crate) struct PErr {
    pub err: SyntaxError,
    pub pass: Pass,
    /// CPython's generic "invalid syntax" (or unexpected indent): no rule matched here.
    pub generic: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Pass {
    /// Raised by CPython's first pass the moment it is met (a forced token, a string that
    /// does not decode, an f-string error, too deep nesting): nothing overrides it.
    First,
    /// Found by CPython's second pass (an `invalid_*` rule) or the generic "invalid syntax":
    /// a remembered second-pass match earlier in the file wins over it.
    Second,
}

pub(crate) type PResult<T> = Result<T, Box<PErr>>;

/// What speculation must put back.
struct Saved {
    pos: usize,
    fill: usize,
    depth: u32,
    scope: Scope,
    probing: u32,
    compile_error: bool,
}

/// Where the stack stands: the address of a local of this (never inlined) function. The
/// parser compares two of them to know how much stack it has used.
#[inline(never)]
fn stack_position() -> usize {
    let marker = 0u8;
    std::hint::black_box(&marker) as *const u8 as usize
}

/// The stack the parser may use, in bytes: a thread with 2 MiB of stack keeps a margin.
const STACK_BUDGET: usize = 1_600 * 1024;

/// How deep the parser may nest, counted about as CPython counts rule invocations (its limit
/// is 6000): every recursive rule adds its weight, and past this the parse gives up with
/// CPython's bare MemoryError.
const MAX_DEPTH: u32 = 6000;

/// What kind of scope encloses the code being parsed: decides CPython's message for `await`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Scope {
    Module,
    Class,
    Function,
}

/// The part of an f-string's replacement field that a sub-parser is parsing: CPython parses
/// it as `(expression)` with a parser of its own and reports its errors with "f-string: "
/// before the message and columns relative to that text.
#[derive(Clone, Copy, Debug)]
pub(crate) struct FStringExpr {
    /// CPython's `starting_col_offset`, subtracted from the columns of error positions.
    pub col_shift: i64,
    /// The absolute line of the sub-parser's first line.
    pub first_line: u32,
}

pub(crate) struct Parser<'a> {
    pub(crate) bump: &'a Bump,
    /// The text the tokens index into: the file, or `(expression)` for an f-string field.
    pub(crate) src: &'a str,
    pub(crate) filename: &'a str,
    pub(crate) toks: Vec<Token>,
    pub(crate) kinds: Vec<T>,
    /// The bracket nesting level at each token, as CPython's tokenizer records it.
    levels: Vec<u8>,
    pub(crate) pos: usize,
    /// One past the furthest token looked at: CPython's `p->fill`.
    pub(crate) fill: Cell<usize>,
    depth: u32,
    /// Set while parsing ahead to decide something; errors then are not final.
    pub(crate) speculating: u32,
    /// Set while parsing without CPython's `invalid_*` rules.
    pub(crate) no_invalid: u32,
    /// One past the furthest token ever looked at, in either pass and by any lookahead.
    max_fill: Cell<usize>,
    /// Whether this is the second pass (see the module doc).
    pub(crate) pass2: bool,
    /// Where the stack stood when parsing started (see `deeper`).
    pub(crate) stack_base: usize,
    /// How many tokens CPython-style lookahead (probes, and the parameter error rules) has
    /// read, and how many it may: beyond that a probe fails at once. Nested error rules
    /// re-read nested text, which left unbounded is exponential (CPython memoizes).
    lookahead_steps: Cell<u64>,
    lookahead_budget: u64,
    pub(crate) probing: u32,
    /// Whether the comprehension clauses just parsed have an `async for`.
    pub(crate) clauses_async: bool,
    /// Set while parsing ahead for CPython's `invalid_legacy_expression`.
    pub(crate) in_legacy_probe: u32,
    /// The spans of `await` expressions (which the AST has no node for).
    awaits: Vec<Loc>,
    /// Whether the parser asked for the token where the lexer stopped with an error.
    hit_lex_error: Cell<bool>,
    /// The first error CPython would report when compiling the parsed AST.
    compile_error: Option<Box<PErr>>,
    pub(crate) scope: Scope,
    pub(crate) fstring: Option<FStringExpr>,
}

impl<'a> Parser<'a> {
    /// A parser over `toks`; `lex_error` says the lexer stopped with an error after them.
    pub(crate) fn new(
        bump: &'a Bump,
        src: &'a str,
        filename: &'a str,
        mut toks: Vec<Token>,
        lex_error: bool,
    ) -> Self {
        if lex_error || toks.last().map(|t| t.kind) != Some(Tok::EndMarker) {
            let end = src.len() as u32;
            let loc = toks.last().map(|t| t.loc).unwrap_or_default();
            toks.push(Token { kind: Tok::EndMarker, start: end, end, loc });
        }
        let mut kinds = Vec::with_capacity(toks.len());
        let mut levels = Vec::with_capacity(toks.len());
        let mut level: u8 = 0;
        for t in &toks {
            let kind = match t.kind {
                Tok::Name => Kw::from_name(t.text(src)).map_or(T::Name, T::Kw),
                Tok::Number => T::Number,
                Tok::String => T::Str,
                Tok::Newline => T::Newline,
                Tok::Indent => T::Indent,
                Tok::Dedent => T::Dedent,
                Tok::EndMarker => T::End,
                Tok::Unknown => T::Unknown,
                Tok::Op(op) => {
                    match op {
                        Op::LPar | Op::LSqb | Op::LBrace => level = level.saturating_add(1),
                        Op::RPar | Op::RSqb | Op::RBrace => level = level.saturating_sub(1),
                        _ => {}
                    }
                    T::Op(op)
                }
            };
            kinds.push(kind);
            levels.push(level);
        }
        if lex_error {
            if let Some(last) = kinds.last_mut() {
                *last = T::LexError;
            }
        }
        let kinds_len = kinds.len();
        Parser {
            bump,
            src,
            filename,
            toks,
            kinds,
            levels,
            pos: 0,
            fill: Cell::new(0),
            depth: 0,
            speculating: 0,
            no_invalid: 0,
            max_fill: Cell::new(0),
            pass2: false,
            in_legacy_probe: 0,
            stack_base: stack_position(),
            lookahead_steps: Cell::new(0),
            lookahead_budget: 100_000 + 64 * kinds_len as u64,
            probing: 0,
            clauses_async: false,
            awaits: Vec::new(),
            hit_lex_error: Cell::new(false),
            compile_error: None,
            scope: Scope::Module,
            fstring: None,
        }
    }

    /// Parse with `f`; if that fails with an error CPython's second pass may explain better,
    /// parse again as that pass does and keep its first specific error.
    pub(crate) fn run<R>(&mut self, f: impl Fn(&mut Self) -> PResult<R>) -> PResult<R> {
        let first = match f(self) {
            Ok(r) => return Ok(r),
            Err(e) if e.pass == Pass::First => return Err(e),
            Err(e) if self.hit_lex_error.get() => return Err(e),
            Err(e) => e,
        };
        self.pos = 0;
        self.depth = 0;
        self.scope = Scope::Module;
        self.speculating = 0;
        self.probing = 0;
        self.no_invalid = 0;
        self.pass2 = true;
        self.compile_error = None;
        let fill = self.fill.get();
        match f(self) {
            Err(e) if !e.generic => Err(e),
            _ => {
                self.fill.set(fill);
                Err(first)
            }
        }
    }

    /// The outcome of a whole parse: CPython's priorities between the errors met.
    pub(crate) fn finish<R>(
        &mut self,
        result: PResult<R>,
        lex_error: Option<lexer::LexError>,
    ) -> Result<R, SyntaxError> {
        let err = match result {
            Ok(r) => {
                if let Some(e) = lex_error {
                    return Err(e.error);
                }
                return match self.compile_error.take() {
                    Some(e) => Err(e.err),
                    None => Ok(r),
                };
            }
            Err(e) => e,
        };
        if err.err.kind == ErrorKind::MemoryError {
            return Err(err.err);
        }
        if let Some(lex) = lex_error {
            if self.hit_lex_error.get() {
                return Err(lex.error);
            }
            // CPython raises "unexpected indent" and "unindent does not match" without
            // tokenizing the rest of the file.
            let raised_at_once = err.generic && err.err.kind == ErrorKind::IndentationError;
            match lex.reported {
                lexer::Reported::Always if !raised_at_once => return Err(lex.error),
                lexer::Reported::WhenReached if !raised_at_once => {
                    let (line, ..) = self.token_position(self.max_fill.get().saturating_sub(1));
                    if let Some(unclosed) = lex.unclosed {
                        if unclosed.lineno < line {
                            return Err(unclosed);
                        }
                    }
                }
                _ => {}
            }
        }
        Err(err.err)
    }

    /// `file: [statements] ENDMARKER`
    fn file(&mut self) -> PResult<Module<'a>> {
        let mut body = self.vec();
        while !self.at(T::End) {
            self.statement(&mut body)?;
        }
        Ok(Module { body: self.alloc_list(body) })
    }

    /// `eval: expressions NEWLINE* ENDMARKER`
    fn eval(&mut self) -> PResult<Module<'a>> {
        let e = self.expressions()?;
        while self.eat(T::Newline) {}
        if !self.at(T::End) {
            return Err(self.invalid_syntax());
        }
        let loc = e.loc;
        let stmt = Stmt { loc, kind: StmtKind::Expr(self.alloc(e)) };
        Ok(Module { body: std::slice::from_ref(self.bump.alloc(stmt)) })
    }

    /// `interactive: statement_newline`, then CPython's `bad_single_statement`: nothing but
    /// blank lines and comments may follow the statement.
    fn single(&mut self) -> PResult<Module<'a>> {
        if self.at(T::End) {
            return Err(self.single_at_end());
        }
        let mut body = self.vec();
        self.statement(&mut body)?;
        let last = self.pos - 1;
        let compound = body.last().is_some_and(|s| {
            matches!(
                s.kind,
                StmtKind::FunctionDef(_)
                    | StmtKind::ClassDef(_)
                    | StmtKind::If { .. }
                    | StmtKind::While { .. }
                    | StmtKind::For { .. }
                    | StmtKind::With { .. }
                    | StmtKind::Try { .. }
            )
        });
        if compound {
            // CPython's `compound_stmt NEWLINE`, the NEWLINE being the end of the input made
            // one: a block on the header's line needs its own line end before that.
            if self.kinds[last] == T::Newline && self.toks[last].end as usize >= self.src.len() {
                return Err(self.single_at_end());
            }
            while self.eat(T::Newline) {}
            if !self.at(T::End) {
                let mut e = self.err_tok(self.pos, "invalid syntax");
                e.generic = true;
                return Err(e);
            }
        } else if !self.at(T::End) {
            // At the statement's NEWLINE (a trailing comment and the line end).
            let l = self.loc(last);
            return Err(self.error(
                ErrorKind::SyntaxError,
                "multiple statements found while compiling a single statement".into(),
                l.lineno,
                l.col as i64 + 1,
                l.lineno,
                l.end_col as i64 + 1,
            ));
        }
        Ok(Module { body: self.alloc_list(body) })
    }

    /// "invalid syntax" where the input ends without the statement CPython's interactive rule
    /// wants: at column 0 of the last line, whose text is shown as it is.
    fn single_at_end(&self) -> Box<PErr> {
        let last_line = self.src.split_inclusive('\n').next_back().unwrap_or("");
        let lineno = self.src.split_inclusive('\n').count() as u32;
        let mut e = self.error(ErrorKind::SyntaxError, "invalid syntax".into(), lineno, 0, lineno, 0);
        e.err.text = Some(last_line.to_string());
        e.generic = true;
        e
    }

    // ---- the token cursor ----

    /// The kind of token `i` (clamped to the end marker), noting that it was looked at.
    #[inline]
    pub(crate) fn look(&self, i: usize) -> T {
        let i = i.min(self.kinds.len() - 1);
        if i >= self.fill.get() {
            self.fill.set(i + 1);
        }
        if i >= self.max_fill.get() {
            self.max_fill.set(i + 1);
        }
        if self.probing > 0 {
            self.lookahead_steps.set(self.lookahead_steps.get() + 1);
        }
        let kind = self.kinds[i];
        if kind == T::LexError {
            self.hit_lex_error.set(true);
        }
        kind
    }

    #[inline]
    pub(crate) fn peek(&self) -> T {
        self.look(self.pos)
    }

    #[inline]
    pub(crate) fn peek_nth(&self, n: usize) -> T {
        self.look(self.pos + n)
    }

    #[inline]
    pub(crate) fn at(&self, t: T) -> bool {
        self.peek() == t
    }

    #[inline]
    pub(crate) fn at_op(&self, op: Op) -> bool {
        self.peek() == T::Op(op)
    }

    #[inline]
    pub(crate) fn at_kw(&self, kw: Kw) -> bool {
        self.peek() == T::Kw(kw)
    }

    /// Whether the current token is the name `word` (a soft keyword).
    pub(crate) fn at_soft(&self, word: &str) -> bool {
        self.at(T::Name) && self.text(self.pos) == word
    }

    /// Consume the current token; returns its index.
    #[inline]
    pub(crate) fn advance(&mut self) -> usize {
        let i = self.pos;
        self.look(i);
        if i + 1 < self.kinds.len() {
            self.pos += 1;
        }
        i
    }

    #[inline]
    pub(crate) fn eat(&mut self, t: T) -> bool {
        if self.at(t) {
            self.advance();
            true
        } else {
            false
        }
    }

    #[inline]
    pub(crate) fn eat_op(&mut self, op: Op) -> bool {
        self.eat(T::Op(op))
    }

    #[inline]
    pub(crate) fn eat_kw(&mut self, kw: Kw) -> bool {
        self.eat(T::Kw(kw))
    }

    /// Consume a token of kind `t` or fail with "invalid syntax".
    pub(crate) fn expect(&mut self, t: T) -> PResult<usize> {
        if self.at(t) {
            Ok(self.advance())
        } else {
            Err(self.invalid_syntax())
        }
    }

    pub(crate) fn expect_op(&mut self, op: Op) -> PResult<usize> {
        self.expect(T::Op(op))
    }

    /// CPython's forced token (`&&':'`): anything else is "expected ':'" at once.
    pub(crate) fn expect_forced(&mut self, op: Op, text: &str) -> PResult<usize> {
        if self.at_op(op) {
            Ok(self.advance())
        } else {
            Err(self.err_tok(self.pos, format!("expected '{text}'")).first_pass())
        }
    }

    #[inline]
    pub(crate) fn kind_of(&self, i: usize) -> T {
        self.kinds[i.min(self.kinds.len() - 1)]
    }

    #[inline]
    pub(crate) fn loc(&self, i: usize) -> Loc {
        self.toks[i.min(self.toks.len() - 1)].loc
    }

    /// The source text of token `i`.
    #[inline]
    pub(crate) fn text(&self, i: usize) -> &'a str {
        let t = &self.toks[i.min(self.toks.len() - 1)];
        let src: &'a str = self.src;
        src.get(t.start as usize..t.end as usize).unwrap_or("")
    }

    /// The bracket nesting level at token `i`.
    pub(crate) fn level(&self, i: usize) -> u8 {
        self.levels[i.min(self.levels.len() - 1)]
    }

    /// The span from the start of token `start` to the end of the last consumed token that
    /// is not a newline, indent or dedent (CPython's `_PyPegen_get_last_nonnwhitespace_token`).
    #[inline]
    pub(crate) fn span(&self, start: usize) -> Loc {
        let mut last = self.pos.saturating_sub(1).max(start);
        while last > start && matches!(self.kinds[last], T::Newline | T::Indent | T::Dedent | T::End) {
            last -= 1;
        }
        self.loc(start).to(self.loc(last))
    }

    // ---- building nodes ----

    #[inline]
    pub(crate) fn alloc<T>(&self, v: T) -> &'a T {
        self.bump.alloc(v)
    }

    /// A list being parsed. It grows on the heap and moves into the AST at its final length
    /// with [`Parser::alloc_list`]: grown in the bump arena instead, every outgrown buffer
    /// and the unused tail of the last would stay there.
    #[inline]
    pub(crate) fn vec<T>(&self) -> Vec<T> {
        Vec::new()
    }

    /// `items` as a slice of the AST.
    #[inline]
    pub(crate) fn alloc_list<T>(&self, items: Vec<T>) -> &'a [T] {
        self.bump.alloc_slice_fill_iter(items)
    }

    #[inline]
    pub(crate) fn expr(&self, kind: ExprKind<'a>, loc: Loc) -> Expr<'a> {
        Expr { loc, kind }
    }

    /// A name's identifier: CPython normalizes non-ASCII identifiers to NFKC.
    pub(crate) fn ident(&self, i: usize) -> &'a str {
        let s = self.text(i);
        if s.is_ascii() {
            return s;
        }
        use unicode_normalization::UnicodeNormalization;
        let normalized: String = s.nfkc().collect();
        if normalized == s {
            s
        } else {
            self.bump.alloc_str(&normalized)
        }
    }

    // ---- speculation and depth ----

    fn save(&self) -> Saved {
        Saved {
            pos: self.pos,
            fill: self.fill.get(),
            depth: self.depth,
            scope: self.scope,
            probing: self.probing,
            compile_error: self.compile_error.is_some(),
        }
    }

    fn restore(&mut self, s: Saved, fill: bool) {
        self.pos = s.pos;
        self.probing = s.probing;
        if fill {
            self.fill.set(s.fill);
        }
        self.depth = s.depth;
        self.scope = s.scope;
        if !s.compile_error {
            self.compile_error = None;
        }
    }

    /// Try an alternative: on a generic failure rewind to where it started and give `None`
    /// (the tokens it looked at still count as looked at, as CPython's do when an
    /// alternative fails); a specific error is final.
    pub(crate) fn attempt<R>(&mut self, f: impl FnOnce(&mut Self) -> PResult<R>) -> PResult<Option<R>> {
        let saved = self.save();
        self.speculating += 1;
        let r = f(self);
        self.speculating -= 1;
        match r {
            Ok(r) => Ok(Some(r)),
            Err(e) if e.generic => {
                self.restore(saved, false);
                Ok(None)
            }
            Err(e) => Err(e),
        }
    }

    /// Look ahead only, as CPython's second pass does: the position and the furthest-token
    /// mark are restored. Gives the result and where it ended, or `None` if it did not
    /// parse; a specific error met on the way is final (CPython's rules raise it as they
    /// meet it).
    pub(crate) fn probe<R>(
        &mut self,
        f: impl FnOnce(&mut Self) -> PResult<R>,
    ) -> PResult<Option<(R, usize)>> {
        if self.over_lookahead_budget() {
            return Ok(None);
        }
        let saved = self.save();
        self.speculating += 1;
        self.probing += 1;
        let r = f(self);
        self.probing -= 1;
        self.speculating -= 1;
        let end = self.pos;
        self.restore(saved, true);
        match r {
            Ok(r) => Ok(Some((r, end))),
            Err(e) if e.generic => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// Look ahead as CPython's first pass does: the position is restored, but what was
    /// looked at counts as looked at.
    pub(crate) fn lookahead<R>(&mut self, f: impl FnOnce(&mut Self) -> PResult<R>) -> Option<(R, usize)> {
        let saved = self.save();
        self.speculating += 1;
        let r = f(self);
        self.speculating -= 1;
        let end = self.pos;
        self.restore(saved, false);
        r.ok().map(|r| (r, end))
    }

    /// Whether lookahead has read all it may (see `lookahead_budget`).
    pub(crate) fn over_lookahead_budget(&self) -> bool {
        self.lookahead_steps.get() > self.lookahead_budget
    }

    /// Account for `weight` more levels of nesting; past the limit, CPython's MemoryError.
    /// Whatever the count, the parser also stops when it has used `STACK_BUDGET` bytes of
    /// stack since it started: frame sizes vary with the build, the count does not.
    #[inline]
    pub(crate) fn deeper(&mut self, weight: u32) -> PResult<()> {
        self.depth += weight;
        if self.depth > MAX_DEPTH || stack_position().abs_diff(self.stack_base) > STACK_BUDGET {
            return Err(self.memory_error());
        }
        Ok(())
    }

    #[inline(never)]
    #[cold]
    fn memory_error(&self) -> Box<PErr> {
        {
            Box::new(PErr {
                err: SyntaxError {
                    kind: ErrorKind::MemoryError,
                    msg: String::new(),
                    filename: self.filename.to_string(),
                    lineno: 0,
                    offset: 0,
                    end_lineno: 0,
                    end_offset: 0,
                    text: None,
                },
                pass: Pass::First,
                generic: false,
            })
        }
    }

    #[inline]
    pub(crate) fn shallower(&mut self, weight: u32) {
        self.depth -= weight;
    }

    /// Note that `loc` is the span of an `await` expression.
    pub(crate) fn note_await(&mut self, loc: Loc) {
        self.awaits.push(loc);
    }

    /// Whether `e` stands for an `await` expression.
    pub(crate) fn is_await(&self, e: &Expr<'_>) -> bool {
        !self.awaits.is_empty() && self.awaits.contains(&e.loc)
    }

    /// Remember an error CPython raises only when compiling; the first in the file wins.
    pub(crate) fn compile_time_error(&mut self, e: Box<PErr>) {
        let at = |e: &PErr| (e.err.lineno, e.err.offset);
        if self.compile_error.as_ref().is_none_or(|old| at(&e) < at(old)) {
            self.compile_error = Some(e);
        }
    }

    /// Whether an `await` expression's span satisfies `f`.
    pub(crate) fn awaits_in(&self, f: impl Fn(&Loc) -> bool) -> bool {
        self.awaits.iter().any(f)
    }

    // ---- errors ----

    /// CPython's generic error: "invalid syntax" at the furthest token looked at, or an
    /// IndentationError when that token is an indent or a dedent.
    pub(crate) fn invalid_syntax(&self) -> Box<PErr> {
        let i = self.fill.get().saturating_sub(1).min(self.kinds.len() - 1);
        let mut e = match self.kinds[i] {
            T::Indent => self.err_tok_kind(ErrorKind::IndentationError, i, "unexpected indent"),
            T::Dedent => self.err_tok_kind(
                ErrorKind::IndentationError,
                i,
                "unindent does not match any outer indentation level",
            ),
            _ => self.err_tok(i, "invalid syntax"),
        };
        e.generic = true;
        e
    }

    /// An error at token `i` (CPython's `RAISE_SYNTAX_ERROR_KNOWN_LOCATION(token, ...)`).
    pub(crate) fn err_tok(&self, i: usize, msg: impl Into<String>) -> Box<PErr> {
        self.err_tok_kind(ErrorKind::SyntaxError, i, msg)
    }

    pub(crate) fn err_tok_kind(&self, kind: ErrorKind, i: usize, msg: impl Into<String>) -> Box<PErr> {
        let (lineno, col, end_lineno, end_col) = self.token_position(i);
        self.error(kind, msg.into(), lineno, col, end_lineno, end_col)
    }

    /// CPython's location-less `RAISE_SYNTAX_ERROR`: at the furthest token looked at.
    pub(crate) fn err_last(&self, msg: impl Into<String>) -> Box<PErr> {
        self.err_tok(self.fill.get().saturating_sub(1), msg)
    }

    pub(crate) fn indentation_err_last(&self, msg: impl Into<String>) -> Box<PErr> {
        self.err_tok_kind(ErrorKind::IndentationError, self.fill.get().saturating_sub(1), msg)
    }

    /// From the start of `a` to the end of `b` (`RAISE_SYNTAX_ERROR_KNOWN_RANGE`).
    pub(crate) fn err_range(&self, msg: impl Into<String>, a: Loc, b: Loc) -> Box<PErr> {
        self.error(
            ErrorKind::SyntaxError,
            msg.into(),
            a.lineno,
            a.col as i64 + 1,
            b.end_lineno,
            b.end_col as i64 + 1,
        )
    }

    /// The whole of `a` (`RAISE_SYNTAX_ERROR_KNOWN_LOCATION(node, ...)`).
    pub(crate) fn err_node(&self, msg: impl Into<String>, a: Loc) -> Box<PErr> {
        self.err_range(msg, a, a)
    }

    /// From the start of `a` to where the tokenizer stands, the end of the furthest token
    /// looked at (`RAISE_SYNTAX_ERROR_STARTING_FROM`).
    pub(crate) fn err_from(&self, msg: impl Into<String>, a: Loc) -> Box<PErr> {
        let last = self.fill.get().saturating_sub(1);
        let (_, _, end_lineno, end_col) = self.token_position(last);
        let end_col = if end_col > 0 { end_col - 1 } else { end_col };
        self.error(ErrorKind::SyntaxError, msg.into(), a.lineno, a.col as i64 + 1, end_lineno, end_col)
    }

    /// CPython's position of token `i` in an error: 1-based byte columns, the end one `-1`
    /// when unknown. Indents, dedents and the end marker have no column there: CPython uses
    /// where its tokenizer stands, without adding one.
    fn token_position(&self, i: usize) -> (u32, i64, u32, i64) {
        let i = i.min(self.kinds.len() - 1);
        match self.kinds[i] {
            T::Indent | T::Dedent | T::End => {
                let next = (i..self.kinds.len())
                    .find(|&j| !matches!(self.kinds[j], T::Indent | T::Dedent))
                    .unwrap_or(self.kinds.len() - 1);
                let (line, col) = if self.kinds[next] == T::End {
                    self.end_position()
                } else {
                    let l = self.loc(next);
                    (l.lineno, l.col as i64)
                };
                (line, col, line, -1)
            }
            _ => {
                let l = self.loc(i);
                (l.lineno, l.col as i64 + 1, l.end_lineno, l.end_col as i64 + 1)
            }
        }
    }

    /// Where CPython's tokenizer stands at the end of the text: the last line, after its
    /// newline (one is added when the text lacks it).
    fn end_position(&self) -> (u32, i64) {
        let src = self.src;
        let body = src.strip_suffix('\n').unwrap_or(src);
        let newlines = body.bytes().filter(|&b| b == b'\n').count() as u32;
        let last = &body[body.rfind('\n').map_or(0, |i| i + 1)..];
        let last = last.strip_suffix('\r').unwrap_or(last);
        let line = newlines + 1 + self.fstring.map_or(0, |f| f.first_line - 1);
        (line, last.len() as i64 + 1)
    }

    /// Build the error as CPython's `_PyPegen_raise_error_known_location` does: columns are
    /// 1-based byte offsets (`-1` or `0` for no end), `text` the line of the start.
    pub(crate) fn error(
        &self,
        kind: ErrorKind,
        mut msg: String,
        lineno: u32,
        mut col: i64,
        end_lineno: u32,
        mut end_col: i64,
    ) -> Box<PErr> {
        let mut line_index = lineno;
        if let Some(f) = self.fstring {
            msg.insert_str(0, "f-string: ");
            col -= f.col_shift;
            if end_col > 0 {
                end_col -= f.col_shift;
            }
            line_index = lineno + 1 - f.first_line;
        }
        let line = crate::error::source_line(self.src, line_index);
        // CPython counts characters only for a file with a coding cookie (or a str given to
        // compile()); for a file as run, these are byte offsets, as the lexer's are.
        let (offset, end_offset) = (col, end_col);
        Box::new(PErr {
            err: SyntaxError {
                kind,
                msg,
                filename: self.filename.to_string(),
                lineno,
                offset: offset.max(0) as u32,
                end_lineno,
                end_offset: end_offset.max(0) as u32,
                text: line.map(|l| {
                    let mut s = l.to_string();
                    if !s.ends_with('\n') {
                        s.push('\n');
                    }
                    s
                }),
            },
            pass: Pass::Second,
            generic: false,
        })
    }
}

impl PErr {
    /// Mark the error as one CPython's first pass raises.
    pub(crate) fn first_pass(mut self: Box<Self>) -> Box<Self> {
        self.pass = Pass::First;
        self
    }
}
