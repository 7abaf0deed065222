//! Numbers: int (unboxed i64, promoted to a `BigInt` on overflow), bool as an int, float,
//! complex (`ops::complex`, reached only once the int and float paths have not applied);
//! and the binary operators on sequences that Python spells with the same symbols.

use cellvm_compiler::bytecode::BinaryOp;
use gc_arena::{Gc, Mutation};
use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive, Zero};

use crate::ctx::{Ctx, PyResult};
use crate::object::Key;
use crate::value::Value;

/// An int value, unboxed when it fits in an i64.
pub fn int_from_big<'gc>(mc: &Mutation<'gc>, b: BigInt) -> Value<'gc> {
    match b.to_i64() {
        Some(i) => Value::Int(i),
        None => Value::BigInt(Gc::new(mc, gc_arena::Static(b))),
    }
}

/// An integer operand: bools and ints.
#[derive(Clone)]
pub enum IntArg {
    Small(i64),
    Big(BigInt),
}

impl IntArg {
    pub fn big(&self) -> BigInt {
        match self {
            IntArg::Small(i) => BigInt::from(*i),
            IntArg::Big(b) => b.clone(),
        }
    }
}

pub fn as_int(v: Value<'_>) -> Option<IntArg> {
    match v {
        Value::Int(i) => Some(IntArg::Small(i)),
        Value::Bool(b) => Some(IntArg::Small(b as i64)),
        Value::BigInt(b) => Some(IntArg::Big((**b).clone())),
        _ => None,
    }
}

/// A float operand: floats, and ints converted (OverflowError when too large).
pub fn as_float<'gc>(ctx: &Ctx<'gc, '_>, v: Value<'gc>) -> PyResult<'gc, Option<f64>> {
    Ok(match v {
        Value::Float(f) => Some(f),
        Value::Int(i) => Some(i as f64),
        Value::Bool(b) => Some(b as i64 as f64),
        Value::BigInt(b) => Some(big_to_f64(ctx, &b)?),
        _ => None,
    })
}

pub fn big_to_f64<'gc>(ctx: &Ctx<'gc, '_>, b: &BigInt) -> PyResult<'gc, f64> {
    match b.to_f64() {
        Some(f) if f.is_finite() => Ok(f),
        _ => Err(ctx.error("OverflowError", "int too large to convert to float")),
    }
}

#[derive(Clone, Copy)]
pub enum Unary {
    Pos,
    Neg,
    Invert,
}

pub fn unary<'gc>(ctx: &mut Ctx<'gc, '_>, op: Unary, v: Value<'gc>) -> PyResult<'gc, Value<'gc>> {
    match (op, v) {
        (Unary::Pos, Value::Int(_) | Value::Float(_) | Value::BigInt(_)) => Ok(v),
        (Unary::Pos, Value::Bool(b)) => Ok(Value::Int(b as i64)),
        (Unary::Neg, Value::Float(f)) => Ok(Value::Float(-f)),
        (Unary::Pos, Value::Complex(_)) => Ok(v),
        (Unary::Neg, Value::Complex(c)) => {
            let n = crate::ops::complex::negate(*c);
            Ok(Value::complex(ctx.mc, n.re, n.im))
        }
        (Unary::Neg, _) if as_int(v).is_some() => Ok(match as_int(v).expect("checked") {
            IntArg::Small(i) => match i.checked_neg() {
                Some(n) => Value::Int(n),
                None => int_from_big(ctx.mc, -BigInt::from(i)),
            },
            IntArg::Big(b) => int_from_big(ctx.mc, -b),
        }),
        (Unary::Invert, _) if as_int(v).is_some() => Ok(match as_int(v).expect("checked") {
            IntArg::Small(i) => Value::Int(!i),
            IntArg::Big(b) => int_from_big(ctx.mc, -b - 1),
        }),
        _ => {
            let (sym, method) = match op {
                Unary::Pos => ("+", "__pos__"),
                Unary::Neg => ("-", "__neg__"),
                Unary::Invert => ("~", "__invert__"),
            };
            if let Some(m) = crate::ops::attr::user_special_method(ctx, v, method)? {
                if !m.is_none() {
                    return crate::interp::call_value(ctx, m, &[], &[]);
                }
            }
            let msg = format!("bad operand type for unary {sym}: '{}'", ctx.type_name(v));
            ctx.type_error(msg)
        }
    }
}

