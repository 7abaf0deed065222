//! Scope analysis: CPython 3.11's `symtable.c`, rule for rule.
//!
//! Two passes, as in CPython. The first walks the AST and records, for every block (module,
//! class, function, lambda, comprehension), each name's *flags*: bound, used, parameter,
//! declared global / nonlocal, imported, annotated. The second (`analyze`) walks the block
//! tree top-down with the sets of names bound and declared global in enclosing function
//! scopes, decides each name's *scope* (local, global explicit / implicit, free, cell) and
//! passes free names back up, turning the enclosing function's locals into cells.
//!
//! The code generator finds a block by the address of its AST node (`ScopeId` lookups via
//! [`SymbolTable::scope_of`]), as CPython keys entries by node pointer.

use std::rc::Rc;

use bumpalo::Bump;
use hashbrown::{HashMap, HashSet};

use crate::ast::*;
use crate::error::{ErrorKind, SyntaxError};

pub const DEF_GLOBAL: u32 = 1;
pub const DEF_LOCAL: u32 = 1 << 1;
pub const DEF_PARAM: u32 = 1 << 2;
pub const DEF_NONLOCAL: u32 = 1 << 3;
pub const USE: u32 = 1 << 4;
/// A free variable of a method that the class body itself also binds: the class code object
/// gets it as a freevar while its own code uses the class namespace.
pub const DEF_FREE_CLASS: u32 = 1 << 6;
pub const DEF_IMPORT: u32 = 1 << 7;
pub const DEF_ANNOT: u32 = 1 << 8;
pub const DEF_COMP_ITER: u32 = 1 << 9;
pub const DEF_BOUND: u32 = DEF_LOCAL | DEF_PARAM | DEF_IMPORT;

/// The depth of AST nesting at which CPython gives up ("maximum recursion depth exceeded
/// during compilation"): its recursion limit of 1000 times COMPILER_STACK_FRAME_SCALE.
pub const MAX_DEPTH: u32 = 3000;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    Local,
    GlobalExplicit,
    GlobalImplicit,
    Free,
    Cell,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BlockKind {
    Module,
    Class,
    Function,
    /// The block of annotations under `from __future__ import annotations`: analysed, never
    /// compiled.
    Annotation,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Comprehension {
    List,
    Set,
    Dict,
    Generator,
}

#[derive(Clone, Copy, Debug)]
pub struct Symbol {
    pub flags: u32,
    pub scope: Scope,
}

pub type ScopeId = usize;

#[derive(Debug)]
pub struct Block<'a> {
    pub kind: BlockKind,
    pub name: &'a str,
    pub symbols: HashMap<&'a str, Symbol>,
    /// Parameters, in CPython's order: positional-only, positional, keyword-only, `*args`,
    /// `**kwargs` (`.0` for a comprehension).
    pub params: Vec<&'a str>,
    pub children: Vec<ScopeId>,
    /// `global` / `nonlocal` declarations (and the implicit ones of walrus targets in
    /// comprehensions), for error locations.
    directives: Vec<(&'a str, Loc)>,
    pub comprehension: Option<Comprehension>,
    pub nested: bool,
    pub generator: bool,
    pub varargs: bool,
    pub varkeywords: bool,
    /// A class whose methods use `__class__` or `super`: it gets the implicit `__class__` cell.
    pub needs_class_closure: bool,
    comp_iter_target: bool,
    comp_iter_expr: u32,
}

impl<'a> Block<'a> {
    pub fn scope(&self, name: &str) -> Option<Scope> {
        self.symbols.get(name).map(|s| s.scope)
    }

    pub fn flags(&self, name: &str) -> u32 {
        self.symbols.get(name).map_or(0, |s| s.flags)
    }

    /// Names with scope `scope` or with flag `flag`, sorted: CPython's `dictbytype`, which
    /// orders co_cellvars and co_freevars.
    pub fn names_by_scope(&self, scope: Scope, flag: u32) -> Vec<&'a str> {
        let mut v: Vec<&'a str> = self
            .symbols
            .iter()
            .filter(|(_, s)| s.scope == scope || s.flags & flag != 0)
            .map(|(n, _)| *n)
            .collect();
        v.sort_unstable();
        v
    }
}

#[derive(Debug)]
pub struct SymbolTable<'a> {
    pub blocks: Vec<Block<'a>>,
    by_node: HashMap<usize, ScopeId>,
}

