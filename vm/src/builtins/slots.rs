//! Slot wrappers: the special methods of the built-in types as attributes (`(1).__add__(2)`,
//! `int.__add__(1, 2)`, `[].__len__()`), as CPython's `wrapper_descriptor`s expose its type
//! slots.
//!
//! One table (`SLOTS`) maps each special-method name to what it does, in terms of the
//! protocol functions of `ops::`; each built-in type lists the names it has (`install`).
//! Every (type, name) pair is one instantiation of the generic `wrapper`, so a wrapper knows
//! its type for the receiver check without a per-call lookup. A binary or comparison slot
//! returns NotImplemented for operands its type does not handle (`(1).__add__(1.5)`), as
//! CPython's `long_add` does. The protocols themselves never call these wrappers: they do the
//! same inline (`Builtin::slot` makes `special_method` skip them), so operators and
//! attribute lookups cost what they did.

use cellvm_compiler::bytecode::{BinaryOp, CompareOp};
use gc_arena::Gc;

use super::set;
use crate::ctx::{Ctx, PyResult};
use crate::object::{Args, Builtin, Class, NativeFn};
use crate::ops;
use crate::ops::num::Unary;
use crate::value::Value;

/// What a slot wrapper does.
#[derive(Clone, Copy)]
enum Slot {
    /// `self op other`.
    Binary(BinaryOp),
    /// `other op self` (`__radd__`).
    Reflected(BinaryOp),
    Compare(CompareOp),
    Unary(Unary),
    /// `__pow__(other, mod=None)` and `__rpow__`.
    Pow,
    RPow,
    Divmod,
    RDivmod,
    Abs,
    Bool,
    Int,
    Float,
    Index,
    Hash,
    Repr,
    Str,
    Len,
    Iter,
    Next,
    GetItem,
    SetItem,
    DelItem,
    Contains,
}

impl Slot {
    /// The arguments after the receiver: at least, at most.
    fn arity(self) -> (usize, usize) {
        use Slot::*;
        match self {
            Binary(_) | Reflected(_) | Compare(_) | Divmod | RDivmod | GetItem | DelItem | Contains => (1, 1),
            Pow | RPow => (1, 2),
            SetItem => (2, 2),
            _ => (0, 0),
        }
    }
}

macro_rules! slot_table {
    ($($id:ident $name:literal $slot:expr;)*) => {
        /// Indices into `SLOTS`.
        #[allow(non_camel_case_types)]
        #[derive(Clone, Copy)]
        enum S { $($id),* }
        const SLOTS: &[(&str, Slot)] = &[$(($name, $slot)),*];
    };
}