/// The special methods of a binary operator: `(__op__, __rop__, __iop__)`.
fn dunders(op: BinaryOp) -> (Key<'static>, Key<'static>, Key<'static>) {
    use BinaryOp::*;
    match op.base() {
        Add => (crate::dunder!("__add__"), crate::dunder!("__radd__"), crate::dunder!("__iadd__")),
        And => (crate::dunder!("__and__"), crate::dunder!("__rand__"), crate::dunder!("__iand__")),
        FloorDivide => {
            (crate::dunder!("__floordiv__"), crate::dunder!("__rfloordiv__"), crate::dunder!("__ifloordiv__"))
        }
        Lshift => {
            (crate::dunder!("__lshift__"), crate::dunder!("__rlshift__"), crate::dunder!("__ilshift__"))
        }
        MatrixMultiply => {
            (crate::dunder!("__matmul__"), crate::dunder!("__rmatmul__"), crate::dunder!("__imatmul__"))
        }
        Multiply => (crate::dunder!("__mul__"), crate::dunder!("__rmul__"), crate::dunder!("__imul__")),
        Remainder => (crate::dunder!("__mod__"), crate::dunder!("__rmod__"), crate::dunder!("__imod__")),
        Or => (crate::dunder!("__or__"), crate::dunder!("__ror__"), crate::dunder!("__ior__")),
        Power => (crate::dunder!("__pow__"), crate::dunder!("__rpow__"), crate::dunder!("__ipow__")),
        Rshift => {
            (crate::dunder!("__rshift__"), crate::dunder!("__rrshift__"), crate::dunder!("__irshift__"))
        }
        Subtract => (crate::dunder!("__sub__"), crate::dunder!("__rsub__"), crate::dunder!("__isub__")),
        TrueDivide => {
            (crate::dunder!("__truediv__"), crate::dunder!("__rtruediv__"), crate::dunder!("__itruediv__"))
        }
        _ => (crate::dunder!("__xor__"), crate::dunder!("__rxor__"), crate::dunder!("__ixor__")),
    }
}

/// Call `obj.name(arg)` if the user's class of `obj` defines `name`; `None` when it does not
/// or the method returns NotImplemented.
fn try_dunder<'gc>(
    ctx: &mut Ctx<'gc, '_>,
    obj: Value<'gc>,
    name: Key<'_>,
    arg: Value<'gc>,
) -> PyResult<'gc, Option<Value<'gc>>> {
    let Some(m) = crate::ops::attr::user_special_method(ctx, obj, name)? else { return Ok(None) };
    if m.is_none() {
        return Ok(None);
    }
    let r = crate::interp::call_value(ctx, m, &[arg], &[])?;
    Ok(if matches!(r, Value::NotImplemented) { None } else { Some(r) })
}

/// The operator methods of user classes, in CPython's order: `a.__iop__(b)` for an in-place
/// operator, then `a.__op__(b)`, then `b.__rop__(a)` when `b` is of another type (first, if
/// its type is a subclass of `a`'s that overrides `__rop__`).
fn user_binary<'gc>(
    ctx: &mut Ctx<'gc, '_>,
    op: BinaryOp,
    a: Value<'gc>,
    b: Value<'gc>,
) -> PyResult<'gc, Option<Value<'gc>>> {
    let (name, rname, iname) = dunders(op);
    if op.is_inplace() {
        if let Some(r) = try_dunder(ctx, a, iname, b)? {
            return Ok(Some(r));
        }
    }
    let (ta, tb) = (ctx.type_of(a), ctx.type_of(b));
    let same_type = Gc::ptr_eq(ta, tb);
    let reflected_first = !same_type && crate::object::Class::is_subclass(tb, ta) && {
        let mine = crate::object::Class::lookup_with_owner(tb, rname).map(|(_, owner)| owner);
        let theirs = crate::object::Class::lookup_with_owner(ta, rname).map(|(_, owner)| owner);
        match (mine, theirs) {
            (Some(m), Some(t)) => !Gc::ptr_eq(m, t),
            (Some(_), None) => true,
            _ => false,
        }
    };
    if reflected_first {
        if let Some(r) = try_dunder(ctx, b, rname, a)? {
            return Ok(Some(r));
        }
    }
    if let Some(r) = try_dunder(ctx, a, name, b)? {
        return Ok(Some(r));
    }
    if !same_type && !reflected_first {
        if let Some(r) = try_dunder(ctx, b, rname, a)? {
            return Ok(Some(r));
        }
    }
    Ok(None)
}

