//! Code generation: CPython 3.11's `compile.c` over our instruction set.
//!
//! The order in which this emits name operations is CPython's, because `co_varnames` lists
//! locals in the order the code generator first meets them. Exception handling uses 3.11's
//! zero-cost scheme: handler regions are opened and closed while emitting (CPython's
//! SETUP_* / POP_BLOCK pseudo-instructions) and become the exception table on assembly.

mod expr;
mod stmt;
mod unit;

use std::sync::Arc;

use bumpalo::Bump;

use crate::ast::*;
use crate::bytecode::{flags, make_function, CodeObject, Const, Opcode};
use crate::error::{ErrorKind, SyntaxError};
use crate::symtable::{self, BlockKind, Scope, SymbolTable};
use unit::{Buffers, Label, NameArcs, Unit, UnitKind};

/// CPython's CO_MAXBLOCKS: how deeply loops, `try` and `with` may nest in one function.
const MAX_BLOCKS: usize = 20;

/// Above this many items, building a collection or a call goes through an accumulator
/// instead of pushing everything on the stack (CPython's STACK_USE_GUARDRAIL).
const STACK_USE_GUARDRAIL: usize = 30;

/// A statically nested block, for `break`, `continue` and `return` to unwind through.
#[derive(Clone, Copy)]
enum FBlock<'a> {
    WhileLoop { start: Label, end: Label },
    ForLoop { start: Label, end: Label },
    TryExcept,
    FinallyTry { body: &'a [Stmt<'a>] },
    FinallyEnd,
    With { loc: Loc },
    HandlerCleanup { name: Option<&'a str> },
    ExceptionHandler,
    ExceptionGroupHandler,
    PopValue,
}

type R = Result<(), SyntaxError>;

pub struct Compiler<'a, 's> {
    bump: &'a Bump,
    table: SymbolTable<'a>,
    source: &'s str,
    filename: Arc<str>,
    future_flags: u32,
    /// Lines of the leading `from __future__` imports (the only place they are allowed).
    future_lines: Vec<u32>,
    units: Vec<Unit<'a>>,
    fblocks: Vec<Vec<FBlock<'a>>>,
    /// `Mode::Single`: expression statements of the module's own code print their value.
    interactive: bool,
    arcs: NameArcs<'a>,
    /// The buffers of finished units, for the next ones.
    spare: Vec<Buffers<'a>>,
}

/// Compile a parsed module (or, in `Mode::Eval`, a single expression; in `Mode::Single`, an
/// interactive statement) to its code object.
pub fn compile_module<'a>(
    bump: &'a Bump,
    module: &'a Module<'a>,
    source: &str,
    filename: &str,
    mode: crate::Mode,
) -> Result<Arc<CodeObject>, SyntaxError> {
    let eval = mode == crate::Mode::Eval;
    let future_flags = if eval { 0 } else { future_features(module, source, filename)? };
    let table =
        symtable::build(bump, module, source, filename, future_flags & flags::FUTURE_ANNOTATIONS != 0)?;
    let mut c = Compiler {
        bump,
        table,
        source,
        filename: Arc::from(filename),
        future_flags,
        future_lines: stmt::future_leading_lines(module.body),
        units: Vec::new(),
        fblocks: Vec::new(),
        interactive: mode == crate::Mode::Single,
        arcs: NameArcs::default(),
        spare: Vec::new(),
    };
    c.enter_scope(UnitKind::Module, 0, "<module>", 1);
    if eval {
        let Some(Stmt { kind: StmtKind::Expr(e), .. }) = module.body.first() else {
            unreachable!("the parser gives eval mode one expression statement")
        };
        c.expr(e)?;
        c.unit().emit(Opcode::RETURN_VALUE, 0);
    } else if c.interactive {
        // CPython's Interactive module: no docstring.
        if find_annotations(module.body) {
            c.emit(Opcode::SETUP_ANNOTATIONS, 0);
        }
        for s in module.body {
            c.stmt(s)?;
        }
        c.unit().loc = Loc::default();
        c.load_const(Const::None);
        c.unit().emit(Opcode::RETURN_VALUE, 0);
    } else {
        if let Some(first) = module.body.first() {
            c.unit().loc = first.loc;
        }
        c.body(module.body)?;
        c.unit().loc = Loc::default();
        c.load_const(Const::None);
        c.unit().emit(Opcode::RETURN_VALUE, 0);
    }
    Ok(Arc::new(c.exit_scope()))
}

