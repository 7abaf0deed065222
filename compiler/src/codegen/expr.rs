//! Expressions, assignment targets, conditional jumps, calls and comprehensions.

use std::sync::Arc;

use super::unit::{Label, UnitKind};
use super::{str_const, Compiler, NameCtx, R, STACK_USE_GUARDRAIL};
use crate::ast::*;
use crate::bytecode::{BinaryOp, CompareOp, Const, Opcode};
use crate::error::SyntaxError;
use crate::symtable::BlockKind;

use Opcode::*;

/// What a starred-sequence build produces.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Seq {
    List,
    Tuple,
    Set,
}

pub(super) fn binary_op(op: Operator) -> BinaryOp {
    match op {
        Operator::Add => BinaryOp::Add,
        Operator::BitAnd => BinaryOp::And,
        Operator::FloorDiv => BinaryOp::FloorDivide,
        Operator::LShift => BinaryOp::Lshift,
        Operator::MatMult => BinaryOp::MatrixMultiply,
        Operator::Mult => BinaryOp::Multiply,
        Operator::Mod => BinaryOp::Remainder,
        Operator::BitOr => BinaryOp::Or,
        Operator::Pow => BinaryOp::Power,
        Operator::RShift => BinaryOp::Rshift,
        Operator::Sub => BinaryOp::Subtract,
        Operator::Div => BinaryOp::TrueDivide,
        Operator::BitXor => BinaryOp::Xor,
    }
}

/// The constant an expression folds to, as CPython's AST optimizer folds literals, tuples of
/// constants and negated numbers (`__debug__` is always true: no `-O`).
pub(super) fn fold(e: &Expr) -> Option<Const> {
    Some(match &e.kind {
        ExprKind::Constant(c) => constant(c),
        ExprKind::Name("__debug__") => Const::Bool(true),
        ExprKind::Tuple(elts) => {
            let items: Option<Vec<Const>> = elts.iter().map(fold).collect();
            Const::Tuple(items?.into())
        }
        ExprKind::UnaryOp { op: UnaryOp::USub, operand } => match fold(operand)? {
            Const::Int(i) => match i.checked_neg() {
                Some(n) => Const::Int(n),
                None => Const::BigInt(Arc::from(format!("{}", -(i as i128)).as_str())),
            },
            Const::BigInt(digits) => match digits.strip_prefix('-') {
                Some(pos) => Const::BigInt(Arc::from(pos)),
                None if &*digits == "9223372036854775808" => Const::Int(i64::MIN),
                None => Const::BigInt(Arc::from(format!("-{digits}").as_str())),
            },
            Const::Float(f) => Const::Float(-f),
            Const::Complex { real, imag } => Const::Complex { real: -real, imag: -imag },
            _ => return None,
        },
        _ => return None,
    })
}

pub(super) fn constant(c: &Constant) -> Const {
    match *c {
        Constant::None => Const::None,
        Constant::Bool(b) => Const::Bool(b),
        Constant::Ellipsis => Const::Ellipsis,
        Constant::Int(i) => Const::Int(i),
        Constant::BigInt(s) => Const::BigInt(Arc::from(s)),
        Constant::Float(f) => Const::Float(f),
        Constant::Imaginary(f) => Const::Complex { real: 0.0, imag: f },
        Constant::Str(s) => Const::Str(Arc::from(s)),
        Constant::Bytes(b) => Const::Bytes(Arc::from(b)),
    }
}

fn is_const(e: &Expr) -> bool {
    matches!(e.kind, ExprKind::Constant(_))
}

impl<'a, 's> Compiler<'a, 's> {
    pub(super) fn expr(&mut self, e: &'a Expr<'a>) -> R {
        let saved = self.unit_ref().loc;
        self.unit().loc = e.loc;
        let result = self.expr_inner(e);
        self.unit().loc = saved;
        result
    }