impl<'a> SymbolTable<'a> {
    /// The block of a function, class, lambda or comprehension node.
    pub fn scope_of<T>(&self, node: &T) -> ScopeId {
        self.by_node[&(node as *const T as usize)]
    }
}

/// CPython's `_Py_Mangle`: `__name` inside class `C` becomes `_C__name`.
pub fn mangle<'a>(bump: &'a Bump, private: Option<&str>, name: &'a str) -> &'a str {
    let Some(class) = private else { return name };
    if !name.starts_with("__") || name.ends_with("__") || name.contains('.') {
        return name;
    }
    let class = class.trim_start_matches('_');
    if class.is_empty() {
        return name;
    }
    bumpalo::format!(in bump, "_{}{}", class, name).into_bump_str()
}

/// Build the symbol table of a module. `future_annotations` is `from __future__ import
/// annotations`, under which annotations get blocks of their own.
pub fn build<'a>(
    bump: &'a Bump,
    module: &Module<'a>,
    source: &str,
    filename: &str,
    future_annotations: bool,
) -> Result<SymbolTable<'a>, SyntaxError> {
    let mut b = Builder {
        bump,
        source,
        filename,
        future_annotations,
        blocks: Vec::new(),
        by_node: HashMap::new(),
        stack: Vec::new(),
        private: None,
        depth: 0,
    };
    b.enter(BlockKind::Module, "top", 0);
    for s in module.body {
        b.stmt(s)?;
    }
    b.stack.pop();
    let mut table = SymbolTable { blocks: b.blocks, by_node: b.by_node };
    let mut free = HashSet::new();
    Analyzer { table: &mut table, source, filename }.block(0, None, &mut free, Layered::default())?;
    Ok(table)
}

struct Builder<'a, 's> {
    bump: &'a Bump,
    source: &'s str,
    filename: &'s str,
    future_annotations: bool,
    blocks: Vec<Block<'a>>,
    by_node: HashMap<usize, ScopeId>,
    stack: Vec<ScopeId>,
    private: Option<&'a str>,
    depth: u32,
}

type R = Result<(), SyntaxError>;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Ctx {
    Load,
    Store,
    Del,
}