/// `a op b` for every binary operator.
pub fn binary_op<'gc>(
    ctx: &mut Ctx<'gc, '_>,
    op: BinaryOp,
    a: Value<'gc>,
    b: Value<'gc>,
) -> PyResult<'gc, Value<'gc>> {
    let base = op.base();
    if matches!(a, Value::Instance(_)) || matches!(b, Value::Instance(_)) {
        if let Some(r) = user_binary(ctx, op, a, b)? {
            return Ok(r);
        }
    }
    if let (Value::Bool(x), Value::Bool(y)) = (a, b) {
        // bool's own `&`, `|` and `^` keep the bool type.
        match base {
            BinaryOp::And => return Ok(Value::Bool(x & y)),
            BinaryOp::Or => return Ok(Value::Bool(x | y)),
            BinaryOp::Xor => return Ok(Value::Bool(x ^ y)),
            _ => {}
        }
    }
    if let (Some(x), Some(y)) = (as_int(a), as_int(b)) {
        return int_op(ctx, base, x, y);
    }
    // Floats have no bit operations: those fall through to the error below, which names the
    // operand types as they are.
    let float_arith = matches!(
        base,
        BinaryOp::Add
            | BinaryOp::Subtract
            | BinaryOp::Multiply
            | BinaryOp::TrueDivide
            | BinaryOp::FloorDivide
            | BinaryOp::Remainder
            | BinaryOp::Power
    );
    if float_arith && (matches!(a, Value::Float(_)) || matches!(b, Value::Float(_))) {
        if let (Some(x), Some(y)) = (as_float(ctx, a)?, as_float(ctx, b)?) {
            return float_op(ctx, base, x, y);
        }
    }
    if matches!(a, Value::Complex(_)) || matches!(b, Value::Complex(_)) {
        if let Some(v) = crate::ops::complex::binary(ctx, base, a, b)? {
            return Ok(v);
        }
    }
    if let Some(v) = crate::ops::seq::binary(ctx, op, a, b)? {
        return Ok(v);
    }
    let msg = match (base, a) {
        (BinaryOp::Add, Value::Str(_)) => {
            format!("can only concatenate str (not \"{}\") to str", ctx.type_name(b))
        }
        (BinaryOp::Add, Value::List(_)) => {
            format!("can only concatenate list (not \"{}\") to list", ctx.type_name(b))
        }
        (BinaryOp::Add, Value::Tuple(_)) => {
            format!("can only concatenate tuple (not \"{}\") to tuple", ctx.type_name(b))
        }
        (BinaryOp::Multiply, Value::Str(_) | Value::List(_) | Value::Tuple(_)) => {
            format!("can't multiply sequence by non-int of type '{}'", ctx.type_name(b))
        }
        (BinaryOp::Multiply, _) if matches!(b, Value::Str(_) | Value::List(_) | Value::Tuple(_)) => {
            format!("can't multiply sequence by non-int of type '{}'", ctx.type_name(a))
        }
        _ => {
            let sym = if base == BinaryOp::Power && !op.is_inplace() {
                "** or pow()".to_string()
            } else {
                op.symbol()
            };
            format!(
                "unsupported operand type(s) for {}: '{}' and '{}'",
                sym,
                ctx.type_name(a),
                ctx.type_name(b)
            )
        }
    };
    ctx.type_error(msg)
}

