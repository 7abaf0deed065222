//! A code object under construction: its instruction stream with labels and exception
//! handlers, its constant / name / variable tables, and its assembly into a `CodeObject`
//! (jump resolution, stack depth, the exception table, cell2arg).

use std::sync::Arc;

use hashbrown::HashMap;

use crate::ast::Loc;
use crate::bytecode::{flags, CodeObject, Const, ExceptionEntry, Instr, Opcode};
use crate::symtable::{Block, BlockKind, Scope, DEF_FREE_CLASS};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Label(pub u32);

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnitKind {
    Module,
    Class,
    Function,
    Lambda,
    Comprehension,
}

/// An exception handler pushed by a SETUP_FINALLY / SETUP_CLEANUP / SETUP_WITH (CPython's
/// pseudo-instructions, which here only exist while compiling).
#[derive(Clone, Copy, Debug)]
struct Handler {
    target: Label,
    lasti: bool,
    /// Added to the stack depth at the setup point: -1 for `with`, whose handler runs without
    /// the result of `__enter__`.
    depth_adjust: i32,
    /// The instruction index at which the handler was pushed.
    setup_at: u32,
}

/// Key for de-duplicating constants (floats by bits, so 0.0 and -0.0 stay apart).
#[derive(Clone, PartialEq, Eq, Hash)]
enum ConstKey {
    None,
    Bool(bool),
    Ellipsis,
    Int(i64),
    BigInt(Arc<str>),
    Float(u64),
    Complex(u64, u64),
    Str(Arc<str>),
    Bytes(Arc<[u8]>),
    Tuple(Vec<ConstKey>),
    FrozenSet(Vec<ConstKey>),
}

fn const_key(c: &Const) -> Option<ConstKey> {
    Some(match c {
        Const::None => ConstKey::None,
        Const::Bool(b) => ConstKey::Bool(*b),
        Const::Ellipsis => ConstKey::Ellipsis,
        Const::Int(i) => ConstKey::Int(*i),
        Const::BigInt(s) => ConstKey::BigInt(s.clone()),
        Const::Float(f) => ConstKey::Float(f.to_bits()),
        Const::Complex { real, imag } => ConstKey::Complex(real.to_bits(), imag.to_bits()),
        Const::Str(s) => ConstKey::Str(s.clone()),
        Const::Bytes(b) => ConstKey::Bytes(b.clone()),
        Const::Tuple(items) => ConstKey::Tuple(items.iter().map(const_key).collect::<Option<_>>()?),
        Const::FrozenSet(items) => ConstKey::FrozenSet(items.iter().map(const_key).collect::<Option<_>>()?),
        Const::Code(_) => return None,
    })
}

pub struct Unit<'a> {
    pub kind: UnitKind,
    pub scope: usize,
    pub name: &'a str,
    pub qualname: String,
    /// The class name used for mangling `__private` names, inherited by nested scopes.
    pub private: Option<&'a str>,
    pub firstlineno: u32,
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    pub flags: u32,
    pub loc: Loc,

    instrs: Vec<Instr>,
    locs: Vec<Loc>,
    /// The innermost handler of each instruction.
    instr_handler: Vec<Option<u32>>,
    labels: Vec<u32>,
    handlers: Vec<Handler>,
    handler_stack: Vec<u32>,

    consts: Vec<Const>,
    const_map: HashMap<ConstKey, u32>,
    names: Vec<&'a str>,
    name_map: HashMap<&'a str, u32>,
    varnames: Vec<&'a str>,
    varname_map: HashMap<&'a str, u32>,
    pub cellvars: Vec<&'a str>,
    pub freevars: Vec<&'a str>,
}

const UNRESOLVED: u32 = u32::MAX;