impl<'a, 's> Builder<'a, 's> {
    fn cur(&mut self) -> &mut Block<'a> {
        let id = *self.stack.last().expect("a block is always open");
        &mut self.blocks[id]
    }

    fn err(&self, msg: String, loc: Loc) -> SyntaxError {
        SyntaxError::at_bytes(ErrorKind::SyntaxError, msg, self.filename, self.source, loc)
    }

    fn enter(&mut self, kind: BlockKind, name: &'a str, node: usize) {
        let nested = match self.stack.last() {
            Some(&p) => self.blocks[p].nested || self.blocks[p].kind == BlockKind::Function,
            None => false,
        };
        let id = self.blocks.len();
        self.blocks.push(Block {
            kind,
            name,
            // Most blocks bind a handful of names: room for them at once saves the table
            // growing (and rehashing) two or three times.
            symbols: HashMap::with_capacity(8),
            params: Vec::new(),
            children: Vec::new(),
            directives: Vec::new(),
            comprehension: None,
            nested,
            generator: false,
            varargs: false,
            varkeywords: false,
            needs_class_closure: false,
            comp_iter_target: false,
            comp_iter_expr: 0,
        });
        if let Some(&p) = self.stack.last() {
            self.blocks[p].children.push(id);
        }
        if node != 0 {
            self.by_node.insert(node, id);
        }
        self.stack.push(id);
    }

    fn exit(&mut self) {
        self.stack.pop();
    }

    fn lookup(&self, name: &'a str) -> u32 {
        let name = mangle(self.bump, self.private, name);
        let id = *self.stack.last().expect("a block is always open");
        self.blocks[id].flags(name)
    }

    fn add_def(&mut self, name: &'a str, flag: u32, loc: Loc) -> R {
        let id = *self.stack.last().expect("a block is always open");
        self.add_def_in(id, name, flag, loc)
    }

    /// CPython's `symtable_add_def_helper`.
    fn add_def_in(&mut self, id: ScopeId, name: &'a str, flag: u32, loc: Loc) -> R {
        let mangled = mangle(self.bump, self.private, name);
        let block = &mut self.blocks[id];
        let comp_iter_target = block.comp_iter_target;
        // One hash of the name for the look-up and the update. (On an error the entry may
        // stay behind: the table is dropped with the error.)
        let sym = block.symbols.entry(mangled).or_insert(Symbol { flags: 0, scope: Scope::Local });
        if flag & DEF_PARAM != 0 && sym.flags & DEF_PARAM != 0 {
            return Err(self.err(format!("duplicate argument '{name}' in function definition"), loc));
        }
        let mut val = sym.flags | flag;
        if comp_iter_target {
            if val & (DEF_GLOBAL | DEF_NONLOCAL) != 0 {
                return Err(self.err(
                    format!("comprehension inner loop cannot rebind assignment expression target '{name}'"),
                    loc,
                ));
            }
            val |= DEF_COMP_ITER;
        }
        sym.flags = val;
        if flag & DEF_PARAM != 0 {
            block.params.push(mangled);
        } else if flag & DEF_GLOBAL != 0 && id != 0 {
            // CPython records every `global` declaration in the module's own table too, so
            // module-level code uses STORE_GLOBAL / LOAD_GLOBAL for the name.
            let module = &mut self.blocks[0];
            let old = module.flags(mangled);
            module.symbols.insert(mangled, Symbol { flags: old | flag, scope: Scope::Local });
        }
        Ok(())
    }

    fn guard(&mut self, loc: Loc) -> R {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            let mut e = self.err("maximum recursion depth exceeded during compilation".into(), loc);
            e.kind = ErrorKind::RecursionError;
            return Err(e);
        }
        Ok(())
    }

    fn stmts(&mut self, body: &'a [Stmt<'a>]) -> R {
        body.iter().try_for_each(|s| self.stmt(s))
    }

    fn exprs(&mut self, es: &'a [Expr<'a>]) -> R {
        es.iter().try_for_each(|e| self.expr(e, Ctx::Load))
    }

    fn stmt(&mut self, s: &'a Stmt<'a>) -> R {
        self.guard(s.loc)?;
        match &s.kind {
            StmtKind::FunctionDef(f) => {
                self.add_def(f.name, DEF_LOCAL, s.loc)?;
                self.exprs(f.args.defaults)?;
                for d in f.args.kw_defaults.iter().flatten() {
                    self.expr(d, Ctx::Load)?;
                }
                self.annotations(f.args, f.returns, s.loc)?;
                self.exprs(f.decorators)?;
                self.enter(BlockKind::Function, f.name, *f as *const FunctionDef as usize);
                self.params(f.args)?;
                self.stmts(f.body)?;
                self.exit();
            }
            StmtKind::ClassDef(c) => {
                self.add_def(c.name, DEF_LOCAL, s.loc)?;
                self.exprs(c.bases)?;
                for k in c.keywords {
                    self.expr(k.value, Ctx::Load)?;
                }
                self.exprs(c.decorators)?;
                self.enter(BlockKind::Class, c.name, *c as *const ClassDef as usize);
                let saved = self.private.replace(c.name);
                self.stmts(c.body)?;
                self.private = saved;
                self.exit();
            }
            StmtKind::Return(v) => {
                if let Some(v) = v {
                    self.expr(v, Ctx::Load)?;
                }
            }
            StmtKind::Delete(targets) => {
                for t in *targets {
                    self.expr(t, Ctx::Del)?;
                }
            }
            StmtKind::Assign { targets, value } => {
                for t in *targets {
                    self.expr(t, Ctx::Store)?;
                }
                self.expr(value, Ctx::Load)?;
            }
            StmtKind::AnnAssign { target, annotation, value, simple } => {
                if let ExprKind::Name(id) = target.kind {
                    let cur = self.lookup(id);
                    let at_module = self.cur().kind == BlockKind::Module;
                    if cur & (DEF_GLOBAL | DEF_NONLOCAL) != 0 && !at_module && *simple {
                        let what = if cur & DEF_GLOBAL != 0 { "global" } else { "nonlocal" };
                        return Err(self.err(format!("annotated name '{id}' can't be {what}"), s.loc));
                    }
                    if *simple {
                        self.add_def(id, DEF_ANNOT | DEF_LOCAL, target.loc)?;
                    } else if value.is_some() {
                        self.add_def(id, DEF_LOCAL, target.loc)?;
                    }
                } else {
                    self.expr(target, Ctx::Store)?;
                }
                self.annotation(annotation)?;
                if let Some(v) = value {
                    self.expr(v, Ctx::Load)?;
                }
            }
            StmtKind::AugAssign { target, value, .. } => {
                self.expr(target, Ctx::Store)?;
                self.expr(value, Ctx::Load)?;
            }
            StmtKind::For { target, iter, body, orelse } => {
                self.expr(target, Ctx::Store)?;
                self.expr(iter, Ctx::Load)?;
                self.stmts(body)?;
                self.stmts(orelse)?;
            }
            StmtKind::While { test, body, orelse } | StmtKind::If { test, body, orelse } => {
                self.expr(test, Ctx::Load)?;
                self.stmts(body)?;
                self.stmts(orelse)?;
            }
            StmtKind::With { items, body } => {
                for item in *items {
                    self.expr(item.context_expr, Ctx::Load)?;
                    if let Some(v) = item.optional_vars {
                        self.expr(v, Ctx::Store)?;
                    }
                }
                self.stmts(body)?;
            }
            StmtKind::Raise { exc, cause } => {
                if let Some(e) = exc {
                    self.expr(e, Ctx::Load)?;
                }
                if let Some(c) = cause {
                    self.expr(c, Ctx::Load)?;
                }
            }
            StmtKind::Try { body, handlers, orelse, finalbody, .. } => {
                self.stmts(body)?;
                self.stmts(orelse)?;
                for h in *handlers {
                    if let Some(t) = h.typ {
                        self.expr(t, Ctx::Load)?;
                    }
                    if let Some(n) = h.name {
                        self.add_def(n, DEF_LOCAL, h.loc)?;
                    }
                    self.stmts(h.body)?;
                }
                self.stmts(finalbody)?;
            }
            StmtKind::Assert { test, msg } => {
                self.expr(test, Ctx::Load)?;
                if let Some(m) = msg {
                    self.expr(m, Ctx::Load)?;
                }
            }
            StmtKind::Import(names) | StmtKind::ImportFrom { names, .. } => {
                for a in *names {
                    self.alias(a)?;
                }
            }
            StmtKind::Global(names) => self.directive(names, s.loc, true)?,
            StmtKind::Nonlocal(names) => self.directive(names, s.loc, false)?,
            StmtKind::Expr(e) => self.expr(e, Ctx::Load)?,
            StmtKind::Pass | StmtKind::Break | StmtKind::Continue => {}
        }
        self.depth -= 1;
        Ok(())
    }

    fn directive(&mut self, names: &'a [&'a str], loc: Loc, global: bool) -> R {
        let what = if global { "global" } else { "nonlocal" };
        for &name in names {
            let cur = self.lookup(name);
            if cur & (DEF_PARAM | DEF_LOCAL | USE | DEF_ANNOT) != 0 {
                let msg = if cur & DEF_PARAM != 0 {
                    format!("name '{name}' is parameter and {what}")
                } else if cur & USE != 0 {
                    format!("name '{name}' is used prior to {what} declaration")
                } else if cur & DEF_ANNOT != 0 {
                    format!("annotated name '{name}' can't be {what}")
                } else {
                    format!("name '{name}' is assigned to before {what} declaration")
                };
                return Err(self.err(msg, loc));
            }
            self.add_def(name, if global { DEF_GLOBAL } else { DEF_NONLOCAL }, loc)?;
            let mangled = mangle(self.bump, self.private, name);
            self.cur().directives.push((mangled, loc));
        }
        Ok(())
    }

    fn alias(&mut self, a: &'a Alias<'a>) -> R {
        let name = a.asname.unwrap_or(a.name);
        if name == "*" {
            if self.cur().kind != BlockKind::Module {
                return Err(self.err("import * only allowed at module level".into(), a.loc));
            }
            return Ok(());
        }
        let store = match name.find('.') {
            Some(dot) => &name[..dot],
            None => name,
        };
        self.add_def(store, DEF_IMPORT, a.loc)
    }

    fn params(&mut self, args: &'a Arguments<'a>) -> R {
        for a in args.posonlyargs.iter().chain(args.args).chain(args.kwonlyargs) {
            self.add_def(a.arg, DEF_PARAM, a.loc)?;
        }
        if let Some(a) = args.vararg {
            self.add_def(a.arg, DEF_PARAM, a.loc)?;
            self.cur().varargs = true;
        }
        if let Some(a) = args.kwarg {
            self.add_def(a.arg, DEF_PARAM, a.loc)?;
            self.cur().varkeywords = true;
        }
        Ok(())
    }

    /// A function's parameter and return annotations, evaluated in the enclosing block (or in
    /// an annotation block of their own under the `annotations` future).
    fn annotations(&mut self, args: &'a Arguments<'a>, returns: Option<&'a Expr<'a>>, loc: Loc) -> R {
        let _ = loc;
        if self.future_annotations {
            self.enter(BlockKind::Annotation, "_annotation", 0);
        }
        let all = args.posonlyargs.iter().chain(args.args);
        for a in all.chain(args.vararg).chain(args.kwonlyargs).chain(args.kwarg) {
            if let Some(ann) = a.annotation {
                self.expr(ann, Ctx::Load)?;
            }
        }
        if let Some(r) = returns {
            self.expr(r, Ctx::Load)?;
        }
        if self.future_annotations {
            self.exit();
        }
        Ok(())
    }

    fn annotation(&mut self, ann: &'a Expr<'a>) -> R {
        if self.future_annotations {
            self.enter(BlockKind::Annotation, "_annotation", 0);
        }
        self.expr(ann, Ctx::Load)?;
        if self.future_annotations {
            self.exit();
        }
        Ok(())
    }

    fn expr(&mut self, e: &'a Expr<'a>, ctx: Ctx) -> R {
        self.guard(e.loc)?;
        match &e.kind {
            ExprKind::NamedExpr { target, value } => {
                self.no_annotation_block("named expression", e.loc)?;
                self.named_expr(target, value, e.loc)?;
            }
            ExprKind::BoolOp { values, .. } => self.exprs(values)?,
            ExprKind::BinOp { left, right, .. } => {
                self.expr(left, Ctx::Load)?;
                self.expr(right, Ctx::Load)?;
            }
            ExprKind::UnaryOp { operand, .. } => self.expr(operand, Ctx::Load)?,
            ExprKind::Lambda { args, body } => {
                self.exprs(args.defaults)?;
                for d in args.kw_defaults.iter().flatten() {
                    self.expr(d, Ctx::Load)?;
                }
                self.enter(BlockKind::Function, "lambda", e as *const Expr as usize);
                self.params(args)?;
                self.expr(body, Ctx::Load)?;
                self.exit();
            }
            ExprKind::IfExp { test, body, orelse } => {
                self.expr(test, Ctx::Load)?;
                self.expr(body, Ctx::Load)?;
                self.expr(orelse, Ctx::Load)?;
            }
            ExprKind::Dict { keys, values } => {
                for k in keys.iter().flatten() {
                    self.expr(k, Ctx::Load)?;
                }
                self.exprs(values)?;
            }
            ExprKind::Set(elts) => self.exprs(elts)?,
            ExprKind::ListComp { elt, generators } => {
                self.comprehension(e, Comprehension::List, "listcomp", generators, elt, None)?
            }
            ExprKind::SetComp { elt, generators } => {
                self.comprehension(e, Comprehension::Set, "setcomp", generators, elt, None)?
            }
            ExprKind::GeneratorExp { elt, generators } => {
                self.comprehension(e, Comprehension::Generator, "genexpr", generators, elt, None)?
            }
            ExprKind::DictComp { key, value, generators } => {
                self.comprehension(e, Comprehension::Dict, "dictcomp", generators, key, Some(value))?
            }
            ExprKind::Yield(v) => {
                self.no_annotation_block("yield expression", e.loc)?;
                if let Some(v) = v {
                    self.expr(v, Ctx::Load)?;
                }
                self.yield_here(e.loc)?;
            }
            ExprKind::YieldFrom(v) => {
                self.no_annotation_block("yield expression", e.loc)?;
                self.expr(v, Ctx::Load)?;
                self.yield_here(e.loc)?;
            }
            ExprKind::Compare { left, comparators, .. } => {
                self.expr(left, Ctx::Load)?;
                self.exprs(comparators)?;
            }
            ExprKind::Call { func, args, keywords } => {
                self.expr(func, Ctx::Load)?;
                self.exprs(args)?;
                for k in *keywords {
                    self.expr(k.value, Ctx::Load)?;
                }
            }
            ExprKind::FormattedValue { value, format_spec, .. } => {
                self.expr(value, Ctx::Load)?;
                if let Some(spec) = format_spec {
                    self.expr(spec, Ctx::Load)?;
                }
            }
            ExprKind::JoinedStr(values) => self.exprs(values)?,
            ExprKind::Constant(_) => {}
            ExprKind::Attribute { value, .. } => self.expr(value, Ctx::Load)?,
            ExprKind::Subscript { value, slice } => {
                self.expr(value, Ctx::Load)?;
                self.expr(slice, Ctx::Load)?;
            }
            ExprKind::Starred(v) => self.expr(v, ctx)?,
            ExprKind::Slice { lower, upper, step } => {
                for part in [lower, upper, step].into_iter().flatten() {
                    self.expr(part, Ctx::Load)?;
                }
            }
            ExprKind::Name(id) => {
                self.add_def(id, if ctx == Ctx::Load { USE } else { DEF_LOCAL }, e.loc)?;
                // `super()` needs the `__class__` cell.
                if ctx == Ctx::Load && self.cur().kind == BlockKind::Function && *id == "super" {
                    self.add_def("__class__", USE, e.loc)?;
                }
            }
            ExprKind::List(elts) | ExprKind::Tuple(elts) => {
                for x in *elts {
                    self.expr(x, ctx)?;
                }
            }
        }
        self.depth -= 1;
        Ok(())
    }

    fn no_annotation_block(&self, what: &str, loc: Loc) -> R {
        let id = *self.stack.last().expect("a block is always open");
        if self.blocks[id].kind == BlockKind::Annotation {
            return Err(self.err(format!("'{what}' can not be used within an annotation"), loc));
        }
        Ok(())
    }

    fn yield_here(&mut self, loc: Loc) -> R {
        let block = self.cur();
        block.generator = true;
        if let Some(kind) = block.comprehension {
            let what = match kind {
                Comprehension::List => "list comprehension",
                Comprehension::Set => "set comprehension",
                Comprehension::Dict => "dict comprehension",
                Comprehension::Generator => "generator expression",
            };
            return Err(self.err(format!("'yield' inside {what}"), loc));
        }
        Ok(())
    }

    fn named_expr(&mut self, target: &'a Expr<'a>, value: &'a Expr<'a>, loc: Loc) -> R {
        if self.cur().comp_iter_expr > 0 {
            return Err(self.err(
                "assignment expression cannot be used in a comprehension iterable expression".into(),
                loc,
            ));
        }
        if self.cur().comprehension.is_some() {
            self.extend_named_expr_scope(target)?;
        }
        self.expr(value, Ctx::Load)?;
        self.expr(target, Ctx::Store)
    }

    /// A walrus inside a comprehension binds in the nearest enclosing function (or module).
    fn extend_named_expr_scope(&mut self, target: &'a Expr<'a>) -> R {
        let ExprKind::Name(name) = target.kind else { return Ok(()) };
        let loc = target.loc;
        for i in (0..self.stack.len()).rev() {
            let id = self.stack[i];
            let block = &self.blocks[id];
            if block.comprehension.is_some() {
                if block.flags(name) & DEF_COMP_ITER != 0 {
                    return Err(self.err(
                        format!(
                            "assignment expression cannot rebind comprehension iteration variable '{name}'"
                        ),
                        loc,
                    ));
                }
                continue;
            }
            match block.kind {
                BlockKind::Function => {
                    let flag = if block.flags(name) & DEF_GLOBAL != 0 { DEF_GLOBAL } else { DEF_NONLOCAL };
                    self.add_def(name, flag, loc)?;
                    self.cur().directives.push((name, loc));
                    return self.add_def_in(id, name, DEF_LOCAL, loc);
                }
                BlockKind::Module => {
                    self.add_def(name, DEF_GLOBAL, loc)?;
                    self.cur().directives.push((name, loc));
                    return self.add_def_in(id, name, DEF_GLOBAL, loc);
                }
                BlockKind::Class => {
                    return Err(self.err(
                        "assignment expression within a comprehension cannot be used in a class body".into(),
                        loc,
                    ));
                }
                BlockKind::Annotation => {}
            }
        }
        Ok(())
    }

    fn comprehension(
        &mut self,
        e: &'a Expr<'a>,
        kind: Comprehension,
        name: &'a str,
        generators: &'a [crate::ast::Comprehension<'a>],
        elt: &'a Expr<'a>,
        value: Option<&'a Expr<'a>>,
    ) -> R {
        let Some((outermost, rest)) = generators.split_first() else { return Ok(()) };
        // The outermost iterable is evaluated in the enclosing block.
        self.cur().comp_iter_expr += 1;
        self.expr(outermost.iter, Ctx::Load)?;
        self.cur().comp_iter_expr -= 1;
        self.enter(BlockKind::Function, name, e as *const Expr as usize);
        self.cur().comprehension = Some(kind);
        // ... and received as the implicit argument `.0`.
        self.add_def(".0", DEF_PARAM, e.loc)?;
        self.cur().comp_iter_target = true;
        self.expr(outermost.target, Ctx::Store)?;
        self.cur().comp_iter_target = false;
        self.exprs(outermost.ifs)?;
        for g in rest {
            self.cur().comp_iter_target = true;
            self.expr(g.target, Ctx::Store)?;
            self.cur().comp_iter_target = false;
            self.cur().comp_iter_expr += 1;
            self.expr(g.iter, Ctx::Load)?;
            self.cur().comp_iter_expr -= 1;
            self.exprs(g.ifs)?;
        }
        if let Some(v) = value {
            self.expr(v, Ctx::Load)?;
        }
        self.expr(elt, Ctx::Load)?;
        if kind == Comprehension::Generator {
            self.cur().generator = true;
        }
        self.exit();
        Ok(())
    }
}