    fn expr_inner(&mut self, e: &'a Expr<'a>) -> R {
        if !matches!(e.kind, ExprKind::Constant(_)) {
            if let Some(c) = fold(e) {
                self.load_const(c);
                return Ok(());
            }
        }
        match &e.kind {
            ExprKind::BoolOp { op, values } => {
                let end = self.new_label();
                let jump = if *op == BoolOp::And { JUMP_IF_FALSE_OR_POP } else { JUMP_IF_TRUE_OR_POP };
                let (last, init) = values.split_last().expect("a BoolOp has two or more values");
                for v in init {
                    self.expr(v)?;
                    self.emit_jump(jump, end);
                }
                self.expr(last)?;
                self.bind(end);
            }
            ExprKind::NamedExpr { target, value } => {
                self.expr(value)?;
                self.emit(COPY, 1);
                self.store(target)?;
            }
            ExprKind::BinOp { left, op, right } => {
                self.expr(left)?;
                self.expr(right)?;
                self.emit(BINARY_OP, binary_op(*op) as u32);
            }
            ExprKind::UnaryOp { op, operand } => {
                self.expr(operand)?;
                self.emit(
                    match op {
                        UnaryOp::Invert => UNARY_INVERT,
                        UnaryOp::Not => UNARY_NOT,
                        UnaryOp::UAdd => UNARY_POSITIVE,
                        UnaryOp::USub => UNARY_NEGATIVE,
                    },
                    0,
                );
            }
            ExprKind::Lambda { args, body } => self.lambda(e, args, body)?,
            ExprKind::IfExp { test, body, orelse } => {
                let end = self.new_label();
                let next = self.new_label();
                self.jump_if(test, next, false)?;
                self.expr(body)?;
                self.unit().emit_noline(JUMP_FORWARD, end.0);
                self.bind(next);
                self.expr(orelse)?;
                self.bind(end);
            }
            ExprKind::Dict { keys, values } => self.dict(keys, values)?,
            ExprKind::Set(elts) => self.sequence(elts, Seq::Set, 0)?,
            ExprKind::ListComp { elt, generators } => {
                self.comprehension(e, "<listcomp>", generators, elt, None)?
            }
            ExprKind::SetComp { elt, generators } => {
                self.comprehension(e, "<setcomp>", generators, elt, None)?
            }
            ExprKind::GeneratorExp { elt, generators } => {
                self.comprehension(e, "<genexpr>", generators, elt, None)?
            }
            ExprKind::DictComp { key, value, generators } => {
                self.comprehension(e, "<dictcomp>", generators, key, Some(value))?
            }
            ExprKind::Yield(value) => {
                self.check_yield()?;
                match value {
                    Some(v) => self.expr(v)?,
                    None => self.load_const(Const::None),
                }
                self.emit(YIELD_VALUE, 0);
            }
            ExprKind::YieldFrom(value) => {
                self.check_yield()?;
                self.expr(value)?;
                self.emit(GET_YIELD_FROM_ITER, 0);
                self.load_const(Const::None);
                self.yield_from();
            }
            ExprKind::Compare { left, ops, comparators } => self.compare(left, ops, comparators)?,
            ExprKind::Call { func, args, keywords } => self.call(func, args, keywords)?,
            ExprKind::FormattedValue { value, conversion, format_spec } => {
                self.expr(value)?;
                let mut flags = match conversion {
                    Some('s') => 1,
                    Some('r') => 2,
                    Some('a') => 3,
                    _ => 0,
                };
                if let Some(spec) = format_spec {
                    self.expr(spec)?;
                    flags |= 4;
                }
                self.emit(FORMAT_VALUE, flags);
            }
            ExprKind::JoinedStr(values) => {
                if values.len() > STACK_USE_GUARDRAIL {
                    self.load_const(str_const(""));
                    self.emit_name(LOAD_METHOD, "join");
                    self.emit(BUILD_LIST, 0);
                    for v in *values {
                        self.expr(v)?;
                        self.emit(LIST_APPEND, 1);
                    }
                    self.emit(CALL_METHOD, 1);
                } else {
                    for v in *values {
                        self.expr(v)?;
                    }
                    if values.len() != 1 {
                        self.emit(BUILD_STRING, values.len() as u32);
                    }
                }
            }
            ExprKind::Constant(c) => self.load_const(constant(c)),
            ExprKind::Attribute { value, attr } => {
                self.expr(value)?;
                self.emit_name(LOAD_ATTR, attr);
            }
            ExprKind::Subscript { value, slice } => {
                self.expr(value)?;
                self.slice_or_expr(slice)?;
                self.emit(BINARY_SUBSCR, 0);
            }
            ExprKind::Starred(_) => return Err(self.error("can't use starred expression here")),
            ExprKind::Name(id) => self.nameop(id, NameCtx::Load)?,
            ExprKind::List(elts) => self.sequence(elts, Seq::List, 0)?,
            ExprKind::Tuple(elts) => self.sequence(elts, Seq::Tuple, 0)?,
            ExprKind::Slice { .. } => self.slice_or_expr(e)?,
        }
        Ok(())
    }

