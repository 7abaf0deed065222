//! The instruction set and the code object.
//!
//! `for_each_opcode!` is the one table of opcodes: number (its position), name, operand kind
//! and stack effect. The `Opcode` enum, `dis`, the stack-depth computation and the VM's
//! dispatch tables are all generated from it, so an opcode cannot exist in one place and not
//! another. A consumer passes the name of its own macro, which receives the whole list as
//! `$( ($name:ident, $operand:ident, $effect:expr, $jump_effect:expr) ),*`; the two effects
//! are closures `|arg: u32| -> i32`, the stack effect when the instruction falls through and
//! when it jumps (for non-jumps the two are equal).
//!
//! Jump operands are absolute instruction indices. `dis` shows offsets as CPython does (two
//! bytes per instruction), so an instruction's offset is twice its index.

use std::fmt;
use std::sync::Arc;

#[macro_export]
macro_rules! for_each_opcode {
    ($m:ident) => {
        $m! {
            (NOP, None, |_a| 0, |_a| 0),
            (POP_TOP, None, |_a| -1, |_a| -1),
            // 'single' mode's expression statements: pop the value and show it with
            // sys.displayhook.
            (PRINT_EXPR, None, |_a| -1, |_a| -1),
            // Push a copy of the arg-th item (1 = top of stack).
            (COPY, Count, |_a| 1, |_a| 1),
            // Swap the top of stack with the arg-th item.
            (SWAP, Count, |_a| 0, |_a| 0),
            (UNARY_POSITIVE, None, |_a| 0, |_a| 0),
            (UNARY_NEGATIVE, None, |_a| 0, |_a| 0),
            (UNARY_NOT, None, |_a| 0, |_a| 0),
            (UNARY_INVERT, None, |_a| 0, |_a| 0),
            // arg: a BinaryOp, in-place forms included.
            (BINARY_OP, BinaryOp, |_a| -1, |_a| -1),
            (COMPARE_OP, Compare, |_a| -1, |_a| -1),
            // arg 1 means `is not` / `not in`.
            (IS_OP, Invert, |_a| -1, |_a| -1),
            (CONTAINS_OP, Invert, |_a| -1, |_a| -1),
            (BINARY_SUBSCR, None, |_a| -1, |_a| -1),
            (STORE_SUBSCR, None, |_a| -3, |_a| -3),
            (DELETE_SUBSCR, None, |_a| -2, |_a| -2),
            (BUILD_SLICE, Count, |a| 1 - a as i32, |a| 1 - a as i32),
            (LOAD_CONST, Const, |_a| 1, |_a| 1),
            (LOAD_NAME, Name, |_a| 1, |_a| 1),
            (STORE_NAME, Name, |_a| -1, |_a| -1),
            (DELETE_NAME, Name, |_a| 0, |_a| 0),
            (LOAD_GLOBAL, Name, |_a| 1, |_a| 1),
            (STORE_GLOBAL, Name, |_a| -1, |_a| -1),
            (DELETE_GLOBAL, Name, |_a| 0, |_a| 0),
            (LOAD_FAST, Local, |_a| 1, |_a| 1),
            (STORE_FAST, Local, |_a| -1, |_a| -1),
            (DELETE_FAST, Local, |_a| 0, |_a| 0),
            // Deref operands index cellvars then freevars (the frame's cell and free slots).
            (LOAD_DEREF, Deref, |_a| 1, |_a| 1),
            (STORE_DEREF, Deref, |_a| -1, |_a| -1),
            (DELETE_DEREF, Deref, |_a| 0, |_a| 0),
            // Push the cell itself, for BUILD_TUPLE + MAKE_FUNCTION 0x08.
            (LOAD_CLOSURE, Deref, |_a| 1, |_a| 1),
            // A free variable read in a class body: the class namespace first, then the cell.
            (LOAD_CLASSDEREF, Deref, |_a| 1, |_a| 1),
            (LOAD_ATTR, Name, |_a| 0, |_a| 0),
            (STORE_ATTR, Name, |_a| -2, |_a| -2),
            (DELETE_ATTR, Name, |_a| -1, |_a| -1),
            // obj -> (method, obj) or (NULL, attribute), for CALL_METHOD.
            (LOAD_METHOD, Name, |_a| 1, |_a| 1),
            // func, arg * n -> result
            (CALL_FUNCTION, Count, |a| -(a as i32), |a| -(a as i32)),
            // func, arg * n, kwnames tuple -> result (the last len(kwnames) args are keywords)
            (CALL_FUNCTION_KW, Count, |a| -(a as i32) - 1, |a| -(a as i32) - 1),
            // func, args tuple, [kwargs dict if arg & 1] -> result
            (CALL_FUNCTION_EX, Count, |a| -1 - (a as i32 & 1), |a| -1 - (a as i32 & 1)),
            // (method, obj) or (NULL, callable), arg * n -> result
            (CALL_METHOD, Count, |a| -(a as i32) - 1, |a| -(a as i32) - 1),
            // [defaults tuple] [kwdefaults dict] [annotations tuple] [closure tuple] code -> func
            (MAKE_FUNCTION, MakeFunction, |a: u32| -((a & 0xf).count_ones() as i32), |a: u32| -((a & 0xf).count_ones() as i32)),
            (RETURN_VALUE, None, |_a| -1, |_a| -1),
            (BUILD_TUPLE, Count, |a| 1 - a as i32, |a| 1 - a as i32),
            (BUILD_LIST, Count, |a| 1 - a as i32, |a| 1 - a as i32),
            (BUILD_SET, Count, |a| 1 - a as i32, |a| 1 - a as i32),
            (BUILD_MAP, Count, |a| 1 - 2 * a as i32, |a| 1 - 2 * a as i32),
            // value * n, keys tuple -> dict
            (BUILD_CONST_KEY_MAP, Count, |a| -(a as i32), |a| -(a as i32)),
            (BUILD_STRING, Count, |a| 1 - a as i32, |a| 1 - a as i32),
            // Add TOS to the container arg items below it (after popping TOS).
            (LIST_APPEND, Count, |_a| -1, |_a| -1),
            (SET_ADD, Count, |_a| -1, |_a| -1),
            (MAP_ADD, Count, |_a| -2, |_a| -2),
            (LIST_EXTEND, Count, |_a| -1, |_a| -1),
            (SET_UPDATE, Count, |_a| -1, |_a| -1),
            (DICT_UPDATE, Count, |_a| -1, |_a| -1),
            // As DICT_UPDATE, but a repeated key is a TypeError (for `f(**a, **b)`).
            (DICT_MERGE, Count, |_a| -1, |_a| -1),
            (LIST_TO_TUPLE, None, |_a| 0, |_a| 0),
            (UNPACK_SEQUENCE, Count, |a| a as i32 - 1, |a| a as i32 - 1),
            // arg = before | after << 8, for `a, *b, c = ...`
            (UNPACK_EX, UnpackEx, |a| (a & 0xff) as i32 + (a >> 8) as i32, |a| (a & 0xff) as i32 + (a >> 8) as i32),
            // arg & 3: conversion (0 none, 1 str, 2 repr, 3 ascii); arg & 4: a format spec is on the stack.
            (FORMAT_VALUE, FormatValue, |a| -(((a & 4) != 0) as i32), |a| -(((a & 4) != 0) as i32)),
            (JUMP_FORWARD, Jump, |_a| 0, |_a| 0),
            (JUMP_BACKWARD, Jump, |_a| 0, |_a| 0),
            (POP_JUMP_IF_FALSE, Jump, |_a| -1, |_a| -1),
            (POP_JUMP_IF_TRUE, Jump, |_a| -1, |_a| -1),
            (POP_JUMP_IF_NONE, Jump, |_a| -1, |_a| -1),
            (POP_JUMP_IF_NOT_NONE, Jump, |_a| -1, |_a| -1),
            (JUMP_IF_FALSE_OR_POP, Jump, |_a| -1, |_a| 0),
            (JUMP_IF_TRUE_OR_POP, Jump, |_a| -1, |_a| 0),
            (GET_ITER, None, |_a| 0, |_a| 0),
            // iter -> iter, next; when exhausted pops iter and jumps.
            (FOR_ITER, Jump, |_a| 1, |_a| -1),
            // exc -> previous exc_info, exc (entering a handler)
            (PUSH_EXC_INFO, None, |_a| 1, |_a| 1),
            // Restore exc_info from TOS.
            (POP_EXCEPT, None, |_a| -1, |_a| -1),
            // Re-raise TOS; with arg 1, first set the frame's lasti from the item below it.
            (RERAISE, Count, |_a| -1, |_a| -1),
            // exc, type -> exc, bool
            (CHECK_EXC_MATCH, None, |_a| 0, |_a| 0),
            // except*: exc group, type -> rest, match
            (CHECK_EG_MATCH, None, |_a| 0, |_a| 0),
            // except*: orig, list of raised -> exception to raise (or None)
            (PREP_RERAISE_STAR, None, |_a| -1, |_a| -1),
            (RAISE_VARARGS, Count, |a| -(a as i32), |a| -(a as i32)),
            (LOAD_ASSERTION_ERROR, None, |_a| 1, |_a| 1),
            // mgr -> __exit__, __enter__()
            (BEFORE_WITH, None, |_a| 1, |_a| 1),
            // exit, lasti, prev_exc, exc -> ..., exit(type, exc, tb)
            (WITH_EXCEPT_START, None, |_a| 1, |_a| 1),
            // level, fromlist -> module
            (IMPORT_NAME, Name, |_a| -1, |_a| -1),
            (IMPORT_FROM, Name, |_a| 1, |_a| 1),
            (IMPORT_STAR, None, |_a| -1, |_a| -1),
            (LOAD_BUILD_CLASS, None, |_a| 1, |_a| 1),
            (SETUP_ANNOTATIONS, None, |_a| 0, |_a| 0),
            (YIELD_VALUE, None, |_a| 0, |_a| 0),
            (GET_YIELD_FROM_ITER, None, |_a| 0, |_a| 0),
            // iter, value -> iter, yielded; when the iterator returns, -> result and jump.
            (SEND, Jump, |_a| 0, |_a| -1),
        }
    };
}