/// The second pass: CPython's `analyze_block` and friends.
struct Analyzer<'t, 'a, 's> {
    table: &'t mut SymbolTable<'a>,
    source: &'s str,
    filename: &'s str,
}

type Names<'a> = HashSet<&'a str>;

/// A set of names that a block hands down to its children: a layer of additions and removals
/// over the parent's set, so passing the sets down the block tree (which CPython does by
/// copying) costs nothing per child.
#[derive(Default)]
struct Layered<'a> {
    parent: Option<Rc<Layered<'a>>>,
    added: Names<'a>,
    removed: Names<'a>,
}

impl<'a> Layered<'a> {
    fn over(parent: &Rc<Layered<'a>>) -> Layered<'a> {
        Layered { parent: Some(parent.clone()), added: HashSet::new(), removed: HashSet::new() }
    }

    fn contains(&self, name: &str) -> bool {
        let mut layer = self;
        loop {
            if layer.removed.contains(name) {
                return false;
            }
            if layer.added.contains(name) {
                return true;
            }
            match &layer.parent {
                Some(p) => layer = p,
                None => return false,
            }
        }
    }

    fn insert(&mut self, name: &'a str) {
        self.removed.remove(name);
        self.added.insert(name);
    }

    fn remove(&mut self, name: &'a str) {
        self.added.remove(name);
        if self.parent.as_ref().is_some_and(|p| p.contains(name)) {
            self.removed.insert(name);
        }
    }
}

impl<'t, 'a, 's> Analyzer<'t, 'a, 's> {
    fn err_at_directive(&self, id: ScopeId, name: &str, msg: String) -> SyntaxError {
        let loc = self.table.blocks[id]
            .directives
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, l)| *l)
            .unwrap_or_default();
        SyntaxError::at_bytes(ErrorKind::SyntaxError, msg, self.filename, self.source, loc)
    }

    /// CPython's `analyze_block`. `bound` is `None` for the module block (CPython passes
    /// NULL there); `bound` and `global` are this block's own layers (a `global` declaration
    /// removes the name from `bound`); the block's free names are added to `free`.
    fn block(
        &mut self,
        id: ScopeId,
        mut bound: Option<Layered<'a>>,
        free: &mut Names<'a>,
        mut global: Layered<'a>,
    ) -> Result<(), SyntaxError> {
        let kind = self.table.blocks[id].kind;
        let mut local: Names<'a> = HashSet::with_capacity(self.table.blocks[id].symbols.len());
        let mut newfree: Names<'a> = HashSet::new();

        // A class namespace is invisible to nested functions: what they see is what the
        // class itself sees, so its children's sets are taken before analysing it.
        let class_view = if kind == BlockKind::Class {
            let g = std::mem::take(&mut global);
            let g = Rc::new(g);
            global = Layered::over(&g);
            let b = bound.take().map(Rc::new);
            bound = b.as_ref().map(Layered::over);
            Some((g, b))
        } else {
            None
        };

        // Each name's scope goes straight into its symbol (the symbols are taken out of the
        // block meanwhile, since an error message reads the block's directives).
        let mut symbols = std::mem::take(&mut self.table.blocks[id].symbols);
        for (&name, sym) in symbols.iter_mut() {
            let scope = self.analyze_name(id, name, sym.flags, bound.as_mut(), &mut local, &mut global)?;
            // A free name of this block is free in the blocks around it too (until one binds it).
            if scope == Scope::Free {
                free.insert(name);
            }
            sym.scope = scope;
        }
        self.table.blocks[id].symbols = symbols;

        let bound = bound.map(Rc::new);
        let (newbound, newglobal): (Rc<Layered<'a>>, Rc<Layered<'a>>) = match class_view {
            Some((g, b)) => {
                let mut nb = match &b {
                    Some(b) => Layered::over(b),
                    None => Layered::default(),
                };
                nb.insert("__class__");
                (Rc::new(nb), g)
            }
            None => {
                let mut nb = match &bound {
                    Some(b) => Layered::over(b),
                    None => Layered::default(),
                };
                if kind == BlockKind::Function {
                    nb.added.reserve(local.len());
                    for name in &local {
                        nb.insert(name);
                    }
                }
                (Rc::new(nb), Rc::new(global))
            }
        };

        // Children start from this block's `newfree`, which is still empty here.
        let children = std::mem::take(&mut self.table.blocks[id].children);
        for &child in &children {
            // Postponed annotations are never compiled; CPython 3.11 lets nothing in them
            // make a name free or a cell.
            if self.table.blocks[child].kind == BlockKind::Annotation {
                continue;
            }
            self.block(child, Some(Layered::over(&newbound)), &mut newfree, Layered::over(&newglobal))?;
        }
        self.table.blocks[id].children = children;

        // Record the results (CPython's `update_symbols`).
        let block = &mut self.table.blocks[id];
        match kind {
            // Locals that nested blocks use free become cells.
            BlockKind::Function if !newfree.is_empty() => {
                for (name, sym) in block.symbols.iter_mut() {
                    if sym.scope == Scope::Local && newfree.remove(name) {
                        sym.scope = Scope::Cell;
                    }
                }
            }
            BlockKind::Class if newfree.remove("__class__") => {
                block.needs_class_closure = true;
            }
            _ => {}
        }
        for &name in newfree.iter() {
            if let Some(sym) = block.symbols.get_mut(name) {
                if kind == BlockKind::Class && sym.flags & (DEF_BOUND | DEF_GLOBAL) != 0 {
                    sym.flags |= DEF_FREE_CLASS;
                }
                continue;
            }
            if let Some(b) = &bound {
                if !b.contains(name) {
                    continue;
                }
            }
            block.symbols.insert(name, Symbol { flags: 0, scope: Scope::Free });
        }
        free.extend(newfree);
        Ok(())
    }

    fn analyze_name(
        &mut self,
        id: ScopeId,
        name: &'a str,
        flags: u32,
        bound: Option<&mut Layered<'a>>,
        local: &mut Names<'a>,
        global: &mut Layered<'a>,
    ) -> Result<Scope, SyntaxError> {
        if flags & DEF_GLOBAL != 0 {
            if flags & DEF_NONLOCAL != 0 {
                return Err(self.err_at_directive(id, name, format!("name '{name}' is nonlocal and global")));
            }
            global.insert(name);
            if let Some(b) = bound {
                b.remove(name);
            }
            return Ok(Scope::GlobalExplicit);
        }
        if flags & DEF_NONLOCAL != 0 {
            let Some(b) = bound else {
                return Err(self.err_at_directive(
                    id,
                    name,
                    "nonlocal declaration not allowed at module level".into(),
                ));
            };
            if !b.contains(name) {
                return Err(self.err_at_directive(
                    id,
                    name,
                    format!("no binding for nonlocal '{name}' found"),
                ));
            }
            return Ok(Scope::Free);
        }
        if flags & DEF_BOUND != 0 {
            local.insert(name);
            global.remove(name);
            return Ok(Scope::Local);
        }
        // Bound in an enclosing function: free here rather than global.
        if bound.is_some_and(|b| b.contains(name)) {
            return Ok(Scope::Free);
        }
        Ok(Scope::GlobalImplicit)
    }
}
