//! Statements: CPython 3.11's statement rules and the `invalid_*` rules of their headers,
//! blocks and targets.

use crate::ast::{
    Alias, ClassDef, ExceptHandler, Expr, ExprKind, FunctionDef, Operator, Stmt, StmtKind, WithItem,
};
use crate::token::Op;

use super::expr::{starts_expression, starts_target};
use super::targets::Targets;
use super::{Kw, PResult, Parser, Scope, T};

/// Nesting weight of a block, in CPython's rule invocations.
const BLOCK_WEIGHT: u32 = 20;

/// The augmented assignment operator a token stands for.
fn augmented_operator(t: T) -> Option<Operator> {
    let T::Op(op) = t else { return None };
    Some(match op {
        Op::PlusEqual => Operator::Add,
        Op::MinEqual => Operator::Sub,
        Op::StarEqual => Operator::Mult,
        Op::AtEqual => Operator::MatMult,
        Op::SlashEqual => Operator::Div,
        Op::PercentEqual => Operator::Mod,
        Op::AmperEqual => Operator::BitAnd,
        Op::VBarEqual => Operator::BitOr,
        Op::CircumFlexEqual => Operator::BitXor,
        Op::LeftShiftEqual => Operator::LShift,
        Op::RightShiftEqual => Operator::RShift,
        Op::DoubleStarEqual => Operator::Pow,
        Op::DoubleSlashEqual => Operator::FloorDiv,
        _ => return None,
    })
}

impl<'a> Parser<'a> {
    /// Whether `e` can be the target of an annotation or an augmented assignment (CPython's
    /// `single_target`).
    fn is_single_target(&self, e: &Expr<'_>) -> bool {
        !self.is_await(e)
            && matches!(e.kind, ExprKind::Name(_) | ExprKind::Attribute { .. } | ExprKind::Subscript { .. })
    }

