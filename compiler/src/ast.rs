//! The abstract syntax tree, shaped after CPython 3.11's `Python.asdl`.
//!
//! Every node lives in a `bumpalo::Bump` owned by the caller of the parser and is dropped in
//! one go after code generation. Nodes are immutable once built: children are `&'a` references
//! and lists are `&'a [T]` slices. Expression context (Load / Store / Del) is not stored: the
//! position of an expression in its statement tells the symtable and the code generator how
//! it is used.

/// Source position of a node: 1-based lines, 0-based columns counted in UTF-8 bytes of the
/// line (CPython's `col_offset` / `end_col_offset`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Loc {
    pub lineno: u32,
    pub col: u32,
    pub end_lineno: u32,
    pub end_col: u32,
}

impl Loc {
    /// The span from the start of `self` to the end of `other`.
    pub fn to(self, other: Loc) -> Loc {
        Loc { lineno: self.lineno, col: self.col, end_lineno: other.end_lineno, end_col: other.end_col }
    }
}

pub type Ident<'a> = &'a str;

#[derive(Debug)]
pub struct Module<'a> {
    pub body: &'a [Stmt<'a>],
}

#[derive(Debug)]
pub struct Stmt<'a> {
    pub loc: Loc,
    pub kind: StmtKind<'a>,
}

#[derive(Debug)]
pub enum StmtKind<'a> {
    FunctionDef(&'a FunctionDef<'a>),
    ClassDef(&'a ClassDef<'a>),
    Return(Option<&'a Expr<'a>>),
    Delete(&'a [Expr<'a>]),
    /// `a = b = value`: one or more targets.
    Assign {
        targets: &'a [Expr<'a>],
        value: &'a Expr<'a>,
    },
    AugAssign {
        target: &'a Expr<'a>,
        op: Operator,
        value: &'a Expr<'a>,
    },
    /// `simple` is true for a bare name target not in parentheses (CPython's `simple=1`).
    AnnAssign {
        target: &'a Expr<'a>,
        annotation: &'a Expr<'a>,
        value: Option<&'a Expr<'a>>,
        simple: bool,
    },
    For {
        target: &'a Expr<'a>,
        iter: &'a Expr<'a>,
        body: &'a [Stmt<'a>],
        orelse: &'a [Stmt<'a>],
    },
    While {
        test: &'a Expr<'a>,
        body: &'a [Stmt<'a>],
        orelse: &'a [Stmt<'a>],
    },
    If {
        test: &'a Expr<'a>,
        body: &'a [Stmt<'a>],
        orelse: &'a [Stmt<'a>],
    },
    With {
        items: &'a [WithItem<'a>],
        body: &'a [Stmt<'a>],
    },
    Raise {
        exc: Option<&'a Expr<'a>>,
        cause: Option<&'a Expr<'a>>,
    },
    /// `try` with `except` (or `except*` when `star` is true), `else` and `finally`.
    Try {
        body: &'a [Stmt<'a>],
        handlers: &'a [ExceptHandler<'a>],
        orelse: &'a [Stmt<'a>],
        finalbody: &'a [Stmt<'a>],
        star: bool,
    },
    Assert {
        test: &'a Expr<'a>,
        msg: Option<&'a Expr<'a>>,
    },
    Import(&'a [Alias<'a>]),
    /// `from .module import names`; `level` counts the leading dots.
    ImportFrom {
        module: Option<Ident<'a>>,
        names: &'a [Alias<'a>],
        level: u32,
    },
    Global(&'a [Ident<'a>]),
    Nonlocal(&'a [Ident<'a>]),
    Expr(&'a Expr<'a>),
    Pass,
    Break,
    Continue,
}

#[derive(Debug)]
pub struct FunctionDef<'a> {
    pub name: Ident<'a>,
    pub args: &'a Arguments<'a>,
    pub body: &'a [Stmt<'a>],
    pub decorators: &'a [Expr<'a>],
    pub returns: Option<&'a Expr<'a>>,
}

#[derive(Debug)]
pub struct ClassDef<'a> {
    pub name: Ident<'a>,
    pub bases: &'a [Expr<'a>],
    pub keywords: &'a [Keyword<'a>],
    pub body: &'a [Stmt<'a>],
    pub decorators: &'a [Expr<'a>],
}

#[derive(Debug, Clone)]
pub struct Expr<'a> {
    pub loc: Loc,
    pub kind: ExprKind<'a>,
}