/// The growable buffers of a unit under construction. A finished unit copies its code out
/// at its exact size and hands the buffers back for the next unit, so that emitting does not
/// regrow them from empty for every code object.
#[derive(Default)]
pub struct Buffers<'a> {
    instrs: Vec<Instr>,
    locs: Vec<Loc>,
    instr_handler: Vec<Option<u32>>,
    labels: Vec<u32>,
    const_map: HashMap<ConstKey, u32>,
    names: Vec<&'a str>,
    name_map: HashMap<&'a str, u32>,
    varnames: Vec<&'a str>,
    varname_map: HashMap<&'a str, u32>,
}

/// The `Arc<str>` of each distinct name, made once for all the code objects of a module
/// (names recur in many of them: `self`, builtins, attributes).
#[derive(Default)]
pub struct NameArcs<'a>(HashMap<&'a str, Arc<str>>);

impl<'a> NameArcs<'a> {
    pub fn get(&mut self, name: &'a str) -> Arc<str> {
        self.0.entry(name).or_insert_with(|| Arc::from(name)).clone()
    }

    fn all(&mut self, names: &[&'a str]) -> Vec<Arc<str>> {
        names.iter().map(|&n| self.get(n)).collect()
    }
}

impl<'a> Unit<'a> {
    pub fn new(
        kind: UnitKind,
        scope: usize,
        block: &Block<'a>,
        name: &'a str,
        firstlineno: u32,
        buffers: Buffers<'a>,
    ) -> Unit<'a> {
        // CPython 3.11 keeps a parameter's cell in the parameter's slot, so co_cellvars
        // lists the parameters that are cells first (in parameter order), then the rest
        // sorted.
        let sorted = block.names_by_scope(Scope::Cell, 0);
        let mut cellvars: Vec<&'a str> =
            block.params.iter().copied().filter(|p| sorted.contains(p)).collect();
        cellvars.extend(sorted.iter().copied().filter(|c| !block.params.contains(c)));
        if block.needs_class_closure {
            cellvars.push("__class__");
        }
        let freevars = block.names_by_scope(Scope::Free, DEF_FREE_CLASS);
        let mut flags = 0;
        if block.kind == BlockKind::Function {
            flags |= flags::OPTIMIZED | flags::NEWLOCALS;
            if block.nested {
                flags |= flags::NESTED;
            }
            if block.generator {
                flags |= flags::GENERATOR;
            }
            if block.varargs {
                flags |= flags::VARARGS;
            }
            if block.varkeywords {
                flags |= flags::VARKEYWORDS;
            }
        }
        let mut unit = Unit {
            kind,
            scope,
            name,
            qualname: String::new(),
            private: None,
            firstlineno,
            argcount: 0,
            posonlyargcount: 0,
            kwonlyargcount: 0,
            flags,
            loc: Loc { lineno: firstlineno, col: 0, end_lineno: firstlineno, end_col: 0 },
            instrs: buffers.instrs,
            locs: buffers.locs,
            instr_handler: buffers.instr_handler,
            labels: buffers.labels,
            handlers: Vec::new(),
            handler_stack: Vec::new(),
            consts: Vec::new(),
            const_map: buffers.const_map,
            names: buffers.names,
            name_map: buffers.name_map,
            varnames: buffers.varnames,
            varname_map: buffers.varname_map,
            cellvars,
            freevars,
        };
        for p in &block.params {
            unit.varname(p);
        }
        unit
    }

    pub fn emit(&mut self, op: Opcode, arg: u32) {
        self.instrs.push(Instr { op, arg });
        self.locs.push(self.loc);
        self.instr_handler.push(self.handler_stack.last().copied());
    }

    /// An instruction with no source position of its own (CPython's UNSET_LOC).
    pub fn emit_noline(&mut self, op: Opcode, arg: u32) {
        self.emit(op, arg);
        if let Some(l) = self.locs.last_mut() {
            *l = Loc::default();
        }
    }

    pub fn emit_jump(&mut self, op: Opcode, target: Label) {
        debug_assert!(op.is_jump());
        self.emit(op, target.0);
    }

