//! `Value`: what a Python variable holds. Small immutable values (None, bools, small ints,
//! floats) are unboxed; everything else is a `Gc` pointer into the arena. The representation
//! is 16 bytes (a tag and a payload) and stays behind constructors and accessors, so an 8-byte
//! tagged or NaN-boxed encoding can be tried without touching the handlers.

use gc_arena::lock::{Lock, RefLock};
use gc_arena::{Collect, Gc, Static};
use num_bigint::BigInt;

use crate::object::{
    BoundMethod, Builtin, Class, Code, Complex, Descriptor, Dict, DictView, Exc, FrameObject, Function,
    Generator, Instance, Iter, Module, PyStr, Range, Set, Slice, Tuple,
};

/// A `Gc` pointer to a mutable object.
pub type GcCell<'gc, T> = Gc<'gc, RefLock<T>>;

// `repr(u64)`: the tag fills the first word and every payload the second, so a copy of a
// `Value` is two aligned word moves. Without it `Bool`'s payload sits at byte 1 and LLVM
// copies values as overlapping unaligned pieces through the stack, which stalls store
// forwarding on every push.
#[derive(Clone, Copy, Collect)]
#[collect(no_drop)]
#[repr(u64)]
pub enum Value<'gc> {
    /// CPython's NULL: an unbound local, an empty cell, the "no self" slot of LOAD_METHOD.
    /// Never visible to Python code.
    Undef,
    None,
    NotImplemented,
    Ellipsis,
    Bool(bool),
    Int(i64),
    Float(f64),
    BigInt(Gc<'gc, Static<BigInt>>),
    Str(Gc<'gc, PyStr>),
    Bytes(Gc<'gc, Box<[u8]>>),
    Tuple(Gc<'gc, Tuple<'gc>>),
    List(GcCell<'gc, Vec<Value<'gc>>>),
    Dict(GcCell<'gc, Dict<'gc>>),
    Set(GcCell<'gc, Set<'gc>>),
    FrozenSet(Gc<'gc, Set<'gc>>),
    Cell(Gc<'gc, Lock<Value<'gc>>>),
    Function(Gc<'gc, Function<'gc>>),
    Builtin(Gc<'gc, Builtin<'gc>>),
    Method(Gc<'gc, BoundMethod<'gc>>),
    Code(Gc<'gc, Code<'gc>>),
    Module(Gc<'gc, Module<'gc>>),
    Type(Gc<'gc, Class<'gc>>),
    Instance(Gc<'gc, Instance<'gc>>),
    Exception(GcCell<'gc, Exc<'gc>>),
    Range(Gc<'gc, Range>),
    Slice(Gc<'gc, Slice<'gc>>),
    Iter(GcCell<'gc, Iter<'gc>>),
    DictView(Gc<'gc, DictView<'gc>>),
    Generator(GcCell<'gc, Generator<'gc>>),
    Descriptor(Gc<'gc, Descriptor<'gc>>),
    /// Boxed: two doubles do not fit beside the tag. Made by `Value::complex`, read by
    /// `Value::as_complex`.
    Complex(Gc<'gc, Complex>),
    /// A frame object (`sys._getframe()`, the first argument of a trace function).
    Frame(GcCell<'gc, FrameObject<'gc>>),
}

// Copies of values are two word moves; a bigger payload would slow every push and pop.
const _: () = assert!(std::mem::size_of::<Value<'static>>() == 16);

impl<'gc> Value<'gc> {
    /// A new `complex` object.
    #[inline]
    pub fn complex(mc: &gc_arena::Mutation<'gc>, re: f64, im: f64) -> Value<'gc> {
        Value::Complex(Gc::new(mc, Complex { re, im }))
    }

    /// The parts of a `complex` value.
    #[inline]
    pub fn as_complex(self) -> Option<Complex> {
        match self {
            Value::Complex(c) => Some(*c),
            _ => None,
        }
    }

    #[inline]
    pub fn is_undef(self) -> bool {
        matches!(self, Value::Undef)
    }

    #[inline]
    pub fn is_none(self) -> bool {
        matches!(self, Value::None)
    }

    pub fn as_str(&self) -> Option<&'gc str> {
        match self {
            Value::Str(s) => Some(Gc::as_ref(*s).as_str()),
            _ => None,
        }
    }

    /// Identity (`is`): the same object, or equal unboxed immediates of the same kind.
    pub fn is(self, other: Value<'gc>) -> bool {
        use Value::*;
        match (self, other) {
            (Undef, Undef) | (None, None) | (NotImplemented, NotImplemented) | (Ellipsis, Ellipsis) => true,
            (Bool(a), Bool(b)) => a == b,
            (Int(a), Int(b)) => a == b,
            (Float(a), Float(b)) => a.to_bits() == b.to_bits(),
            _ => match (self.ptr(), other.ptr()) {
                (Some(a), Some(b)) => a == b,
                _ => false,
            },
        }
    }

    /// The address of a boxed value (for `id()` and identity).
    pub fn ptr(self) -> Option<usize> {
        use Value::*;
        Some(match self {
            BigInt(g) => Gc::as_ptr(g) as usize,
            Complex(g) => Gc::as_ptr(g) as usize,
            Str(g) => Gc::as_ptr(g) as usize,
            Bytes(g) => Gc::as_ptr(g) as *const u8 as usize,
            Tuple(g) => Gc::as_ptr(g) as usize,
            List(g) => Gc::as_ptr(g) as usize,
            Dict(g) => Gc::as_ptr(g) as usize,
            Set(g) => Gc::as_ptr(g) as usize,
            FrozenSet(g) => Gc::as_ptr(g) as usize,
            Cell(g) => Gc::as_ptr(g) as usize,
            Function(g) => Gc::as_ptr(g) as usize,
            Builtin(g) => Gc::as_ptr(g) as usize,
            Method(g) => Gc::as_ptr(g) as usize,
            Code(g) => Gc::as_ptr(g) as usize,
            Module(g) => Gc::as_ptr(g) as usize,
            Type(g) => Gc::as_ptr(g) as usize,
            Instance(g) => Gc::as_ptr(g) as usize,
            Exception(g) => Gc::as_ptr(g) as usize,
            Range(g) => Gc::as_ptr(g) as usize,
            Slice(g) => Gc::as_ptr(g) as usize,
            Iter(g) => Gc::as_ptr(g) as usize,
            DictView(g) => Gc::as_ptr(g) as usize,
            Generator(g) => Gc::as_ptr(g) as usize,
            Descriptor(g) => Gc::as_ptr(g) as usize,
            Frame(g) => Gc::as_ptr(g) as usize,
            Undef | None | NotImplemented | Ellipsis | Bool(_) | Int(_) | Float(_) => return Option::None,
        })
    }
}

impl std::fmt::Debug for Value<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Value::Undef => write!(f, "<NULL>"),
            Value::None => write!(f, "None"),
            Value::Bool(b) => write!(f, "{}", if *b { "True" } else { "False" }),
            Value::Int(i) => write!(f, "{i}"),
            Value::Float(x) => write!(f, "{x:?}"),
            Value::Str(s) => write!(f, "{:?}", s.as_str()),
            other => write!(f, "<object at {:#x}>", other.ptr().unwrap_or(0)),
        }
    }
}
