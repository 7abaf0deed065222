//! Expressions: CPython 3.11's rules from `star_expressions` down to atoms, and the
//! `invalid_*` rules that give their errors a specific message.
//!
//! Operator precedence is climbed in a loop and chains of prefix operators are folded
//! without recursion, so that only brackets, lambdas and conditional expressions nest the
//! native stack.

use crate::ast::{BoolOp, CmpOp, Comprehension, Constant, Expr, ExprKind, Loc, Operator, UnaryOp};
use crate::token::Op;

use super::targets::Targets;
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
const IF_WEIGHT: u32 = 2;
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
        Ok(self.expr(ExprKind::Tuple(self.alloc_list(elts)), self.span(start)))
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
        Ok(self.expr(ExprKind::Tuple(self.alloc_list(elts)), self.span(start)))
    }

    /// `star_named_expression: '*' bitwise_or | named_expression`
    pub(crate) fn star_named_expression(&mut self) -> PResult<Expr<'a>> {
        if self.at_op(Op::Star) {
            return self.starred_bitwise_or();
        }
        self.named_expression()
    }

    /// `'*' bitwise_or`
    #[inline(never)]
    fn starred_bitwise_or(&mut self) -> PResult<Expr<'a>> {
        let start = self.advance();
        let value = self.bitwise_or()?;
        Ok(self.expr(ExprKind::Starred(self.alloc(value)), self.span(start)))
    }

    /// `named_expression: NAME ':=' expression | expression !':='`
    pub(crate) fn named_expression(&mut self) -> PResult<Expr<'a>> {
        if self.at(T::Name) && self.peek_nth(1) == T::Op(Op::ColonEqual) {
            return self.assignment_expression();
        }
        let start = self.pos;
        let e = self.expression()?;
        if matches!(self.peek(), T::Op(Op::Equal | Op::ColonEqual)) {
            self.check_named_expression(start, &e)?;
        }
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
        if self.without_invalid() {
            return Ok(());
        }
        match self.peek() {
            T::Op(Op::ColonEqual) => {
                let value = self.probe(|p| {
                    p.advance();
                    p.expression()
                })?;
                if value.is_some() {
                    let msg = format!("cannot use assignment expressions with {}", self.expr_name(e));
                    return Err(self.err_node(msg, e.loc));
                }
            }
            T::Op(Op::Equal) => {
                // `NAME '=' bitwise_or !('='|':=')`, then `!(list|tuple|genexp|'True'|'None'|
                // 'False') bitwise_or '=' bitwise_or !('='|':=')`: when what follows is another
                // operand, and then neither `=` nor `:=`.
                let single_name = self.kind_of(start) == T::Name && start + 1 == self.pos;
                let parenthesized =
                    (e.loc.lineno, e.loc.col) != (self.loc(start).lineno, self.loc(start).col);
                if !single_name
                    && (!(parenthesized || is_bitwise_or_level(e)) || self.starts_with_display(start, e))
                {
                    return Ok(());
                }
                let Some((value, _)) = self.probe(|p| {
                    p.advance();
                    let v = p.bitwise_or()?;
                    if matches!(p.peek(), T::Op(Op::Equal | Op::ColonEqual)) {
                        return Err(p.invalid_syntax());
                    }
                    Ok(v.loc)
                })?
                else {
                    return Ok(());
                };
                if single_name {
                    let msg = "invalid syntax. Maybe you meant '==' or ':=' instead of '='?";
                    return Err(self.err_range(msg, e.loc, value));
                }
                let msg = format!(
                    "cannot assign to {} here. Maybe you meant '==' instead of '='?",
                    self.expr_name(e)
                );
                return Err(self.err_node(msg, e.loc));
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
            let at_start = node.loc.lineno == at.lineno && node.loc.col == at.col;
            if at_start
                && matches!(node.kind, ExprKind::List(_) | ExprKind::Tuple(_) | ExprKind::GeneratorExp { .. })
            {
                return true;
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

    // The rules of the expression chain keep their common path lean and move the rest into
    // functions of their own: their frames stack up once per level of brackets, and 200
    // levels must fit in a 2 MiB stack in a debug build.

    fn expression_inner(&mut self) -> PResult<Expr<'a>> {
        if self.at_kw(Kw::Lambda) {
            return self.lambdef();
        }
        let start = self.pos;
        let body = match self.disjunction() {
            Ok(body) => body,
            Err(e) => return Err(self.failed_expression(start, e)),
        };
        if self.at_kw(Kw::If) {
            return self.if_expression(start, body);
        }
        if starts_expression(self.peek()) || self.pass2 {
            self.check_missing_comma(start, &body)?;
            self.check_legacy_expression(start)?;
        }
        Ok(body)
    }

    /// CPython's second pass tries its legacy rule even when the expression fails.
    #[inline(never)]
    fn failed_expression(&mut self, start: usize, e: Box<super::PErr>) -> Box<super::PErr> {
        if e.generic {
            if let Err(legacy) = self.check_legacy_expression(start) {
                return legacy;
            }
        }
        e
    }

    /// `body 'if' disjunction 'else' expression`, the cursor on the `if`. A chain
    /// (`a if b else c if d else e`) is read in a loop and folded from the right, so that
    /// it does not nest.
    #[inline(never)]
    fn if_expression(&mut self, start: usize, body: Expr<'a>) -> PResult<Expr<'a>> {
        // Each link: where it starts, its body and its test.
        let mut links = self.vec::<(usize, Expr<'a>, Expr<'a>)>();
        let (mut start, mut body) = (start, body);
        let orelse = loop {
            let if_tok = self.advance();
            let test = match self.disjunction() {
                Ok(test) => test,
                // Without the error rules a failed `if` is not part of the expression.
                Err(e) if e.generic && self.without_invalid() => {
                    self.pos = if_tok;
                    break body;
                }
                Err(e) => return Err(e),
            };
            if !self.eat_kw(Kw::Else) {
                if self.without_invalid() {
                    self.pos = if_tok;
                    break body;
                }
                if self.at_op(Op::Colon) {
                    return Err(self.invalid_syntax());
                }
                return Err(self.err_range("expected 'else' after 'if' expression", body.loc, test.loc));
            }
            self.check_legacy_expression(start)?;
            links.push((start, body, test));
            // The `else` branch is an expression: another link of the chain, or the end.
            self.deeper(IF_WEIGHT)?;
            let orelse_start = self.pos;
            if self.at_kw(Kw::Lambda) {
                break self.lambdef()?;
            }
            let next = match self.disjunction() {
                Ok(next) => next,
                Err(e) => return Err(self.failed_expression(orelse_start, e)),
            };
            if self.at_kw(Kw::If) {
                (start, body) = (orelse_start, next);
                continue;
            }
            if starts_expression(self.peek()) || self.pass2 {
                self.check_missing_comma(orelse_start, &next)?;
                self.check_legacy_expression(orelse_start)?;
            }
            break next;
        };
        self.shallower(IF_WEIGHT * links.len() as u32);
        let mut result = orelse;
        while let Some((start, body, test)) = links.pop() {
            let loc = self.span(start);
            let kind = ExprKind::IfExp {
                test: self.alloc(test),
                body: self.alloc(body),
                orelse: self.alloc(result),
            };
            result = self.expr(kind, loc);
        }
        Ok(result)
    }

    /// CPython's `invalid_expression`: two expressions side by side inside brackets are
    /// "invalid syntax. Perhaps you forgot a comma?".
    fn check_missing_comma(&mut self, start: usize, a: &Expr<'a>) -> PResult<()> {
        if !starts_expression(self.peek()) || self.without_invalid() {
            return Ok(());
        }
        // `!(NAME STRING | SOFT_KEYWORD)`. CPython compares a name with the soft keywords
        // only as far as the name goes, so any prefix of one counts (`c`, `ma`, ...).
        if self.kind_of(start) == T::Name {
            let name = self.text(start);
            let soft = ["match", "case", "_"].iter().any(|k| k.starts_with(name));
            if soft || self.look(start + 1) == T::Str {
                return Ok(());
            }
        }
        if let ExprKind::Name(name) = a.kind {
            if name == "print" || name == "exec" {
                return Ok(());
            }
        }
        let Some((b, end)) = self.probe(|p| p.expression_without_invalid())? else { return Ok(()) };
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

    /// CPython's `invalid_legacy_expression`, `a=NAME !'(' b=star_expressions`: `print x`
    /// and `exec x` as Python 2 wrote them. Its second pass tries it on every expression
    /// that starts with a name, and whatever error the rules met while reading `b` raise is
    /// raised, for any name. It matches valid code too (`print -1`), so it is tried in the
    /// second pass only.
    fn check_legacy_expression(&mut self, start: usize) -> PResult<()> {
        if !self.pass2 || self.without_invalid() || self.in_legacy_probe > 0 || self.kind_of(start) != T::Name
        {
            return Ok(());
        }
        let next = self.kind_of(start + 1);
        if next == T::Op(Op::LPar) || !(starts_expression(next) || next == T::Op(Op::Star)) {
            return Ok(());
        }
        let saved = self.pos;
        self.pos = start + 1;
        self.in_legacy_probe += 1;
        let b = self.probe(|p| p.star_expressions().map(|e| e.loc));
        self.in_legacy_probe -= 1;
        self.pos = saved;
        let name = self.text(start);
        match b? {
            Some((b, _)) if name == "print" || name == "exec" => Err(self.err_range(
                format!("Missing parentheses in call to '{name}'. Did you mean {name}(...)?"),
                self.loc(start),
                b,
            )),
            _ => Ok(()),
        }
    }

    /// `lambdef: 'lambda' [lambda_params] ':' expression`. The headers of a chain
    /// (`lambda a: lambda b: ...`) are read in a loop, so that only the innermost body
    /// nests; the chain is then folded from the right.
    #[inline(never)]
    fn lambdef(&mut self) -> PResult<Expr<'a>> {
        let scope = std::mem::replace(&mut self.scope, Scope::Function);
        let r = self.lambda_chain();
        self.scope = scope;
        r
    }

    fn lambda_chain(&mut self) -> PResult<Expr<'a>> {
        let mut headers = self.vec::<(usize, &'a crate::ast::Arguments<'a>)>();
        while self.at_kw(Kw::Lambda) {
            let start = self.advance();
            self.deeper(LAMBDA_WEIGHT)?;
            let args = self.lambda_params()?;
            self.expect_op(Op::Colon)?;
            headers.push((start, args));
        }
        let mut body = self.expression()?;
        for &(start, args) in headers.iter().rev() {
            let loc = self.span(start);
            body = self.expr(ExprKind::Lambda { args, body: self.alloc(body) }, loc);
        }
        self.shallower(LAMBDA_WEIGHT * headers.len() as u32);
        Ok(body)
    }

    // ---- boolean operators and comparisons ----

    /// `disjunction: conjunction ('or' conjunction)*`
    pub(crate) fn disjunction(&mut self) -> PResult<Expr<'a>> {
        let start = self.pos;
        let first = self.conjunction()?;
        if !self.at_kw(Kw::Or) {
            return Ok(first);
        }
        self.bool_op_rest(BoolOp::Or, start, first)
    }

    /// `conjunction: inversion ('and' inversion)*`
    fn conjunction(&mut self) -> PResult<Expr<'a>> {
        let start = self.pos;
        let first = self.inversion()?;
        if !self.at_kw(Kw::And) {
            return Ok(first);
        }
        self.bool_op_rest(BoolOp::And, start, first)
    }

    /// The rest of a run of `or` (or `and`) operands; one whose operand does not parse ends
    /// it.
    #[inline(never)]
    fn bool_op_rest(&mut self, op: BoolOp, start: usize, first: Expr<'a>) -> PResult<Expr<'a>> {
        let (keyword, operand): (Kw, fn(&mut Self) -> PResult<Expr<'a>>) = match op {
            BoolOp::Or => (Kw::Or, Self::conjunction),
            BoolOp::And => (Kw::And, Self::inversion),
        };
        let mut values = self.vec();
        values.push(first);
        while self.at_kw(keyword) {
            let op_tok = self.advance();
            let Some(value) = self.attempt(operand)? else {
                self.pos = op_tok;
                break;
            };
            values.push(value);
        }
        if values.len() == 1 {
            return Ok(values.pop().expect("one value"));
        }
        Ok(self.expr(ExprKind::BoolOp { op, values: self.alloc_list(values) }, self.span(start)))
    }

    /// `inversion: 'not' inversion | comparison`, a run of `not`s folded without recursion.
    fn inversion(&mut self) -> PResult<Expr<'a>> {
        if !self.at_kw(Kw::Not) {
            return self.comparison();
        }
        self.nots()
    }

    #[inline(never)]
    fn nots(&mut self) -> PResult<Expr<'a>> {
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
        self.comparisons(start, left)
    }

    #[inline(never)]
    fn comparisons(&mut self, start: usize, left: Expr<'a>) -> PResult<Expr<'a>> {
        let mut ops = self.vec();
        let mut comparators = self.vec();
        while let Some((op, len)) = self.comparison_operator() {
            let op_tok = self.pos;
            self.pos += len;
            let Some(right) = self.attempt(|p| p.bitwise_or())? else {
                self.pos = op_tok;
                break;
            };
            ops.push(op);
            comparators.push(right);
        }
        if ops.is_empty() {
            return Ok(left);
        }
        Ok(self.expr(
            ExprKind::Compare {
                left: self.alloc(left),
                ops: self.alloc_list(ops),
                comparators: self.alloc_list(comparators),
            },
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
        let left = self.factor()?;
        match binary_operator(self.peek()) {
            Some((_, prec)) if prec >= min_prec => self.binary_rest(min_prec, start, left),
            _ => Ok(left),
        }
    }

    #[inline(never)]
    fn binary_rest(&mut self, min_prec: u8, start: usize, mut left: Expr<'a>) -> PResult<Expr<'a>> {
        while let Some((op, prec)) = binary_operator(self.peek()) {
            if prec < min_prec {
                break;
            }
            // An operator whose right operand does not parse is not part of the expression.
            let op_tok = self.advance();
            let Some(right) = self.attempt(|p| if prec == 6 { p.factor() } else { p.binary(prec + 1) })?
            else {
                self.pos = op_tok;
                break;
            };
            let loc = self.span(start);
            left = self.expr(ExprKind::BinOp { left: self.alloc(left), op, right: self.alloc(right) }, loc);
        }
        Ok(left)
    }

    /// `factor: ('+' | '-' | '~') factor | power`, a run of prefix operators folded without
    /// recursion.
    fn factor(&mut self) -> PResult<Expr<'a>> {
        if unary_operator(self.peek()).is_none() {
            return self.power();
        }
        self.prefixed()
    }

    #[inline(never)]
    fn prefixed(&mut self) -> PResult<Expr<'a>> {
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
        self.powers(base_start, base)
    }

    #[inline(never)]
    fn powers(&mut self, base_start: usize, base: Expr<'a>) -> PResult<Expr<'a>> {
        // Each link: the token of its first prefix operator, how many there are, and its
        // operand (which starts right after them).
        let mut links = self.vec::<(usize, usize, Expr<'a>)>();
        let mut weight = 0;
        while self.at_op(Op::DoubleStar) {
            let op_tok = self.advance();
            let start = self.pos;
            while unary_operator(self.peek()).is_some() {
                self.advance();
            }
            let count = self.pos - start;
            // A `**` whose operand does not parse is not part of the expression.
            let Some(operand) = self.attempt(|p| p.await_primary())? else {
                self.pos = op_tok;
                break;
            };
            weight += POWER_WEIGHT + count as u32;
            self.deeper(POWER_WEIGHT + count as u32)?;
            links.push((start, count, operand));
        }
        if links.is_empty() {
            return Ok(base);
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
        self.await_expression()
    }

    #[inline(never)]
    fn await_expression(&mut self) -> PResult<Expr<'a>> {
        let start = self.advance();
        let mut e = self.primary()?;
        let loc = self.span(start);
        self.note_await(loc);
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
        let e = self.atom()?;
        if !matches!(self.peek(), T::Op(Op::Dot | Op::LPar | Op::LSqb)) {
            return Ok(e);
        }
        self.trailers(start, e)
    }

    #[inline(never)]
    fn trailers(&mut self, start: usize, mut e: Expr<'a>) -> PResult<Expr<'a>> {
        while matches!(self.peek(), T::Op(Op::Dot | Op::LPar | Op::LSqb)) {
            // A trailer that does not parse is not part of the primary (CPython's left
            // recursion stops before it): the caller then meets its first token.
            let trailer = self.pos;
            let value = self.alloc(e);
            match self.attempt(|p| p.trailer(start, value))? {
                Some(next) => e = next,
                None => {
                    self.pos = trailer;
                    return Ok(value.clone());
                }
            }
        }
        Ok(e)
    }

    /// The trailer at the cursor of the primary `value` (which starts at token `start`):
    /// `.name`, a call or a subscript.
    fn trailer(&mut self, start: usize, value: &'a Expr<'a>) -> PResult<Expr<'a>> {
        match self.peek() {
            T::Op(Op::Dot) => {
                self.advance();
                let name = self.expect(T::Name)?;
                Ok(self.expr(ExprKind::Attribute { value, attr: self.ident(name) }, self.span(start)))
            }
            T::Op(Op::LPar) => self.call(start, value),
            _ => self.subscript(start, value),
        }
    }

    /// `value '[' slices ']'`
    #[inline(never)]
    fn subscript(&mut self, start: usize, value: &'a Expr<'a>) -> PResult<Expr<'a>> {
        self.advance();
        self.deeper(BRACKET_WEIGHT)?;
        let slice = self.slices()?;
        self.expect_op(Op::RSqb)?;
        self.shallower(BRACKET_WEIGHT);
        Ok(self.expr(ExprKind::Subscript { value, slice: self.alloc(slice) }, self.span(start)))
    }

    /// `slices: slice !',' | ','.(slice | starred_expression)+ [',']`
    fn slices(&mut self) -> PResult<Expr<'a>> {
        let start = self.pos;
        let first = self.slice_or_starred()?;
        // A lone starred element is still a tuple: `a[*b]` is `a[(*b,)]`.
        if !self.at_op(Op::Comma) && !matches!(first.kind, ExprKind::Starred(_)) {
            return Ok(first);
        }
        self.slices_rest(start, first)
    }

    #[inline(never)]
    fn slices_rest(&mut self, start: usize, first: Expr<'a>) -> PResult<Expr<'a>> {
        let mut elts = self.vec();
        elts.push(first);
        while self.eat_op(Op::Comma) {
            if !(starts_expression(self.peek()) || matches!(self.peek(), T::Op(Op::Colon | Op::Star))) {
                break;
            }
            elts.push(self.slice_or_starred()?);
        }
        Ok(self.expr(ExprKind::Tuple(self.alloc_list(elts)), self.span(start)))
    }

    fn slice_or_starred(&mut self) -> PResult<Expr<'a>> {
        if self.at_op(Op::Star) {
            return self.starred_expression();
        }
        self.slice()
    }

    /// `slice: [expression] ':' [expression] [':' [expression]] | named_expression`
    fn slice(&mut self) -> PResult<Expr<'a>> {
        let start = self.pos;
        match self.peek() {
            T::Name if self.peek_nth(1) == T::Op(Op::ColonEqual) => return self.assignment_expression(),
            T::Op(Op::Colon) => return self.slice_rest(start, None),
            _ => {}
        }
        let e = self.expression()?;
        match self.peek() {
            T::Op(Op::Colon) => self.slice_rest(start, Some(e)),
            T::Op(Op::Equal | Op::ColonEqual) => {
                self.check_named_expression(start, &e)?;
                Ok(e)
            }
            _ => Ok(e),
        }
    }

    /// The rest of a slice after its lower bound, the cursor on the first `:`.
    #[inline(never)]
    fn slice_rest(&mut self, start: usize, lower: Option<Expr<'a>>) -> PResult<Expr<'a>> {
        self.advance();
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
        let c = match self.peek() {
            T::Name => {
                self.advance();
                return Ok(self.expr(ExprKind::Name(self.ident(i)), self.loc(i)));
            }
            T::Op(Op::LPar) => return self.bracketed(Self::paren_atom),
            T::Op(Op::LSqb) => return self.bracketed(Self::list_atom),
            T::Op(Op::LBrace) => return self.bracketed(Self::brace_atom),
            T::Str => return self.strings(),
            T::Kw(Kw::True) => Constant::Bool(true),
            T::Kw(Kw::False) => Constant::Bool(false),
            T::Kw(Kw::None) => Constant::None,
            T::Op(Op::Ellipsis) => Constant::Ellipsis,
            T::Number => self.number(i)?,
            _ => return Err(self.invalid_syntax()),
        };
        self.advance();
        Ok(self.expr(ExprKind::Constant(c), self.loc(i)))
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
        if matches!(self.peek(), T::Op(Op::RPar | Op::DoubleStar) | T::Kw(Kw::Yield)) {
            return self.paren_special(open);
        }
        let first_start = self.pos;
        let first = self.star_named_expression()?;
        if self.at_op(Op::RPar) && !matches!(first.kind, ExprKind::Starred(_)) {
            self.advance();
            return Ok(first);
        }
        self.paren_rest(open, first_start, first)
    }

    /// `()`, `(yield ...)` and CPython's `invalid_group` for `(**x)`.
    #[inline(never)]
    fn paren_special(&mut self, open: usize) -> PResult<Expr<'a>> {
        if self.eat_op(Op::RPar) {
            return Ok(self.expr(ExprKind::Tuple(&[]), self.span(open)));
        }
        if self.at_kw(Kw::Yield) {
            let e = self.yield_expr()?;
            self.expect_op(Op::RPar)?;
            return Ok(e);
        }
        // invalid_group: '(' '**' expression ')'
        let star = self.pos;
        let group = self.probe(|p| {
            p.advance();
            p.expression()?;
            p.expect_op(Op::RPar)
        })?;
        if group.is_some() && !self.without_invalid() {
            return Err(self.err_tok(star, "cannot use double starred expression here"));
        }
        Err(self.invalid_syntax())
    }

    /// A tuple or a generator expression after its first element.
    #[inline(never)]
    fn paren_rest(&mut self, open: usize, first_start: usize, first: Expr<'a>) -> PResult<Expr<'a>> {
        let starred = matches!(first.kind, ExprKind::Starred(_));
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
                Ok(self.expr(ExprKind::Tuple(self.alloc_list(elts)), self.span(open)))
            }
            T::Kw(Kw::For | Kw::Async) if !starred => {
                let generators = self.for_if_clauses(open)?;
                self.expect_op(Op::RPar)?;
                let loc = self.span(open);
                self.check_async_comprehension(loc, generators, true);
                let kind = ExprKind::GeneratorExp { elt: self.alloc(first), generators };
                Ok(self.expr(kind, loc))
            }
            _ => {
                if starred {
                    self.check_starred_comprehension(first_start)?;
                    // invalid_group: '(' starred_expression ')'
                    let group = self.probe(|p| {
                        p.pos = first_start;
                        let e = p.starred_expression()?;
                        p.expect_op(Op::RPar)?;
                        Ok(e.loc)
                    })?;
                    if let Some((loc, _)) = group {
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
        // Where the starred element is followed by a comma or a closing bracket, no longer
        // `'*' expression` can be followed by `for`.
        if self.without_invalid()
            || matches!(self.peek(), T::Op(Op::Comma | Op::RPar | Op::RSqb | Op::RBrace))
        {
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
        })? {
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
        if self.probe(|p| p.for_if_clauses(open))?.is_some() {
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
        self.list_rest(open, first_start, first)
    }

    #[inline(never)]
    fn list_rest(&mut self, open: usize, first_start: usize, first: Expr<'a>) -> PResult<Expr<'a>> {
        if self.at_kw(Kw::For) || self.at_kw(Kw::Async) {
            if matches!(first.kind, ExprKind::Starred(_)) {
                self.check_starred_comprehension(first_start)?;
                return Err(self.invalid_syntax());
            }
            let generators = self.for_if_clauses(open)?;
            self.expect_op(Op::RSqb)?;
            let loc = self.span(open);
            self.check_async_comprehension(loc, generators, false);
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
        Ok(self.alloc_list(elts))
    }

    /// `{`: a dict, a set, or their comprehensions.
    fn brace_atom(&mut self) -> PResult<Expr<'a>> {
        let open = self.advance();
        if matches!(self.peek(), T::Op(Op::RBrace | Op::DoubleStar | Op::Star))
            || (self.at(T::Name) && self.peek_nth(1) == T::Op(Op::ColonEqual))
        {
            return self.brace_special(open);
        }
        let first_start = self.pos;
        let first = self.expression()?;
        self.brace_rest(open, first_start, first)
    }

    /// `{}`, and a dict or set display whose first element is not an expression.
    #[inline(never)]
    fn brace_special(&mut self, open: usize) -> PResult<Expr<'a>> {
        if self.eat_op(Op::RBrace) {
            return Ok(self.expr(ExprKind::Dict { keys: &[], values: &[] }, self.span(open)));
        }
        if self.at_op(Op::DoubleStar) {
            let star = self.advance();
            let value = self.bitwise_or()?;
            if (self.at_kw(Kw::For) || self.at_kw(Kw::Async)) && !self.without_invalid() {
                // invalid_dict_comprehension: '{' '**' bitwise_or for_if_clauses '}'
                let comprehension = self.probe(|p| {
                    p.for_if_clauses(open)?;
                    p.expect_op(Op::RBrace)
                })?;
                if comprehension.is_some() {
                    return Err(self.err_tok(star, "dict unpacking cannot be used in dict comprehension"));
                }
            }
            return self.dict_rest(open, None, value);
        }
        let first_start = self.pos;
        let first = self.star_named_expression()?;
        self.set_rest(open, first_start, first)
    }

    /// A dict, a set or a comprehension after its first expression.
    #[inline(never)]
    fn brace_rest(&mut self, open: usize, first_start: usize, first: Expr<'a>) -> PResult<Expr<'a>> {
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
            self.check_async_comprehension(loc, generators, false);
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
                if self.probe(starred)?.is_some() {
                    starred(self)?;
                    let msg = "cannot use a starred expression in a dictionary value";
                    return Err(self.err_from(msg, self.loc(star)).first_pass());
                }
            }
            if matches!(self.peek(), T::Op(Op::RBrace | Op::Comma)) {
                let msg = "expression expected after dictionary key and ':'";
                return Err(self.err_tok(colon, msg).first_pass());
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
            // invalid_kvpair, which CPython tries in its first pass: a key without a colon.
            // It points at the key's last character, and has no end.
            if let Some((key, end)) = self.probe(|p| p.expression_without_invalid())? {
                if self.kind_of(end) != T::Op(Op::Colon) {
                    let at = key.loc;
                    let e = self.error(
                        crate::error::ErrorKind::SyntaxError,
                        "':' expected after dictionary key".into(),
                        at.lineno,
                        at.end_col as i64,
                        at.end_lineno,
                        0,
                    );
                    return Err(e.first_pass());
                }
            }
            let key = self.expression()?;
            if !self.at_op(Op::Colon) {
                return Err(self.invalid_syntax());
            }
            let colon = self.advance();
            keys.push(Some(key));
            values.push(self.dict_value(colon)?);
        }
        self.expect_op(Op::RBrace)?;
        let kind = ExprKind::Dict { keys: self.alloc_list(keys), values: self.alloc_list(values) };
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
            self.check_async_comprehension(loc, generators, false);
            return Ok(self.expr(ExprKind::SetComp { elt: self.alloc(first), generators }, loc));
        }
        let elts = self.display_rest(open, first_start, first, Op::RBrace)?;
        Ok(self.expr(ExprKind::Set(elts), self.span(open)))
    }

    // ---- comprehensions ----

    /// `for_if_clauses: for_if_clause+`. `open` is the comprehension's opening bracket.
    pub(crate) fn for_if_clauses(&mut self, open: usize) -> PResult<&'a [Comprehension<'a>]> {
        let _ = open;
        let mut generators = self.vec();
        let mut is_async = false;
        while self.at_kw(Kw::For) || (self.at_kw(Kw::Async) && self.peek_nth(1) == T::Kw(Kw::For)) {
            if self.eat_kw(Kw::Async) {
                is_async = true;
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
                ifs: self.alloc_list(ifs),
            });
        }
        if generators.is_empty() {
            return Err(self.invalid_syntax());
        }
        self.clauses_async = is_async;
        Ok(self.alloc_list(generators))
    }

    /// A comprehension is asynchronous when a clause is `async for` or an `await` stands
    /// anywhere but in its first iterable. CPython compiles an asynchronous generator
    /// expression but refuses the others outside an `async def`; cellvm has no coroutines,
    /// so both are refused once the file has parsed. Call right after `for_if_clauses`.
    pub(crate) fn check_async_comprehension(
        &mut self,
        loc: Loc,
        generators: &[Comprehension<'a>],
        genexp: bool,
    ) {
        let first_iter = generators[0].iter.loc;
        let inside = |l: &Loc, outer: &Loc| {
            (l.lineno, l.col) >= (outer.lineno, outer.col)
                && (l.end_lineno, l.end_col) <= (outer.end_lineno, outer.end_col)
        };
        let awaits = self.awaits_in(|l| inside(l, &loc) && !inside(l, &first_iter));
        if !(self.clauses_async || awaits) {
            return;
        }
        let msg = if genexp {
            "asynchronous generator expressions are not supported by cellvm"
        } else {
            "asynchronous comprehension outside of an asynchronous function"
        };
        let err = self.err_node(msg, loc);
        self.compile_time_error(err);
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
            if let Some((e, _)) = self.probe(|p| p.star_expressions())? {
                if let Some(bad) = self.invalid_target(&e, Targets::For) {
                    return Err(self.err_node(format!("cannot assign to {}", self.expr_name(bad)), bad.loc));
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
        Ok(self.expr(ExprKind::Tuple(self.alloc_list(elts)), self.span(start)))
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
        // CPython's target rules read a primary (an atom and its trailers): what follows it
        // is not looked at.
        let e = self.primary()?;
        if !self.is_target_shape(&e) {
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