    /// `statement: compound_stmt | simple_stmts`; the statement(s) go onto `out`.
    pub(crate) fn statement(&mut self, out: &mut Vec<Stmt<'a>>) -> PResult<()> {
        // One call through a pointer: this frame stacks up once per nested block.
        let compound: fn(&mut Self) -> PResult<Stmt<'a>> = match self.peek() {
            T::Kw(Kw::Def) => |p| p.function_def(p.pos, &[]),
            T::Op(Op::At) => Self::decorated,
            T::Kw(Kw::Class) => |p| p.class_def(p.pos, &[]),
            T::Kw(Kw::If) => Self::if_stmt,
            T::Kw(Kw::While) => Self::while_stmt,
            T::Kw(Kw::For) => |p| p.for_stmt(p.pos),
            T::Kw(Kw::With) => |p| p.with_stmt(p.pos),
            T::Kw(Kw::Try) => Self::try_stmt,
            T::Kw(Kw::Async) => Self::async_stmt,
            T::Name if self.text(self.pos) == "match" => return self.match_or_simple(out),
            _ => return self.simple_stmts(out),
        };
        let stmt = compound(self)?;
        out.push(stmt);
        Ok(())
    }

    #[inline(never)]
    fn match_or_simple(&mut self, out: &mut Vec<Stmt<'a>>) -> PResult<()> {
        match self.match_stmt()? {
            Some(stmt) => {
                out.push(stmt);
                Ok(())
            }
            None => self.simple_stmts(out),
        }
    }

    // ---- blocks ----

    /// `block: NEWLINE INDENT statements DEDENT | simple_stmts`. `header` is the first token
    /// of the statement and `what` names it for CPython's "expected an indented block after
    /// ... on line N".
    fn block(&mut self, header: usize, what: &str) -> PResult<&'a [Stmt<'a>]> {
        let mut body = self.vec();
        if self.eat(T::Newline) {
            if !self.at(T::Indent) {
                let line = self.loc(header).lineno;
                return Err(self.indentation_err_last(format!(
                    "expected an indented block after {what} on line {line}"
                )));
            }
            self.advance();
            self.deeper(BLOCK_WEIGHT)?;
            loop {
                self.statement(&mut body)?;
                if self.eat(T::Dedent) {
                    break;
                }
            }
            self.shallower(BLOCK_WEIGHT);
        } else {
            self.simple_stmts(&mut body)?;
        }
        Ok(self.alloc_list(body))
    }

    /// The `:` that ends a compound statement's header: "expected ':'" when the line ends
    /// instead (CPython's `invalid_*_stmt` rules), "invalid syntax" elsewhere.
    fn header_colon(&mut self) -> PResult<()> {
        if self.eat_op(Op::Colon) {
            return Ok(());
        }
        if self.at(T::Newline) {
            return Err(self.err_last("expected ':'"));
        }
        Err(self.invalid_syntax())
    }

    /// `else_block: 'else' &&':' block`, when the cursor is on `else`.
    fn else_block(&mut self) -> PResult<&'a [Stmt<'a>]> {
        if !self.at_kw(Kw::Else) {
            return Ok(&[]);
        }
        let start = self.advance();
        self.expect_forced(Op::Colon, ":")?;
        self.block(start, "'else' statement")
    }

    // ---- simple statements ----

    /// `simple_stmts: simple_stmt (';' simple_stmt)* [';'] NEWLINE`
    pub(crate) fn simple_stmts(&mut self, out: &mut Vec<Stmt<'a>>) -> PResult<()> {
        loop {
            let stmt = self.simple_stmt()?;
            out.push(stmt);
            if !self.eat_op(Op::Semi) || self.at(T::Newline) {
                break;
            }
        }
        self.expect(T::Newline)?;
        Ok(())
    }

    fn simple_stmt(&mut self) -> PResult<Stmt<'a>> {
        let start = self.pos;
        let kind = match self.peek() {
            T::Kw(Kw::Pass) => {
                self.advance();
                StmtKind::Pass
            }
            T::Kw(Kw::Break) => {
                self.advance();
                StmtKind::Break
            }
            T::Kw(Kw::Continue) => {
                self.advance();
                StmtKind::Continue
            }
            T::Kw(Kw::Return) => {
                self.advance();
                let value = if starts_expression(self.peek()) || self.at_op(Op::Star) {
                    Some({
                        let v = self.star_expressions()?;
                        self.alloc(v)
                    })
                } else {
                    None
                };
                StmtKind::Return(value)
            }
            T::Kw(Kw::Raise) => {
                self.advance();
                let mut exc = None;
                let mut cause = None;
                if starts_expression(self.peek()) {
                    exc = Some({
                        let v = self.expression()?;
                        self.alloc(v)
                    });
                    if self.eat_kw(Kw::From) {
                        cause = Some({
                            let v = self.expression()?;
                            self.alloc(v)
                        });
                    }
                }
                StmtKind::Raise { exc, cause }
            }
            T::Kw(Kw::Global | Kw::Nonlocal) => {
                let global = self.at_kw(Kw::Global);
                self.advance();
                let mut names = self.vec();
                loop {
                    let name = self.expect(T::Name)?;
                    names.push(self.ident(name));
                    if !self.eat_op(Op::Comma) {
                        break;
                    }
                }
                let names = self.alloc_list(names);
                if global {
                    StmtKind::Global(names)
                } else {
                    StmtKind::Nonlocal(names)
                }
            }
            T::Kw(Kw::Assert) => {
                self.advance();
                let test = {
                    let v = self.expression()?;
                    self.alloc(v)
                };
                let msg = if self.eat_op(Op::Comma) {
                    Some({
                        let v = self.expression()?;
                        self.alloc(v)
                    })
                } else {
                    None
                };
                StmtKind::Assert { test, msg }
            }
            T::Kw(Kw::Del) => self.del_stmt()?,
            T::Kw(Kw::Import) => self.import_name()?,
            T::Kw(Kw::From) => self.import_from()?,
            _ => return self.expression_statement(),
        };
        Ok(Stmt { loc: self.span(start), kind })
    }

    /// `del_stmt: 'del' del_targets &(';' | NEWLINE) | invalid_del_stmt`
    fn del_stmt(&mut self) -> PResult<StmtKind<'a>> {
        self.advance();
        let start = self.pos;
        let targets = self.attempt(|p| {
            let mut targets = p.vec();
            loop {
                let e = p.primary()?;
                if !p.is_del_target_shape(&e) {
                    return Err(p.invalid_syntax());
                }
                targets.push(e);
                if !p.eat_op(Op::Comma) || !starts_target(p.peek()) {
                    break;
                }
            }
            if !matches!(p.peek(), T::Newline | T::Op(Op::Semi)) {
                return Err(p.invalid_syntax());
            }
            Ok(p.alloc_list(targets))
        })?;
        if let Some(targets) = targets {
            return Ok(StmtKind::Delete(targets));
        }
        // invalid_del_stmt: 'del' star_expressions
        self.pos = start;
        if let Some((e, _)) = self.probe(|p| p.star_expressions())? {
            if let Some(bad) = self.invalid_target(&e, Targets::Del) {
                return Err(self.err_node(format!("cannot delete {}", self.expr_name(bad)), bad.loc));
            }
        }
        Err(self.invalid_syntax())
    }

    /// `import_name: 'import' dotted_as_names`
    fn import_name(&mut self) -> PResult<StmtKind<'a>> {
        self.advance();
        let mut names = self.vec();
        loop {
            let start = self.pos;
            let name = self.dotted_name()?;
            let asname = self.as_name()?;
            names.push(Alias { loc: self.span(start), name, asname });
            if !self.eat_op(Op::Comma) {
                break;
            }
        }
        Ok(StmtKind::Import(self.alloc_list(names)))
    }

    /// `dotted_name: dotted_name '.' NAME | NAME`, as one identifier `a.b.c`.
    fn dotted_name(&mut self) -> PResult<&'a str> {
        let first = self.expect(T::Name)?;
        if !self.at_op(Op::Dot) {
            return Ok(self.ident(first));
        }
        let mut name = String::from(self.ident(first));
        while self.at_op(Op::Dot) {
            self.advance();
            let part = self.expect(T::Name)?;
            name.push('.');
            name.push_str(self.ident(part));
        }
        Ok(self.bump.alloc_str(&name))
    }

    /// `['as' NAME]`
    fn as_name(&mut self) -> PResult<Option<&'a str>> {
        if !self.eat_kw(Kw::As) {
            return Ok(None);
        }
        let name = self.expect(T::Name)?;
        Ok(Some(self.ident(name)))
    }

    /// `import_from: 'from' ('.' | '...')* dotted_name 'import' import_from_targets |
    /// 'from' ('.' | '...')+ 'import' import_from_targets`
    fn import_from(&mut self) -> PResult<StmtKind<'a>> {
        self.advance();
        let mut level = 0;
        loop {
            match self.peek() {
                T::Op(Op::Dot) => level += 1,
                T::Op(Op::Ellipsis) => level += 3,
                _ => break,
            }
            self.advance();
        }
        let module = if level == 0 || self.at(T::Name) { Some(self.dotted_name()?) } else { None };
        self.expect(T::Kw(Kw::Import))?;
        let mut names = self.vec();
        if self.at_op(Op::Star) {
            let star = self.advance();
            names.push(Alias { loc: self.loc(star), name: "*", asname: None });
        } else {
            let parenthesized = self.eat_op(Op::LPar);
            loop {
                let start = self.expect(T::Name)?;
                let asname = self.as_name()?;
                names.push(Alias { loc: self.span(start), name: self.ident(start), asname });
                if !self.at_op(Op::Comma) {
                    break;
                }
                self.advance();
                if parenthesized && self.at_op(Op::RPar) {
                    break;
                }
                if !parenthesized && self.at(T::Newline) {
                    return Err(self.err_last("trailing comma not allowed without surrounding parentheses"));
                }
            }
            if parenthesized {
                self.expect_op(Op::RPar)?;
            }
        }
        Ok(StmtKind::ImportFrom { module, names: self.alloc_list(names), level })
    }

    /// Assignments, annotated and augmented assignments, and expression statements: the
    /// first expression list is parsed, then what follows it tells which.
    fn expression_statement(&mut self) -> PResult<Stmt<'a>> {
        let start = self.pos;
        if self.at(T::Name) && self.peek_nth(1) == T::Op(Op::Colon) {
            let target = self.expr(ExprKind::Name(self.ident(start)), self.loc(start));
            self.advance();
            return self.annotated_assignment(start, target, true);
        }
        let (first, list) = if self.at_kw(Kw::Yield) {
            (self.yield_expr()?, FirstList::default())
        } else {
            match self.first_expression_list() {
                Ok(r) => r,
                Err(e) => {
                    if e.generic {
                        self.invalid_tuple_annotation(start)?;
                    }
                    return Err(e);
                }
            }
        };
        match self.peek() {
            T::Op(Op::Equal) => self.assignment(start, first, list),
            T::Op(Op::Colon) => {
                if !self.is_single_target(&first) {
                    return Err(self.invalid_annotation_target(start, &first, list));
                }
                self.annotated_assignment(start, first, false)
            }
            t => {
                if let Some(op) = augmented_operator(t) {
                    return self.augmented_assignment(start, first, op);
                }
                if t == T::Op(Op::ColonEqual) {
                    self.check_first_list(&first, list)?;
                } else if !matches!(t, T::Newline | T::Op(Op::Semi)) {
                    self.invalid_tuple_annotation(start)?;
                }
                let value = self.alloc(first);
                Ok(Stmt { loc: self.span(start), kind: StmtKind::Expr(value) })
            }
        }
    }

    /// CPython's `invalid_assignment` alternative `star_named_expression ','
    /// star_named_expressions* ':' expression` ("only single target (not tuple) can be
    /// annotated"), tried by its second pass when a statement that starts with an
    /// expression list fails. Its repetition reads on across expressions side by side
    /// (`a, b c = 1`), and its named-expression rules may match on the way.
    fn invalid_tuple_annotation(&mut self, start: usize) -> PResult<()> {
        if !self.pass2 || self.without_invalid() {
            return Ok(());
        }
        let saved = self.pos;
        self.pos = start;
        let found = self.probe(|p| {
            let first = p.star_named_expression()?;
            p.expect_op(Op::Comma)?;
            // `star_named_expressions*`: elements with or without commas between them.
            while p.attempt(|p| p.star_named_expression())?.is_some() {
                p.eat_op(Op::Comma);
            }
            p.expect_op(Op::Colon)?;
            p.expression()?;
            Ok(first.loc)
        });
        self.pos = saved;
        match found? {
            Some((loc, _)) => Err(self.err_node("only single target (not tuple) can be annotated", loc)),
            None => Ok(()),
        }
    }

    /// `star_expressions` at the start of a statement, noting where its last element is
    /// for the checks of CPython's `invalid_assignment`.
    fn first_expression_list(&mut self) -> PResult<(Expr<'a>, FirstList)> {
        let start = self.pos;
        let first = self.star_expression()?;
        let mut list = FirstList { last: Some((start, self.pos)), tuple: false };
        if !self.at_op(Op::Comma) {
            return Ok((first, list));
        }
        let mut elts = self.vec();
        elts.push(first);
        list.tuple = true;
        while self.eat_op(Op::Comma) {
            if !(starts_expression(self.peek()) || self.at_op(Op::Star)) {
                list.last = None;
                break;
            }
            let elem = self.pos;
            elts.push(self.star_expression()?);
            list.last = Some((elem, self.pos));
        }
        Ok((self.expr(ExprKind::Tuple(self.alloc_list(elts)), self.span(start)), list))
    }

    /// What may stand on either side of `=`: `yield_expr | star_expressions`.
    fn assignment_value(&mut self) -> PResult<Expr<'a>> {
        if self.at_kw(Kw::Yield) {
            self.yield_expr()
        } else {
            self.star_expressions()
        }
    }

    /// `(star_targets '=')+ (yield_expr | star_expressions)`, the first target parsed.
    fn assignment(&mut self, start: usize, first: Expr<'a>, list: FirstList) -> PResult<Stmt<'a>> {
        let mut targets = self.vec();
        let mut value = first;
        let mut value_start = start;
        while self.at_op(Op::Equal) {
            if !self.is_target_shape(&value) {
                let first = targets.first().unwrap_or(&value);
                self.check_first_list(first, list)?;
                return Err(self.invalid_target_error(value_start, &value));
            }
            self.advance();
            targets.push(value);
            value_start = self.pos;
            value = self.assignment_value()?;
        }
        let targets = self.alloc_list(targets);
        let value = self.alloc(value);
        Ok(Stmt { loc: self.span(start), kind: StmtKind::Assign { targets, value } })
    }

    /// CPython's `invalid_assignment` for a target `bad`, followed by `=`, that cannot be
    /// assigned to.
    fn invalid_target_error(&self, start: usize, bad: &Expr<'a>) -> Box<super::PErr> {
        // A bare `yield` cannot be read as an expression list: CPython's rule for it.
        if self.kind_of(start) == T::Kw(Kw::Yield) {
            return self.err_node("assignment to yield expression not possible", bad.loc);
        }
        match self.invalid_target(bad, Targets::Star) {
            Some(t) => self.err_node(format!("cannot assign to {}", self.expr_name(t)), t.loc),
            None => self.invalid_syntax(),
        }
    }

    /// The `invalid_named_expression` checks CPython's `invalid_assignment` makes when it
    /// reads the statement's first expression list (`first`) as named expressions: its
    /// last element, followed by `=` or `:=`, may match (`x, f() = 1` is "cannot assign to
    /// function call here. Maybe you meant '==' instead of '='?").
    fn check_first_list(&mut self, first: &Expr<'a>, list: FirstList) -> PResult<()> {
        let Some((elem_start, elem_end)) = list.last else { return Ok(()) };
        let elem = match &first.kind {
            ExprKind::Tuple(elts) if list.tuple => match elts.last() {
                Some(e) => e,
                None => return Ok(()),
            },
            _ => first,
        };
        if matches!(elem.kind, ExprKind::Starred(_)) {
            return Ok(());
        }
        let saved = self.pos;
        self.pos = elem_end;
        // A plain name before `:=` is an assignment expression, not an error of this rule.
        let r = if self.at_op(Op::ColonEqual)
            && self.kind_of(elem_start) == T::Name
            && elem_end == elem_start + 1
        {
            Ok(())
        } else {
            self.check_named_expression(elem_start, elem)
        };
        self.pos = saved;
        r
    }

    /// CPython's `invalid_assignment` for an annotation whose target (`first`) is not a
    /// single target.
    fn invalid_annotation_target(
        &mut self,
        start: usize,
        first: &Expr<'a>,
        list: FirstList,
    ) -> Box<super::PErr> {
        let annotation_follows = match self.probe(|p| {
            p.advance();
            p.expression()
        }) {
            Ok(r) => r.is_some(),
            Err(e) => return e,
        };
        if !annotation_follows {
            return self.invalid_syntax();
        }
        match &first.kind {
            // invalid_ann_assign_target: list | tuple | '(' invalid_ann_assign_target ')'
            ExprKind::List(_) => self.err_node("only single target (not list) can be annotated", first.loc),
            ExprKind::Tuple(_) if !list.tuple => {
                self.err_node("only single target (not tuple) can be annotated", first.loc)
            }
            // star_named_expression ',' star_named_expressions* ':' expression
            ExprKind::Tuple(elts) => {
                self.err_node("only single target (not tuple) can be annotated", elts[0].loc)
            }
            // expression ':' expression
            ExprKind::Starred(_) => self.invalid_syntax(),
            ExprKind::Yield(_) | ExprKind::YieldFrom(_) if self.kind_of(start) == T::Kw(Kw::Yield) => {
                self.invalid_syntax()
            }
            _ => self.err_node("illegal target for annotation", first.loc),
        }
    }

    /// `target ':' expression ['=' annotated_rhs]`, the cursor on the `:`.
    fn annotated_assignment(&mut self, start: usize, target: Expr<'a>, simple: bool) -> PResult<Stmt<'a>> {
        self.expect_op(Op::Colon)?;
        let annotation = {
            let v = self.expression()?;
            self.alloc(v)
        };
        let value = if self.eat_op(Op::Equal) {
            Some({
                let v = self.assignment_value()?;
                self.alloc(v)
            })
        } else {
            None
        };
        let kind = StmtKind::AnnAssign { target: self.alloc(target), annotation, value, simple };
        Ok(Stmt { loc: self.span(start), kind })
    }

    /// `single_target augassign ~ (yield_expr | star_expressions)`, the cursor on the
    /// operator; CPython's "'X' is an illegal expression for augmented assignment".
    fn augmented_assignment(&mut self, start: usize, target: Expr<'a>, op: Operator) -> PResult<Stmt<'a>> {
        if !self.is_single_target(&target) {
            let rhs = self.probe(|p| {
                p.advance();
                p.assignment_value()
            })?;
            if rhs.is_some() && self.kind_of(start) != T::Kw(Kw::Yield) {
                return Err(self.err_node(
                    format!(
                        "'{}' is an illegal expression for augmented assignment",
                        self.expr_name(&target)
                    ),
                    target.loc,
                ));
            }
            return Err(self.invalid_syntax());
        }
        self.advance();
        let value = {
            let v = self.assignment_value()?;
            self.alloc(v)
        };
        let kind = StmtKind::AugAssign { target: self.alloc(target), op, value };
        Ok(Stmt { loc: self.span(start), kind })
    }

    // ---- compound statements ----

    /// `decorators (class_def_raw | function_def_raw)`
    fn decorated(&mut self) -> PResult<Stmt<'a>> {
        let mut decorators = self.vec();
        while self.eat_op(Op::At) {
            decorators.push(self.named_expression()?);
            self.expect(T::Newline)?;
        }
        let decorators = self.alloc_list(decorators);
        match self.peek() {
            T::Kw(Kw::Def) => self.function_def(self.pos, decorators),
            T::Kw(Kw::Class) => self.class_def(self.pos, decorators),
            T::Kw(Kw::Async) if self.peek_nth(1) == T::Kw(Kw::Def) => {
                let start = self.advance();
                self.async_unsupported(start, "async functions are not supported by cellvm");
                self.function_def(start, decorators)
            }
            _ => Err(self.invalid_syntax()),
        }
    }

    /// `'def' NAME &&'(' [params] ')' ['->' expression] &&':' block`; `start` is the first
    /// token of the statement (`def`, or `async`).
    fn function_def(&mut self, start: usize, decorators: &'a [Expr<'a>]) -> PResult<Stmt<'a>> {
        self.expect(T::Kw(Kw::Def))?;
        let name = self.expect(T::Name)?;
        self.expect_forced(Op::LPar, "(")?;
        let args = if self.at_op(Op::RPar) { self.alloc(Default::default()) } else { self.def_params()? };
        self.expect_op(Op::RPar)?;
        // `['->' expression] &&':'`: when no expression follows the arrow, CPython expects
        // the colon at the arrow.
        let mut returns = None;
        if self.at_op(Op::RArrow) {
            let arrow = self.pos;
            returns = self.attempt(|p| {
                p.advance();
                p.expression()
            })?;
            if returns.is_none() {
                self.pos = arrow;
            }
        }
        let returns = returns.map(|e| self.alloc(e));
        self.expect_forced(Op::Colon, ":")?;
        let scope = std::mem::replace(&mut self.scope, Scope::Function);
        let body = self.block(start, "function definition");
        self.scope = scope;
        let body = body?;
        let def = FunctionDef { name: self.ident(name), args, body, decorators, returns };
        Ok(Stmt { loc: self.span(start), kind: StmtKind::FunctionDef(self.alloc(def)) })
    }

    /// `'class' NAME ['(' [arguments] ')'] ':' block`
    fn class_def(&mut self, start: usize, decorators: &'a [Expr<'a>]) -> PResult<Stmt<'a>> {
        self.advance();
        let name = self.expect(T::Name)?;
        let (bases, keywords) =
            if self.at_op(Op::LPar) { self.class_arguments()? } else { (&[][..], &[][..]) };
        self.header_colon()?;
        let scope = std::mem::replace(&mut self.scope, Scope::Class);
        let body = self.block(start, "class definition");
        self.scope = scope;
        let body = body?;
        let class = ClassDef { name: self.ident(name), bases, keywords, body, decorators };
        Ok(Stmt { loc: self.span(start), kind: StmtKind::ClassDef(self.alloc(class)) })
    }

    /// `if_stmt` (and `elif_stmt`, an `If` in its parent's `orelse`).
    fn if_stmt(&mut self) -> PResult<Stmt<'a>> {
        let start = self.advance();
        let what = if self.kind_of(start) == T::Kw(Kw::If) { "'if' statement" } else { "'elif' statement" };
        let test = {
            let v = self.named_expression()?;
            self.alloc(v)
        };
        self.header_colon()?;
        let body = self.block(start, what)?;
        let orelse = if self.at_kw(Kw::Elif) {
            std::slice::from_ref({
                let v = self.if_stmt()?;
                self.alloc(v)
            })
        } else {
            self.else_block()?
        };
        Ok(Stmt { loc: self.span(start), kind: StmtKind::If { test, body, orelse } })
    }

    /// `'while' named_expression ':' block [else_block]`
    fn while_stmt(&mut self) -> PResult<Stmt<'a>> {
        let start = self.advance();
        let test = {
            let v = self.named_expression()?;
            self.alloc(v)
        };
        self.header_colon()?;
        let body = self.block(start, "'while' statement")?;
        let orelse = self.else_block()?;
        Ok(Stmt { loc: self.span(start), kind: StmtKind::While { test, body, orelse } })
    }

    /// `'for' star_targets 'in' ~ star_expressions ':' block [else_block]`; `start` is the
    /// first token of the statement (`for`, or `async`).
    fn for_stmt(&mut self, start: usize) -> PResult<Stmt<'a>> {
        let for_tok = self.expect(T::Kw(Kw::For))?;
        let target = {
            let v = self.for_target()?;
            self.alloc(v)
        };
        let iter = {
            let v = self.star_expressions()?;
            self.alloc(v)
        };
        self.header_colon()?;
        let body = self.block(for_tok, "'for' statement")?;
        let orelse = self.else_block()?;
        Ok(Stmt { loc: self.span(start), kind: StmtKind::For { target, iter, body, orelse } })
    }

    /// `with_stmt`: `'with' '(' ','.with_item+ ','? ')' ':' block` or
    /// `'with' ','.with_item+ ':' block`; `start` is the first token (`with`, or `async`).
    fn with_stmt(&mut self, start: usize) -> PResult<Stmt<'a>> {
        let with_tok = self.expect(T::Kw(Kw::With))?;
        let mut items = None;
        if self.at_op(Op::LPar) {
            items = self.attempt(|p| {
                p.advance();
                let mut items = p.vec();
                loop {
                    items.push(p.with_item()?);
                    if !p.eat_op(Op::Comma) || p.at_op(Op::RPar) {
                        break;
                    }
                }
                p.expect_op(Op::RPar)?;
                // At a line end this is CPython's `invalid_with_stmt`: "expected ':'".
                if !p.at_op(Op::Colon) && !p.at(T::Newline) {
                    return Err(p.invalid_syntax());
                }
                Ok(p.alloc_list(items))
            })?;
        }
        let items = match items {
            Some(items) => items,
            None => {
                let mut items = self.vec();
                loop {
                    items.push(self.with_item()?);
                    if !self.eat_op(Op::Comma) {
                        break;
                    }
                }
                self.alloc_list(items)
            }
        };
        self.header_colon()?;
        let body = self.block(with_tok, "'with' statement")?;
        Ok(Stmt { loc: self.span(start), kind: StmtKind::With { items, body } })
    }

    /// `with_item: expression 'as' star_target &(',' | ')' | ':') | expression`, with
    /// CPython's `invalid_with_item`.
    fn with_item(&mut self) -> PResult<WithItem<'a>> {
        let context_expr = {
            let v = self.expression()?;
            self.alloc(v)
        };
        if !self.eat_kw(Kw::As) {
            return Ok(WithItem { context_expr, optional_vars: None });
        }
        let target_start = self.pos;
        let follows = |p: &Self| matches!(p.peek(), T::Op(Op::Comma | Op::RPar | Op::Colon));
        if let Some(target) = self.attempt(|p| {
            let t = p.star_target()?;
            // At a line end this is CPython's `invalid_with_stmt`: "expected ':'".
            if !follows(p) && !p.at(T::Newline) {
                return Err(p.invalid_syntax());
            }
            Ok(t)
        })? {
            return Ok(WithItem { context_expr, optional_vars: Some(self.alloc(target)) });
        }
        // invalid_with_item: expression 'as' expression &(',' | ')' | ':')
        self.pos = target_start;
        if let Some((e, _)) = self.probe(|p| {
            let e = p.expression()?;
            if !follows(p) {
                return Err(p.invalid_syntax());
            }
            Ok(e)
        })? {
            if let Some(bad) = self.invalid_target(&e, Targets::Star) {
                return Err(self.err_node(format!("cannot assign to {}", self.expr_name(bad)), bad.loc));
            }
        }
        Err(self.invalid_syntax())
    }

    /// `try_stmt`, with `except`, `except*`, `else` and `finally`.
    fn try_stmt(&mut self) -> PResult<Stmt<'a>> {
        let start = self.advance();
        self.expect_forced(Op::Colon, ":")?;
        let body = self.block(start, "'try' statement")?;
        let mut handlers = self.vec();
        let mut star = None;
        while self.at_kw(Kw::Except) {
            let is_star = self.peek_nth(1) == T::Op(Op::Star);
            if *star.get_or_insert(is_star) != is_star {
                return Err(self.mixed_except(is_star));
            }
            handlers.push(self.except_block()?);
        }
        let orelse = if handlers.is_empty() { &[][..] } else { self.else_block()? };
        let finalbody = if self.at_kw(Kw::Finally) {
            let finally = self.advance();
            self.expect_forced(Op::Colon, ":")?;
            self.block(finally, "'finally' statement")?
        } else {
            &[]
        };
        if handlers.is_empty() && finalbody.is_empty() {
            return Err(self.err_last("expected 'except' or 'finally' block"));
        }
        let kind = StmtKind::Try {
            body,
            handlers: self.alloc_list(handlers),
            orelse,
            finalbody,
            star: star.unwrap_or(false),
        };
        Ok(Stmt { loc: self.span(start), kind })
    }

    /// CPython's `invalid_try_stmt` for an `except` after `except*` handlers, or the other
    /// way round (`star` tells which the cursor is on).
    fn mixed_except(&mut self, star: bool) -> Box<super::PErr> {
        let except = self.pos;
        let header = self.probe(|p| {
            p.advance();
            if star {
                p.advance();
            }
            if star || !p.at_op(Op::Colon) {
                p.expression()?;
                if p.eat_kw(Kw::As) {
                    p.expect(T::Name)?;
                }
            }
            p.expect_op(Op::Colon)
        });
        match header {
            Ok(Some(_)) => {}
            Ok(None) => return self.invalid_syntax(),
            Err(e) => return e,
        }
        let msg = "cannot have both 'except' and 'except*' on the same 'try'";
        let end = if star { except + 1 } else { except };
        self.err_range(msg, self.loc(except), self.loc(end))
    }

    /// `except_block` / `except_star_block`, with CPython's `invalid_except_stmt`.
    fn except_block(&mut self) -> PResult<ExceptHandler<'a>> {
        let start = self.advance();
        let star = self.eat_op(Op::Star);
        let what = if star { "'except*' statement" } else { "'except' statement" };
        let mut typ = None;
        let mut name = None;
        if star && matches!(self.peek(), T::Newline | T::Op(Op::Colon)) {
            return Err(self.err_last("expected one or more exception types"));
        }
        if self.at(T::Newline) {
            return Err(self.err_last("expected ':'"));
        }
        if !self.at_op(Op::Colon) || star {
            let type_start = self.pos;
            let e = self.expression()?;
            if self.at_op(Op::Comma) {
                // except a, b: ... -> "multiple exception types must be parenthesized"
                let type_loc = e.loc;
                let matched = self.probe(|p| {
                    p.advance();
                    p.expressions()?;
                    if p.eat_kw(Kw::As) {
                        p.expect(T::Name)?;
                    }
                    p.expect_op(Op::Colon)?;
                    Ok(())
                })?;
                if matched.is_some() {
                    self.advance();
                    self.expressions()?;
                    if self.eat_kw(Kw::As) {
                        self.advance();
                    }
                    self.advance();
                    return Err(self.err_from("multiple exception types must be parenthesized", type_loc));
                }
                let _ = type_start;
                return Err(self.invalid_syntax());
            }
            typ = Some(self.alloc(e));
            if self.eat_kw(Kw::As) {
                let n = self.expect(T::Name)?;
                name = Some(self.ident(n));
            }
        }
        self.header_colon()?;
        let body = self.block(start, what)?;
        Ok(ExceptHandler { loc: self.span(start), typ, name, body })
    }

    /// `async def`, `async for` and `async with`: CPython compiles them (the last two only
    /// inside an `async def`); cellvm has no coroutines, so the error waits until the file
    /// has parsed, as CPython's compiler errors do.
    fn async_stmt(&mut self) -> PResult<Stmt<'a>> {
        let start = self.pos;
        match self.peek_nth(1) {
            T::Kw(Kw::Def) => {
                self.advance();
                self.async_unsupported(start, "async functions are not supported by cellvm");
                self.function_def(start, &[])
            }
            T::Kw(Kw::For) => {
                self.advance();
                let stmt = self.for_stmt(start)?;
                let err = self.err_node("'async for' outside async function", stmt.loc);
                self.compile_time_error(err);
                Ok(stmt)
            }
            T::Kw(Kw::With) => {
                self.advance();
                let stmt = self.with_stmt(start)?;
                let err = self.err_node("'async with' outside async function", stmt.loc);
                self.compile_time_error(err);
                Ok(stmt)
            }
            _ => {
                self.advance();
                Err(self.invalid_syntax())
            }
        }
    }

    fn async_unsupported(&mut self, start: usize, msg: &str) {
        let err = self.err_range(msg, self.loc(start), self.loc(start + 1));
        self.compile_time_error(err);
    }

    /// A statement starting with the soft keyword `match`: a `match` statement when
    /// `match subject:` and a newline follow, else `None` (an ordinary statement such as
    /// `match = 1`). cellvm does not support pattern matching: the statement is skipped
    /// (its case bodies are still parsed) and refused once the file has parsed.
    fn match_stmt(&mut self) -> PResult<Option<Stmt<'a>>> {
        let start = self.pos;
        if !(starts_expression(self.peek_nth(1)) || self.peek_nth(1) == T::Op(Op::Star)) {
            return Ok(None);
        }
        // CPython's first pass tries this too: what it looks at counts. Its second pass tries
        // it with the error rules, which may match even on a valid statement.
        let subject = |p: &mut Self| {
            p.advance();
            p.subject_expr()?;
            Ok((p.peek(), p.pos))
        };
        let header = if self.pass2 {
            let r = self.attempt(subject)?;
            self.pos = start;
            r
        } else {
            self.no_invalid += 1;
            let r = self.lookahead(subject).map(|(r, _)| r);
            self.no_invalid -= 1;
            r
        };
        let Some((after, colon)) = header else { return Ok(None) };
        match after {
            T::Op(Op::Colon) if self.look(colon + 1) == T::Newline => {}
            // invalid_match_stmt: "match" subject_expr NEWLINE -> "expected ':'", which
            // CPython's second pass finds even when the line is a valid expression statement
            // (`match (x)`).
            T::Newline if self.pass2 => return Err(self.err_last("expected ':'")),
            _ => return Ok(None),
        }
        self.pos = colon + 2;
        if !self.at(T::Indent) {
            let line = self.loc(start).lineno;
            return Err(self.indentation_err_last(format!(
                "expected an indented block after 'match' statement on line {line}"
            )));
        }
        let err = self.err_tok(start, "'match' statements are not supported by cellvm");
        self.compile_time_error(err);
        self.advance();
        let mut body = self.vec();
        while !self.eat(T::Dedent) {
            if !self.at_soft("case") {
                return Err(self.invalid_syntax());
            }
            let case = self.advance();
            // The pattern and guard, up to the `:` that ends the line's header.
            let level = self.level(case);
            loop {
                match self.peek() {
                    T::Op(Op::Colon) if self.level(self.pos) == level => break,
                    T::Newline | T::End | T::Indent | T::Dedent => return Err(self.invalid_syntax()),
                    _ => {
                        self.advance();
                    }
                }
            }
            self.header_colon()?;
            let case_body = self.block(case, "'case' statement")?;
            body.extend(case_body.iter().map(|s| Stmt { loc: s.loc, kind: StmtKind::Pass }));
        }
        Ok(Some(Stmt { loc: self.span(start), kind: StmtKind::Pass }))
    }

    /// `subject_expr: star_named_expression ',' star_named_expressions? | named_expression`
    fn subject_expr(&mut self) -> PResult<Expr<'a>> {
        let start = self.pos;
        let first = self.star_named_expression()?;
        if !self.at_op(Op::Comma) {
            if matches!(first.kind, ExprKind::Starred(_)) {
                return Err(self.invalid_syntax());
            }
            return Ok(first);
        }
        let mut elts = self.vec();
        elts.push(first);
        while self.eat_op(Op::Comma) {
            if !(starts_expression(self.peek()) || self.at_op(Op::Star)) {
                break;
            }
            elts.push(self.star_named_expression()?);
        }
        Ok(self.expr(ExprKind::Tuple(self.alloc_list(elts)), self.span(start)))
    }

    /// The arguments of a class statement: like a call's, without a bare generator.
    fn class_arguments(&mut self) -> PResult<(&'a [Expr<'a>], &'a [crate::ast::Keyword<'a>])> {
        self.arguments(false)
    }
}

/// Where the last element of a statement's first expression list is: its tokens, and
/// whether it is the last element of a tuple without brackets. No element when a comma
/// ends the list.
#[derive(Clone, Copy, Default)]
struct FirstList {
    last: Option<(usize, usize)>,
    tuple: bool,
}