slot_table! {
    add "__add__" Slot::Binary(BinaryOp::Add);
    sub "__sub__" Slot::Binary(BinaryOp::Subtract);
    mul "__mul__" Slot::Binary(BinaryOp::Multiply);
    truediv "__truediv__" Slot::Binary(BinaryOp::TrueDivide);
    floordiv "__floordiv__" Slot::Binary(BinaryOp::FloorDivide);
    mod_ "__mod__" Slot::Binary(BinaryOp::Remainder);
    lshift "__lshift__" Slot::Binary(BinaryOp::Lshift);
    rshift "__rshift__" Slot::Binary(BinaryOp::Rshift);
    and "__and__" Slot::Binary(BinaryOp::And);
    or "__or__" Slot::Binary(BinaryOp::Or);
    xor "__xor__" Slot::Binary(BinaryOp::Xor);
    radd "__radd__" Slot::Reflected(BinaryOp::Add);
    rsub "__rsub__" Slot::Reflected(BinaryOp::Subtract);
    rmul "__rmul__" Slot::Reflected(BinaryOp::Multiply);
    rtruediv "__rtruediv__" Slot::Reflected(BinaryOp::TrueDivide);
    rfloordiv "__rfloordiv__" Slot::Reflected(BinaryOp::FloorDivide);
    rmod "__rmod__" Slot::Reflected(BinaryOp::Remainder);
    rlshift "__rlshift__" Slot::Reflected(BinaryOp::Lshift);
    rrshift "__rrshift__" Slot::Reflected(BinaryOp::Rshift);
    rand "__rand__" Slot::Reflected(BinaryOp::And);
    ror "__ror__" Slot::Reflected(BinaryOp::Or);
    rxor "__rxor__" Slot::Reflected(BinaryOp::Xor);
    iadd "__iadd__" Slot::Binary(BinaryOp::InplaceAdd);
    imul "__imul__" Slot::Binary(BinaryOp::InplaceMultiply);
    iand "__iand__" Slot::Binary(BinaryOp::InplaceAnd);
    ior "__ior__" Slot::Binary(BinaryOp::InplaceOr);
    ixor "__ixor__" Slot::Binary(BinaryOp::InplaceXor);
    isub "__isub__" Slot::Binary(BinaryOp::InplaceSubtract);
    pow "__pow__" Slot::Pow;
    rpow "__rpow__" Slot::RPow;
    divmod "__divmod__" Slot::Divmod;
    rdivmod "__rdivmod__" Slot::RDivmod;
    lt "__lt__" Slot::Compare(CompareOp::Lt);
    le "__le__" Slot::Compare(CompareOp::Le);
    eq "__eq__" Slot::Compare(CompareOp::Eq);
    ne "__ne__" Slot::Compare(CompareOp::Ne);
    gt "__gt__" Slot::Compare(CompareOp::Gt);
    ge "__ge__" Slot::Compare(CompareOp::Ge);
    neg "__neg__" Slot::Unary(Unary::Neg);
    pos "__pos__" Slot::Unary(Unary::Pos);
    invert "__invert__" Slot::Unary(Unary::Invert);
    abs "__abs__" Slot::Abs;
    bool_ "__bool__" Slot::Bool;
    int "__int__" Slot::Int;
    float "__float__" Slot::Float;
    index "__index__" Slot::Index;
    hash "__hash__" Slot::Hash;
    repr "__repr__" Slot::Repr;
    str "__str__" Slot::Str;
    len "__len__" Slot::Len;
    iter "__iter__" Slot::Iter;
    next "__next__" Slot::Next;
    getitem "__getitem__" Slot::GetItem;
    setitem "__setitem__" Slot::SetItem;
    delitem "__delitem__" Slot::DelItem;
    contains "__contains__" Slot::Contains;
}

// The types that have slot wrappers.
const INT: u8 = 0;
const BOOL: u8 = 1;
const FLOAT: u8 = 2;
const STR: u8 = 3;
const BYTES: u8 = 4;
const LIST: u8 = 5;
const TUPLE: u8 = 6;
const DICT: u8 = 7;
const SET: u8 = 8;
const FROZENSET: u8 = 9;
const RANGE: u8 = 10;
const NONE: u8 = 11;
const SLICE: u8 = 12;
const ITERATOR: u8 = 13;

fn owner_class<'gc>(ctx: &Ctx<'gc, '_>, owner: u8) -> Gc<'gc, Class<'gc>> {
    let t = &ctx.st.types;
    match owner {
        INT => t.int,
        BOOL => t.bool_,
        FLOAT => t.float,
        STR => t.str,
        BYTES => t.bytes,
        LIST => t.list,
        TUPLE => t.tuple,
        DICT => t.dict,
        SET => t.set,
        FROZENSET => t.frozenset,
        RANGE => t.range,
        NONE => t.none,
        SLICE => t.slice,
        _ => t.iterator,
    }
}

/// Whether `v` is a value of the owner type (instances of user subclasses of a built-in type
/// carry no built-in value here, so they are not).
fn is_owner_value(owner: u8, v: Value<'_>) -> bool {
    match owner {
        INT => matches!(v, Value::Int(_) | Value::BigInt(_) | Value::Bool(_)),
        BOOL => matches!(v, Value::Bool(_)),
        FLOAT => matches!(v, Value::Float(_)),
        STR => matches!(v, Value::Str(_)),
        BYTES => matches!(v, Value::Bytes(_)),
        LIST => matches!(v, Value::List(_)),
        TUPLE => matches!(v, Value::Tuple(_)),
        DICT => matches!(v, Value::Dict(_)),
        SET => matches!(v, Value::Set(_)),
        FROZENSET => matches!(v, Value::FrozenSet(_)),
        RANGE => matches!(v, Value::Range(_)),
        NONE => matches!(v, Value::None),
        SLICE => matches!(v, Value::Slice(_)),
        _ => matches!(v, Value::Iter(_)),
    }
}