macro_rules! define_opcodes {
    ($( ($name:ident, $operand:ident, $effect:expr, $jump_effect:expr) ),* $(,)?) => {
        /// One opcode. Discriminants are positions in `for_each_opcode!`.
        #[allow(non_camel_case_types, clippy::upper_case_acronyms)]
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        #[repr(u8)]
        pub enum Opcode {
            $($name),*
        }

        impl Opcode {
            pub const ALL: &'static [Opcode] = &[$(Opcode::$name),*];

            pub fn name(self) -> &'static str {
                match self {
                    $(Opcode::$name => stringify!($name)),*
                }
            }

            pub fn operand(self) -> Operand {
                match self {
                    $(Opcode::$name => Operand::$operand),*
                }
            }

            /// Net stack effect of the instruction with operand `arg`; `jump` selects the
            /// effect on the branch taken.
            pub fn stack_effect(self, arg: u32, jump: bool) -> i32 {
                match self {
                    $(Opcode::$name => {
                        if jump { ($jump_effect)(arg) } else { ($effect)(arg) }
                    })*
                }
            }
        }
    };
}

for_each_opcode!(define_opcodes);

/// What an instruction's operand means, for `dis` and the code generator.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Operand {
    /// No operand (the arg is 0 and `dis` shows none).
    None,
    /// A plain number.
    Count,
    /// Index into `consts`.
    Const,
    /// Index into `names`.
    Name,
    /// Index into `varnames`.
    Local,
    /// Index into `cellvars` followed by `freevars`.
    Deref,
    /// Absolute instruction index.
    Jump,
    BinaryOp,
    Compare,
    Invert,
    MakeFunction,
    UnpackEx,
    FormatValue,
}