    pub fn new_label(&mut self) -> Label {
        self.labels.push(UNRESOLVED);
        Label(self.labels.len() as u32 - 1)
    }

    pub fn bind(&mut self, label: Label) {
        self.labels[label.0 as usize] = self.instrs.len() as u32;
    }

    /// Whether `label` already has its position (so a jump to it goes backwards).
    pub fn is_bound(&self, label: Label) -> bool {
        self.labels[label.0 as usize] != UNRESOLVED
    }

    /// Open an exception handler region (SETUP_FINALLY: `lasti` false; SETUP_CLEANUP: true).
    pub fn push_handler(&mut self, target: Label, lasti: bool, depth_adjust: i32) {
        self.handlers.push(Handler { target, lasti, depth_adjust, setup_at: self.instrs.len() as u32 });
        self.handler_stack.push(self.handlers.len() as u32 - 1);
    }

    /// Close the innermost handler region (POP_BLOCK).
    pub fn pop_handler(&mut self) {
        self.handler_stack.pop();
    }

    /// Snapshot of the open handlers, for unwinding that must not outlive one statement.
    pub fn handler_state(&self) -> Vec<u32> {
        self.handler_stack.clone()
    }

    pub fn restore_handlers(&mut self, state: Vec<u32>) {
        self.handler_stack = state;
    }

    pub fn add_const(&mut self, c: Const) -> u32 {
        if let Some(key) = const_key(&c) {
            if let Some(&i) = self.const_map.get(&key) {
                return i;
            }
            let i = self.consts.len() as u32;
            self.const_map.insert(key, i);
            self.consts.push(c);
            return i;
        }
        self.consts.push(c);
        self.consts.len() as u32 - 1
    }

    pub fn name(&mut self, name: &'a str) -> u32 {
        intern(&mut self.names, &mut self.name_map, name)
    }

    pub fn varname(&mut self, name: &'a str) -> u32 {
        intern(&mut self.varnames, &mut self.varname_map, name)
    }

    /// Index of a cell (`cell = true`) or free variable in the deref slots.
    pub fn deref(&self, name: &str, cell: bool) -> Option<u32> {
        if cell {
            self.cellvars.iter().position(|n| *n == name).map(|i| i as u32)
        } else {
            self.freevars.iter().position(|n| *n == name).map(|i| (i + self.cellvars.len()) as u32)
        }
    }

    pub fn last_op(&self) -> Option<Opcode> {
        self.instrs.last().map(|i| i.op)
    }

    /// The line of the last instruction emitted, if it has one.
    pub fn last_line(&self) -> Option<u32> {
        self.locs.last().map(|l| l.lineno).filter(|&l| l != 0)
    }

