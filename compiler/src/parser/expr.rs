//! Expressions: CPython 3.11's rules from `star_expressions` down to atoms, and the
//! `invalid_*` rules that give their errors a specific message.
//!
//! Operator precedence is climbed in a loop and chains of prefix operators are folded
//! without recursion, so that only brackets, lambdas and conditional expressions nest the
//! native stack.

use crate::ast::{BoolOp, CmpOp, Comprehension, Constant, Expr, ExprKind, Loc, Operator, UnaryOp};
use crate::token::Op;

use super::targets::{expr_name, invalid_target, is_target_shape, Targets};
use super::{Kw, PResult, Parser, Scope, T};

/// Whether a token of kind `t` can begin an expression (CPython's `expression` rule).
pub(crate) fn starts_expression(t: T) -> bool {
    matches!(
        t,
        T::Name
            | T::Number
            | T::Str
            | T::Op(Op::LPar | Op::LSqb | Op::LBrace | Op::Minus | Op::Plus | Op::Tilde | Op::Ellipsis)
            | T::Kw(Kw::Not | Kw::Lambda | Kw::Await | Kw::None | Kw::True | Kw::False)
    )
}

/// Whether a token of kind `t` can begin a target (an atom, or `*`).
pub(crate) fn starts_target(t: T) -> bool {
    matches!(
        t,
        T::Name
            | T::Number
            | T::Str
            | T::Op(Op::LPar | Op::LSqb | Op::LBrace | Op::Ellipsis | Op::Star)
            | T::Kw(Kw::None | Kw::True | Kw::False)
    )
}

/// The binary operator a token stands for, with its precedence (`|` binds loosest).
fn binary_operator(t: T) -> Option<(Operator, u8)> {
    let T::Op(op) = t else { return None };
    Some(match op {
        Op::VBar => (Operator::BitOr, 1),
        Op::CircumFlex => (Operator::BitXor, 2),
        Op::Amper => (Operator::BitAnd, 3),
        Op::LeftShift => (Operator::LShift, 4),
        Op::RightShift => (Operator::RShift, 4),
        Op::Plus => (Operator::Add, 5),
        Op::Minus => (Operator::Sub, 5),
        Op::Star => (Operator::Mult, 6),
        Op::Slash => (Operator::Div, 6),
        Op::DoubleSlash => (Operator::FloorDiv, 6),
        Op::Percent => (Operator::Mod, 6),
        Op::At => (Operator::MatMult, 6),
        _ => return None,
    })
}

fn unary_operator(t: T) -> Option<UnaryOp> {
    match t {
        T::Op(Op::Plus) => Some(UnaryOp::UAdd),
        T::Op(Op::Minus) => Some(UnaryOp::USub),
        T::Op(Op::Tilde) => Some(UnaryOp::Invert),
        _ => None,
    }
}

/// Nesting weights, in CPython's rule invocations: a bracket costs a whole chain of rules.
pub(crate) const BRACKET_WEIGHT: u32 = 20;
const LAMBDA_WEIGHT: u32 = 2;
const POWER_WEIGHT: u32 = 2;

impl<'a> Parser<'a> {
    // ---- expression lists ----