#[derive(Debug, Clone)]
pub enum ExprKind<'a> {
    BoolOp {
        op: BoolOp,
        values: &'a [Expr<'a>],
    },
    /// `target := value`; the target is always a `Name`.
    NamedExpr {
        target: &'a Expr<'a>,
        value: &'a Expr<'a>,
    },
    BinOp {
        left: &'a Expr<'a>,
        op: Operator,
        right: &'a Expr<'a>,
    },
    UnaryOp {
        op: UnaryOp,
        operand: &'a Expr<'a>,
    },
    Lambda {
        args: &'a Arguments<'a>,
        body: &'a Expr<'a>,
    },
    IfExp {
        test: &'a Expr<'a>,
        body: &'a Expr<'a>,
        orelse: &'a Expr<'a>,
    },
    /// `keys[i]` is `None` for a `**mapping` entry, whose mapping is `values[i]`.
    Dict {
        keys: &'a [Option<Expr<'a>>],
        values: &'a [Expr<'a>],
    },
    Set(&'a [Expr<'a>]),
    ListComp {
        elt: &'a Expr<'a>,
        generators: &'a [Comprehension<'a>],
    },
    SetComp {
        elt: &'a Expr<'a>,
        generators: &'a [Comprehension<'a>],
    },
    DictComp {
        key: &'a Expr<'a>,
        value: &'a Expr<'a>,
        generators: &'a [Comprehension<'a>],
    },
    GeneratorExp {
        elt: &'a Expr<'a>,
        generators: &'a [Comprehension<'a>],
    },
    Yield(Option<&'a Expr<'a>>),
    YieldFrom(&'a Expr<'a>),
    /// `left ops[0] comparators[0] ops[1] comparators[1] ...`
    Compare {
        left: &'a Expr<'a>,
        ops: &'a [CmpOp],
        comparators: &'a [Expr<'a>],
    },
    Call {
        func: &'a Expr<'a>,
        args: &'a [Expr<'a>],
        keywords: &'a [Keyword<'a>],
    },
    /// One `{value!conversion:format_spec}` of an f-string. `conversion` is `None`, `Some('r')`,
    /// `Some('s')` or `Some('a')`; `format_spec` is a `JoinedStr`.
    FormattedValue {
        value: &'a Expr<'a>,
        conversion: Option<char>,
        format_spec: Option<&'a Expr<'a>>,
    },
    /// An f-string (or a concatenation involving one): `Constant(Str)` and `FormattedValue` parts.
    JoinedStr(&'a [Expr<'a>]),
    Constant(Constant<'a>),
    Attribute {
        value: &'a Expr<'a>,
        attr: Ident<'a>,
    },
    Subscript {
        value: &'a Expr<'a>,
        slice: &'a Expr<'a>,
    },
    Starred(&'a Expr<'a>),
    Name(Ident<'a>),
    List(&'a [Expr<'a>]),
    Tuple(&'a [Expr<'a>]),
    /// Only as the `slice` of a `Subscript` (possibly inside a `Tuple` there).
    Slice {
        lower: Option<&'a Expr<'a>>,
        upper: Option<&'a Expr<'a>>,
        step: Option<&'a Expr<'a>>,
    },
}

#[derive(Debug, Clone, Copy)]
pub enum Constant<'a> {
    None,
    Bool(bool),
    Ellipsis,
    /// An integer literal that fits in an i64.
    Int(i64),
    /// A larger integer literal, as its decimal digits.
    BigInt(&'a str),
    Float(f64),
    /// An imaginary literal (`3j`): the imaginary part.
    Imaginary(f64),
    Str(&'a str),
    Bytes(&'a [u8]),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BoolOp {
    And,
    Or,
}

/// Binary operators, in the order of CPython 3.11's `BINARY_OP` oparg (`NB_ADD` ...).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Operator {
    Add,
    BitAnd,
    FloorDiv,
    LShift,
    MatMult,
    Mult,
    Mod,
    BitOr,
    Pow,
    RShift,
    Sub,
    Div,
    BitXor,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnaryOp {
    Invert,
    Not,
    UAdd,
    USub,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CmpOp {
    Eq,
    NotEq,
    Lt,
    LtE,
    Gt,
    GtE,
    Is,
    IsNot,
    In,
    NotIn,
}

#[derive(Debug)]
pub struct Comprehension<'a> {
    pub target: &'a Expr<'a>,
    pub iter: &'a Expr<'a>,
    pub ifs: &'a [Expr<'a>],
}

#[derive(Debug)]
pub struct ExceptHandler<'a> {
    pub loc: Loc,
    pub typ: Option<&'a Expr<'a>>,
    pub name: Option<Ident<'a>>,
    pub body: &'a [Stmt<'a>],
}

/// A function's parameters, in CPython's grouping.
#[derive(Debug, Default)]
pub struct Arguments<'a> {
    pub posonlyargs: &'a [Arg<'a>],
    pub args: &'a [Arg<'a>],
    pub vararg: Option<&'a Arg<'a>>,
    pub kwonlyargs: &'a [Arg<'a>],
    /// One entry per keyword-only argument; `None` where it has no default.
    pub kw_defaults: &'a [Option<Expr<'a>>],
    pub kwarg: Option<&'a Arg<'a>>,
    /// Defaults of the last `defaults.len()` positional (posonly + regular) parameters.
    pub defaults: &'a [Expr<'a>],
}

#[derive(Debug)]
pub struct Arg<'a> {
    pub loc: Loc,
    pub arg: Ident<'a>,
    pub annotation: Option<&'a Expr<'a>>,
}

/// `name=value` in a call or class statement; `arg` is `None` for `**value`.
#[derive(Debug)]
pub struct Keyword<'a> {
    pub loc: Loc,
    pub arg: Option<Ident<'a>>,
    pub value: &'a Expr<'a>,
}

/// `import name as asname` / `from m import name as asname` (`name` may be dotted, or `*`).
#[derive(Debug)]
pub struct Alias<'a> {
    pub loc: Loc,
    pub name: Ident<'a>,
    pub asname: Option<Ident<'a>>,
}

#[derive(Debug)]
pub struct WithItem<'a> {
    pub context_expr: &'a Expr<'a>,
    pub optional_vars: Option<&'a Expr<'a>>,
}
