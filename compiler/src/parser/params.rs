//! Parameter lists of `def` and `lambda`.
//!
//! Valid lists are read in one pass. When that fails, CPython's second pass is replayed on
//! the list: its `invalid_parameters`, `invalid_star_etc`, `invalid_kwds` and
//! `invalid_default` rules are small PEG patterns, matched here in CPython's order with
//! backtracking (only on this error path), so that the message and its place are CPython's.

use crate::ast::{Arg, Arguments, Expr, Loc};
use crate::token::Op;

use super::{PResult, Parser, T};

/// Which parameter list: a `def`'s (annotations, ends at `)`) or a `lambda`'s (no
/// annotations, ends at `:`).
#[derive(Clone, Copy, PartialEq, Eq)]
enum List {
    Def,
    Lambda,
}

impl List {
    fn end(self) -> Op {
        match self {
            List::Def => Op::RPar,
            List::Lambda => Op::Colon,
        }
    }
}

impl<'a> Parser<'a> {
    /// The parameters of a `def`, between its parentheses (the `)` is not consumed).
    pub(crate) fn def_params(&mut self) -> PResult<&'a Arguments<'a>> {
        self.params(List::Def)
    }

    /// The parameters of a `lambda`, up to its `:` (not consumed).
    pub(crate) fn lambda_params(&mut self) -> PResult<&'a Arguments<'a>> {
        self.params(List::Lambda)
    }

    fn params(&mut self, list: List) -> PResult<&'a Arguments<'a>> {
        let start = self.pos;
        match self.attempt(|p| p.valid_params(list))? {
            Some(Some(args)) => Ok(args),
            _ => Err(self.params_error(start, list)),
        }
    }