impl Opcode {
    pub fn is_jump(self) -> bool {
        self.operand() == Operand::Jump
    }

    /// Instructions after which control never falls through to the next one.
    pub fn is_terminator(self) -> bool {
        matches!(
            self,
            Opcode::RETURN_VALUE
                | Opcode::RERAISE
                | Opcode::RAISE_VARARGS
                | Opcode::JUMP_FORWARD
                | Opcode::JUMP_BACKWARD
        )
    }
}

/// `BINARY_OP` operands, numbered as CPython 3.11's `NB_*` constants.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum BinaryOp {
    Add = 0,
    And = 1,
    FloorDivide = 2,
    Lshift = 3,
    MatrixMultiply = 4,
    Multiply = 5,
    Remainder = 6,
    Or = 7,
    Power = 8,
    Rshift = 9,
    Subtract = 10,
    TrueDivide = 11,
    Xor = 12,
    InplaceAdd = 13,
    InplaceAnd = 14,
    InplaceFloorDivide = 15,
    InplaceLshift = 16,
    InplaceMatrixMultiply = 17,
    InplaceMultiply = 18,
    InplaceRemainder = 19,
    InplaceOr = 20,
    InplacePower = 21,
    InplaceRshift = 22,
    InplaceSubtract = 23,
    InplaceTrueDivide = 24,
    InplaceXor = 25,
}