    fn check_yield(&self) -> R {
        if self.block().kind != BlockKind::Function {
            return Err(self.error("'yield' outside function"));
        }
        Ok(())
    }

    /// `SEND` / `YIELD_VALUE` loop delegating to the iterator below the sent value.
    fn yield_from(&mut self) {
        let start = self.new_label();
        let exit = self.new_label();
        self.bind(start);
        self.emit_jump(SEND, exit);
        self.emit(YIELD_VALUE, 0);
        self.emit_jump(JUMP_BACKWARD, start);
        self.bind(exit);
    }

    /// A subscript's index: slices become BUILD_SLICE.
    pub(super) fn slice_or_expr(&mut self, e: &'a Expr<'a>) -> R {
        let ExprKind::Slice { lower, upper, step } = &e.kind else { return self.expr(e) };
        for part in [lower, upper] {
            match part {
                Some(p) => self.expr(p)?,
                None => self.load_const(Const::None),
            }
        }
        let mut n = 2;
        if let Some(s) = step {
            self.expr(s)?;
            n = 3;
        }
        self.emit(BUILD_SLICE, n);
        Ok(())
    }

    pub(super) fn store(&mut self, t: &'a Expr<'a>) -> R {
        let saved = self.unit_ref().loc;
        self.unit().loc = t.loc;
        let r = match &t.kind {
            ExprKind::Name(id) => self.nameop(id, NameCtx::Store),
            ExprKind::Attribute { value, attr } => {
                self.expr(value)?;
                self.emit_name(STORE_ATTR, attr);
                Ok(())
            }
            ExprKind::Subscript { value, slice } => {
                self.expr(value)?;
                self.slice_or_expr(slice)?;
                self.emit(STORE_SUBSCR, 0);
                Ok(())
            }
            ExprKind::List(elts) | ExprKind::Tuple(elts) => self.unpack(elts),
            ExprKind::Starred(_) => Err(self.error("starred assignment target must be in a list or tuple")),
            _ => Err(self.error("cannot assign to expression")),
        };
        self.unit().loc = saved;
        r
    }

