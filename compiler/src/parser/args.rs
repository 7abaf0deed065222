//! Call arguments (and a class statement's bases and keywords), with CPython's
//! `invalid_arguments` and `invalid_kwarg` messages.

use crate::ast::{Comprehension, Expr, ExprKind, Keyword, Loc};
use crate::token::Op;

use super::expr::starts_expression;
use super::{Kw, PResult, Parser, T};

/// One argument as written.
enum Argument<'a> {
    Positional(Expr<'a>),
    Starred(Expr<'a>),
    Keyword(Keyword<'a>),
    DoubleStarred(Keyword<'a>),
}

/// The arguments read so far, and what they say about the next ones.
struct ArgumentList<'a> {
    open: usize,
    genexp_ok: bool,
    args: Vec<Expr<'a>>,
    keywords: Vec<Keyword<'a>>,
    /// Once a keyword argument (or `**`) has come, positional ones may not.
    keyword_seen: bool,
    unpacking_seen: bool,
}

/// The end of the last thing a comprehension's clauses hold (CPython's
/// `_PyPegen_get_last_comprehension_item`).
fn last_comprehension_item(generators: &[Comprehension<'_>]) -> Loc {
    let last = &generators[generators.len() - 1];
    last.ifs.last().map_or(last.iter.loc, |e| e.loc)
}

impl<'a> Parser<'a> {
    /// A call `func(...)`; `start` is the first token of `func`, the cursor is on `(`.
    pub(crate) fn call(&mut self, start: usize, func: &'a Expr<'a>) -> PResult<Expr<'a>> {
        self.deeper(super::expr::BRACKET_WEIGHT)?;
        let (args, keywords) = self.arguments(true)?;
        self.shallower(super::expr::BRACKET_WEIGHT);
        let kind = ExprKind::Call { func, args, keywords };
        Ok(self.expr(kind, self.span(start)))
    }

    /// `'(' [arguments] ')'`: the positional and keyword arguments. In a call
    /// (`genexp_ok`), a lone generator expression without its own parentheses takes the
    /// call's.
    ///
    /// The functions an argument's expression is parsed from keep small frames: they stack
    /// up once per level of nested calls. What is done with an argument once parsed is in
    /// [`Parser::add_argument`].
    #[allow(clippy::type_complexity)]
    pub(crate) fn arguments(&mut self, genexp_ok: bool) -> PResult<(&'a [Expr<'a>], &'a [Keyword<'a>])> {
        let open = self.expect_op(Op::LPar)?;
        let mut list = ArgumentList {
            open,
            genexp_ok,
            args: self.vec(),
            keywords: self.vec(),
            keyword_seen: false,
            unpacking_seen: false,
        };
        while !self.eat_op(Op::RPar) {
            let arg_start = self.pos;
            let argument =
                if list.keyword_seen { self.argument_after_keywords(&list)? } else { self.argument()? };
            if let Some(genexp) = self.add_argument(&mut list, arg_start, argument)? {
                return Ok((std::slice::from_ref(self.alloc(genexp)), &[]));
            }
            if !self.eat_op(Op::Comma) {
                self.expect_op(Op::RPar)?;
                break;
            }
        }
        Ok((self.alloc_list(list.args), self.alloc_list(list.keywords)))
    }

    /// An argument after keyword ones, which CPython's first pass reads only as another
    /// keyword argument.
    #[inline(never)]
    fn argument_after_keywords(&mut self, list: &ArgumentList<'a>) -> PResult<Argument<'a>> {
        let arg_start = self.pos;
        let keyword =
            self.at_op(Op::DoubleStar) || (self.at(T::Name) && self.peek_nth(1) == T::Op(Op::Equal));
        if keyword || self.without_invalid() {
            return self.argument();
        }
        if self.at_op(Op::Star) {
            // CPython's `invalid_arguments`: keyword arguments, then a `*` that cannot start
            // another argument (after `**`, or before nothing it can unpack).
            let msg = "iterable argument unpacking follows keyword argument unpacking";
            if list.unpacking_seen {
                return Err(self.err_tok(arg_start, msg));
            }
            return match self.attempt(|p| p.argument())? {
                Some(argument) => Ok(argument),
                None => Err(self.err_tok(arg_start, msg)),
            };
        }
        // A positional argument is read by CPython's second pass only: where its first
        // pass stopped is the argument's first token (or the one after a name, read to
        // look for `=`).
        let fill = self.fill.get();
        match self.attempt(|p| p.argument())? {
            Some(argument) => Ok(argument),
            None => {
                let seen = arg_start + if self.kind_of(arg_start) == T::Name { 2 } else { 1 };
                self.fill.set(fill.max(seen));
                Err(self.invalid_syntax())
            }
        }
    }

    /// Take `argument` (which starts at token `arg_start`) into `list`, with CPython's
    /// messages for arguments out of order and generator expressions without parentheses.
    /// A call's lone generator expression is returned.
    #[inline(never)]
    fn add_argument(
        &mut self,
        list: &mut ArgumentList<'a>,
        arg_start: usize,
        argument: Argument<'a>,
    ) -> PResult<Option<Expr<'a>>> {
        let open = list.open;
        let comprehension = self.at_kw(Kw::For) || self.at_kw(Kw::Async);
        match argument {
            Argument::Positional(e) => {
                if comprehension {
                    if arg_start == open + 1 {
                        return self.lone_genexp(list, e).map(Some);
                    }
                    self.unparenthesized_genexp(open, e.loc)?;
                }
                if list.keyword_seen && !self.without_invalid() {
                    return Err(self.positional_after_keyword(list.unpacking_seen)?);
                }
                list.args.push(e);
            }
            Argument::Starred(e) => {
                if comprehension {
                    if arg_start == open + 1 {
                        self.pos = arg_start;
                        self.check_starred_comprehension(arg_start)?;
                        self.starred_expression()?;
                    } else {
                        self.unparenthesized_genexp(open, e.loc)?;
                    }
                }
                list.args.push(e);
            }
            Argument::Keyword(k) => {
                list.keyword_seen = true;
                list.keywords.push(k);
            }
            Argument::DoubleStarred(k) => {
                list.keyword_seen = true;
                list.unpacking_seen = true;
                list.keywords.push(k);
            }
        }
        Ok(None)
    }

    /// `f(x for x in y)`: the call's only argument, a generator expression whose
    /// parentheses are the call's (a class statement's arguments have no such form).
    fn lone_genexp(&mut self, list: &ArgumentList<'a>, elt: Expr<'a>) -> PResult<Expr<'a>> {
        let open = list.open;
        if !list.genexp_ok {
            if let Some((generators, end)) = self.probe(|p| p.for_if_clauses(open))? {
                if self.kind_of(end) == T::Op(Op::Comma) && !self.without_invalid() {
                    let last = last_comprehension_item(generators);
                    return Err(self.err_range("Generator expression must be parenthesized", elt.loc, last));
                }
            }
            return Err(self.invalid_syntax());
        }
        let generators = self.for_if_clauses(open)?;
        if self.at_op(Op::Comma) && !self.without_invalid() {
            let last = last_comprehension_item(generators);
            return Err(self.err_range("Generator expression must be parenthesized", elt.loc, last));
        }
        self.expect_op(Op::RPar)?;
        let loc = self.span(open);
        self.check_async_comprehension(loc, generators, true);
        let kind = ExprKind::GeneratorExp { elt: self.alloc(elt), generators };
        Ok(self.expr(kind, loc))
    }

    /// A generator expression without parentheses after other arguments: "Generator
    /// expression must be parenthesized" when its clauses parse.
    fn unparenthesized_genexp(&mut self, open: usize, elt: Loc) -> PResult<()> {
        if self.without_invalid() {
            return Ok(());
        }
        if let Some((generators, _)) = self.probe(|p| p.for_if_clauses(open))? {
            return Err(self.err_range(
                "Generator expression must be parenthesized",
                elt,
                last_comprehension_item(generators),
            ));
        }
        Ok(())
    }

    /// One argument, with CPython's `invalid_kwarg` messages: `f(True=1)`, `f(a.b=1)`,
    /// `f(a=x for x in y)`.
    fn argument(&mut self) -> PResult<Argument<'a>> {
        match self.peek() {
            T::Op(Op::Star) => Ok(Argument::Starred(self.starred_expression()?)),
            T::Op(Op::DoubleStar) => self.double_starred_argument(),
            T::Name if self.peek_nth(1) == T::Op(Op::Equal) => self.keyword_argument(),
            T::Kw(Kw::True | Kw::False | Kw::None)
                if self.peek_nth(1) == T::Op(Op::Equal) && !self.without_invalid() =>
            {
                Err(self.keyword_constant_error())
            }
            _ => self.positional_argument(),
        }
    }

    /// `'**' expression`
    #[inline(never)]
    fn double_starred_argument(&mut self) -> PResult<Argument<'a>> {
        let start = self.advance();
        let value = self.expression()?;
        Ok(Argument::DoubleStarred(Keyword { loc: self.span(start), arg: None, value: self.alloc(value) }))
    }

    /// `NAME '=' expression`
    #[inline(never)]
    fn keyword_argument(&mut self) -> PResult<Argument<'a>> {
        let start = self.advance();
        self.advance();
        let value = self.expression()?;
        if (self.at_kw(Kw::For) || self.at_kw(Kw::Async)) && !self.without_invalid() {
            self.keyword_genexp(start)?;
        }
        let loc = self.span(start);
        Ok(Argument::Keyword(Keyword { loc, arg: Some(self.ident(start)), value: self.alloc(value) }))
    }

    /// `f(a=x for x in y)`: "invalid syntax. Maybe you meant '==' or ':=' instead of '='?".
    fn keyword_genexp(&mut self, start: usize) -> PResult<()> {
        let open = start.saturating_sub(1);
        if self.probe(|p| p.for_if_clauses(open))?.is_some() {
            let msg = "invalid syntax. Maybe you meant '==' or ':=' instead of '='?";
            return Err(self.err_range(msg, self.loc(start), self.loc(start + 1)));
        }
        Ok(())
    }

    /// `f(True=1)`: "cannot assign to True".
    fn keyword_constant_error(&self) -> Box<super::PErr> {
        let start = self.pos;
        let name = self.text(start);
        self.err_range(format!("cannot assign to {name}"), self.loc(start), self.loc(start + 1))
    }

    /// `assignment_expression | expression !':='`, and `f(a.b=1)`: "expression cannot
    /// contain assignment, perhaps you meant \"==\"?".
    #[inline(never)]
    fn positional_argument(&mut self) -> PResult<Argument<'a>> {
        let e = if self.at(T::Name) && self.peek_nth(1) == T::Op(Op::ColonEqual) {
            self.assignment_expression()?
        } else {
            self.expression()?
        };
        if self.at_op(Op::Equal) && !self.without_invalid() {
            let msg = "expression cannot contain assignment, perhaps you meant \"==\"?";
            return Err(self.err_range(msg, e.loc, self.loc(self.pos)));
        }
        Ok(Argument::Positional(e))
    }

    /// "positional argument follows keyword argument [unpacking]", where CPython puts it:
    /// its rule reads the rest as another argument list, in order (positional ones first,
    /// then keyword ones), and reports at the furthest token that took it.
    fn positional_after_keyword(&mut self, unpacking: bool) -> PResult<Box<super::PErr>> {
        let mut keyword_seen = false;
        let mut unpacking_seen = false;
        while self.eat_op(Op::Comma) {
            match self.peek() {
                T::Op(Op::Star) if unpacking_seen => break,
                T::Op(Op::Star | Op::DoubleStar) => {}
                t if starts_expression(t) => {}
                _ => break,
            }
            match self.attempt(|p| p.argument())? {
                Some(Argument::Positional(_)) if keyword_seen => break,
                Some(Argument::Positional(_)) | Some(Argument::Starred(_)) => {}
                Some(Argument::Keyword(_)) => keyword_seen = true,
                Some(Argument::DoubleStarred(_)) => {
                    keyword_seen = true;
                    unpacking_seen = true;
                }
                None => break,
            }
        }
        Ok(self.err_last(if unpacking {
            "positional argument follows keyword argument unpacking"
        } else {
            "positional argument follows keyword argument"
        }))
    }
}