fn is_int(v: Value<'_>) -> bool {
    matches!(v, Value::Int(_) | Value::BigInt(_) | Value::Bool(_))
}

fn is_number(v: Value<'_>) -> bool {
    is_int(v) || matches!(v, Value::Float(_))
}

fn is_set(v: Value<'_>) -> bool {
    matches!(v, Value::Set(_) | Value::FrozenSet(_))
}

/// One slot wrapper: `S` of the type `O`.
fn wrapper<'gc, const O: u8, const S: u8>(
    ctx: &mut Ctx<'gc, '_>,
    args: Args<'gc, '_>,
) -> PyResult<'gc, Value<'gc>> {
    call_slot(ctx, args, O, S as usize)
}

macro_rules! wrappers {
    ($owner:ident: $($id:ident),* $(,)?) => {
        ($owner, &[$((S::$id as usize, wrapper::<{ $owner }, { S::$id as u8 }> as NativeFn)),*])
    };
}

/// Put the slot wrappers in the types' dicts (after their methods, which they never replace).
pub fn install<'gc>(ctx: &mut Ctx<'gc, '_>) {
    let tables: [(u8, &[(usize, NativeFn)]); 14] = [
        wrappers!(INT: abs, add, and, bool_, divmod, eq, float, floordiv, ge, gt, hash, index, int, invert,
            le, lshift, lt, mod_, mul, ne, neg, or, pos, pow, radd, rand, rdivmod, repr, rfloordiv,
            rlshift, rmod, rmul, ror, rpow, rrshift, rshift, rsub, rtruediv, rxor, sub, truediv, xor),
        wrappers!(BOOL: and, or, rand, repr, ror, rxor, xor),
        wrappers!(FLOAT: abs, add, bool_, divmod, eq, float, floordiv, ge, gt, hash, int, le, lt, mod_, mul,
            ne, neg, pos, pow, radd, rdivmod, repr, rfloordiv, rmod, rmul, rpow, rsub, rtruediv, sub,
            truediv),
        wrappers!(STR: add, contains, eq, ge, getitem, gt, hash, iter, le, len, lt, mod_, mul, ne, repr, rmod,
            rmul, str),
        wrappers!(BYTES: add, contains, eq, ge, getitem, gt, hash, iter, le, len, lt, mod_, mul, ne, repr,
            rmod, rmul, str),
        wrappers!(LIST: add, contains, delitem, eq, ge, getitem, gt, iadd, imul, iter, le, len, lt, mul, ne,
            repr, rmul, setitem),
        wrappers!(TUPLE: add, contains, eq, ge, getitem, gt, hash, iter, le, len, lt, mul, ne, repr, rmul),
        wrappers!(DICT: contains, delitem, eq, ge, getitem, gt, ior, iter, le, len, lt, ne, or, repr, ror,
            setitem),
        wrappers!(SET: and, contains, eq, ge, gt, iand, ior, isub, iter, ixor, le, len, lt, ne, or, rand,
            repr, ror, rsub, rxor, sub, xor),
        wrappers!(FROZENSET: and, contains, eq, ge, gt, hash, iter, le, len, lt, ne, or, rand, repr, ror,
            rsub, rxor, sub, xor),
        wrappers!(RANGE: bool_, contains, eq, ge, getitem, gt, hash, iter, le, len, lt, ne, repr),
        wrappers!(NONE: bool_, repr),
        wrappers!(SLICE: eq, ge, gt, le, lt, ne, repr),
        wrappers!(ITERATOR: iter, next),
    ];
    for (owner, list) in tables {
        let class = owner_class(ctx, owner);
        for &(slot, func) in list {
            let name = SLOTS[slot].0;
            if class.dict.borrow().get_str(name).is_some() {
                continue;
            }
            let v = Value::Builtin(Gc::new(
                ctx.mc,
                Builtin { name, func, bound: Value::Undef, owner: Value::Type(class), slot: true },
            ));
            set(ctx, class.dict, name, v);
        }
    }
    // Mutable containers (and slices) are unhashable: `list.__hash__ is None`.
    let t = &ctx.st.types;
    for class in [t.list, t.dict, t.set, t.slice] {
        if class.dict.borrow().get_str("__hash__").is_none() {
            set(ctx, class.dict, "__hash__", Value::None);
        }
    }
}