fn int_op<'gc>(ctx: &mut Ctx<'gc, '_>, op: BinaryOp, x: IntArg, y: IntArg) -> PyResult<'gc, Value<'gc>> {
    use BinaryOp::*;
    if let (IntArg::Small(a), IntArg::Small(b)) = (&x, &y) {
        let (a, b) = (*a, *b);
        let small = match op {
            Add => a.checked_add(b),
            Subtract => a.checked_sub(b),
            Multiply => a.checked_mul(b),
            FloorDivide | Remainder if b == 0 => None,
            FloorDivide => floor_div(a, b),
            Remainder => floor_mod(a, b),
            And => Some(a & b),
            Or => Some(a | b),
            Xor => Some(a ^ b),
            Lshift if (0..63).contains(&b) => a.checked_mul(1i64 << b).filter(|r| (r >> b) == a),
            Rshift if b >= 0 => Some(if b >= 64 {
                if a < 0 {
                    -1
                } else {
                    0
                }
            } else {
                a >> b
            }),
            _ => None,
        };
        if let Some(r) = small {
            return Ok(Value::Int(r));
        }
    }
    let (a, b) = (x.big(), y.big());
    let r = match op {
        Add => a + b,
        Subtract => a - b,
        Multiply => a * b,
        TrueDivide => return true_divide(ctx, &a, &b),
        FloorDivide | Remainder => {
            if b.is_zero() {
                let msg = if op == FloorDivide {
                    "integer division or modulo by zero"
                } else {
                    "integer modulo by zero"
                };
                return Err(ctx.error("ZeroDivisionError", msg));
            }
            let (q, r) = floor_divmod_big(&a, &b);
            if op == FloorDivide {
                q
            } else {
                r
            }
        }
        Power => return int_pow(ctx, &a, &b),
        Lshift | Rshift => {
            if b.is_negative() {
                return ctx.value_error("negative shift count");
            }
            if op == Rshift {
                let shift = b.to_usize().unwrap_or(usize::MAX);
                if shift > a.bits() as usize + 1 {
                    if a.is_negative() {
                        BigInt::from(-1)
                    } else {
                        BigInt::zero()
                    }
                } else {
                    a >> shift
                }
            } else {
                let shift = match b.to_usize() {
                    Some(s) if s < (1 << 32) => s,
                    _ => {
                        if a.is_zero() {
                            return Ok(Value::Int(0));
                        }
                        return Err(ctx.error("OverflowError", "too many digits in integer"));
                    }
                };
                a << shift
            }
        }
        And => a & b,
        Or => a | b,
        Xor => a ^ b,
        MatrixMultiply => {
            return ctx.type_error("unsupported operand type(s) for @: 'int' and 'int'");
        }
        _ => unreachable!("in-place operators are mapped to their base"),
    };
    Ok(int_from_big(ctx.mc, r))
}

fn floor_div(a: i64, b: i64) -> Option<i64> {
    let q = a.checked_div(b)?;
    if (a % b != 0) && ((a < 0) != (b < 0)) {
        Some(q - 1)
    } else {
        Some(q)
    }
}

fn floor_mod(a: i64, b: i64) -> Option<i64> {
    let r = a.checked_rem(b)?;
    if r != 0 && ((r < 0) != (b < 0)) {
        Some(r + b)
    } else {
        Some(r)
    }
}

pub fn floor_divmod_big(a: &BigInt, b: &BigInt) -> (BigInt, BigInt) {
    use num_integer::Integer;
    a.div_mod_floor(b)
}

/// int / int, correctly rounded (as CPython) when both fit in a double's mantissa.
fn true_divide<'gc>(ctx: &mut Ctx<'gc, '_>, a: &BigInt, b: &BigInt) -> PyResult<'gc, Value<'gc>> {
    if b.is_zero() {
        return Err(ctx.error("ZeroDivisionError", "division by zero"));
    }
    const EXACT: i64 = 1 << 53;
    if let (Some(x), Some(y)) = (a.to_i64(), b.to_i64()) {
        if x.abs() <= EXACT && y.abs() <= EXACT {
            return Ok(Value::Float(x as f64 / y as f64));
        }
    }
    // Scale so the quotient has 64 significant bits, then let the float conversion round.
    let (na, nb) = (a.bits() as i64, b.bits() as i64);
    let shift = 64 - (na - nb);
    let (num, den) =
        if shift > 0 { (a << shift as usize, b.clone()) } else { (a.clone(), b << (-shift) as usize) };
    let q = &num / &den;
    let exact = (&q * &den) == num;
    let mut qf = q.to_f64().unwrap_or(f64::INFINITY);
    if !exact {
        // A sticky bit: nudge toward the true value for correct rounding of ties.
        let nudge: i32 = if num.is_negative() != den.is_negative() { -1 } else { 1 };
        let doubled: BigInt = q * 2 + BigInt::from(nudge);
        qf = doubled.to_f64().unwrap_or(f64::INFINITY) / 2.0;
    }
    let r = qf * 2f64.powi(-shift as i32);
    if r.is_infinite() {
        return Err(ctx.error("OverflowError", "integer division result too large for a float"));
    }
    Ok(Value::Float(r))
}