    fn unpack(&mut self, elts: &'a [Expr<'a>]) -> R {
        let mut star = None;
        for (i, e) in elts.iter().enumerate() {
            if let ExprKind::Starred(_) = e.kind {
                if star.is_some() {
                    return Err(self.error("multiple starred expressions in assignment"));
                }
                let after = elts.len() - i - 1;
                if i >= 1 << 8 || after >= (i32::MAX >> 8) as usize {
                    return Err(self.error("too many expressions in star-unpacking assignment"));
                }
                star = Some((i, after));
            }
        }
        match star {
            Some((before, after)) => self.emit(UNPACK_EX, (before + (after << 8)) as u32),
            None => self.emit(UNPACK_SEQUENCE, elts.len() as u32),
        }
        for e in elts {
            match &e.kind {
                ExprKind::Starred(inner) => self.store(inner)?,
                _ => self.store(e)?,
            }
        }
        Ok(())
    }

    pub(super) fn delete(&mut self, t: &'a Expr<'a>) -> R {
        let saved = self.unit_ref().loc;
        self.unit().loc = t.loc;
        let r = match &t.kind {
            ExprKind::Name(id) => self.nameop(id, NameCtx::Del),
            ExprKind::Attribute { value, attr } => {
                self.expr(value)?;
                self.emit_name(DELETE_ATTR, attr);
                Ok(())
            }
            ExprKind::Subscript { value, slice } => {
                self.expr(value)?;
                self.slice_or_expr(slice)?;
                self.emit(DELETE_SUBSCR, 0);
                Ok(())
            }
            ExprKind::List(elts) | ExprKind::Tuple(elts) => elts.iter().try_for_each(|e| self.delete(e)),
            _ => Err(self.error("cannot delete expression")),
        };
        self.unit().loc = saved;
        r
    }

    /// Jump to `target` if `e` is true (`cond`) or false (`!cond`); CPython's
    /// `compiler_jump_if`, which compiles `not`, `and`/`or`, conditional expressions and
    /// comparison chains into jumps without materialising booleans.
    pub(super) fn jump_if(&mut self, e: &'a Expr<'a>, target: Label, cond: bool) -> R {
        let saved = self.unit_ref().loc;
        self.unit().loc = e.loc;
        let r = self.jump_if_inner(e, target, cond);
        self.unit().loc = saved;
        r
    }

    fn jump_if_inner(&mut self, e: &'a Expr<'a>, target: Label, cond: bool) -> R {
        match &e.kind {
            ExprKind::UnaryOp { op: UnaryOp::Not, operand } => return self.jump_if(operand, target, !cond),
            ExprKind::BoolOp { op, values } => {
                let is_or = *op == BoolOp::Or;
                let next2 = if is_or == cond { target } else { self.new_label() };
                let (last, init) = values.split_last().expect("a BoolOp has two or more values");
                for v in init {
                    self.jump_if(v, next2, is_or)?;
                }
                self.jump_if(last, target, cond)?;
                if next2 != target {
                    self.bind(next2);
                }
                return Ok(());
            }
            ExprKind::IfExp { test, body, orelse } => {
                let end = self.new_label();
                let next2 = self.new_label();
                self.jump_if(test, next2, false)?;
                self.jump_if(body, target, cond)?;
                self.unit().emit_noline(JUMP_FORWARD, end.0);
                self.bind(next2);
                self.jump_if(orelse, target, cond)?;
                self.bind(end);
                return Ok(());
            }
            ExprKind::Compare { left, ops, comparators } if ops.len() > 1 => {
                let cleanup = self.new_label();
                self.expr(left)?;
                let n = ops.len() - 1;
                for i in 0..n {
                    self.expr(&comparators[i])?;
                    self.emit(SWAP, 2);
                    self.emit(COPY, 2);
                    self.compare_op(ops[i]);
                    self.emit_jump(POP_JUMP_IF_FALSE, cleanup);
                }
                self.expr(&comparators[n])?;
                self.compare_op(ops[n]);
                self.emit_jump(if cond { POP_JUMP_IF_TRUE } else { POP_JUMP_IF_FALSE }, target);
                let end = self.new_label();
                self.unit().emit_noline(JUMP_FORWARD, end.0);
                self.bind(cleanup);
                self.emit(POP_TOP, 0);
                if !cond {
                    self.unit().emit_noline(JUMP_FORWARD, target.0);
                }
                self.bind(end);
                return Ok(());
            }
            _ => {}
        }
        // A constant test needs no code at all: CPython's optimizer removes the branch.
        if let Some(c) = fold(e) {
            if const_truth(&c) == cond {
                self.emit_jump(if self.is_backward(target) { JUMP_BACKWARD } else { JUMP_FORWARD }, target);
            } else if self.unit_ref().last_line() != Some(e.loc.lineno) {
                // What stays of CPython's folded `LOAD_CONST; POP_JUMP_IF_*`: a NOP that keeps
                // the test's line (`while True:` is a line a trace function sees).
                self.emit(NOP, 0);
            }
            return Ok(());
        }
        self.expr(e)?;
        self.emit_jump(if cond { POP_JUMP_IF_TRUE } else { POP_JUMP_IF_FALSE }, target);
        Ok(())
    }

    fn is_backward(&self, target: Label) -> bool {
        self.unit_ref().is_bound(target)
    }

    fn compare_op(&mut self, op: CmpOp) {
        let (opcode, arg) = match op {
            CmpOp::Eq => (COMPARE_OP, CompareOp::Eq as u32),
            CmpOp::NotEq => (COMPARE_OP, CompareOp::Ne as u32),
            CmpOp::Lt => (COMPARE_OP, CompareOp::Lt as u32),
            CmpOp::LtE => (COMPARE_OP, CompareOp::Le as u32),
            CmpOp::Gt => (COMPARE_OP, CompareOp::Gt as u32),
            CmpOp::GtE => (COMPARE_OP, CompareOp::Ge as u32),
            CmpOp::Is => (IS_OP, 0),
            CmpOp::IsNot => (IS_OP, 1),
            CmpOp::In => (CONTAINS_OP, 0),
            CmpOp::NotIn => (CONTAINS_OP, 1),
        };
        self.emit(opcode, arg);
    }

    fn compare(&mut self, left: &'a Expr<'a>, ops: &'a [CmpOp], comparators: &'a [Expr<'a>]) -> R {
        self.expr(left)?;
        if ops.len() == 1 {
            self.expr(&comparators[0])?;
            self.compare_op(ops[0]);
            return Ok(());
        }
        let cleanup = self.new_label();
        let n = ops.len() - 1;
        for i in 0..n {
            self.expr(&comparators[i])?;
            self.emit(SWAP, 2);
            self.emit(COPY, 2);
            self.compare_op(ops[i]);
            self.emit_jump(JUMP_IF_FALSE_OR_POP, cleanup);
        }
        self.expr(&comparators[n])?;
        self.compare_op(ops[n]);
        let end = self.new_label();
        self.unit().emit_noline(JUMP_FORWARD, end.0);
        self.bind(cleanup);
        self.emit(SWAP, 2);
        self.emit(POP_TOP, 0);
        self.bind(end);
        Ok(())
    }

    /// Build a list, tuple or set from items that may include `*iterable`s; `pushed` items
    /// are already on the stack and belong at the front.
    pub(super) fn sequence(&mut self, elts: &'a [Expr<'a>], kind: Seq, pushed: u32) -> R {
        let (build, add, extend) = match kind {
            Seq::List | Seq::Tuple => (BUILD_LIST, LIST_APPEND, LIST_EXTEND),
            Seq::Set => (BUILD_SET, SET_ADD, SET_UPDATE),
        };
        let n = elts.len();
        if n > 2 && elts.iter().all(is_const) {
            let items: Vec<Const> = elts.iter().map(|e| fold(e).expect("constant")).collect();
            if kind == Seq::Tuple && pushed == 0 {
                self.load_const(Const::Tuple(items.into()));
            } else {
                self.emit(build, pushed);
                let folded = if kind == Seq::Set {
                    Const::FrozenSet(items.into())
                } else {
                    Const::Tuple(items.into())
                };
                self.load_const(folded);
                self.emit(extend, 1);
                if kind == Seq::Tuple {
                    self.emit(LIST_TO_TUPLE, 0);
                }
            }
            return Ok(());
        }
        let big = n + pushed as usize > STACK_USE_GUARDRAIL;
        let starred = elts.iter().any(|e| matches!(e.kind, ExprKind::Starred(_)));
        if !starred && !big {
            for e in elts {
                self.expr(e)?;
            }
            let total = n as u32 + pushed;
            self.emit(if kind == Seq::Tuple { BUILD_TUPLE } else { build }, total);
            return Ok(());
        }
        let mut built = false;
        if big {
            self.emit(build, pushed);
            built = true;
        }
        for (i, e) in elts.iter().enumerate() {
            if let ExprKind::Starred(inner) = e.kind {
                if !built {
                    self.emit(build, i as u32 + pushed);
                    built = true;
                }
                self.expr(inner)?;
                self.emit(extend, 1);
            } else {
                self.expr(e)?;
                if built {
                    self.emit(add, 1);
                }
            }
        }
        if kind == Seq::Tuple {
            self.emit(LIST_TO_TUPLE, 0);
        }
        Ok(())
    }

    fn dict(&mut self, keys: &'a [Option<Expr<'a>>], values: &'a [Expr<'a>]) -> R {
        let n = values.len();
        let mut have_dict = false;
        let mut elements = 0;
        let mut i = 0;
        while i < n {
            match &keys[i] {
                Some(_) => {
                    // A run of key: value pairs, built in chunks to bound the stack.
                    let start = i;
                    while i < n && keys[i].is_some() && i - start < STACK_USE_GUARDRAIL / 2 {
                        i += 1;
                    }
                    elements = i - start;
                    self.dict_chunk(&keys[start..i], &values[start..i])?;
                    if have_dict {
                        self.emit(DICT_UPDATE, 1);
                    }
                    have_dict = true;
                }
                None => {
                    if !have_dict {
                        self.emit(BUILD_MAP, 0);
                        have_dict = true;
                    }
                    self.expr(&values[i])?;
                    self.emit(DICT_UPDATE, 1);
                    i += 1;
                }
            }
        }
        let _ = elements;
        if !have_dict {
            self.emit(BUILD_MAP, 0);
        }
        Ok(())
    }

    fn dict_chunk(&mut self, keys: &'a [Option<Expr<'a>>], values: &'a [Expr<'a>]) -> R {
        let n = keys.len();
        let const_keys: Option<Vec<Const>> =
            keys.iter().map(|k| k.as_ref().filter(|k| is_const(k)).and_then(fold)).collect();
        match const_keys {
            Some(ks) if n > 1 => {
                for v in values {
                    self.expr(v)?;
                }
                self.load_const(Const::Tuple(ks.into()));
                self.emit(BUILD_CONST_KEY_MAP, n as u32);
            }
            _ => {
                for (k, v) in keys.iter().zip(values) {
                    self.expr(k.as_ref().expect("a chunk has keys"))?;
                    self.expr(v)?;
                }
                self.emit(BUILD_MAP, n as u32);
            }
        }
        Ok(())
    }

    fn call(&mut self, func: &'a Expr<'a>, args: &'a [Expr<'a>], keywords: &'a [Keyword<'a>]) -> R {
        self.validate_keywords(keywords)?;
        // obj.method(args): LOAD_METHOD avoids creating a bound method.
        if let ExprKind::Attribute { value, attr } = &func.kind {
            let simple = keywords.is_empty()
                && args.len() < STACK_USE_GUARDRAIL
                && !args.iter().any(|a| matches!(a.kind, ExprKind::Starred(_)));
            if simple {
                self.expr(value)?;
                let saved = self.unit_ref().loc;
                self.unit().loc = func.loc;
                self.emit_name(LOAD_METHOD, attr);
                self.unit().loc = saved;
                for a in args {
                    self.expr(a)?;
                }
                self.emit(CALL_METHOD, args.len() as u32);
                return Ok(());
            }
        }
        self.expr(func)?;
        self.call_helper(0, args, keywords)
    }

    fn validate_keywords(&self, keywords: &'a [Keyword<'a>]) -> R {
        for (i, k) in keywords.iter().enumerate() {
            let Some(name) = k.arg else { continue };
            if let Some(dup) = keywords[i + 1..].iter().find(|o| o.arg == Some(name)) {
                return Err(self.error_at(format!("keyword argument repeated: {name}"), dup.loc));
            }
        }
        Ok(())
    }

    /// The arguments of a call whose callable (and `pushed` leading arguments) are on the
    /// stack: CPython's `compiler_call_helper`.
    pub(super) fn call_helper(
        &mut self,
        pushed: u32,
        args: &'a [Expr<'a>],
        keywords: &'a [Keyword<'a>],
    ) -> R {
        self.validate_keywords(keywords)?;
        let simple = args.len() + keywords.len() * 2 <= STACK_USE_GUARDRAIL
            && !args.iter().any(|a| matches!(a.kind, ExprKind::Starred(_)))
            && keywords.iter().all(|k| k.arg.is_some());
        if simple {
            for a in args {
                self.expr(a)?;
            }
            let n = pushed + (args.len() + keywords.len()) as u32;
            if keywords.is_empty() {
                self.emit(CALL_FUNCTION, n);
            } else {
                let mut names = Vec::with_capacity(keywords.len());
                for k in keywords {
                    self.expr(k.value)?;
                    names.push(str_const(k.arg.expect("checked")));
                }
                self.load_const(Const::Tuple(names.into()));
                self.emit(CALL_FUNCTION_KW, n);
            }
            return Ok(());
        }
        // The general form: a tuple of positional arguments and a dict of keywords.
        if pushed == 0 && args.len() == 1 {
            if let ExprKind::Starred(inner) = args[0].kind {
                self.expr(inner)?;
            } else {
                self.sequence(args, Seq::Tuple, pushed)?;
            }
        } else {
            self.sequence(args, Seq::Tuple, pushed)?;
        }
        if !keywords.is_empty() {
            let mut have_dict = false;
            let mut seen = 0;
            for (i, k) in keywords.iter().enumerate() {
                if k.arg.is_none() {
                    if seen > 0 {
                        self.subkwargs(&keywords[i - seen..i])?;
                        if have_dict {
                            self.emit(DICT_MERGE, 1);
                        }
                        have_dict = true;
                        seen = 0;
                    }
                    if !have_dict {
                        self.emit(BUILD_MAP, 0);
                        have_dict = true;
                    }
                    self.expr(k.value)?;
                    self.emit(DICT_MERGE, 1);
                } else {
                    seen += 1;
                }
            }
            if seen > 0 {
                self.subkwargs(&keywords[keywords.len() - seen..])?;
                if have_dict {
                    self.emit(DICT_MERGE, 1);
                }
            }
        }
        self.emit(CALL_FUNCTION_EX, !keywords.is_empty() as u32);
        Ok(())
    }

    /// A dict of consecutive `name=value` keywords.
    fn subkwargs(&mut self, keywords: &'a [Keyword<'a>]) -> R {
        let n = keywords.len();
        if n > 1 {
            let mut names = Vec::with_capacity(n);
            for k in keywords {
                self.expr(k.value)?;
                names.push(str_const(k.arg.expect("named keyword")));
            }
            self.load_const(Const::Tuple(names.into()));
            self.emit(BUILD_CONST_KEY_MAP, n as u32);
        } else {
            for k in keywords {
                self.load_const(str_const(k.arg.expect("named keyword")));
                self.expr(k.value)?;
            }
            self.emit(BUILD_MAP, n as u32);
        }
        Ok(())
    }

    fn lambda(&mut self, e: &'a Expr<'a>, args: &'a Arguments<'a>, body: &'a Expr<'a>) -> R {
        for a in args
            .posonlyargs
            .iter()
            .chain(args.args)
            .chain(args.kwonlyargs)
            .chain(args.vararg)
            .chain(args.kwarg)
        {
            if a.arg == "__debug__" {
                return Err(self.error_at("cannot assign to __debug__", a.loc));
            }
        }
        let flags = self.lambda_prelude(args)?;
        let scope = self.table.scope_of(e);
        self.enter_scope(UnitKind::Lambda, scope, "<lambda>", e.loc.lineno);
        // None first, so a lambda never has a docstring.
        self.unit().add_const(Const::None);
        let u = self.unit();
        u.argcount = (args.posonlyargs.len() + args.args.len()) as u32;
        u.posonlyargcount = args.posonlyargs.len() as u32;
        u.kwonlyargcount = args.kwonlyargs.len() as u32;
        self.expr(body)?;
        if !self.block().generator {
            self.emit(RETURN_VALUE, 0);
        } else {
            self.emit(POP_TOP, 0);
            self.implicit_return();
        }
        let code = self.exit_scope();
        self.make_closure(code, flags);
        Ok(())
    }

    fn lambda_prelude(&mut self, args: &'a Arguments<'a>) -> Result<u32, SyntaxError> {
        let mut flags = 0;
        if !args.defaults.is_empty() {
            self.sequence(args.defaults, Seq::Tuple, 0)?;
            flags |= crate::bytecode::make_function::DEFAULTS;
        }
        let mut keys = Vec::new();
        for (a, d) in args.kwonlyargs.iter().zip(args.kw_defaults) {
            if let Some(d) = d {
                keys.push(str_const(self.mangle(a.arg)));
                self.expr(d)?;
            }
        }
        if !keys.is_empty() {
            let n = keys.len() as u32;
            self.load_const(Const::Tuple(keys.into()));
            self.emit(BUILD_CONST_KEY_MAP, n);
            flags |= crate::bytecode::make_function::KWDEFAULTS;
        }
        Ok(flags)
    }

    fn comprehension(
        &mut self,
        e: &'a Expr<'a>,
        name: &'a str,
        generators: &'a [Comprehension<'a>],
        elt: &'a Expr<'a>,
        value: Option<&'a Expr<'a>>,
    ) -> R {
        let scope = self.table.scope_of(e);
        self.enter_scope(UnitKind::Comprehension, scope, name, e.loc.lineno);
        self.unit().argcount = 1;
        let kind = match name {
            "<listcomp>" => Some(BUILD_LIST),
            "<setcomp>" => Some(BUILD_SET),
            "<dictcomp>" => Some(BUILD_MAP),
            _ => None,
        };
        if let Some(build) = kind {
            self.emit(build, 0);
        }
        self.comprehension_generator(generators, 0, 0, elt, value, kind)?;
        if kind.is_some() {
            self.emit(RETURN_VALUE, 0);
        } else {
            self.implicit_return();
        }
        let code = self.exit_scope();
        self.make_closure(code, 0);
        self.expr(generators[0].iter)?;
        self.emit(GET_ITER, 0);
        self.emit(CALL_FUNCTION, 1);
        Ok(())
    }

    fn comprehension_generator(
        &mut self,
        generators: &'a [Comprehension<'a>],
        index: usize,
        mut depth: u32,
        elt: &'a Expr<'a>,
        value: Option<&'a Expr<'a>>,
        build: Option<Opcode>,
    ) -> R {
        let gen = &generators[index];
        let start = self.new_label();
        let if_cleanup = self.new_label();
        let anchor = self.new_label();
        let mut looping = true;
        if index == 0 {
            // The outermost iterator arrives as the argument `.0`.
            self.emit(LOAD_FAST, 0);
        } else {
            // `for y in [expr]` binds once, without a loop.
            let single = match &gen.iter.kind {
                ExprKind::List(elts) | ExprKind::Tuple(elts) if elts.len() == 1 => {
                    (!matches!(elts[0].kind, ExprKind::Starred(_))).then_some(&elts[0])
                }
                _ => None,
            };
            match single {
                Some(item) => {
                    self.expr(item)?;
                    looping = false;
                }
                None => {
                    self.expr(gen.iter)?;
                    self.emit(GET_ITER, 0);
                }
            }
        }
        if looping {
            depth += 1;
            self.bind(start);
            self.emit_jump(FOR_ITER, anchor);
        }
        self.store(gen.target)?;
        for cond in gen.ifs {
            self.jump_if(cond, if_cleanup, false)?;
        }
        if index + 1 < generators.len() {
            self.comprehension_generator(generators, index + 1, depth, elt, value, build)?;
        } else {
            match build {
                None => {
                    self.expr(elt)?;
                    self.emit(YIELD_VALUE, 0);
                    self.emit(POP_TOP, 0);
                }
                Some(BUILD_LIST) => {
                    self.expr(elt)?;
                    self.emit(LIST_APPEND, depth + 1);
                }
                Some(BUILD_SET) => {
                    self.expr(elt)?;
                    self.emit(SET_ADD, depth + 1);
                }
                Some(_) => {
                    self.expr(elt)?;
                    self.expr(value.expect("a dict comprehension has a value"))?;
                    self.emit(MAP_ADD, depth + 1);
                }
            }
        }
        self.bind(if_cleanup);
        if looping {
            self.emit_jump(JUMP_BACKWARD, start);
            self.bind(anchor);
        }
        Ok(())
    }
}

/// Python truth of a folded constant.
fn const_truth(c: &Const) -> bool {
    match c {
        Const::None => false,
        Const::Bool(b) => *b,
        Const::Ellipsis | Const::Code(_) => true,
        Const::Int(i) => *i != 0,
        Const::BigInt(_) => true,
        Const::Float(f) => *f != 0.0,
        Const::Complex { real, imag } => *real != 0.0 || *imag != 0.0,
        Const::Str(s) => !s.is_empty(),
        Const::Bytes(b) => !b.is_empty(),
        Const::Tuple(t) | Const::FrozenSet(t) => !t.is_empty(),
    }
}
