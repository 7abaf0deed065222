//! The parser: the lexer's tokens to the AST of [`crate::ast`], with CPython 3.11's
//! SyntaxErrors.
//!
//! A hand-written recursive-descent parser over the whole token vector. CPython's PEG parser
//! runs twice on bad input: a fast first pass, then, if it failed, a second pass in which its
//! `invalid_*` rules look for a specific message; failing that, "invalid syntax" is reported
//! at the furthest token the first pass looked at. This parser runs once and reproduces that
//! outcome:
//!
//! - where the grammar meets a shape that only an `invalid_*` rule accepts, it raises that
//!   rule's message on the spot (see `stmt.rs`, `expr.rs`, `params.rs`, `targets.rs`);
//! - it counts the furthest token it has looked at (`fill`, CPython's `p->fill`), which is
//!   where generic errors and CPython's location-less `RAISE_SYNTAX_ERROR` point;
//! - errors CPython raises in its first pass (forced tokens such as `def f` without `(`,
//!   string and f-string errors) win over the others; the two `invalid_*` rules that also
//!   match valid code (Python 2 `print x`, `match x` without a colon) are remembered when
//!   met and reported if anything after them fails, as CPython's second pass would;
//! - errors CPython reports only when compiling a parsed AST (`await` outside a function,
//!   the unsupported async forms) are held back until the whole file has parsed.
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

use bumpalo::collections::Vec as BVec;
use bumpalo::Bump;

use crate::ast::{Expr, ExprKind, Loc, Module, Stmt, StmtKind};
use crate::error::{ErrorKind, SyntaxError};
use crate::lexer;
use crate::token::{Op, Tok, Token};
use crate::Mode;

