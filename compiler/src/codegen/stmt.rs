//! Statements: definitions, control flow, exception handling, imports.

use std::sync::Arc;

use super::expr::Seq;
use super::unit::UnitKind;
use super::{docstring, str_const, Compiler, FBlock, NameCtx, R};
use crate::ast::*;
use crate::bytecode::{make_function, BinaryOp, Const, Opcode};
use crate::symtable::BlockKind;

use Opcode::*;

impl<'a, 's> Compiler<'a, 's> {
    pub(super) fn stmt(&mut self, s: &'a Stmt<'a>) -> R {
        self.unit().loc = s.loc;
        match &s.kind {
            StmtKind::FunctionDef(f) => self.function_def(f, s),
            StmtKind::ClassDef(c) => self.class_def(c, s),
            StmtKind::Return(value) => self.return_stmt(*value, s.loc),
            StmtKind::Delete(targets) => targets.iter().try_for_each(|t| self.delete(t)),
            StmtKind::Assign { targets, value } => {
                self.expr(value)?;
                for (i, t) in targets.iter().enumerate() {
                    if i + 1 < targets.len() {
                        self.emit(COPY, 1);
                    }
                    self.store(t)?;
                }
                Ok(())
            }
            StmtKind::AugAssign { target, op, value } => self.aug_assign(target, *op, value),
            StmtKind::AnnAssign { target, annotation, value, simple } => {
                self.ann_assign(target, annotation, *value, *simple)
            }
            StmtKind::For { target, iter, body, orelse } => self.for_stmt(target, iter, body, orelse),
            StmtKind::While { test, body, orelse } => self.while_stmt(s, test, body, orelse),
            StmtKind::If { test, body, orelse } => {
                let end = self.new_label();
                let next = if orelse.is_empty() { end } else { self.new_label() };
                self.jump_if(test, next, false)?;
                self.stmts(body)?;
                if !orelse.is_empty() {
                    self.unit().emit_noline(JUMP_FORWARD, end.0);
                    self.bind(next);
                    self.stmts(orelse)?;
                }
                self.bind(end);
                Ok(())
            }
            StmtKind::With { items, body } => self.with_stmt(s, items, body),
            StmtKind::Raise { exc, cause } => {
                let mut n = 0;
                if let Some(e) = exc {
                    self.expr(e)?;
                    n = 1;
                    if let Some(c) = cause {
                        self.expr(c)?;
                        n = 2;
                    }
                }
                self.emit(RAISE_VARARGS, n);
                Ok(())
            }
            StmtKind::Try { finalbody, body, .. } => {
                // CPython's SETUP_FINALLY, a NOP at the `try` line once assembled, stays
                // where no neighbour has that line (a trace function sees the line).
                let line = s.loc.lineno;
                let first = body.first().map(|b| b.loc.lineno);
                if self.unit().last_line() != Some(line) && first != Some(line) {
                    self.emit(NOP, 0);
                }
                if !finalbody.is_empty() {
                    self.try_finally(s)
                } else if matches!(s.kind, StmtKind::Try { star: true, .. }) {
                    self.try_star_except(s)
                } else {
                    self.try_except(s)
                }
            }
            StmtKind::Assert { test, msg } => {
                let end = self.new_label();
                self.jump_if(test, end, true)?;
                self.emit(LOAD_ASSERTION_ERROR, 0);
                if let Some(m) = msg {
                    self.expr(m)?;
                    self.emit(CALL_FUNCTION, 1);
                }
                self.emit(RAISE_VARARGS, 1);
                self.bind(end);
                Ok(())
            }
            StmtKind::Import(names) => self.import(names),
            StmtKind::ImportFrom { module, names, level } => self.import_from(*module, names, *level, s.loc),
            // `global` and `nonlocal` compile to nothing (no line for a trace function).
            StmtKind::Global(_) | StmtKind::Nonlocal(_) => Ok(()),
            StmtKind::Pass => {
                self.emit(NOP, 0);
                Ok(())
            }
            StmtKind::Expr(e) => {
                if self.interactive && self.units.len() == 1 {
                    self.expr(e)?;
                    self.emit(PRINT_EXPR, 0);
                    return Ok(());
                }
                if let ExprKind::Constant(_) = e.kind {
                    self.emit(NOP, 0);
                    return Ok(());
                }
                self.expr(e)?;
                self.emit(POP_TOP, 0);
                Ok(())
            }
            StmtKind::Break => self.break_stmt(),
            StmtKind::Continue => self.continue_stmt(),
        }
    }