/// The `from __future__ import ...` statements at the top of a module: their co_flags bits,
/// with CPython's errors for unknown features.
fn future_features(module: &Module, source: &str, filename: &str) -> Result<u32, SyntaxError> {
    let mut features = 0;
    for (i, s) in module.body.iter().enumerate() {
        match &s.kind {
            StmtKind::ImportFrom { module: Some("__future__"), names, .. } => {
                for a in *names {
                    features |= match a.name {
                        "nested_scopes" | "generators" | "with_statement" | "division"
                        | "absolute_import" | "print_function" | "unicode_literals" | "generator_stop" => {
                            match a.name {
                                "division" => flags::FUTURE_DIVISION,
                                "absolute_import" => flags::FUTURE_ABSOLUTE_IMPORT,
                                "with_statement" => flags::FUTURE_WITH_STATEMENT,
                                "print_function" => flags::FUTURE_PRINT_FUNCTION,
                                "unicode_literals" => flags::FUTURE_UNICODE_LITERALS,
                                "generator_stop" => flags::FUTURE_GENERATOR_STOP,
                                _ => 0,
                            }
                        }
                        "annotations" => flags::FUTURE_ANNOTATIONS,
                        "barry_as_FLUFL" => flags::FUTURE_BARRY_AS_BDFL,
                        other => {
                            let msg = if other == "braces" {
                                "not a chance".to_string()
                            } else {
                                format!("future feature {other} is not defined")
                            };
                            let mut e =
                                SyntaxError::at_bytes(ErrorKind::SyntaxError, msg, filename, source, s.loc);
                            e.end_offset = 0;
                            return Err(e);
                        }
                    };
                }
            }
            StmtKind::Expr(Expr { kind: ExprKind::Constant(Constant::Str(_)), .. }) if i == 0 => {}
            _ => break,
        }
    }
    Ok(features)
}