fn int_pow<'gc>(ctx: &mut Ctx<'gc, '_>, a: &BigInt, b: &BigInt) -> PyResult<'gc, Value<'gc>> {
    if b.is_negative() {
        let x = big_to_f64(ctx, a)?;
        let y = big_to_f64(ctx, b)?;
        return float_op(ctx, BinaryOp::Power, x, y);
    }
    let Some(e) = b.to_u32() else {
        // Only 0, 1 and -1 have representable huge powers.
        if a.is_zero() || *a == BigInt::from(1) {
            return Ok(int_from_big(ctx.mc, a.clone()));
        }
        if *a == BigInt::from(-1) {
            let odd = b % 2u32 == BigInt::from(1);
            return Ok(Value::Int(if odd { -1 } else { 1 }));
        }
        return Err(ctx.error("MemoryError", ""));
    };
    if let Some(base) = a.to_i64() {
        if let Some(r) = base.checked_pow(e) {
            return Ok(Value::Int(r));
        }
    }
    Ok(int_from_big(ctx.mc, num_traits::pow(a.clone(), e as usize)))
}

pub fn float_op<'gc>(ctx: &mut Ctx<'gc, '_>, op: BinaryOp, a: f64, b: f64) -> PyResult<'gc, Value<'gc>> {
    use BinaryOp::*;
    let r = match op {
        Add => a + b,
        Subtract => a - b,
        Multiply => a * b,
        TrueDivide => {
            if b == 0.0 {
                return Err(ctx.error("ZeroDivisionError", "float division by zero"));
            }
            a / b
        }
        FloorDivide => {
            if b == 0.0 {
                return Err(ctx.error("ZeroDivisionError", "float floor division by zero"));
            }
            float_divmod(a, b).0
        }
        Remainder => {
            if b == 0.0 {
                return Err(ctx.error("ZeroDivisionError", "float modulo"));
            }
            float_divmod(a, b).1
        }
        Power => return float_pow(ctx, a, b),
        _ => {
            let msg = format!("unsupported operand type(s) for {}: 'float' and 'float'", op.symbol());
            return ctx.type_error(msg);
        }
    };
    Ok(Value::Float(r))
}

/// CPython's `float_divmod`: floor quotient and a remainder with the divisor's sign.
pub fn float_divmod(a: f64, b: f64) -> (f64, f64) {
    let mut m = a % b;
    let mut div = (a - m) / b;
    if m != 0.0 {
        if (b < 0.0) != (m < 0.0) {
            m += b;
            div -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(b);
    }
    let floordiv = if div != 0.0 {
        let mut f = div.floor();
        if div - f > 0.5 {
            f += 1.0;
        }
        f
    } else {
        0.0f64.copysign(a / b)
    };
    (floordiv, m)
}

fn float_pow<'gc>(ctx: &mut Ctx<'gc, '_>, a: f64, b: f64) -> PyResult<'gc, Value<'gc>> {
    if a == 0.0 && b < 0.0 {
        return Err(ctx.error("ZeroDivisionError", "0.0 cannot be raised to a negative power"));
    }
    if a < 0.0 && a.is_finite() && b.fract() != 0.0 && b.is_finite() {
        // Negative numbers raised to fractional powers become complex.
        use crate::object::Complex;
        let r = crate::ops::complex::pow(ctx, Complex { re: a, im: 0.0 }, Complex { re: b, im: 0.0 })?;
        return Ok(Value::complex(ctx.mc, r.re, r.im));
    }
    let r = a.powf(b);
    if r.is_infinite() && a.is_finite() && b.is_finite() {
        return Err(ctx.error("OverflowError", "(34, 'Numerical result out of range')"));
    }
    Ok(Value::Float(r))
}