/// A slot wrapper's call: the receiver and argument checks with CPython's messages, then the
/// slot.
#[inline(never)]
fn call_slot<'gc>(
    ctx: &mut Ctx<'gc, '_>,
    args: Args<'gc, '_>,
    owner: u8,
    slot: usize,
) -> PyResult<'gc, Value<'gc>> {
    let (name, slot) = SLOTS[slot];
    let pos = args.positional();
    let Some(&recv) = pos.first() else {
        let class = owner_class(ctx, owner);
        return ctx
            .type_error(format!("descriptor '{name}' of '{}' object needs an argument", class.name_str()));
    };
    if !is_owner_value(owner, recv) {
        let class = owner_class(ctx, owner);
        return ctx.type_error(format!(
            "descriptor '{name}' requires a '{}' object but received a '{}'",
            class.name_str(),
            ctx.type_name(recv)
        ));
    }
    if !args.kwnames.is_empty() {
        return ctx.type_error(format!("wrapper {name}() takes no keyword arguments"));
    }
    let rest = &pos[1..];
    let (min, max) = slot.arity();
    let n = rest.len();
    if n < min || n > max {
        let plural = |k: usize| if k == 1 { "" } else { "s" };
        // CPython's ternary slots (`__pow__`, `__setitem__`) unpack their arguments under an
        // empty function name, hence the leading space.
        let msg = if matches!(slot, Slot::SetItem) {
            format!(" expected {min} argument{}, got {n}", plural(min))
        } else if min == max {
            format!("expected {min} argument{}, got {n}", plural(min))
        } else if n < min {
            format!(" expected at least {min} argument{}, got {n}", plural(min))
        } else {
            format!(" expected at most {max} argument{}, got {n}", plural(max))
        };
        return ctx.type_error(msg);
    }
    apply(ctx, owner, slot, recv, rest)
}

fn apply<'gc>(
    ctx: &mut Ctx<'gc, '_>,
    owner: u8,
    slot: Slot,
    recv: Value<'gc>,
    rest: &[Value<'gc>],
) -> PyResult<'gc, Value<'gc>> {
    let arg = rest.first().copied().unwrap_or(Value::None);
    Ok(match slot {
        Slot::Binary(op) => return binary(ctx, owner, op, recv, arg, false),
        Slot::Reflected(op) => return binary(ctx, owner, op, recv, arg, true),
        Slot::Compare(op) => {
            if !compare_accepts(owner, op, arg) {
                return Ok(Value::NotImplemented);
            }
            return ops::compare::compare(ctx, op, recv, arg);
        }
        Slot::Unary(u) => return ops::num::unary(ctx, u, recv),
        Slot::Pow | Slot::RPow => {
            let modulus = rest.get(1).copied().unwrap_or(Value::None);
            let accepts = match owner {
                INT => is_int(arg) && (modulus.is_none() || is_int(modulus)),
                _ => is_number(arg),
            };
            if !accepts {
                return Ok(Value::NotImplemented);
            }
            if owner == FLOAT && !modulus.is_none() {
                return ctx.type_error("pow() 3rd argument not allowed unless all arguments are integers");
            }
            let (base, exp) = if matches!(slot, Slot::Pow) { (recv, arg) } else { (arg, recv) };
            return super::numeric::pow_values(ctx, base, exp, modulus);
        }
        Slot::Divmod | Slot::RDivmod => {
            let handled = if owner == INT { is_int(arg) } else { is_number(arg) };
            if !handled {
                return Ok(Value::NotImplemented);
            }
            let (a, b) = if matches!(slot, Slot::Divmod) { (recv, arg) } else { (arg, recv) };
            return super::numeric::divmod_values(ctx, a, b);
        }
        Slot::Abs => return super::functions::abs_value(ctx, recv),
        Slot::Bool => Value::Bool(ops::truth::truthy(ctx, recv)?),
        Slot::Int | Slot::Index => {
            let int = Value::Type(ctx.st.types.int);
            return crate::interp::call_value(ctx, int, &[recv], &[]);
        }
        Slot::Float => {
            let float = Value::Type(ctx.st.types.float);
            return crate::interp::call_value(ctx, float, &[recv], &[]);
        }
        Slot::Hash => Value::Int(ops::hash::hash(ctx, recv)?),
        // `int.__repr__(True)` is int's repr.
        Slot::Repr if owner == INT => match recv {
            Value::Bool(b) => return ops::repr::repr_value(ctx, Value::Int(b as i64)),
            _ => return ops::repr::repr_value(ctx, recv),
        },
        Slot::Repr => return ops::repr::repr_value(ctx, recv),
        Slot::Str => return ops::repr::str_value(ctx, recv),
        Slot::Len => Value::Int(super::functions::len_of(ctx, recv)? as i64),
        Slot::Iter => return ops::iter::get_iter(ctx, recv),
        Slot::Next => match ops::iter::next(ctx, recv)? {
            Some(v) => v,
            None => {
                let class = ctx.exc_class("StopIteration");
                return Err(ctx.new_exc(class, vec![]));
            }
        },
        Slot::GetItem => return ops::subscript::getitem(ctx, recv, arg),
        Slot::SetItem => {
            ops::subscript::setitem(ctx, recv, arg, rest[1])?;
            Value::None
        }
        Slot::DelItem => {
            ops::subscript::delitem(ctx, recv, arg)?;
            Value::None
        }
        Slot::Contains => Value::Bool(ops::compare::contains(ctx, recv, arg)?),
    })
}