impl BinaryOp {
    const SYMBOLS: [&'static str; 13] = ["+", "&", "//", "<<", "@", "*", "%", "|", "**", ">>", "-", "/", "^"];

    pub fn from_arg(arg: u32) -> Option<BinaryOp> {
        if arg <= 25 {
            Some(BINARY_OPS[arg as usize])
        } else {
            None
        }
    }

    /// The operator as written: `+`, `+=`, ...
    pub fn symbol(self) -> String {
        let i = self as usize;
        if i < 13 {
            Self::SYMBOLS[i].to_string()
        } else {
            format!("{}=", Self::SYMBOLS[i - 13])
        }
    }

    /// The non-in-place operator this one falls back to.
    pub fn base(self) -> BinaryOp {
        let i = self as usize;
        if i < 13 {
            self
        } else {
            BINARY_OPS[i - 13]
        }
    }

    pub fn is_inplace(self) -> bool {
        self as usize >= 13
    }
}

const BINARY_OPS: [BinaryOp; 26] = {
    use BinaryOp::*;
    [
        Add,
        And,
        FloorDivide,
        Lshift,
        MatrixMultiply,
        Multiply,
        Remainder,
        Or,
        Power,
        Rshift,
        Subtract,
        TrueDivide,
        Xor,
        InplaceAdd,
        InplaceAnd,
        InplaceFloorDivide,
        InplaceLshift,
        InplaceMatrixMultiply,
        InplaceMultiply,
        InplaceRemainder,
        InplaceOr,
        InplacePower,
        InplaceRshift,
        InplaceSubtract,
        InplaceTrueDivide,
        InplaceXor,
    ]
};

/// `COMPARE_OP` operands, numbered as CPython's `Py_LT` ...
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum CompareOp {
    Lt = 0,
    Le = 1,
    Eq = 2,
    Ne = 3,
    Gt = 4,
    Ge = 5,
}

impl CompareOp {
    pub fn from_arg(arg: u32) -> Option<CompareOp> {
        Some(match arg {
            0 => CompareOp::Lt,
            1 => CompareOp::Le,
            2 => CompareOp::Eq,
            3 => CompareOp::Ne,
            4 => CompareOp::Gt,
            5 => CompareOp::Ge,
            _ => return None,
        })
    }

    pub fn symbol(self) -> &'static str {
        ["<", "<=", "==", "!=", ">", ">="][self as usize]
    }
}

/// `MAKE_FUNCTION` flag bits, as in the seeds.
pub mod make_function {
    pub const DEFAULTS: u32 = 0x01;
    pub const KWDEFAULTS: u32 = 0x02;
    pub const ANNOTATIONS: u32 = 0x04;
    pub const CLOSURE: u32 = 0x08;
}

/// `co_flags` bits, CPython 3.11's values.
pub mod flags {
    pub const OPTIMIZED: u32 = 0x0001;
    pub const NEWLOCALS: u32 = 0x0002;
    pub const VARARGS: u32 = 0x0004;
    pub const VARKEYWORDS: u32 = 0x0008;
    pub const NESTED: u32 = 0x0010;
    pub const GENERATOR: u32 = 0x0020;
    pub const NOFREE: u32 = 0x0040;
    pub const COROUTINE: u32 = 0x0080;
    pub const ITERABLE_COROUTINE: u32 = 0x0100;
    pub const ASYNC_GENERATOR: u32 = 0x0200;
    pub const FUTURE_DIVISION: u32 = 0x20000;
    pub const FUTURE_ABSOLUTE_IMPORT: u32 = 0x40000;
    pub const FUTURE_WITH_STATEMENT: u32 = 0x80000;
    pub const FUTURE_PRINT_FUNCTION: u32 = 0x100000;
    pub const FUTURE_UNICODE_LITERALS: u32 = 0x200000;
    pub const FUTURE_BARRY_AS_BDFL: u32 = 0x400000;
    pub const FUTURE_GENERATOR_STOP: u32 = 0x800000;
    pub const FUTURE_ANNOTATIONS: u32 = 0x1000000;

    /// CPython's names for the flag bits, as `dis.pretty_flags` prints them.
    pub const NAMES: &[(u32, &str)] = &[
        (OPTIMIZED, "OPTIMIZED"),
        (NEWLOCALS, "NEWLOCALS"),
        (VARARGS, "VARARGS"),
        (VARKEYWORDS, "VARKEYWORDS"),
        (NESTED, "NESTED"),
        (GENERATOR, "GENERATOR"),
        (NOFREE, "NOFREE"),
        (COROUTINE, "COROUTINE"),
        (ITERABLE_COROUTINE, "ITERABLE_COROUTINE"),
        (ASYNC_GENERATOR, "ASYNC_GENERATOR"),
    ];
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Instr {
    pub op: Opcode,
    pub arg: u32,
}

/// One row of the exception table: an exception raised by an instruction in `start..end`
/// pops the value stack down to `depth`, pushes the offset of the raising instruction if
/// `lasti`, pushes the exception and jumps to `target`. Indices are instruction indices.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ExceptionEntry {
    pub start: u32,
    pub end: u32,
    pub target: u32,
    pub depth: u32,
    pub lasti: bool,
}