    /// The code object, and the buffers emptied for the next unit.
    pub fn assemble(self, filename: &Arc<str>, arcs: &mut NameArcs<'a>) -> (CodeObject, Buffers<'a>) {
        let Unit { mut instrs, mut labels, handlers, mut instr_handler, mut locs, .. } = self;
        for ins in instrs.iter_mut() {
            if ins.op.is_jump() {
                ins.arg = labels[ins.arg as usize];
            }
        }
        let target_of = |h: &Handler| labels[h.target.0 as usize];
        let depths = stack_depths(&instrs, &handlers, &target_of);
        let stacksize = depths.iter().flatten().copied().max().unwrap_or(0) + 2;

        let mut exception_table: Vec<ExceptionEntry> = Vec::new();
        for (i, h) in instr_handler.iter().enumerate() {
            let Some(h) = h else { continue };
            let handler = &handlers[*h as usize];
            let target = target_of(handler);
            let base = depths.get(handler.setup_at as usize).copied().flatten().unwrap_or(0);
            let depth = (base as i32 + handler.depth_adjust).max(0) as u32;
            let i = i as u32;
            if let Some(last) = exception_table.last_mut() {
                if last.end == i
                    && last.target == target
                    && last.depth == depth
                    && last.lasti == handler.lasti
                {
                    last.end = i + 1;
                    continue;
                }
            }
            exception_table.push(ExceptionEntry {
                start: i,
                end: i + 1,
                target,
                depth,
                lasti: handler.lasti,
            });
        }

        let varnames: Vec<Arc<str>> = arcs.all(&self.varnames);
        let nargs = {
            let mut n = (self.argcount + self.kwonlyargcount) as usize;
            n += (self.flags & flags::VARARGS != 0) as usize;
            n += (self.flags & flags::VARKEYWORDS != 0) as usize;
            n
        };
        let cell2arg = self
            .cellvars
            .iter()
            .map(|c| varnames[..nargs.min(varnames.len())].iter().position(|v| &**v == *c).map(|i| i as u32))
            .collect();
        let code = CodeObject {
            name: arcs.get(self.name),
            qualname: Arc::from(self.qualname.as_str()),
            filename: filename.clone(),
            firstlineno: self.firstlineno,
            argcount: self.argcount,
            posonlyargcount: self.posonlyargcount,
            kwonlyargcount: self.kwonlyargcount,
            flags: self.flags,
            varnames,
            cellvars: arcs.all(&self.cellvars),
            freevars: arcs.all(&self.freevars),
            names: arcs.all(&self.names),
            consts: self.consts,
            stacksize,
            code: instrs.to_vec(),
            lines: locs.iter().map(|l| l.lineno).collect(),
            exception_table,
            cell2arg,
        };
        instrs.clear();
        locs.clear();
        instr_handler.clear();
        labels.clear();
        let (mut const_map, mut names, mut name_map, mut varnames, mut varname_map) =
            (self.const_map, self.names, self.name_map, self.varnames, self.varname_map);
        const_map.clear();
        names.clear();
        name_map.clear();
        varnames.clear();
        varname_map.clear();
        (
            code,
            Buffers {
                instrs,
                locs,
                instr_handler,
                labels,
                const_map,
                names,
                name_map,
                varnames,
                varname_map,
            },
        )
    }
}

fn intern<'a>(list: &mut Vec<&'a str>, map: &mut HashMap<&'a str, u32>, name: &'a str) -> u32 {
    if let Some(&i) = map.get(name) {
        return i;
    }
    let i = list.len() as u32;
    list.push(name);
    map.insert(name, i);
    i
}

/// The stack depth before each instruction (`None` where unreachable), by flow analysis;
/// exception handlers are entered with the depth at their setup point, plus `lasti`, plus
/// the exception.
fn stack_depths(
    instrs: &[Instr],
    handlers: &[Handler],
    target_of: &dyn Fn(&Handler) -> u32,
) -> Vec<Option<u32>> {
    let n = instrs.len();
    let mut depth: Vec<Option<u32>> = vec![None; n];
    let mut setups: HashMap<u32, Vec<usize>> = HashMap::new();
    for (i, h) in handlers.iter().enumerate() {
        setups.entry(h.setup_at).or_default().push(i);
    }
    let mut work: Vec<(usize, i32)> = vec![(0, 0)];
    while let Some((mut i, mut d)) = work.pop() {
        while i < n {
            if depth[i].is_some() {
                break;
            }
            depth[i] = Some(d.max(0) as u32);
            if let Some(hs) = setups.get(&(i as u32)) {
                for &h in hs {
                    let h = &handlers[h];
                    let entry = d + h.depth_adjust + h.lasti as i32 + 1;
                    work.push((target_of(h) as usize, entry));
                }
            }
            let ins = instrs[i];
            if ins.op.is_jump() {
                work.push((ins.arg as usize, d + ins.op.stack_effect(ins.arg, true)));
            }
            if ins.op.is_terminator() {
                break;
            }
            d += ins.op.stack_effect(ins.arg, false);
            i += 1;
        }
    }
    depth
}