    /// One parameter: `NAME [':' expression]` (the vararg's annotation may be starred).
    fn param(&mut self, list: List, starred_annotation: bool) -> PResult<Arg<'a>> {
        let name = self.expect(T::Name)?;
        let mut annotation = None;
        if list == List::Def && self.eat_op(Op::Colon) {
            let e = if starred_annotation { self.star_expression()? } else { self.expression()? };
            annotation = Some(self.alloc(e));
        }
        Ok(Arg { loc: self.span(name), arg: self.ident(name), annotation })
    }

    /// The parameter list read in one pass; `None` when it breaks one of the rules (the
    /// caller then finds CPython's message).
    fn valid_params(&mut self, list: List) -> PResult<Option<&'a Arguments<'a>>> {
        #[derive(PartialEq)]
        enum Section {
            Positional,
            KeywordOnly,
            Done,
        }
        let end = list.end();
        let mut positional = self.vec::<Arg<'a>>();
        let mut defaults = self.vec::<Expr<'a>>();
        let mut posonly_count = None;
        let mut vararg = None;
        let mut bare_star = false;
        let mut kwonly = self.vec::<Arg<'a>>();
        let mut kw_defaults = self.vec::<Option<Expr<'a>>>();
        let mut kwarg = None;
        let mut section = Section::Positional;
        while !self.at_op(end) {
            match self.peek() {
                T::Name if section != Section::Done => {
                    let arg = self.param(list, false)?;
                    let default = if self.eat_op(Op::Equal) { Some(self.expression()?) } else { None };
                    if section == Section::Positional {
                        match default {
                            Some(d) => defaults.push(d),
                            None if !defaults.is_empty() => return Ok(None),
                            None => {}
                        }
                        positional.push(arg);
                    } else {
                        kwonly.push(arg);
                        kw_defaults.push(default);
                    }
                }
                T::Op(Op::Slash) if section == Section::Positional => {
                    if positional.is_empty() || posonly_count.is_some() {
                        return Ok(None);
                    }
                    self.advance();
                    posonly_count = Some(positional.len());
                }
                T::Op(Op::Star) if section == Section::Positional => {
                    self.advance();
                    section = Section::KeywordOnly;
                    if self.at(T::Name) {
                        vararg = Some({
                            let v = self.param(list, true)?;
                            self.alloc(v)
                        });
                    } else if self.at_op(Op::Comma) {
                        bare_star = true;
                    } else {
                        return Ok(None);
                    }
                }
                T::Op(Op::DoubleStar) if section != Section::Done => {
                    if bare_star && kwonly.is_empty() {
                        return Ok(None);
                    }
                    self.advance();
                    if !self.at(T::Name) {
                        return Ok(None);
                    }
                    kwarg = Some({
                        let v = self.param(list, false)?;
                        self.alloc(v)
                    });
                    section = Section::Done;
                }
                _ => return Ok(None),
            }
            if !self.eat_op(Op::Comma) && !self.at_op(end) {
                return Ok(None);
            }
        }
        if bare_star && kwonly.is_empty() {
            return Ok(None);
        }
        let positional = self.alloc_list(positional);
        let (posonlyargs, args) = positional.split_at(posonly_count.unwrap_or(0));
        Ok(Some(self.alloc(Arguments {
            posonlyargs,
            args,
            vararg,
            kwonlyargs: self.alloc_list(kwonly),
            kw_defaults: self.alloc_list(kw_defaults),
            kwarg,
            defaults: self.alloc_list(defaults),
        })))
    }

    /// CPython's second pass over a parameter list that did not parse: the first of its
    /// error rules that matches, else "invalid syntax" where the first pass stopped.
    fn params_error(&mut self, start: usize, list: List) -> Box<super::PErr> {
        let fill = self.fill.get();
        self.probing += 1;
        let found = self.invalid_parameters(start, list).and_then(|()| self.parameters_again(start, list));
        self.probing -= 1;
        match found {
            Err(e) => e,
            Ok(()) => {
                self.fill.set(fill);
                self.invalid_syntax()
            }
        }
    }

    // ---- PEG matchers for the error pass: each consumes on success, rewinds on failure,
    // and fails with an error when one of CPython's error rules matches. ----

    /// An expression, or nothing (rewound) when none parses.
    fn m_expression(&mut self, starred: bool) -> PResult<bool> {
        if self.over_lookahead_budget() {
            return Ok(false);
        }
        Ok(self.attempt(|p| if starred { p.star_expression() } else { p.expression() })?.is_some())
    }

    /// `param: NAME annotation?`; gives the parameter's span.
    fn m_param(&mut self, list: List) -> PResult<Option<Loc>> {
        if !self.at(T::Name) {
            return Ok(None);
        }
        let name = self.advance();
        if list == List::Def && self.at_op(Op::Colon) {
            let colon = self.advance();
            if !self.m_expression(false)? {
                self.pos = colon;
            }
        }
        Ok(Some(self.span(name)))
    }

    /// `','` or, without consuming it, the end of the list.
    fn m_param_end(&mut self, list: List) -> bool {
        self.eat_op(Op::Comma) || self.at_op(list.end())
    }

    /// `default: '=' expression | invalid_default`
    fn m_default(&mut self) -> PResult<bool> {
        if !self.at_op(Op::Equal) {
            return Ok(false);
        }
        let eq = self.advance();
        if self.m_expression(false)? {
            return Ok(true);
        }
        if matches!(self.peek(), T::Op(Op::RPar | Op::Comma)) {
            return Err(self.err_tok(eq, "expected default value expression"));
        }
        self.pos = eq;
        Ok(false)
    }

    /// `param_no_default: param (',' | &end)`; gives the parameter's span.
    fn m_no_default(&mut self, list: List) -> PResult<Option<Loc>> {
        let save = self.pos;
        if let Some(loc) = self.m_param(list)? {
            if self.m_param_end(list) {
                return Ok(Some(loc));
            }
        }
        self.pos = save;
        Ok(None)
    }

    /// `param_with_default: param default (',' | &end)`
    fn m_with_default(&mut self, list: List) -> PResult<bool> {
        let save = self.pos;
        if self.m_param(list)?.is_some() && self.m_default()? && self.m_param_end(list) {
            return Ok(true);
        }
        self.pos = save;
        Ok(false)
    }

    /// `param_maybe_default: param default? (',' | &end)`
    fn m_maybe_default(&mut self, list: List) -> PResult<bool> {
        let save = self.pos;
        if self.m_param(list)?.is_some() {
            self.m_default()?;
            if self.m_param_end(list) {
                return Ok(true);
            }
        }
        self.pos = save;
        Ok(false)
    }

    fn m_many(&mut self, list: List, m: fn(&mut Self, List) -> PResult<bool>) -> PResult<usize> {
        let mut n = 0;
        while m(self, list)? {
            n += 1;
        }
        Ok(n)
    }

    fn m_no_defaults(&mut self, list: List) -> PResult<usize> {
        let mut n = 0;
        while self.m_no_default(list)?.is_some() {
            n += 1;
        }
        Ok(n)
    }

    /// `'/' (',' | &end)`
    fn m_slash(&mut self, list: List) -> bool {
        let save = self.pos;
        if self.eat_op(Op::Slash) && self.m_param_end(list) {
            return true;
        }
        self.pos = save;
        false
    }

    /// `slash_no_default: param_no_default+ '/' (',' | &end)`
    fn m_slash_no_default(&mut self, list: List) -> PResult<bool> {
        let save = self.pos;
        if self.m_no_defaults(list)? > 0 && self.m_slash(list) {
            return Ok(true);
        }
        self.pos = save;
        Ok(false)
    }

    /// `slash_with_default: param_no_default* param_with_default+ '/' (',' | &end)`
    fn m_slash_with_default(&mut self, list: List) -> PResult<bool> {
        let save = self.pos;
        self.m_no_defaults(list)?;
        if self.m_many(list, Self::m_with_default)? > 0 && self.m_slash(list) {
            return Ok(true);
        }
        self.pos = save;
        Ok(false)
    }

    /// `(slash_no_default | slash_with_default)`
    fn m_slash_part(&mut self, list: List) -> PResult<bool> {
        Ok(self.m_slash_no_default(list)? || self.m_slash_with_default(list)?)
    }

    /// CPython's `invalid_parameters` (`invalid_lambda_parameters`).
    fn invalid_parameters(&mut self, start: usize, list: List) -> PResult<()> {
        // param_no_default* invalid_parameters_helper param_no_default
        self.pos = start;
        self.m_no_defaults(list)?;
        if self.m_slash_with_default(list)? || self.m_many(list, Self::m_with_default)? > 0 {
            if let Some(loc) = self.m_no_default(list)? {
                return Err(self.err_node("non-default argument follows default argument", loc));
            }
        }
        // param_no_default* '(' param_no_default+ ','? ')'
        self.pos = start;
        self.m_no_defaults(list)?;
        if self.at_op(Op::LPar) {
            let open = self.advance();
            let inside = match list {
                List::Def => self.m_no_defaults(list)? > 0,
                List::Lambda => {
                    let mut n = 0;
                    while self.eat(T::Name) {
                        n += 1;
                        if !self.at_op(Op::Comma) || self.peek_nth(1) != T::Name {
                            break;
                        }
                        self.advance();
                    }
                    n > 0
                }
            };
            if inside {
                self.eat_op(Op::Comma);
                if self.at_op(Op::RPar) {
                    let msg = match list {
                        List::Def => "Function parameters cannot be parenthesized",
                        List::Lambda => "Lambda expression parameters cannot be parenthesized",
                    };
                    return Err(self.err_range(msg, self.loc(open), self.loc(self.pos)));
                }
            }
        }
        // '/' ','
        self.pos = start;
        if self.at_op(Op::Slash) && self.peek_nth(1) == T::Op(Op::Comma) {
            return Err(self.err_tok(start, "at least one argument must precede /"));
        }
        // (slash_no_default | slash_with_default) param_maybe_default* '/'
        self.pos = start;
        if self.m_slash_part(list)? {
            self.m_many(list, Self::m_maybe_default)?;
            if self.at_op(Op::Slash) {
                return Err(self.err_tok(self.pos, "/ may appear only once"));
            }
        }
        // (slash_no_default | slash_with_default)? param_maybe_default* '*' (',' | param_no_default)
        // param_maybe_default* '/'
        self.pos = start;
        self.m_slash_part(list)?;
        self.m_many(list, Self::m_maybe_default)?;
        if self.eat_op(Op::Star) && (self.eat_op(Op::Comma) || self.m_no_default(list)?.is_some()) {
            self.m_many(list, Self::m_maybe_default)?;
            if self.at_op(Op::Slash) {
                return Err(self.err_tok(self.pos, "/ must be ahead of *"));
            }
        }
        // param_maybe_default+ '/' '*'
        self.pos = start;
        if self.m_many(list, Self::m_maybe_default)? > 0 && self.eat_op(Op::Slash) && self.at_op(Op::Star) {
            return Err(self.err_tok(self.pos, "expected comma between / and *"));
        }
        Ok(())
    }

    /// CPython's `parameters` alternatives, replayed for the error rules inside them.
    fn parameters_again(&mut self, start: usize, list: List) -> PResult<()> {
        self.pos = start;
        if self.m_slash_no_default(list)? {
            self.m_no_defaults(list)?;
            self.m_many(list, Self::m_with_default)?;
            self.m_star_etc(list)?;
            return Ok(());
        }
        self.pos = start;
        if self.m_slash_with_default(list)? {
            self.m_many(list, Self::m_with_default)?;
            self.m_star_etc(list)?;
            return Ok(());
        }
        self.pos = start;
        if self.m_no_defaults(list)? > 0 {
            self.m_many(list, Self::m_with_default)?;
            self.m_star_etc(list)?;
            return Ok(());
        }
        self.pos = start;
        if self.m_many(list, Self::m_with_default)? > 0 {
            self.m_star_etc(list)?;
            return Ok(());
        }
        self.pos = start;
        self.m_star_etc(list)?;
        Ok(())
    }

    /// `star_etc`, with `invalid_star_etc` first.
    fn m_star_etc(&mut self, list: List) -> PResult<bool> {
        let start = self.pos;
        if self.at_op(Op::Star) {
            let star = self.advance();
            // '*' (end | ',' (end | '**'))
            let bare = match self.peek() {
                T::Op(op) if op == list.end() => true,
                T::Op(Op::Comma) => {
                    matches!(self.peek_nth(1), T::Op(op) if op == list.end() || op == Op::DoubleStar)
                }
                _ => false,
            };
            if bare {
                if self.at_op(Op::Comma) {
                    self.look(self.pos + 1);
                }
                return Err(match list {
                    List::Def => self.err_tok(star, "named arguments must follow bare *"),
                    List::Lambda => self.err_last("named arguments must follow bare *"),
                });
            }
            // '*' param '='
            if self.m_param(list)?.is_some() && self.at_op(Op::Equal) {
                return Err(self.err_tok(self.pos, "var-positional argument cannot have default value"));
            }
            // '*' (param_no_default | ',') param_maybe_default* '*' (param_no_default | ',')
            self.pos = star + 1;
            if self.eat_op(Op::Comma) || self.m_no_default(list)?.is_some() {
                self.m_many(list, Self::m_maybe_default)?;
                if self.at_op(Op::Star) {
                    let second = self.advance();
                    if self.eat_op(Op::Comma) || self.m_no_default(list)?.is_some() {
                        return Err(self.err_tok(second, "* argument may appear only once"));
                    }
                }
            }
            // '*' param_no_default param_maybe_default* [kwds]
            self.pos = star + 1;
            if self.m_star_param(list)? {
                self.m_many(list, Self::m_maybe_default)?;
                self.m_kwds(list)?;
                return Ok(true);
            }
            // '*' ',' param_maybe_default+ [kwds]
            self.pos = star + 1;
            if self.eat_op(Op::Comma) && self.m_many(list, Self::m_maybe_default)? > 0 {
                self.m_kwds(list)?;
                return Ok(true);
            }
            self.pos = start;
        }
        self.m_kwds(list)
    }

    /// The vararg: `param_no_default`, or for a `def` a parameter whose annotation is
    /// starred.
    fn m_star_param(&mut self, list: List) -> PResult<bool> {
        let save = self.pos;
        if self.m_no_default(list)?.is_some() {
            return Ok(true);
        }
        if list == List::Def && self.at(T::Name) && self.peek_nth(1) == T::Op(Op::Colon) {
            self.advance();
            self.advance();
            if self.m_expression(true)? && self.m_param_end(list) {
                return Ok(true);
            }
        }
        self.pos = save;
        Ok(false)
    }

    /// `kwds`, with `invalid_kwds` first.
    fn m_kwds(&mut self, list: List) -> PResult<bool> {
        if !self.at_op(Op::DoubleStar) {
            return Ok(false);
        }
        let start = self.advance();
        if self.m_param(list)?.is_some() {
            if self.at_op(Op::Equal) {
                return Err(self.err_tok(self.pos, "var-keyword argument cannot have default value"));
            }
            if self.eat_op(Op::Comma) {
                let at = self.pos;
                if let Some(loc) = self.m_param(list)? {
                    return Err(self.err_node("arguments cannot follow var-keyword argument", loc));
                }
                if matches!(self.peek(), T::Op(Op::Star | Op::DoubleStar | Op::Slash)) {
                    return Err(self.err_tok(at, "arguments cannot follow var-keyword argument"));
                }
            }
        }
        self.pos = start + 1;
        if self.m_no_default(list)?.is_some() {
            return Ok(true);
        }
        self.pos = start;
        Ok(false)
    }
}