    pub(super) fn stmts(&mut self, body: &'a [Stmt<'a>]) -> R {
        body.iter().try_for_each(|s| self.stmt(s))
    }

    fn check_debug_args(&self, args: &Arguments, loc: Loc) -> R {
        let all = args.posonlyargs.iter().chain(args.args).chain(args.kwonlyargs);
        for a in all.chain(args.vararg).chain(args.kwarg) {
            if a.arg == "__debug__" {
                return Err(self.error_at("cannot assign to __debug__", a.loc));
            }
        }
        let _ = loc;
        Ok(())
    }

    /// Defaults, keyword-only defaults and annotations of a function, pushed for
    /// MAKE_FUNCTION; returns its flags.
    fn function_prelude(
        &mut self,
        args: &'a Arguments<'a>,
        returns: Option<&'a Expr<'a>>,
    ) -> Result<u32, crate::SyntaxError> {
        let mut flags = 0;
        if !args.defaults.is_empty() {
            self.sequence(args.defaults, Seq::Tuple, 0)?;
            flags |= make_function::DEFAULTS;
        }
        let kwdefaults: Vec<(&'a str, &'a Expr<'a>)> = args
            .kwonlyargs
            .iter()
            .zip(args.kw_defaults)
            .filter_map(|(a, d)| d.as_ref().map(|d| (a.arg, d)))
            .collect();
        if !kwdefaults.is_empty() {
            let mut keys = Vec::with_capacity(kwdefaults.len());
            for (name, d) in &kwdefaults {
                keys.push(str_const(self.mangle(name)));
                self.expr(d)?;
            }
            self.load_const(Const::Tuple(keys.into()));
            self.emit(BUILD_CONST_KEY_MAP, kwdefaults.len() as u32);
            flags |= make_function::KWDEFAULTS;
        }
        if self.annotations(args, returns)? {
            flags |= make_function::ANNOTATIONS;
        }
        Ok(flags)
    }

    /// The annotations tuple `(name, value, name, value, ...)`, in CPython's order.
    fn annotations(
        &mut self,
        args: &'a Arguments<'a>,
        returns: Option<&'a Expr<'a>>,
    ) -> Result<bool, crate::SyntaxError> {
        let mut n = 0;
        let order = args
            .args
            .iter()
            .chain(args.posonlyargs)
            .chain(args.vararg)
            .chain(args.kwonlyargs)
            .chain(args.kwarg);
        for a in order {
            if let Some(ann) = a.annotation {
                let name = self.mangle(a.arg);
                self.load_const(str_const(name));
                self.annotation_value(ann)?;
                n += 2;
            }
        }
        if let Some(r) = returns {
            self.load_const(str_const("return"));
            self.annotation_value(r)?;
            n += 2;
        }
        if n > 0 {
            self.emit(BUILD_TUPLE, n);
        }
        Ok(n > 0)
    }

    /// An annotation's value: evaluated, or under `from __future__ import annotations` its
    /// text as CPython's unparser writes it.
    pub(super) fn annotation_value(&mut self, ann: &'a Expr<'a>) -> R {
        if self.future_flags & crate::bytecode::flags::FUTURE_ANNOTATIONS != 0 {
            let text = crate::unparse::expr_as_str(ann);
            self.load_const(Const::Str(Arc::from(text)));
            Ok(())
        } else {
            self.expr(ann)
        }
    }

    fn function_def(&mut self, f: &'a FunctionDef<'a>, s: &'a Stmt<'a>) -> R {
        let firstlineno = f.decorators.first().map_or(s.loc.lineno, |d| d.loc.lineno);
        self.check_debug_args(f.args, s.loc)?;
        for d in f.decorators {
            self.expr(d)?;
        }
        let flags = self.function_prelude(f.args, f.returns)?;
        let scope = self.table.scope_of(f);
        self.enter_scope(UnitKind::Function, scope, f.name, firstlineno);
        let doc = docstring(f.body);
        self.unit().add_const(match doc {
            Some(d) => str_const(d),
            None => Const::None,
        });
        self.set_arg_counts(f.args);
        let body = if doc.is_some() { &f.body[1..] } else { f.body };
        self.stmts(body)?;
        self.implicit_return();
        let code = self.exit_scope();
        self.make_closure(code, flags);
        for _ in f.decorators {
            self.emit(CALL_FUNCTION, 1);
        }
        self.unit().loc = s.loc;
        self.nameop(f.name, NameCtx::Store)
    }

    fn set_arg_counts(&mut self, args: &Arguments) {
        let u = self.unit();
        u.argcount = (args.posonlyargs.len() + args.args.len()) as u32;
        u.posonlyargcount = args.posonlyargs.len() as u32;
        u.kwonlyargcount = args.kwonlyargs.len() as u32;
    }

    /// `return None` at the end of a body, unless it already ends in a return.
    pub(super) fn implicit_return(&mut self) {
        if self.unit_ref().last_op() == Some(RETURN_VALUE) {
            return;
        }
        self.unit().loc = Loc::default();
        self.load_const(Const::None);
        self.emit(RETURN_VALUE, 0);
    }

    fn class_def(&mut self, c: &'a ClassDef<'a>, s: &'a Stmt<'a>) -> R {
        let firstlineno = c.decorators.first().map_or(s.loc.lineno, |d| d.loc.lineno);
        for d in c.decorators {
            self.expr(d)?;
        }
        let scope = self.table.scope_of(c);
        self.enter_scope(UnitKind::Class, scope, c.name, firstlineno);
        self.unit().private = Some(c.name);
        self.unit().loc = s.loc;
        self.nameop("__name__", NameCtx::Load)?;
        self.nameop("__module__", NameCtx::Store)?;
        let qualname = self.unit_ref().qualname.clone();
        self.load_const(Const::Str(Arc::from(qualname.as_str())));
        self.nameop("__qualname__", NameCtx::Store)?;
        self.body(c.body)?;
        self.unit().loc = Loc::default();
        if self.block().needs_class_closure {
            let i = self.unit_ref().deref("__class__", true).expect("the class cell exists");
            self.emit(LOAD_CLOSURE, i);
            self.emit(COPY, 1);
            self.nameop("__classcell__", NameCtx::Store)?;
        } else {
            self.load_const(Const::None);
        }
        self.emit(RETURN_VALUE, 0);
        let code = self.exit_scope();
        self.unit().loc = s.loc;
        self.emit(LOAD_BUILD_CLASS, 0);
        self.make_closure(code, 0);
        self.load_const(str_const(c.name));
        self.call_helper(2, c.bases, c.keywords)?;
        for _ in c.decorators {
            self.emit(CALL_FUNCTION, 1);
        }
        self.nameop(c.name, NameCtx::Store)
    }

    fn return_stmt(&mut self, value: Option<&'a Expr<'a>>, loc: Loc) -> R {
        if self.block().kind != BlockKind::Function {
            return Err(self.error("'return' outside function"));
        }
        let preserve_tos = value.is_some_and(|v| !matches!(v.kind, ExprKind::Constant(_)));
        // Leaving a `finally` body or a `with` runs their code before the return, which (as
        // in CPython) keeps the line it ends on; a constant return first marks its own line.
        let runs_code = self
            .fblocks
            .last()
            .is_some_and(|b| b.iter().any(|f| matches!(f, FBlock::FinallyTry { .. } | FBlock::With { .. })));
        if preserve_tos {
            self.expr(value.expect("checked"))?;
        } else if runs_code {
            self.unit().loc = loc;
            self.emit(NOP, 0);
        }
        let saved = self.unit_ref().handler_state();
        self.unwind_fblock_stack(preserve_tos, false)?;
        self.unit().loc = if runs_code { Loc::default() } else { loc };
        if !preserve_tos {
            match value.map(|v| &v.kind) {
                Some(ExprKind::Constant(c)) => self.load_const(super::expr::constant(c)),
                _ => self.load_const(Const::None),
            }
        }
        self.emit(RETURN_VALUE, 0);
        self.unit().restore_handlers(saved);
        Ok(())
    }

    fn break_stmt(&mut self) -> R {
        self.emit(NOP, 0);
        let saved = self.unit_ref().handler_state();
        let Some(loop_block) = self.unwind_fblock_stack(false, true)? else {
            return Err(self.error("'break' outside loop"));
        };
        let end = match loop_block {
            FBlock::ForLoop { end, .. } => {
                self.emit(POP_TOP, 0);
                end
            }
            FBlock::WhileLoop { end, .. } => end,
            _ => unreachable!("unwinding stops at a loop"),
        };
        self.emit_jump(JUMP_FORWARD, end);
        self.unit().restore_handlers(saved);
        Ok(())
    }

    fn continue_stmt(&mut self) -> R {
        self.emit(NOP, 0);
        let saved = self.unit_ref().handler_state();
        let Some(loop_block) = self.unwind_fblock_stack(false, true)? else {
            return Err(self.error("'continue' not properly in loop"));
        };
        let (FBlock::ForLoop { start, .. } | FBlock::WhileLoop { start, .. }) = loop_block else {
            unreachable!("unwinding stops at a loop")
        };
        self.emit_jump(JUMP_BACKWARD, start);
        self.unit().restore_handlers(saved);
        Ok(())
    }

    /// Emit the code that leaves every enclosing block (up to the innermost loop when
    /// `to_loop`), innermost first; returns that loop. The handler regions it closes are
    /// closed only for the unwinding code: the caller restores them afterwards.
    fn unwind_fblock_stack(
        &mut self,
        preserve_tos: bool,
        to_loop: bool,
    ) -> Result<Option<FBlock<'a>>, crate::SyntaxError> {
        let blocks = self.fblocks.last().expect("a unit is always open").clone();
        let saved_blocks = blocks.clone();
        let mut result = None;
        for (i, b) in blocks.iter().enumerate().rev() {
            if let FBlock::ExceptionGroupHandler = b {
                return Err(self.error("'break', 'continue' and 'return' cannot appear in an except* block"));
            }
            if to_loop && matches!(b, FBlock::WhileLoop { .. } | FBlock::ForLoop { .. }) {
                result = Some(*b);
                break;
            }
            // A finally body compiled here sees only the blocks outside it.
            self.fblocks.last_mut().expect("open").truncate(i);
            self.unwind_fblock(*b, preserve_tos)?;
        }
        *self.fblocks.last_mut().expect("open") = saved_blocks;
        Ok(result)
    }

    fn unwind_fblock(&mut self, b: FBlock<'a>, preserve_tos: bool) -> R {
        match b {
            FBlock::WhileLoop { .. } | FBlock::ExceptionHandler | FBlock::ExceptionGroupHandler => {}
            FBlock::ForLoop { .. } => {
                if preserve_tos {
                    self.emit(SWAP, 2);
                }
                self.emit(POP_TOP, 0);
            }
            FBlock::TryExcept => self.unit().pop_handler(),
            FBlock::FinallyTry { body } => {
                self.unit().pop_handler();
                if preserve_tos {
                    self.push_fblock(FBlock::PopValue)?;
                }
                self.stmts(body)?;
                if preserve_tos {
                    self.pop_fblock();
                }
            }
            FBlock::FinallyEnd => {
                if preserve_tos {
                    self.emit(SWAP, 2);
                }
                self.emit(POP_TOP, 0);
                if preserve_tos {
                    self.emit(SWAP, 2);
                }
                self.unit().pop_handler();
                self.emit(POP_EXCEPT, 0);
            }
            FBlock::With { loc } => {
                self.unit().loc = loc;
                self.unit().pop_handler();
                if preserve_tos {
                    self.emit(SWAP, 2);
                }
                self.call_exit_with_nones();
                self.emit(POP_TOP, 0);
            }
            FBlock::HandlerCleanup { name } => {
                if name.is_some() {
                    self.unit().pop_handler();
                }
                if preserve_tos {
                    self.emit(SWAP, 2);
                }
                self.unit().pop_handler();
                self.emit(POP_EXCEPT, 0);
                if let Some(name) = name {
                    self.load_const(Const::None);
                    self.nameop(name, NameCtx::Store)?;
                    self.nameop(name, NameCtx::Del)?;
                }
            }
            FBlock::PopValue => {
                if preserve_tos {
                    self.emit(SWAP, 2);
                }
                self.emit(POP_TOP, 0);
            }
        }
        Ok(())
    }

    fn for_stmt(
        &mut self,
        target: &'a Expr<'a>,
        iter: &'a Expr<'a>,
        body: &'a [Stmt<'a>],
        orelse: &'a [Stmt<'a>],
    ) -> R {
        let start = self.new_label();
        let cleanup = self.new_label();
        let end = self.new_label();
        self.push_fblock(FBlock::ForLoop { start, end })?;
        self.expr(iter)?;
        self.emit(GET_ITER, 0);
        self.bind(start);
        self.emit_jump(FOR_ITER, cleanup);
        self.store(target)?;
        self.stmts(body)?;
        self.unit().loc = Loc::default();
        self.emit_jump(JUMP_BACKWARD, start);
        self.bind(cleanup);
        self.pop_fblock();
        self.stmts(orelse)?;
        self.bind(end);
        Ok(())
    }

    fn while_stmt(
        &mut self,
        s: &'a Stmt<'a>,
        test: &'a Expr<'a>,
        body: &'a [Stmt<'a>],
        orelse: &'a [Stmt<'a>],
    ) -> R {
        let top = self.new_label();
        let body_label = self.new_label();
        let anchor = self.new_label();
        let end = self.new_label();
        self.bind(top);
        self.push_fblock(FBlock::WhileLoop { start: top, end })?;
        self.jump_if(test, anchor, false)?;
        self.bind(body_label);
        self.stmts(body)?;
        self.unit().loc = s.loc;
        // The test again at the bottom, so each iteration takes one jump.
        self.jump_if(test, body_label, true)?;
        self.pop_fblock();
        self.bind(anchor);
        self.stmts(orelse)?;
        self.bind(end);
        Ok(())
    }

    fn with_stmt(&mut self, s: &'a Stmt<'a>, items: &'a [WithItem<'a>], body: &'a [Stmt<'a>]) -> R {
        let Some((item, rest)) = items.split_first() else { return self.stmts(body) };
        let final_label = self.new_label();
        let exit = self.new_label();
        self.expr(item.context_expr)?;
        self.emit(BEFORE_WITH, 0);
        self.unit().push_handler(final_label, true, -1);
        self.push_fblock(FBlock::With { loc: s.loc })?;
        match item.optional_vars {
            Some(v) => self.store(v)?,
            None => self.emit(POP_TOP, 0),
        }
        if rest.is_empty() {
            self.stmts(body)?;
        } else {
            self.with_stmt(s, rest, body)?;
        }
        self.unit().loc = Loc::default();
        self.unit().pop_handler();
        self.pop_fblock();
        self.unit().loc = s.loc;
        self.call_exit_with_nones();
        self.emit(POP_TOP, 0);
        self.emit_jump(JUMP_FORWARD, exit);
        // The exceptional exit: __exit__(type, value, traceback) decides.
        self.bind(final_label);
        let cleanup = self.new_label();
        self.unit().push_handler(cleanup, true, 0);
        self.emit(PUSH_EXC_INFO, 0);
        self.emit(WITH_EXCEPT_START, 0);
        self.unit().loc = Loc::default();
        let suppress = self.new_label();
        self.emit_jump(POP_JUMP_IF_TRUE, suppress);
        self.emit(RERAISE, 2);
        self.bind(suppress);
        self.emit(POP_TOP, 0);
        self.unit().pop_handler();
        self.emit(POP_EXCEPT, 0);
        self.emit(POP_TOP, 0);
        self.emit(POP_TOP, 0);
        self.emit_jump(JUMP_FORWARD, exit);
        self.bind(cleanup);
        self.pop_except_and_reraise();
        self.bind(exit);
        Ok(())
    }

    fn call_exit_with_nones(&mut self) {
        self.load_const(Const::None);
        self.load_const(Const::None);
        self.load_const(Const::None);
        self.emit(CALL_FUNCTION, 3);
    }

    /// The cleanup handler of an exception handler: restore the previous exception and
    /// re-raise the new one.
    fn pop_except_and_reraise(&mut self) {
        self.emit(COPY, 3);
        self.emit(POP_EXCEPT, 0);
        self.emit(RERAISE, 1);
    }

    fn try_finally(&mut self, s: &'a Stmt<'a>) -> R {
        let StmtKind::Try { body, handlers, finalbody, .. } = &s.kind else { unreachable!() };
        let end = self.new_label();
        let exit = self.new_label();
        let cleanup = self.new_label();
        self.unit().push_handler(end, false, 0);
        self.push_fblock(FBlock::FinallyTry { body: finalbody })?;
        match (handlers.is_empty(), &s.kind) {
            (true, _) => self.stmts(body)?,
            (false, StmtKind::Try { star: true, .. }) => self.try_star_except(s)?,
            (false, _) => self.try_except(s)?,
        }
        self.unit().pop_handler();
        self.pop_fblock();
        self.stmts(finalbody)?;
        self.unit().emit_noline(JUMP_FORWARD, exit.0);
        // The exceptional path runs the finally body with the exception pending.
        self.bind(end);
        self.unit().loc = Loc::default();
        self.unit().push_handler(cleanup, true, 0);
        self.emit(PUSH_EXC_INFO, 0);
        self.push_fblock(FBlock::FinallyEnd)?;
        self.stmts(finalbody)?;
        self.pop_fblock();
        self.unit().loc = Loc::default();
        self.emit(RERAISE, 0);
        self.unit().pop_handler();
        self.bind(cleanup);
        self.pop_except_and_reraise();
        self.bind(exit);
        Ok(())
    }

    fn try_except(&mut self, s: &'a Stmt<'a>) -> R {
        let StmtKind::Try { body, handlers, orelse, .. } = &s.kind else { unreachable!() };
        let except = self.new_label();
        let end = self.new_label();
        let cleanup = self.new_label();
        self.unit().push_handler(except, false, 0);
        self.push_fblock(FBlock::TryExcept)?;
        self.stmts(body)?;
        self.pop_fblock();
        self.unit().pop_handler();
        self.unit().emit_noline(NOP, 0);
        self.stmts(orelse)?;
        self.unit().emit_noline(JUMP_FORWARD, end.0);

        self.bind(except);
        self.unit().loc = Loc::default();
        self.unit().push_handler(cleanup, true, 0);
        self.emit(PUSH_EXC_INFO, 0);
        self.push_fblock(FBlock::ExceptionHandler)?;
        let in_handler = self.unit_ref().handler_state();
        for (i, h) in handlers.iter().enumerate() {
            self.unit().loc = h.loc;
            if h.typ.is_none() && i + 1 < handlers.len() {
                return Err(self.error("default 'except:' must be last"));
            }
            let next = self.new_label();
            if let Some(t) = h.typ {
                self.expr(t)?;
                self.emit(CHECK_EXC_MATCH, 0);
                self.emit_jump(POP_JUMP_IF_FALSE, next);
            }
            if let Some(name) = h.name {
                let cleanup_end = self.new_label();
                self.nameop(name, NameCtx::Store)?;
                // try: body finally: name = None; del name
                self.unit().push_handler(cleanup_end, true, 0);
                self.push_fblock(FBlock::HandlerCleanup { name: Some(name) })?;
                self.stmts(h.body)?;
                self.pop_fblock();
                self.unit().loc = Loc::default();
                self.unit().pop_handler();
                self.unit().pop_handler();
                self.emit(POP_EXCEPT, 0);
                self.load_const(Const::None);
                self.nameop(name, NameCtx::Store)?;
                self.nameop(name, NameCtx::Del)?;
                self.emit_jump(JUMP_FORWARD, end);
                self.unit().restore_handlers(in_handler.clone());
                self.bind(cleanup_end);
                self.load_const(Const::None);
                self.nameop(name, NameCtx::Store)?;
                self.nameop(name, NameCtx::Del)?;
                self.emit(RERAISE, 1);
            } else {
                self.emit(POP_TOP, 0);
                self.push_fblock(FBlock::HandlerCleanup { name: None })?;
                self.stmts(h.body)?;
                self.pop_fblock();
                self.unit().loc = Loc::default();
                self.unit().pop_handler();
                self.emit(POP_EXCEPT, 0);
                self.emit_jump(JUMP_FORWARD, end);
                self.unit().restore_handlers(in_handler.clone());
            }
            self.bind(next);
        }
        self.unit().loc = Loc::default();
        self.pop_fblock();
        self.emit(RERAISE, 0);
        self.unit().pop_handler();
        self.bind(cleanup);
        self.pop_except_and_reraise();
        self.bind(end);
        Ok(())
    }

    /// `try` ... `except*`: each clause takes its part of the exception group (CHECK_EG_MATCH),
    /// what the clauses raise is collected in a list, and PREP_RERAISE_STAR combines it with
    /// the unhandled rest; CPython's `compiler_try_star_except`.
    fn try_star_except(&mut self, s: &'a Stmt<'a>) -> R {
        let StmtKind::Try { body, handlers, orelse, .. } = &s.kind else { unreachable!() };
        let except = self.new_label();
        let orelse_label = self.new_label();
        let end = self.new_label();
        let cleanup = self.new_label();
        let reraise_star = self.new_label();
        self.unit().push_handler(except, false, 0);
        self.push_fblock(FBlock::TryExcept)?;
        self.stmts(body)?;
        self.pop_fblock();
        self.unit().pop_handler();
        self.unit().emit_noline(JUMP_FORWARD, orelse_label.0);

        self.bind(except);
        self.unit().loc = Loc::default();
        self.unit().push_handler(cleanup, true, 0);
        self.emit(PUSH_EXC_INFO, 0);
        self.push_fblock(FBlock::ExceptionGroupHandler)?;
        let in_handler = self.unit_ref().handler_state();
        for (i, h) in handlers.iter().enumerate() {
            self.unit().loc = h.loc;
            let next_clause = self.new_label();
            let with_error = self.new_label();
            let no_match = self.new_label();
            if i == 0 {
                // [orig] -> [orig, raised list, exc]
                self.emit(BUILD_LIST, 0);
                self.emit(COPY, 2);
            }
            if let Some(t) = h.typ {
                self.expr(t)?;
                self.emit(CHECK_EG_MATCH, 0);
                self.emit(COPY, 1);
                self.emit_jump(POP_JUMP_IF_NONE, no_match);
            }
            let cleanup_end = self.new_label();
            match h.name {
                Some(name) => self.nameop(name, NameCtx::Store)?,
                None => self.emit(POP_TOP, 0),
            }
            self.unit().push_handler(cleanup_end, true, 0);
            self.push_fblock(FBlock::HandlerCleanup { name: h.name })?;
            self.stmts(h.body)?;
            self.pop_fblock();
            self.unit().pop_handler();
            if let Some(name) = h.name {
                self.load_const(Const::None);
                self.nameop(name, NameCtx::Store)?;
                self.nameop(name, NameCtx::Del)?;
            }
            self.emit_jump(JUMP_FORWARD, next_clause);
            self.unit().restore_handlers(in_handler.clone());
            self.bind(cleanup_end);
            self.unit().loc = Loc::default();
            if let Some(name) = h.name {
                self.load_const(Const::None);
                self.nameop(name, NameCtx::Store)?;
                self.nameop(name, NameCtx::Del)?;
            }
            // What the clause raised joins the list; drop lasti.
            self.emit(LIST_APPEND, 3);
            self.emit(POP_TOP, 0);
            self.emit_jump(JUMP_FORWARD, with_error);
            self.bind(next_clause);
            self.emit(NOP, 0);
            self.emit_jump(JUMP_FORWARD, with_error);
            self.bind(no_match);
            self.emit(POP_TOP, 0);
            self.bind(with_error);
            if i + 1 == handlers.len() {
                // The unhandled rest of the group (or None) joins the list too.
                self.emit(LIST_APPEND, 1);
                self.emit_jump(JUMP_FORWARD, reraise_star);
            }
        }
        self.unit().loc = Loc::default();
        self.pop_fblock();
        let reraise = self.new_label();
        self.bind(reraise_star);
        self.emit(PREP_RERAISE_STAR, 0);
        self.emit(COPY, 1);
        self.emit_jump(POP_JUMP_IF_NOT_NONE, reraise);
        self.emit(POP_TOP, 0);
        self.unit().pop_handler();
        self.emit(POP_EXCEPT, 0);
        self.emit_jump(JUMP_FORWARD, end);
        self.unit().restore_handlers(in_handler);
        self.bind(reraise);
        self.unit().pop_handler();
        self.emit(SWAP, 2);
        self.emit(POP_EXCEPT, 0);
        self.emit(RERAISE, 0);
        self.bind(cleanup);
        self.pop_except_and_reraise();
        self.bind(orelse_label);
        self.stmts(orelse)?;
        self.bind(end);
        Ok(())
    }

    fn aug_assign(&mut self, target: &'a Expr<'a>, op: Operator, value: &'a Expr<'a>) -> R {
        match &target.kind {
            ExprKind::Attribute { value: obj, attr } => {
                self.expr(obj)?;
                self.emit(COPY, 1);
                self.emit_name(LOAD_ATTR, attr);
            }
            ExprKind::Subscript { value: obj, slice } => {
                self.expr(obj)?;
                self.slice_or_expr(slice)?;
                self.emit(COPY, 2);
                self.emit(COPY, 2);
                self.emit(BINARY_SUBSCR, 0);
            }
            ExprKind::Name(id) => self.nameop(id, NameCtx::Load)?,
            _ => return Err(self.error_at("illegal expression for augmented assignment", target.loc)),
        }
        self.expr(value)?;
        self.unit().loc = target.loc;
        self.emit(BINARY_OP, inplace(op) as u32);
        match &target.kind {
            ExprKind::Attribute { attr, .. } => {
                self.emit(SWAP, 2);
                self.emit_name(STORE_ATTR, attr);
            }
            ExprKind::Subscript { .. } => {
                self.emit(SWAP, 3);
                self.emit(SWAP, 2);
                self.emit(STORE_SUBSCR, 0);
            }
            ExprKind::Name(id) => self.nameop(id, NameCtx::Store)?,
            _ => unreachable!("checked above"),
        }
        Ok(())
    }

    fn ann_assign(
        &mut self,
        target: &'a Expr<'a>,
        annotation: &'a Expr<'a>,
        value: Option<&'a Expr<'a>>,
        simple: bool,
    ) -> R {
        if let Some(v) = value {
            self.expr(v)?;
            self.store(target)?;
        }
        let module_or_class = matches!(self.unit_ref().kind, UnitKind::Module | UnitKind::Class);
        match &target.kind {
            ExprKind::Name(id) => {
                if id == &"__debug__" {
                    return Err(self.error_at("cannot assign to __debug__", target.loc));
                }
                if simple && module_or_class {
                    self.annotation_value(annotation)?;
                    self.emit_name(LOAD_NAME, "__annotations__");
                    let mangled = self.mangle(id);
                    self.load_const(str_const(mangled));
                    self.emit(STORE_SUBSCR, 0);
                }
            }
            ExprKind::Attribute { value: obj, .. } if value.is_none() => {
                self.expr(obj)?;
                self.emit(POP_TOP, 0);
            }
            ExprKind::Subscript { value: obj, slice } if value.is_none() => {
                self.expr(obj)?;
                self.emit(POP_TOP, 0);
                self.check_ann_subscript(slice)?;
            }
            _ => {}
        }
        // The annotation of a complex target is evaluated (in a module or class) and dropped.
        if !simple && self.future_flags & crate::bytecode::flags::FUTURE_ANNOTATIONS == 0 && module_or_class {
            self.expr(annotation)?;
            self.emit(POP_TOP, 0);
        }
        Ok(())
    }

    fn check_ann_subscript(&mut self, slice: &'a Expr<'a>) -> R {
        match &slice.kind {
            ExprKind::Slice { lower, upper, step } => {
                for part in [lower, upper, step].into_iter().flatten() {
                    self.expr(part)?;
                    self.emit(POP_TOP, 0);
                }
            }
            ExprKind::Tuple(elts) => {
                for e in *elts {
                    self.check_ann_subscript(e)?;
                }
            }
            _ => {
                self.expr(slice)?;
                self.emit(POP_TOP, 0);
            }
        }
        Ok(())
    }

    fn import(&mut self, names: &'a [Alias<'a>]) -> R {
        for a in names {
            self.load_const(Const::Int(0));
            self.load_const(Const::None);
            self.emit_name(IMPORT_NAME, a.name);
            match a.asname {
                Some(asname) => {
                    let mut parts = a.name.split('.');
                    parts.next();
                    let attrs: Vec<&'a str> = parts.collect();
                    for (i, attr) in attrs.iter().enumerate() {
                        self.emit_name(IMPORT_FROM, attr);
                        if i + 1 < attrs.len() {
                            self.emit(SWAP, 2);
                            self.emit(POP_TOP, 0);
                        }
                    }
                    self.nameop(asname, NameCtx::Store)?;
                    if !attrs.is_empty() {
                        self.emit(POP_TOP, 0);
                    }
                }
                None => {
                    let top = a.name.split('.').next().unwrap_or(a.name);
                    self.nameop(top, NameCtx::Store)?;
                }
            }
        }
        Ok(())
    }

    fn import_from(&mut self, module: Option<&'a str>, names: &'a [Alias<'a>], level: u32, loc: Loc) -> R {
        if module == Some("__future__") && !self.future_allowed_at(loc) {
            return Err(self.error("from __future__ imports must occur at the beginning of the file"));
        }
        self.load_const(Const::Int(level as i64));
        let fromlist: Vec<Const> = names.iter().map(|a| str_const(a.name)).collect();
        self.load_const(Const::Tuple(fromlist.into()));
        self.emit_name(IMPORT_NAME, module.unwrap_or(""));
        for a in names {
            if a.name == "*" {
                self.emit(IMPORT_STAR, 0);
                return Ok(());
            }
            self.emit_name(IMPORT_FROM, a.name);
            self.nameop(a.asname.unwrap_or(a.name), NameCtx::Store)?;
        }
        self.emit(POP_TOP, 0);
        Ok(())
    }

    /// Whether a `from __future__` import at `loc` is among the module's leading statements.
    fn future_allowed_at(&self, loc: Loc) -> bool {
        self.units.len() == 1 && self.future_lines.contains(&loc.lineno)
    }
}

/// Which of the module's statements may be `from __future__` imports: the leading run of
/// them, after an optional docstring.
pub(super) fn future_leading_lines(body: &[Stmt]) -> Vec<u32> {
    let mut lines = Vec::new();
    for (i, s) in body.iter().enumerate() {
        match &s.kind {
            StmtKind::ImportFrom { module: Some("__future__"), .. } => lines.push(s.loc.lineno),
            StmtKind::Expr(Expr { kind: ExprKind::Constant(Constant::Str(_)), .. }) if i == 0 => {}
            _ => break,
        }
    }
    lines
}

fn inplace(op: Operator) -> BinaryOp {
    let base = super::expr::binary_op(op) as u32;
    BinaryOp::from_arg(base + 13).expect("in-place operators follow the plain ones")
}