    /// `star_expressions`: `*a, b` as a tuple without brackets.
    pub(crate) fn star_expressions(&mut self) -> PResult<Expr<'a>> {
        let start = self.pos;
        let first = self.star_expression()?;
        if !self.at_op(Op::Comma) {
            return Ok(first);
        }
        let mut elts = self.vec();
        elts.push(first);
        while self.eat_op(Op::Comma) {
            if !(starts_expression(self.peek()) || self.at_op(Op::Star)) {
                break;
            }
            elts.push(self.star_expression()?);
        }
        Ok(self.expr(ExprKind::Tuple(elts.into_bump_slice()), self.span(start)))
    }

    /// `star_expression: '*' bitwise_or | expression`
    pub(crate) fn star_expression(&mut self) -> PResult<Expr<'a>> {
        if self.at_op(Op::Star) {
            let start = self.advance();
            let value = self.bitwise_or()?;
            return Ok(self.expr(ExprKind::Starred(self.alloc(value)), self.span(start)));
        }
        self.expression()
    }

    /// `expressions`: a tuple of plain expressions (the `eval` input).
    pub(crate) fn expressions(&mut self) -> PResult<Expr<'a>> {
        let start = self.pos;
        let first = self.expression()?;
        if !self.at_op(Op::Comma) {
            return Ok(first);
        }
        let mut elts = self.vec();
        elts.push(first);
        while self.eat_op(Op::Comma) {
            if !starts_expression(self.peek()) {
                break;
            }
            elts.push(self.expression()?);
        }
        Ok(self.expr(ExprKind::Tuple(elts.into_bump_slice()), self.span(start)))
    }

    /// `star_named_expression: '*' bitwise_or | named_expression`
    pub(crate) fn star_named_expression(&mut self) -> PResult<Expr<'a>> {
        if self.at_op(Op::Star) {
            let start = self.advance();
            let value = self.bitwise_or()?;
            return Ok(self.expr(ExprKind::Starred(self.alloc(value)), self.span(start)));
        }
        self.named_expression()
    }

    /// `named_expression: NAME ':=' expression | expression !':='`
    pub(crate) fn named_expression(&mut self) -> PResult<Expr<'a>> {
        if self.at(T::Name) && self.peek_nth(1) == T::Op(Op::ColonEqual) {
            return self.assignment_expression();
        }
        let start = self.pos;
        let e = self.expression()?;
        self.check_named_expression(start, &e)?;
        Ok(e)
    }

    /// `assignment_expression: NAME ':=' ~ expression`
    pub(crate) fn assignment_expression(&mut self) -> PResult<Expr<'a>> {
        let name = self.advance();
        self.advance();
        let target = self.expr(ExprKind::Name(self.ident(name)), self.loc(name));
        let value = self.expression()?;
        let loc = self.span(name);
        Ok(self.expr(ExprKind::NamedExpr { target: self.alloc(target), value: self.alloc(value) }, loc))
    }

    /// CPython's `invalid_named_expression`, for an expression `e` (starting at token
    /// `start`) that a named expression would end after: `a.b := 1`, `x = 1` and `f() = 1`
    /// where an expression is expected.
    pub(crate) fn check_named_expression(&mut self, start: usize, e: &Expr<'a>) -> PResult<()> {
        match self.peek() {
            T::Op(Op::ColonEqual) => {
                if self
                    .probe(|p| {
                        p.advance();
                        p.expression()
                    })
                    .is_some()
                {
                    return Err(self.err_node(
                        format!("cannot use assignment expressions with {}", expr_name(e)),
                        e.loc,
                    ));
                }
            }
            T::Op(Op::Equal) => {
                // `a=bitwise_or '=' bitwise_or !('='|':=')`: only when what follows is another
                // operand and then neither `=` nor `:=`.
                let Some((value, _)) = self.probe(|p| {
                    p.advance();
                    let v = p.bitwise_or()?;
                    if matches!(p.peek(), T::Op(Op::Equal | Op::ColonEqual)) {
                        return Err(p.invalid_syntax());
                    }
                    Ok(v.loc)
                }) else {
                    return Ok(());
                };
                if self.kind_of(start) == T::Name && start + 1 == self.pos {
                    return Err(self.err_range(
                        "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
                        e.loc,
                        value,
                    ));
                }
                let parenthesized =
                    (e.loc.lineno, e.loc.col) != (self.loc(start).lineno, self.loc(start).col);
                if (parenthesized || is_bitwise_or_level(e)) && !self.starts_with_display(start, e) {
                    return Err(self.err_node(
                        format!(
                            "cannot assign to {} here. Maybe you meant '==' instead of '='?",
                            expr_name(e)
                        ),
                        e.loc,
                    ));
                }
            }
            _ => {}
        }
        Ok(())
    }

    /// Whether the expression `e` starting at token `start` begins with what CPython's
    /// `!(list|tuple|genexp|'True'|'None'|'False')` rejects: a list or tuple display, a
    /// generator expression, or one of those keywords.
    pub(crate) fn starts_with_display(&self, start: usize, e: &Expr<'a>) -> bool {
        if matches!(self.kind_of(start), T::Kw(Kw::True | Kw::None | Kw::False)) {
            return true;
        }
        let at = self.loc(start);
        let mut node = e;
        loop {
            if node.loc.lineno == at.lineno && node.loc.col == at.col {
                if matches!(node.kind, ExprKind::List(_) | ExprKind::Tuple(_) | ExprKind::GeneratorExp { .. })
                {
                    return true;
                }
            }
            node = match &node.kind {
                ExprKind::BinOp { left, .. } => left,
                ExprKind::Attribute { value, .. } | ExprKind::Subscript { value, .. } => value,
                ExprKind::Call { func, .. } => func,
                _ => return false,
            };
        }
    }

    // ---- expression ----

    /// `expression: disjunction 'if' disjunction 'else' expression | disjunction | lambdef`
    pub(crate) fn expression(&mut self) -> PResult<Expr<'a>> {
        self.deeper(1)?;
        let r = self.expression_inner();
        self.shallower(1);
        r
    }

    fn expression_inner(&mut self) -> PResult<Expr<'a>> {
        if self.at_kw(Kw::Lambda) {
            return self.lambdef();
        }
        let start = self.pos;
        self.check_legacy_print(start);
        let body = self.disjunction()?;
        if self.at_kw(Kw::If) {
            self.advance();
            let test = self.disjunction()?;
            if !self.eat_kw(Kw::Else) {
                if self.at_op(Op::Colon) || self.without_invalid() {
                    return Err(self.invalid_syntax());
                }
                return Err(self.err_range("expected 'else' after 'if' expression", body.loc, test.loc));
            }
            let orelse = self.expression()?;
            let loc = self.span(start);
            return Ok(self.expr(
                ExprKind::IfExp {
                    test: self.alloc(test),
                    body: self.alloc(body),
                    orelse: self.alloc(orelse),
                },
                loc,
            ));
        }
        self.check_missing_comma(start, &body)?;
        Ok(body)
    }

    /// CPython's `invalid_expression`: two expressions side by side inside brackets are
    /// "invalid syntax. Perhaps you forgot a comma?".
    fn check_missing_comma(&mut self, start: usize, a: &Expr<'a>) -> PResult<()> {
        if !starts_expression(self.peek()) || self.without_invalid() {
            return Ok(());
        }
        if (self.kind_of(start) == T::Name && self.look(start + 1) == T::Str)
            || (self.kind_of(start) == T::Name && matches!(self.text(start), "match" | "case" | "_"))
        {
            return Ok(());
        }
        if let ExprKind::Name(name) = a.kind {
            if name == "print" || name == "exec" {
                return Ok(());
            }
        }
        let Some((b, end)) = self.probe(|p| p.expression_without_invalid()) else { return Ok(()) };
        if self.level(end - 1) == 0 {
            return Ok(());
        }
        Err(self.err_range("invalid syntax. Perhaps you forgot a comma?", a.loc, b.loc))
    }

    /// An expression parsed with no `invalid_*` checks (CPython's
    /// `expression_without_invalid`).
    pub(crate) fn expression_without_invalid(&mut self) -> PResult<Expr<'a>> {
        self.no_invalid += 1;
        let r = self.expression();
        self.no_invalid -= 1;
        r
    }

    /// Whether `invalid_*` checks are switched off.
    #[inline]
    pub(crate) fn without_invalid(&self) -> bool {
        self.no_invalid > 0
    }

    /// CPython's `invalid_legacy_expression`: `print x` and `exec x` as Python 2 wrote
    /// them. It also matches valid code (`print -1`), so it is remembered and reported only
    /// if the parse fails later, as CPython's second pass would.
    fn check_legacy_print(&mut self, start: usize) {
        if self.without_invalid() || self.speculating > 0 || self.kind_of(start) != T::Name {
            return;
        }
        let name = self.text(start);
        if name != "print" && name != "exec" {
            return;
        }
        if self.look(start + 1) == T::Op(Op::LPar) {
            return;
        }
        let Some((b, _)) = self.probe(|p| {
            p.advance();
            p.no_invalid += 1;
            let r = p.star_expressions();
            p.no_invalid -= 1;
            r.map(|e| e.loc)
        }) else {
            return;
        };
        let e = self.err_range(
            format!("Missing parentheses in call to '{name}'. Did you mean {name}(...)?"),
            self.loc(start),
            b,
        );
        self.defer(e);
    }

    /// `lambdef: 'lambda' [lambda_params] ':' expression`
    fn lambdef(&mut self) -> PResult<Expr<'a>> {
        let start = self.advance();
        self.deeper(LAMBDA_WEIGHT)?;
        let args = self.lambda_params()?;
        self.expect_op(Op::Colon)?;
        let scope = std::mem::replace(&mut self.scope, Scope::Function);
        let body = self.expression();
        self.scope = scope;
        let body = body?;
        self.shallower(LAMBDA_WEIGHT);
        let loc = self.span(start);
        Ok(self.expr(ExprKind::Lambda { args, body: self.alloc(body) }, loc))
    }

    // ---- boolean operators and comparisons ----

    /// `disjunction: conjunction ('or' conjunction)*`
    pub(crate) fn disjunction(&mut self) -> PResult<Expr<'a>> {
        let start = self.pos;
        let first = self.conjunction()?;
        if !self.at_kw(Kw::Or) {
            return Ok(first);
        }
        let mut values = self.vec();
        values.push(first);
        while self.eat_kw(Kw::Or) {
            values.push(self.conjunction()?);
        }
        Ok(self.expr(ExprKind::BoolOp { op: BoolOp::Or, values: values.into_bump_slice() }, self.span(start)))
    }

    /// `conjunction: inversion ('and' inversion)*`
    fn conjunction(&mut self) -> PResult<Expr<'a>> {
        let start = self.pos;
        let first = self.inversion()?;
        if !self.at_kw(Kw::And) {
            return Ok(first);
        }
        let mut values = self.vec();
        values.push(first);
        while self.eat_kw(Kw::And) {
            values.push(self.inversion()?);
        }
        Ok(self
            .expr(ExprKind::BoolOp { op: BoolOp::And, values: values.into_bump_slice() }, self.span(start)))
    }

    /// `inversion: 'not' inversion | comparison`, a run of `not`s folded without recursion.
    fn inversion(&mut self) -> PResult<Expr<'a>> {
        let start = self.pos;
        while self.at_kw(Kw::Not) {
            self.advance();
        }
        let count = (self.pos - start) as u32;
        self.deeper(count)?;
        let mut e = self.comparison()?;
        for i in (start..start + count as usize).rev() {
            let loc = self.span(i);
            e = self.expr(ExprKind::UnaryOp { op: UnaryOp::Not, operand: self.alloc(e) }, loc);
        }
        self.shallower(count);
        Ok(e)
    }

    /// The comparison operator at the cursor, with how many tokens it takes.
    fn comparison_operator(&self) -> Option<(CmpOp, usize)> {
        Some(match self.peek() {
            T::Op(Op::EqEqual) => (CmpOp::Eq, 1),
            // `<>` is CPython's Barry-as-FLUFL spelling, refused outside that mode.
            T::Op(Op::NotEqual) if self.text(self.pos) == "<>" => return None,
            T::Op(Op::NotEqual) => (CmpOp::NotEq, 1),
            T::Op(Op::LessEqual) => (CmpOp::LtE, 1),
            T::Op(Op::Less) => (CmpOp::Lt, 1),
            T::Op(Op::GreaterEqual) => (CmpOp::GtE, 1),
            T::Op(Op::Greater) => (CmpOp::Gt, 1),
            T::Kw(Kw::Not) if self.peek_nth(1) == T::Kw(Kw::In) => (CmpOp::NotIn, 2),
            T::Kw(Kw::In) => (CmpOp::In, 1),
            T::Kw(Kw::Is) if self.peek_nth(1) == T::Kw(Kw::Not) => (CmpOp::IsNot, 2),
            T::Kw(Kw::Is) => (CmpOp::Is, 1),
            _ => return None,
        })
    }

    /// `comparison: bitwise_or (compare_op bitwise_or)*`
    fn comparison(&mut self) -> PResult<Expr<'a>> {
        let start = self.pos;
        let left = self.bitwise_or()?;
        if self.comparison_operator().is_none() {
            return Ok(left);
        }
        let mut ops = self.vec();
        let mut comparators = self.vec();
        while let Some((op, len)) = self.comparison_operator() {
            for _ in 0..len {
                self.advance();
            }
            ops.push(op);
            comparators.push(self.bitwise_or()?);
        }
        let comparators = comparators.into_bump_slice();
        Ok(self.expr(
            ExprKind::Compare { left: self.alloc(left), ops: ops.into_bump_slice(), comparators },
            self.span(start),
        ))
    }

    // ---- arithmetic ----

    /// `bitwise_or` and every binary operator below it, by precedence climbing.
    pub(crate) fn bitwise_or(&mut self) -> PResult<Expr<'a>> {
        self.binary(1)
    }

    fn binary(&mut self, min_prec: u8) -> PResult<Expr<'a>> {
        let start = self.pos;
        let mut left = self.factor()?;
        while let Some((op, prec)) = binary_operator(self.peek()) {
            if prec < min_prec {
                break;
            }
            self.advance();
            let right = if prec == 6 { self.factor()? } else { self.binary(prec + 1)? };
            let loc = self.span(start);
            left = self.expr(ExprKind::BinOp { left: self.alloc(left), op, right: self.alloc(right) }, loc);
        }
        Ok(left)
    }

    /// `factor: ('+' | '-' | '~') factor | power`, a run of prefix operators folded without
    /// recursion.
    fn factor(&mut self) -> PResult<Expr<'a>> {
        let start = self.pos;
        while unary_operator(self.peek()).is_some() {
            self.advance();
        }
        let count = (self.pos - start) as u32;
        self.deeper(count)?;
        let e = self.power()?;
        let e = self.apply_unary(start, count as usize, e);
        self.shallower(count);
        Ok(e)
    }

    /// Wrap `e` in the prefix operators of tokens `start..start + count`, innermost last.
    fn apply_unary(&self, start: usize, count: usize, mut e: Expr<'a>) -> Expr<'a> {
        for i in (start..start + count).rev() {
            let Some(op) = unary_operator(self.kind_of(i)) else { continue };
            let loc = self.span(i);
            e = self.expr(ExprKind::UnaryOp { op, operand: self.alloc(e) }, loc);
        }
        e
    }

    /// `power: await_primary '**' factor | await_primary`. `**` binds to the right and its
    /// right operand may carry prefix operators: `a ** -b ** c` is `a ** (-(b ** c))`. The
    /// chain is collected, then folded from the right; every node of it ends where the chain
    /// ends.
    fn power(&mut self) -> PResult<Expr<'a>> {
        let base_start = self.pos;
        let base = self.await_primary()?;
        if !self.at_op(Op::DoubleStar) {
            return Ok(base);
        }
        // Each link: the token of its first prefix operator, how many there are, and its
        // operand (which starts right after them).
        let mut links = self.vec::<(usize, usize, Expr<'a>)>();
        let mut weight = 0;
        while self.eat_op(Op::DoubleStar) {
            let start = self.pos;
            while unary_operator(self.peek()).is_some() {
                self.advance();
            }
            let count = self.pos - start;
            weight += POWER_WEIGHT + count as u32;
            self.deeper(POWER_WEIGHT + count as u32)?;
            links.push((start, count, self.await_primary()?));
        }
        let mut right = None;
        while let Some((start, count, operand)) = links.pop() {
            let operand = match right.take() {
                None => operand,
                Some(right) => self.expr(
                    ExprKind::BinOp {
                        left: self.alloc(operand),
                        op: Operator::Pow,
                        right: self.alloc(right),
                    },
                    self.span(start + count),
                ),
            };
            right = Some(self.apply_unary(start, count, operand));
        }
        let right = right.expect("a '**' has a right operand");
        self.shallower(weight);
        Ok(self.expr(
            ExprKind::BinOp { left: self.alloc(base), op: Operator::Pow, right: self.alloc(right) },
            self.span(base_start),
        ))
    }

    /// `await_primary: 'await' primary | primary`. cellvm has no coroutines; CPython
    /// refuses `await` outside an `async def` when compiling, so the error waits until the
    /// file has parsed.
    fn await_primary(&mut self) -> PResult<Expr<'a>> {
        if !self.at_kw(Kw::Await) {
            return self.primary();
        }
        let start = self.advance();
        let mut e = self.primary()?;
        let loc = self.span(start);
        let msg = match self.scope {
            Scope::Module | Scope::Class => "'await' outside function",
            Scope::Function => "'await' outside async function",
        };
        let err = self.err_node(msg, loc);
        self.compile_time_error(err);
        e.loc = loc;
        Ok(e)
    }

    // ---- primaries ----

    /// `primary: primary '.' NAME | primary genexp | primary '(' [arguments] ')' |
    /// primary '[' slices ']' | atom`
    pub(crate) fn primary(&mut self) -> PResult<Expr<'a>> {
        let start = self.pos;
        let mut e = self.atom()?;
        loop {
            match self.peek() {
                T::Op(Op::Dot) => {
                    self.advance();
                    let name = self.expect(T::Name)?;
                    let loc = self.span(start);
                    e = self.expr(ExprKind::Attribute { value: self.alloc(e), attr: self.ident(name) }, loc);
                }
                T::Op(Op::LPar) => e = self.call(start, e)?,
                T::Op(Op::LSqb) => {
                    self.advance();
                    self.deeper(BRACKET_WEIGHT)?;
                    let slice = self.slices()?;
                    self.expect_op(Op::RSqb)?;
                    self.shallower(BRACKET_WEIGHT);
                    let loc = self.span(start);
                    e = self
                        .expr(ExprKind::Subscript { value: self.alloc(e), slice: self.alloc(slice) }, loc);
                }
                _ => return Ok(e),
            }
        }
    }

    /// `slices: slice !',' | ','.(slice | starred_expression)+ [',']`
    fn slices(&mut self) -> PResult<Expr<'a>> {
        let start = self.pos;
        let first = self.slice_or_starred()?;
        // A lone starred element is still a tuple: `a[*b]` is `a[(*b,)]`.
        if !self.at_op(Op::Comma) && !matches!(first.kind, ExprKind::Starred(_)) {
            return Ok(first);
        }
        let mut elts = self.vec();
        elts.push(first);
        while self.eat_op(Op::Comma) {
            if !(starts_expression(self.peek()) || matches!(self.peek(), T::Op(Op::Colon | Op::Star))) {
                break;
            }
            elts.push(self.slice_or_starred()?);
        }
        Ok(self.expr(ExprKind::Tuple(elts.into_bump_slice()), self.span(start)))
    }

    fn slice_or_starred(&mut self) -> PResult<Expr<'a>> {
        if self.at_op(Op::Star) {
            let start = self.advance();
            let value = self.expression()?;
            return Ok(self.expr(ExprKind::Starred(self.alloc(value)), self.span(start)));
        }
        self.slice()
    }

    /// `slice: [expression] ':' [expression] [':' [expression]] | named_expression`
    fn slice(&mut self) -> PResult<Expr<'a>> {
        let start = self.pos;
        if self.at(T::Name) && self.peek_nth(1) == T::Op(Op::ColonEqual) {
            return self.assignment_expression();
        }
        let lower = if self.at_op(Op::Colon) { None } else { Some(self.expression()?) };
        if !self.eat_op(Op::Colon) {
            let e = lower.expect("an expression when no ':'");
            self.check_named_expression(start, &e)?;
            return Ok(e);
        }
        let upper = self.optional_expression()?;
        let step = if self.eat_op(Op::Colon) { self.optional_expression()? } else { None };
        let kind = ExprKind::Slice {
            lower: lower.map(|e| self.alloc(e)),
            upper: upper.map(|e| self.alloc(e)),
            step: step.map(|e| self.alloc(e)),
        };
        Ok(self.expr(kind, self.span(start)))
    }

    fn optional_expression(&mut self) -> PResult<Option<Expr<'a>>> {
        if starts_expression(self.peek()) {
            Ok(Some(self.expression()?))
        } else {
            Ok(None)
        }
    }

    // ---- atoms ----

    /// `atom`: a name, a keyword constant, strings, a number, a bracketed form or `...`.
    fn atom(&mut self) -> PResult<Expr<'a>> {
        let i = self.pos;
        let constant = |p: &mut Self, c: Constant<'a>| {
            p.advance();
            Ok(p.expr(ExprKind::Constant(c), p.loc(i)))
        };
        match self.peek() {
            T::Name => {
                self.advance();
                Ok(self.expr(ExprKind::Name(self.ident(i)), self.loc(i)))
            }
            T::Kw(Kw::True) => constant(self, Constant::Bool(true)),
            T::Kw(Kw::False) => constant(self, Constant::Bool(false)),
            T::Kw(Kw::None) => constant(self, Constant::None),
            T::Op(Op::Ellipsis) => constant(self, Constant::Ellipsis),
            T::Number => {
                let c = self.number(i)?;
                constant(self, c)
            }
            T::Str => self.strings(),
            T::Op(Op::LPar) => self.bracketed(Self::paren_atom),
            T::Op(Op::LSqb) => self.bracketed(Self::list_atom),
            T::Op(Op::LBrace) => self.bracketed(Self::brace_atom),
            _ => Err(self.invalid_syntax()),
        }
    }

    fn bracketed(&mut self, f: fn(&mut Self) -> PResult<Expr<'a>>) -> PResult<Expr<'a>> {
        self.deeper(BRACKET_WEIGHT)?;
        let r = f(self)?;
        self.shallower(BRACKET_WEIGHT);
        Ok(r)
    }

    /// `(`: a tuple, a parenthesized expression (`group`) or a generator expression.
    fn paren_atom(&mut self) -> PResult<Expr<'a>> {
        let open = self.advance();
        if self.eat_op(Op::RPar) {
            return Ok(self.expr(ExprKind::Tuple(&[]), self.span(open)));
        }
        if self.at_kw(Kw::Yield) {
            let e = self.yield_expr()?;
            self.expect_op(Op::RPar)?;
            return Ok(e);
        }
        if self.at_op(Op::DoubleStar) {
            // invalid_group: '(' '**' expression ')'
            let star = self.pos;
            if self
                .probe(|p| {
                    p.advance();
                    p.expression()?;
                    p.expect_op(Op::RPar)
                })
                .is_some()
                && !self.without_invalid()
            {
                return Err(self.err_tok(star, "cannot use double starred expression here"));
            }
            return Err(self.invalid_syntax());
        }
        let first_start = self.pos;
        let first = self.star_named_expression()?;
        match self.peek() {
            T::Op(Op::Comma) => {
                let mut elts = self.vec();
                elts.push(first);
                while self.eat_op(Op::Comma) {
                    if self.at_op(Op::RPar) {
                        break;
                    }
                    elts.push(self.star_named_expression()?);
                }
                self.expect_op(Op::RPar)?;
                Ok(self.expr(ExprKind::Tuple(elts.into_bump_slice()), self.span(open)))
            }
            T::Op(Op::RPar) if !matches!(first.kind, ExprKind::Starred(_)) => {
                self.advance();
                Ok(first)
            }
            T::Kw(Kw::For | Kw::Async) if !matches!(first.kind, ExprKind::Starred(_)) => {
                let generators = self.for_if_clauses(open)?;
                self.expect_op(Op::RPar)?;
                let loc = self.span(open);
                let kind = ExprKind::GeneratorExp { elt: self.alloc(first), generators };
                Ok(self.expr(kind, loc))
            }
            _ => {
                if matches!(first.kind, ExprKind::Starred(_)) {
                    self.check_starred_comprehension(first_start)?;
                    // invalid_group: '(' starred_expression ')'
                    if let Some((loc, _)) = self.probe(|p| {
                        p.pos = first_start;
                        let e = p.starred_expression()?;
                        p.expect_op(Op::RPar)?;
                        Ok(e.loc)
                    }) {
                        if !self.without_invalid() {
                            return Err(self.err_node("cannot use starred expression here", loc));
                        }
                    }
                }
                Err(self.invalid_syntax())
            }
        }
    }

    /// `starred_expression: '*' expression`
    pub(crate) fn starred_expression(&mut self) -> PResult<Expr<'a>> {
        let start = self.expect_op(Op::Star)?;
        let value = self.expression()?;
        Ok(self.expr(ExprKind::Starred(self.alloc(value)), self.span(start)))
    }

    /// CPython's `invalid_comprehension` for a starred element (which starts at token
    /// `star`): `[*a for a in b]` is "iterable unpacking cannot be used in comprehension".
    pub(crate) fn check_starred_comprehension(&mut self, star: usize) -> PResult<()> {
        if self.without_invalid() {
            return Ok(());
        }
        let open = star - 1;
        if let Some((loc, _)) = self.probe(|p| {
            p.pos = star;
            let e = p.starred_expression()?;
            if !(p.at_kw(Kw::For) || p.at_kw(Kw::Async)) {
                return Err(p.invalid_syntax());
            }
            p.for_if_clauses(open)?;
            Ok(e.loc)
        }) {
            return Err(self.err_node("iterable unpacking cannot be used in comprehension", loc));
        }
        Ok(())
    }

    /// CPython's `invalid_comprehension` for `[a, b for ...]` and `{a, for ...}`: "did you
    /// forget parentheses around the comprehension target?". `first` is the first element,
    /// `last` the end of the last element (or the trailing comma).
    fn check_comprehension_target(&mut self, open: usize, first: Loc, last: Loc) -> PResult<()> {
        if self.without_invalid() || !(self.at_kw(Kw::For) || self.at_kw(Kw::Async)) {
            return Ok(());
        }
        if self.probe(|p| p.for_if_clauses(open)).is_some() {
            return Err(self.err_range(
                "did you forget parentheses around the comprehension target?",
                first,
                last,
            ));
        }
        Ok(())
    }

    /// `[`: a list or a list comprehension.
    fn list_atom(&mut self) -> PResult<Expr<'a>> {
        let open = self.advance();
        if self.eat_op(Op::RSqb) {
            return Ok(self.expr(ExprKind::List(&[]), self.span(open)));
        }
        let first_start = self.pos;
        let first = self.star_named_expression()?;
        if self.at_kw(Kw::For) || self.at_kw(Kw::Async) {
            if matches!(first.kind, ExprKind::Starred(_)) {
                self.check_starred_comprehension(first_start)?;
                return Err(self.invalid_syntax());
            }
            let generators = self.for_if_clauses(open)?;
            self.expect_op(Op::RSqb)?;
            let loc = self.span(open);
            return Ok(self.expr(ExprKind::ListComp { elt: self.alloc(first), generators }, loc));
        }
        let elts = self.display_rest(open, first_start, first, Op::RSqb)?;
        Ok(self.expr(ExprKind::List(elts), self.span(open)))
    }

    /// The elements of a list or set display after the first one, up to and including
    /// the closing bracket.
    fn display_rest(
        &mut self,
        open: usize,
        first_start: usize,
        first: Expr<'a>,
        close: Op,
    ) -> PResult<&'a [Expr<'a>]> {
        let first_loc = first.loc;
        let first_starred = matches!(first.kind, ExprKind::Starred(_));
        let mut elts = self.vec();
        elts.push(first);
        while self.at_op(Op::Comma) {
            let comma = self.advance();
            if self.at_kw(Kw::For) || self.at_kw(Kw::Async) {
                self.check_comprehension_target(open, first_loc, self.loc(comma))?;
            }
            if self.at_op(close) {
                break;
            }
            elts.push(self.star_named_expression()?);
        }
        if elts.len() > 1 {
            let last = elts[elts.len() - 1].loc;
            self.check_comprehension_target(open, first_loc, last)?;
        } else if first_starred {
            self.check_starred_comprehension(first_start)?;
        }
        self.expect_op(close)?;
        Ok(elts.into_bump_slice())
    }

    /// `{`: a dict, a set, or their comprehensions.
    fn brace_atom(&mut self) -> PResult<Expr<'a>> {
        let open = self.advance();
        if self.eat_op(Op::RBrace) {
            return Ok(self.expr(ExprKind::Dict { keys: &[], values: &[] }, self.span(open)));
        }
        if self.at_op(Op::DoubleStar) {
            let star = self.advance();
            let value = self.bitwise_or()?;
            if (self.at_kw(Kw::For) || self.at_kw(Kw::Async)) && !self.without_invalid() {
                // invalid_dict_comprehension: '{' '**' bitwise_or for_if_clauses '}'
                if self
                    .probe(|p| {
                        p.for_if_clauses(open)?;
                        p.expect_op(Op::RBrace)
                    })
                    .is_some()
                {
                    return Err(self.err_tok(star, "dict unpacking cannot be used in dict comprehension"));
                }
            }
            return self.dict_rest(open, None, value);
        }
        let first_start = self.pos;
        if self.at_op(Op::Star) || (self.at(T::Name) && self.peek_nth(1) == T::Op(Op::ColonEqual)) {
            let first = self.star_named_expression()?;
            return self.set_rest(open, first_start, first);
        }
        let first = self.expression()?;
        if !self.at_op(Op::Colon) {
            self.check_named_expression(first_start, &first)?;
            return self.set_rest(open, first_start, first);
        }
        let colon = self.advance();
        let value = self.dict_value(colon)?;
        if self.at_kw(Kw::For) || self.at_kw(Kw::Async) {
            let generators = self.for_if_clauses(open)?;
            self.expect_op(Op::RBrace)?;
            let loc = self.span(open);
            let kind = ExprKind::DictComp { key: self.alloc(first), value: self.alloc(value), generators };
            return Ok(self.expr(kind, loc));
        }
        self.dict_rest(open, Some(first), value)
    }

    /// The value after `key:` in a dict display, with CPython's `invalid_kvpair` messages.
    fn dict_value(&mut self, colon: usize) -> PResult<Expr<'a>> {
        if !self.without_invalid() {
            if self.at_op(Op::Star) {
                let star = self.pos;
                let starred = |p: &mut Self| {
                    p.advance();
                    p.bitwise_or()?;
                    // CPython's rule looks at the token after the operand.
                    p.peek();
                    Ok(())
                };
                if self.probe(starred).is_some() {
                    starred(self)?;
                    return Err(self
                        .err_from("cannot use a starred expression in a dictionary value", self.loc(star)));
                }
            }
            if matches!(self.peek(), T::Op(Op::RBrace | Op::Comma)) {
                return Err(self.err_tok(colon, "expression expected after dictionary key and ':'"));
            }
        }
        self.expression()
    }

    /// The rest of a dict display after its first entry (`key` is `None` for `**value`).
    fn dict_rest(&mut self, open: usize, key: Option<Expr<'a>>, value: Expr<'a>) -> PResult<Expr<'a>> {
        let mut keys = self.vec();
        let mut values = self.vec();
        keys.push(key);
        values.push(value);
        while self.eat_op(Op::Comma) {
            if self.at_op(Op::RBrace) {
                break;
            }
            if self.eat_op(Op::DoubleStar) {
                keys.push(None);
                values.push(self.bitwise_or()?);
                continue;
            }
            let key = self.expression()?;
            if !self.at_op(Op::Colon) {
                if self.without_invalid() {
                    return Err(self.invalid_syntax());
                }
                // invalid_kvpair: CPython points at the key's last character, and has no end.
                let at = key.loc;
                return Err(self.error(
                    crate::error::ErrorKind::SyntaxError,
                    "':' expected after dictionary key".into(),
                    at.lineno,
                    at.end_col as i64,
                    at.end_lineno,
                    0,
                ));
            }
            let colon = self.advance();
            keys.push(Some(key));
            values.push(self.dict_value(colon)?);
        }
        self.expect_op(Op::RBrace)?;
        let kind = ExprKind::Dict { keys: keys.into_bump_slice(), values: values.into_bump_slice() };
        Ok(self.expr(kind, self.span(open)))
    }

    /// The rest of a set display or set comprehension after its first element.
    fn set_rest(&mut self, open: usize, first_start: usize, first: Expr<'a>) -> PResult<Expr<'a>> {
        if self.at_kw(Kw::For) || self.at_kw(Kw::Async) {
            if matches!(first.kind, ExprKind::Starred(_)) {
                self.check_starred_comprehension(first_start)?;
                return Err(self.invalid_syntax());
            }
            let generators = self.for_if_clauses(open)?;
            self.expect_op(Op::RBrace)?;
            let loc = self.span(open);
            return Ok(self.expr(ExprKind::SetComp { elt: self.alloc(first), generators }, loc));
        }
        let elts = self.display_rest(open, first_start, first, Op::RBrace)?;
        Ok(self.expr(ExprKind::Set(elts), self.span(open)))
    }

    // ---- comprehensions ----

    /// `for_if_clauses: for_if_clause+`. `open` is the comprehension's opening bracket.
    pub(crate) fn for_if_clauses(&mut self, open: usize) -> PResult<&'a [Comprehension<'a>]> {
        let mut generators = self.vec();
        while self.at_kw(Kw::For) || (self.at_kw(Kw::Async) && self.peek_nth(1) == T::Kw(Kw::For)) {
            if self.at_kw(Kw::Async) {
                let at = self.loc(open);
                let err = self.err_node("asynchronous comprehension outside of an asynchronous function", at);
                self.compile_time_error(err);
                self.advance();
            }
            self.advance();
            let target = self.for_target()?;
            let iter = self.disjunction()?;
            let mut ifs = self.vec();
            while self.eat_kw(Kw::If) {
                ifs.push(self.disjunction()?);
            }
            generators.push(Comprehension {
                target: self.alloc(target),
                iter: self.alloc(iter),
                ifs: ifs.into_bump_slice(),
            });
        }
        if generators.is_empty() {
            return Err(self.invalid_syntax());
        }
        Ok(generators.into_bump_slice())
    }

    /// `star_targets 'in'` after a `for`, with CPython's `invalid_for_target`: when the
    /// targets do not parse, the text is read as expressions and the first thing in it that
    /// cannot be assigned to is named.
    pub(crate) fn for_target(&mut self) -> PResult<Expr<'a>> {
        let start = self.pos;
        if let Some(target) = self.attempt(|p| {
            let t = p.star_targets()?;
            if !p.at_kw(Kw::In) {
                return Err(p.invalid_syntax());
            }
            Ok(t)
        })? {
            self.advance();
            return Ok(target);
        }
        if !self.without_invalid() {
            debug_assert_eq!(self.pos, start);
            if let Some(e) = self.probe_specific(|p| p.star_expressions())? {
                if let Some(bad) = invalid_target(&e, Targets::For) {
                    return Err(self.err_node(format!("cannot assign to {}", expr_name(bad)), bad.loc));
                }
            }
        }
        Err(self.invalid_syntax())
    }

    // ---- targets ----

    /// `star_targets`: one target, or several separated by commas (a tuple). Targets are
    /// parsed as expressions and must have a target's shape.
    pub(crate) fn star_targets(&mut self) -> PResult<Expr<'a>> {
        let start = self.pos;
        let first = self.star_target()?;
        if !self.at_op(Op::Comma) {
            return Ok(first);
        }
        let mut elts = self.vec();
        elts.push(first);
        while self.eat_op(Op::Comma) {
            if !starts_target(self.peek()) {
                break;
            }
            elts.push(self.star_target()?);
        }
        Ok(self.expr(ExprKind::Tuple(elts.into_bump_slice()), self.span(start)))
    }

    /// `star_target: '*' (!'*' star_target) | target_with_star_atom`
    pub(crate) fn star_target(&mut self) -> PResult<Expr<'a>> {
        if self.at_op(Op::Star) {
            let start = self.advance();
            if self.at_op(Op::Star) {
                return Err(self.invalid_syntax());
            }
            self.deeper(1)?;
            let value = self.star_target()?;
            self.shallower(1);
            return Ok(self.expr(ExprKind::Starred(self.alloc(value)), self.span(start)));
        }
        let e = self.bitwise_or()?;
        if !is_target_shape(&e) {
            return Err(self.invalid_syntax());
        }
        Ok(e)
    }

    // ---- yield ----

    /// `yield_expr: 'yield' 'from' expression | 'yield' [star_expressions]`
    pub(crate) fn yield_expr(&mut self) -> PResult<Expr<'a>> {
        let start = self.advance();
        if self.eat_kw(Kw::From) {
            let value = self.expression()?;
            return Ok(self.expr(ExprKind::YieldFrom(self.alloc(value)), self.span(start)));
        }
        if starts_expression(self.peek()) || self.at_op(Op::Star) {
            let value = self.star_expressions()?;
            return Ok(self.expr(ExprKind::Yield(Some(self.alloc(value))), self.span(start)));
        }
        Ok(self.expr(ExprKind::Yield(None), self.loc(start)))
    }
}

/// Whether `e` is what CPython's `bitwise_or` rule produces on its own (no comparison,
/// boolean operator, `not`, conditional, lambda or named expression at the top).
pub(crate) fn is_bitwise_or_level(e: &Expr<'_>) -> bool {
    !matches!(
        e.kind,
        ExprKind::Compare { .. }
            | ExprKind::BoolOp { .. }
            | ExprKind::UnaryOp { op: UnaryOp::Not, .. }
            | ExprKind::IfExp { .. }
            | ExprKind::Lambda { .. }
            | ExprKind::NamedExpr { .. }
    )
}
