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

/// The end of the last thing a comprehension's clauses hold (CPython's
/// `_PyPegen_get_last_comprehension_item`).
fn last_comprehension_item(generators: &[Comprehension<'_>]) -> Loc {
    let last = &generators[generators.len() - 1];
    last.ifs.last().map_or(last.iter.loc, |e| e.loc)
}

impl<'a> Parser<'a> {
    /// A call `func(...)`; `start` is the first token of `func`, the cursor is on `(`.
    pub(crate) fn call(&mut self, start: usize, func: Expr<'a>) -> PResult<Expr<'a>> {
        self.deeper(super::expr::BRACKET_WEIGHT)?;
        let (args, keywords) = self.arguments()?;
        self.shallower(super::expr::BRACKET_WEIGHT);
        let kind = ExprKind::Call { func: self.alloc(func), args, keywords };
        Ok(self.expr(kind, self.span(start)))
    }

    /// `'(' [arguments] ')'`: the positional and keyword arguments. A lone generator
    /// expression without its own parentheses takes the call's.
    #[allow(clippy::type_complexity)]
    pub(crate) fn arguments(&mut self) -> PResult<(&'a [Expr<'a>], &'a [Keyword<'a>])> {
        let open = self.expect_op(Op::LPar)?;
        let mut args = self.vec();
        let mut keywords = self.vec();
        // Once a keyword argument (or `**`) has come, positional ones may not.
        let mut keyword_seen = false;
        let mut unpacking_seen = false;
        while !self.eat_op(Op::RPar) {
            let arg_start = self.pos;
            if self.at_op(Op::Star) && unpacking_seen && !self.without_invalid() {
                return Err(
                    self.err_tok(self.pos, "iterable argument unpacking follows keyword argument unpacking")
                );
            }
            match self.argument()? {
                Argument::Positional(e) => {
                    if self.at_kw(Kw::For) || self.at_kw(Kw::Async) {
                        if arg_start == open + 1 {
                            // `f(x for x in y)`
                            let generators = self.for_if_clauses(open)?;
                            if self.at_op(Op::Comma) && !self.without_invalid() {
                                let last = last_comprehension_item(generators);
                                return Err(self.err_range(
                                    "Generator expression must be parenthesized",
                                    e.loc,
                                    last,
                                ));
                            }
                            self.expect_op(Op::RPar)?;
                            let kind = ExprKind::GeneratorExp { elt: self.alloc(e), generators };
                            let genexp = self.expr(kind, self.span(open));
                            return Ok((std::slice::from_ref(self.alloc(genexp)), &[]));
                        }
                        self.unparenthesized_genexp(open, e.loc)?;
                    }
                    if keyword_seen && !self.without_invalid() {
                        return Err(self.positional_after_keyword(unpacking_seen)?);
                    }
                    args.push(e);
                }
                Argument::Starred(e) => {
                    if self.at_kw(Kw::For) || self.at_kw(Kw::Async) {
                        if arg_start == open + 1 {
                            self.pos = arg_start;
                            self.check_starred_comprehension(arg_start)?;
                            self.starred_expression()?;
                        } else {
                            self.unparenthesized_genexp(open, e.loc)?;
                        }
                    }
                    args.push(e);
                }
                Argument::Keyword(k) => {
                    keyword_seen = true;
                    keywords.push(k);
                }
                Argument::DoubleStarred(k) => {
                    keyword_seen = true;
                    unpacking_seen = true;
                    keywords.push(k);
                }
            }
            if !self.eat_op(Op::Comma) {
                self.expect_op(Op::RPar)?;
                break;
            }
        }
        Ok((args.into_bump_slice(), keywords.into_bump_slice()))
    }

    /// A generator expression without parentheses after other arguments: "Generator
    /// expression must be parenthesized" when its clauses parse.
    fn unparenthesized_genexp(&mut self, open: usize, elt: Loc) -> PResult<()> {
        if self.without_invalid() {
            return Ok(());
        }
        if let Some(generators) = self.probe_specific(|p| p.for_if_clauses(open))? {
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
        let start = self.pos;
        match self.peek() {
            T::Op(Op::Star) => Ok(Argument::Starred(self.starred_expression()?)),
            T::Op(Op::DoubleStar) => {
                self.advance();
                let value = self.expression()?;
                Ok(Argument::DoubleStarred(Keyword {
                    loc: self.span(start),
                    arg: None,
                    value: self.alloc(value),
                }))
            }
            T::Name if self.peek_nth(1) == T::Op(Op::Equal) => {
                self.advance();
                let eq = self.advance();
                let value = self.expression()?;
                if (self.at_kw(Kw::For) || self.at_kw(Kw::Async)) && !self.without_invalid() {
                    let open = start.saturating_sub(1);
                    if self.probe_specific(|p| p.for_if_clauses(open))?.is_some() {
                        return Err(self.err_range(
                            "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
                            self.loc(start),
                            self.loc(eq),
                        ));
                    }
                }
                Ok(Argument::Keyword(Keyword {
                    loc: self.span(start),
                    arg: Some(self.ident(start)),
                    value: self.alloc(value),
                }))
            }
            T::Kw(Kw::True | Kw::False | Kw::None)
                if self.peek_nth(1) == T::Op(Op::Equal) && !self.without_invalid() =>
            {
                let name = self.text(start);
                Err(self.err_range(format!("cannot assign to {name}"), self.loc(start), self.loc(start + 1)))
            }
            _ => {
                let e = if self.at(T::Name) && self.peek_nth(1) == T::Op(Op::ColonEqual) {
                    self.assignment_expression()?
                } else {
                    self.expression()?
                };
                if self.at_op(Op::Equal) && !self.without_invalid() {
                    return Err(self.err_range(
                        "expression cannot contain assignment, perhaps you meant \"==\"?",
                        e.loc,
                        self.loc(self.pos),
                    ));
                }
                Ok(Argument::Positional(e))
            }
        }
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