/// The operands a type's comparison slots handle; for others they return NotImplemented.
fn compare_accepts(owner: u8, op: CompareOp, other: Value<'_>) -> bool {
    let equality = matches!(op, CompareOp::Eq | CompareOp::Ne);
    match owner {
        INT | BOOL => is_int(other),
        FLOAT => is_number(other),
        SET | FROZENSET => is_set(other),
        DICT => equality && matches!(other, Value::Dict(_)),
        RANGE => equality && matches!(other, Value::Range(_)),
        // Sequences, slices: the same type.
        _ => is_owner_value(owner, other),
    }
}

/// A binary slot of `owner`: `recv op other` (or `other op recv` when `reflected`).
fn binary<'gc>(
    ctx: &mut Ctx<'gc, '_>,
    owner: u8,
    op: BinaryOp,
    recv: Value<'gc>,
    other: Value<'gc>,
    reflected: bool,
) -> PyResult<'gc, Value<'gc>> {
    let (a, b) = if reflected { (other, recv) } else { (recv, other) };
    let base = op.base();
    let handled = match owner {
        INT | BOOL => is_int(other),
        FLOAT => is_number(other),
        SET | FROZENSET => is_set(other),
        // `d |= other` is `d.update(other)`.
        DICT if op == BinaryOp::InplaceOr => {
            let Value::Dict(d) = recv else { return Ok(Value::NotImplemented) };
            super::dict_methods::dict_update_from(ctx, d, other)?;
            return Ok(recv);
        }
        DICT => matches!(other, Value::Dict(_)),
        // Sequences: concatenation and repetition raise for other operands (CPython's
        // sq_concat and sq_repeat), formatting takes anything, `__rmod__` only its own type.
        _ => match base {
            BinaryOp::Add if op == BinaryOp::InplaceAdd => true,
            BinaryOp::Add if !is_owner_value(owner, other) => {
                let class = owner_class(ctx, owner).name_str();
                let msg = if owner == BYTES {
                    format!("can't concat {} to bytes", ctx.type_name(other))
                } else {
                    format!("can only concatenate {class} (not \"{}\") to {class}", ctx.type_name(other))
                };
                return ctx.type_error(msg);
            }
            BinaryOp::Multiply if !is_int(other) => {
                let msg = format!("'{}' object cannot be interpreted as an integer", ctx.type_name(other));
                return ctx.type_error(msg);
            }
            BinaryOp::Remainder if reflected => is_owner_value(owner, other),
            BinaryOp::Remainder if owner == STR => {
                let Value::Str(fmt) = recv else { return Ok(Value::NotImplemented) };
                return ops::format::percent(ctx, fmt.as_str(), other);
            }
            _ => true,
        },
    };
    if !handled {
        return Ok(Value::NotImplemented);
    }
    ops::num::binary_op(ctx, op, a, b)
}