/// A compile-time constant.
#[derive(Clone, Debug)]
pub enum Const {
    None,
    Bool(bool),
    Ellipsis,
    Int(i64),
    /// An integer too large for i64: its decimal digits, with a leading '-' if negative.
    BigInt(Arc<str>),
    Float(f64),
    /// A complex number `real + imag*j`.
    Complex {
        real: f64,
        imag: f64,
    },
    Str(Arc<str>),
    Bytes(Arc<[u8]>),
    Tuple(Arc<[Const]>),
    FrozenSet(Arc<[Const]>),
    Code(Arc<CodeObject>),
}

impl PartialEq for Const {
    /// Identity for deduplication in `co_consts`: equal type and value, with floats compared
    /// bit for bit (so `0.0` and `-0.0` stay apart) and code objects by address.
    fn eq(&self, other: &Const) -> bool {
        match (self, other) {
            (Const::None, Const::None) | (Const::Ellipsis, Const::Ellipsis) => true,
            (Const::Bool(a), Const::Bool(b)) => a == b,
            (Const::Int(a), Const::Int(b)) => a == b,
            (Const::BigInt(a), Const::BigInt(b)) => a == b,
            (Const::Float(a), Const::Float(b)) => a.to_bits() == b.to_bits(),
            (Const::Complex { real: a, imag: b }, Const::Complex { real: c, imag: d }) => {
                a.to_bits() == c.to_bits() && b.to_bits() == d.to_bits()
            }
            (Const::Str(a), Const::Str(b)) => a == b,
            (Const::Bytes(a), Const::Bytes(b)) => a == b,
            (Const::Tuple(a), Const::Tuple(b)) | (Const::FrozenSet(a), Const::FrozenSet(b)) => a == b,
            (Const::Code(a), Const::Code(b)) => Arc::ptr_eq(a, b),
            _ => false,
        }
    }
}

/// A compiled module, class body, function, lambda or comprehension. Immutable and
/// shareable; the VM wraps it in a runtime code object.
#[derive(Debug)]
pub struct CodeObject {
    pub name: Arc<str>,
    pub qualname: Arc<str>,
    pub filename: Arc<str>,
    pub firstlineno: u32,
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    pub flags: u32,
    /// Parameters first (positional, keyword-only, `*args`, `**kwargs`), then other locals.
    pub varnames: Vec<Arc<str>>,
    pub cellvars: Vec<Arc<str>>,
    pub freevars: Vec<Arc<str>>,
    pub names: Vec<Arc<str>>,
    pub consts: Vec<Const>,
    pub stacksize: u32,
    pub code: Vec<Instr>,
    /// The source line of each instruction (parallel to `code`); 0 means none. Only lines:
    /// nothing reads the columns the compiler tracks, and four bytes an instruction instead
    /// of a whole span keeps large modules' code objects small.
    pub lines: Vec<u32>,
    pub exception_table: Vec<ExceptionEntry>,
    /// For each cell, the index of the argument whose value the call prologue moves into it
    /// (the seeds' `co_cell2arg`).
    pub cell2arg: Vec<Option<u32>>,
}

impl CodeObject {
    pub fn nlocals(&self) -> usize {
        self.varnames.len()
    }

    /// Number of parameters, `*args` and `**kwargs` included.
    pub fn total_args(&self) -> usize {
        let mut n = (self.argcount + self.kwonlyargcount) as usize;
        if self.flags & flags::VARARGS != 0 {
            n += 1;
        }
        if self.flags & flags::VARKEYWORDS != 0 {
            n += 1;
        }
        n
    }

    /// The name of deref slot `i` (cellvars, then freevars).
    pub fn deref_name(&self, i: usize) -> &str {
        if i < self.cellvars.len() {
            &self.cellvars[i]
        } else {
            &self.freevars[i - self.cellvars.len()]
        }
    }

    /// The line of instruction `index`, if it has one.
    pub fn line_of(&self, index: usize) -> Option<u32> {
        self.lines.get(index).copied().filter(|&l| l != 0)
    }

    /// The exception-table row covering instruction `index`.
    pub fn handler_for(&self, index: u32) -> Option<&ExceptionEntry> {
        self.exception_table.iter().find(|e| e.start <= index && index < e.end)
    }
}

impl fmt::Display for CodeObject {
    /// `<code object NAME at 0x..., file "F", line N>`, as CPython's repr.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "<code object {} at {:#x}, file \"{}\", line {}>",
            self.name, self as *const CodeObject as usize, self.filename, self.firstlineno
        )
    }
}