impl<'a, 's> Compiler<'a, 's> {
    fn unit(&mut self) -> &mut Unit<'a> {
        self.units.last_mut().expect("a unit is always open")
    }

    fn unit_ref(&self) -> &Unit<'a> {
        self.units.last().expect("a unit is always open")
    }

    fn block(&self) -> &symtable::Block<'a> {
        &self.table.blocks[self.unit_ref().scope]
    }

    fn error(&self, msg: impl Into<String>) -> SyntaxError {
        self.error_at(msg, self.unit_ref().loc)
    }

    fn error_at(&self, msg: impl Into<String>, loc: Loc) -> SyntaxError {
        SyntaxError::at_bytes(ErrorKind::SyntaxError, msg, &self.filename, self.source, loc)
    }

    fn enter_scope(&mut self, kind: UnitKind, scope: usize, name: &'a str, firstlineno: u32) {
        let block = &self.table.blocks[scope];
        let buffers = self.spare.pop().unwrap_or_default();
        let mut unit = Unit::new(kind, scope, block, name, firstlineno, buffers);
        unit.flags |= self.future_flags;
        unit.private = self.units.last().and_then(|u| u.private);
        unit.qualname = self.qualname(kind, name);
        self.units.push(unit);
        self.fblocks.push(Vec::new());
    }

    fn exit_scope(&mut self) -> CodeObject {
        self.fblocks.pop();
        let unit = self.units.pop().expect("a unit is always open");
        let (code, buffers) = unit.assemble(&self.filename, &mut self.arcs);
        self.spare.push(buffers);
        code
    }

    /// CPython's `compiler_set_qualname`.
    fn qualname(&self, kind: UnitKind, name: &'a str) -> String {
        // The module is the bottom unit; a parent is any unit above it.
        if self.units.len() < 2 {
            return name.to_string();
        }
        let parent = self.units.last().expect("checked above");
        if matches!(kind, UnitKind::Function | UnitKind::Class) {
            let mangled = symtable::mangle(self.bump, parent.private, name);
            if self.table.blocks[parent.scope].scope(mangled) == Some(Scope::GlobalExplicit) {
                return name.to_string();
            }
        }
        match parent.kind {
            UnitKind::Function | UnitKind::Lambda => format!("{}.<locals>.{}", parent.qualname, name),
            _ => format!("{}.{}", parent.qualname, name),
        }
    }

    fn mangle(&self, name: &'a str) -> &'a str {
        symtable::mangle(self.bump, self.unit_ref().private, name)
    }

    fn push_fblock(&mut self, b: FBlock<'a>) -> R {
        let stack = self.fblocks.last_mut().expect("a unit is always open");
        if stack.len() >= MAX_BLOCKS {
            return Err(self.error("too many statically nested blocks"));
        }
        stack.push(b);
        Ok(())
    }

    fn pop_fblock(&mut self) {
        self.fblocks.last_mut().expect("a unit is always open").pop();
    }

    fn emit(&mut self, op: Opcode, arg: u32) {
        self.unit().emit(op, arg);
    }

    fn emit_jump(&mut self, op: Opcode, target: Label) {
        self.unit().emit_jump(op, target);
    }

    fn new_label(&mut self) -> Label {
        self.unit().new_label()
    }

    fn bind(&mut self, l: Label) {
        self.unit().bind(l);
    }

    fn load_const(&mut self, c: Const) {
        let i = self.unit().add_const(c);
        self.emit(Opcode::LOAD_CONST, i);
    }

    /// Emit an instruction whose operand is a name in co_names (mangled).
    fn emit_name(&mut self, op: Opcode, name: &'a str) {
        let mangled = self.mangle(name);
        let i = self.unit().name(mangled);
        self.emit(op, i);
    }

    /// Load, store or delete a variable: CPython's `compiler_nameop`.
    fn nameop(&mut self, name: &'a str, ctx: NameCtx) -> R {
        if name == "__debug__" && ctx != NameCtx::Load {
            let what = if ctx == NameCtx::Store { "assign to" } else { "delete" };
            return Err(self.error(format!("cannot {what} __debug__")));
        }
        let mangled = self.mangle(name);
        let block = self.block();
        let is_function = block.kind == BlockKind::Function;
        let is_class = block.kind == BlockKind::Class;
        let scope = block.scope(mangled);
        use Opcode::*;
        match scope {
            Some(Scope::Free) | Some(Scope::Cell) => {
                let cell = scope == Some(Scope::Cell);
                let i = self
                    .unit_ref()
                    .deref(mangled, cell)
                    .expect("the symtable's cells and frees are the unit's");
                let op = match ctx {
                    NameCtx::Load if is_class => LOAD_CLASSDEREF,
                    NameCtx::Load => LOAD_DEREF,
                    NameCtx::Store => STORE_DEREF,
                    NameCtx::Del => DELETE_DEREF,
                };
                self.emit(op, i);
            }
            Some(Scope::Local) if is_function => {
                let i = self.unit().varname(mangled);
                let op = match ctx {
                    NameCtx::Load => LOAD_FAST,
                    NameCtx::Store => STORE_FAST,
                    NameCtx::Del => DELETE_FAST,
                };
                self.emit(op, i);
            }
            Some(Scope::GlobalExplicit) | Some(Scope::GlobalImplicit)
                if is_function || scope == Some(Scope::GlobalExplicit) =>
            {
                let i = self.unit().name(mangled);
                let op = match ctx {
                    NameCtx::Load => LOAD_GLOBAL,
                    NameCtx::Store => STORE_GLOBAL,
                    NameCtx::Del => DELETE_GLOBAL,
                };
                self.emit(op, i);
            }
            _ => {
                let i = self.unit().name(mangled);
                let op = match ctx {
                    NameCtx::Load => LOAD_NAME,
                    NameCtx::Store => STORE_NAME,
                    NameCtx::Del => DELETE_NAME,
                };
                self.emit(op, i);
            }
        }
        Ok(())
    }

    /// Push the closure cells a nested code object needs and `MAKE_FUNCTION` it.
    fn make_closure(&mut self, code: CodeObject, mut flags: u32) {
        if !code.freevars.is_empty() {
            let is_class = self.unit_ref().kind == UnitKind::Class;
            for name in &code.freevars {
                let cell =
                    (is_class && &**name == "__class__") || self.block().scope(name) == Some(Scope::Cell);
                let i = self
                    .unit_ref()
                    .deref(name, cell)
                    .expect("a nested scope's free variable is a cell or free variable here");
                self.emit(Opcode::LOAD_CLOSURE, i);
            }
            flags |= make_function::CLOSURE;
            let n = code.freevars.len() as u32;
            self.emit(Opcode::BUILD_TUPLE, n);
        }
        self.load_const(Const::Code(Arc::new(code)));
        self.emit(Opcode::MAKE_FUNCTION, flags);
    }

    /// Module and class bodies: the docstring becomes `__doc__`, annotations get a dict.
    fn body(&mut self, body: &'a [Stmt<'a>]) -> R {
        if find_annotations(body) {
            self.emit(Opcode::SETUP_ANNOTATIONS, 0);
        }
        let mut rest = body;
        if let Some((first, tail)) = body.split_first() {
            if let Some(doc) = docstring(body) {
                self.unit().loc = first.loc;
                self.load_const(str_const(doc));
                self.unit().loc = Loc::default();
                self.nameop("__doc__", NameCtx::Store)?;
                rest = tail;
            }
        }
        for s in rest {
            self.stmt(s)?;
        }
        Ok(())
    }
}

fn str_const(s: &str) -> Const {
    Const::Str(Arc::from(s))
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum NameCtx {
    Load,
    Store,
    Del,
}

/// The docstring of a body: its first statement, if that is a string constant.
fn docstring<'a>(body: &'a [Stmt<'a>]) -> Option<&'a str> {
    match body.first()?.kind {
        StmtKind::Expr(Expr { kind: ExprKind::Constant(Constant::Str(s)), .. }) => Some(s),
        _ => None,
    }
}

/// Whether a module or class body has an annotated assignment (outside nested scopes).
fn find_annotations(body: &[Stmt]) -> bool {
    body.iter().any(|s| match &s.kind {
        StmtKind::AnnAssign { .. } => true,
        StmtKind::For { body, orelse, .. }
        | StmtKind::While { body, orelse, .. }
        | StmtKind::If { body, orelse, .. } => find_annotations(body) || find_annotations(orelse),
        StmtKind::With { body, .. } => find_annotations(body),
        StmtKind::Try { body, handlers, orelse, finalbody, .. } => {
            find_annotations(body)
                || handlers.iter().any(|h| find_annotations(h.body))
                || find_annotations(orelse)
                || find_annotations(finalbody)
        }
        _ => false,
    })
}