/// Parse `source` into an AST allocated in `bump`. `Mode::Exec` parses a module;
/// `Mode::Eval` parses one expression list, returned as a module whose body is a single
/// `StmtKind::Expr`.
pub fn parse<'a>(
    bump: &'a Bump,
    source: &'a str,
    filename: &str,
    mode: Mode,
) -> Result<Module<'a>, SyntaxError> {
    let lexed = lexer::lex(source, filename);
    let mut p = Parser::new(bump, source, bump.alloc_str(filename), lexed.tokens, lexed.error.is_some());
    let result = match mode {
        Mode::Exec => p.file(),
        Mode::Eval => p.eval(),
    };
    p.finish(result, lexed.error)
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
    fn from_name(s: &str) -> Option<Kw> {
        Some(match s {
            "False" => Kw::False,
            "None" => Kw::None,
            "True" => Kw::True,
            "and" => Kw::And,
            "as" => Kw::As,
            "assert" => Kw::Assert,
            "async" => Kw::Async,
            "await" => Kw::Await,
            "break" => Kw::Break,
            "class" => Kw::Class,
            "continue" => Kw::Continue,
            "def" => Kw::Def,
            "del" => Kw::Del,
            "elif" => Kw::Elif,
            "else" => Kw::Else,
            "except" => Kw::Except,
            "finally" => Kw::Finally,
            "for" => Kw::For,
            "from" => Kw::From,
            "global" => Kw::Global,
            "if" => Kw::If,
            "import" => Kw::Import,
            "in" => Kw::In,
            "is" => Kw::Is,
            "lambda" => Kw::Lambda,
            "nonlocal" => Kw::Nonlocal,
            "not" => Kw::Not,
            "or" => Kw::Or,
            "pass" => Kw::Pass,
            "raise" => Kw::Raise,
            "return" => Kw::Return,
            "try" => Kw::Try,
            "while" => Kw::While,
            "with" => Kw::With,
            "yield" => Kw::Yield,
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

/// A second-pass match found in valid code, reported if the parse fails later.
pub(crate) enum Deferred {
    Error(Box<PErr>),
    /// `match x` alone on a line: "expected ':'" at the furthest token looked at.
    ExpectedColon,
}

/// What speculation must put back.
struct Saved {
    pos: usize,
    fill: usize,
    depth: u32,
    scope: Scope,
    deferred: bool,
    compile_error: bool,
}

/// How deep the parser may nest. Every recursive rule adds its weight; past this CPython's
/// parser gives up with a bare MemoryError (its limit is 6000 rule invocations). Chosen so
/// that the deepest nesting fits in a 2 MiB thread stack in a debug build.
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
    /// The first second-pass-only match met in valid code (see the module doc).
    deferred: Option<Deferred>,
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
            deferred: None,
            hit_lex_error: Cell::new(false),
            compile_error: None,
            scope: Scope::Module,
            fstring: None,
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
                    let (line, ..) = self.token_position(self.fill.get().saturating_sub(1));
                    if let Some(unclosed) = lex.unclosed {
                        if unclosed.lineno < line {
                            return Err(unclosed);
                        }
                    }
                }
                _ => {}
            }
        }
        if err.pass == Pass::Second {
            match self.deferred.take() {
                Some(Deferred::Error(d)) => return Err(d.err),
                Some(Deferred::ExpectedColon) => return Err(self.err_last("expected ':'").err),
                None => {}
            }
        }
        Err(err.err)
    }

    /// `file: [statements] ENDMARKER`
    fn file(&mut self) -> PResult<Module<'a>> {
        let mut body = BVec::new_in(self.bump);
        while !self.at(T::End) {
            self.statement(&mut body)?;
        }
        Ok(Module { body: body.into_bump_slice() })
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

    // ---- the token cursor ----

    /// The kind of token `i` (clamped to the end marker), noting that it was looked at.
    #[inline]
    pub(crate) fn look(&self, i: usize) -> T {
        let i = i.min(self.kinds.len() - 1);
        if i >= self.fill.get() {
            self.fill.set(i + 1);
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

    #[inline]
    pub(crate) fn vec<T>(&self) -> BVec<'a, T> {
        BVec::new_in(self.bump)
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
            deferred: self.deferred.is_some(),
            compile_error: self.compile_error.is_some(),
        }
    }

    fn restore(&mut self, s: Saved, fill: bool) {
        self.pos = s.pos;
        if fill {
            self.fill.set(s.fill);
        }
        self.depth = s.depth;
        self.scope = s.scope;
        if !s.deferred {
            self.deferred = None;
        }
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

    /// Look ahead only, as CPython's second pass does: whatever happens, the position and
    /// the furthest-token mark are restored. Gives the result and where it ended.
    pub(crate) fn probe<R>(&mut self, f: impl FnOnce(&mut Self) -> PResult<R>) -> Option<(R, usize)> {
        let saved = self.save();
        self.speculating += 1;
        let r = f(self);
        self.speculating -= 1;
        let end = self.pos;
        self.restore(saved, true);
        r.ok().map(|r| (r, end))
    }

    /// Like [`Parser::probe`], but a specific error met on the way is final.
    pub(crate) fn probe_specific<R>(
        &mut self,
        f: impl FnOnce(&mut Self) -> PResult<R>,
    ) -> PResult<Option<R>> {
        let saved = self.save();
        self.speculating += 1;
        let r = f(self);
        self.speculating -= 1;
        self.restore(saved, true);
        match r {
            Ok(r) => Ok(Some(r)),
            Err(e) if e.generic => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// Account for `weight` more levels of nesting; past the limit, CPython's MemoryError.
    #[inline]
    pub(crate) fn deeper(&mut self, weight: u32) -> PResult<()> {
        self.depth += weight;
        if self.depth > MAX_DEPTH {
            return Err(Box::new(PErr {
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
            }));
        }
        Ok(())
    }

    #[inline]
    pub(crate) fn shallower(&mut self, weight: u32) {
        self.depth -= weight;
    }

    /// Remember a second-pass match found in otherwise valid code (see the module doc).
    pub(crate) fn defer(&mut self, e: Box<PErr>) {
        self.defer_kind(Deferred::Error(e));
    }

    pub(crate) fn defer_kind(&mut self, d: Deferred) {
        if self.deferred.is_none() && self.speculating == 0 {
            self.deferred = Some(d);
        }
    }

    /// Remember an error CPython raises only when compiling; the first one wins.
    pub(crate) fn compile_time_error(&mut self, e: Box<PErr>) {
        if self.compile_error.is_none() {
            self.compile_error = Some(e);
        }
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
    /// 1-based byte offsets, turned into character offsets on the error's first line.
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
        let offset = line.map_or(col, |l| byte_to_char_offset(l, col));
        let end_offset = match line {
            Some(l) if end_col > 0 => byte_to_char_offset(l, end_col),
            _ => end_col,
        };
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

/// CPython's `_PyPegen_byte_offset_to_character_offset`: the number of characters in the
/// first `col` bytes of `line` (a character cut in two counts as one), and one past the end
/// of the line when `col` is beyond it.
fn byte_to_char_offset(line: &str, col: i64) -> i64 {
    if col <= 0 {
        return col;
    }
    let bytes = line.as_bytes();
    if col as usize > bytes.len() {
        return line.chars().count() as i64 + 1;
    }
    bytes[..col as usize].iter().filter(|&&b| b & 0xC0 != 0x80).count() as i64
}
