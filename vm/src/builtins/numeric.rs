//! The numeric builtins (`sum`, `min`, `max`, `round`, `divmod`, `pow`, `hex`, `oct`, `bin`)
//! and the methods of `int` and `float`, with CPython 3.11's results and messages.
//!
//! Where CPython's answer depends on exact arithmetic (`round` with `ndigits`,
//! `float.fromhex`, `float.as_integer_ratio`) it is computed exactly with big integers and
//! rounded once, half to even, as CPython's correctly rounded `dtoa`/`strtod` do.

use std::cmp::Ordering;

use cellvm_compiler::bytecode::{BinaryOp, CompareOp};
use gc_arena::Gc;
use num_bigint::{BigInt, BigUint, Sign};
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

use super::{bind_args, expect_args, native, set, split_receiver, wrong_receiver, Signature};
use crate::ctx::{Ctx, PyResult};
use crate::object::{Args, Builtin, Class, NativeFn};
use crate::ops;
use crate::ops::num::{as_int, IntArg};
use crate::value::Value;

pub fn install<'gc>(ctx: &mut Ctx<'gc, '_>) {
    let builtins = ctx.st.builtins;
    let fns: &[(&'static str, NativeFn)] = &[
        ("sum", sum),
        ("min", min),
        ("max", max),
        ("round", round),
        ("divmod", divmod),
        ("pow", pow),
        ("hex", hex),
        ("oct", oct),
        ("bin", bin),
    ];
    for (name, f) in fns {
        let v = native(ctx, name, *f, Value::Undef);
        set(ctx, builtins, name, v);
    }
    // `bool` is not a subclass of `int` in this VM's type table, so it gets the int methods
    // as well (and its own `from_bytes`, which builds a bool as CPython's `cls(...)` does).
    let int_methods: &[(&'static str, NativeFn)] = &[
        ("bit_length", int_bit_length),
        ("bit_count", int_bit_count),
        ("to_bytes", int_to_bytes),
        ("conjugate", int_conjugate),
        ("as_integer_ratio", int_as_integer_ratio),
        ("__index__", int_index),
        ("__round__", int_round),
    ];
    let (int, bool_, float) = (ctx.st.types.int, ctx.st.types.bool_, ctx.st.types.float);
    // bool inherits int's methods.
    super::methods(ctx, int, int_methods);
    for class in [int, bool_] {
        class_method(ctx, class, "from_bytes", int_from_bytes);
    }
    super::methods(
        ctx,
        float,
        &[
            ("is_integer", float_is_integer),
            ("as_integer_ratio", float_as_integer_ratio),
            ("hex", float_hex),
            ("conjugate", float_conjugate),
            ("__round__", float_round),
        ],
    );
    class_method(ctx, float, "fromhex", float_fromhex);
}

/// A method that receives its class as the first argument however it is reached
/// (`int.from_bytes(...)`, `(5).from_bytes(...)`): a native already bound to the class.
pub fn class_method<'gc>(
    ctx: &mut Ctx<'gc, '_>,
    class: Gc<'gc, Class<'gc>>,
    name: &'static str,
    func: NativeFn,
) {
    let owner = Value::Type(class);
    let v = Value::Builtin(Gc::new(ctx.mc, Builtin { name, func, bound: owner, owner, slot: false }));
    set(ctx, class.dict, name, v);
}

// ---------------------------------------------------------------------------------------
// Integer arguments (`__index__`)

/// `operator.index(v)`: an int, a bool, or an object whose `__index__` returns an int.
pub fn index_arg<'gc>(ctx: &mut Ctx<'gc, '_>, v: Value<'gc>) -> PyResult<'gc, IntArg> {
    if let Some(i) = as_int(v) {
        return Ok(i);
    }
    if matches!(v, Value::Instance(_)) {
        if let Some(m) = ops::attr::special_method(ctx, v, "__index__")? {
            let r = crate::interp::call_value(ctx, m, &[], &[])?;
            return match as_int(r) {
                Some(i) => Ok(i),
                None => ctx.type_error(format!("__index__ returned non-int (type {})", ctx.type_name(r))),
            };
        }
    }
    ctx.type_error(format!("'{}' object cannot be interpreted as an integer", ctx.type_name(v)))
}

/// An index argument that must fit a C `Py_ssize_t` (CPython's OverflowError otherwise).
pub fn index_ssize<'gc>(ctx: &mut Ctx<'gc, '_>, v: Value<'gc>) -> PyResult<'gc, i64> {
    match index_arg(ctx, v)? {
        IntArg::Small(i) => Ok(i),
        IntArg::Big(b) => b.to_i64().map_or_else(
            || Err(ctx.error("OverflowError", "Python int too large to convert to C ssize_t")),
            Ok,
        ),
    }
}

/// A slice bound such as `list.index`'s start and stop: big values clamp, as CPython's
/// `_PyEval_SliceIndexNotNone` does.
pub fn slice_bound<'gc>(ctx: &mut Ctx<'gc, '_>, v: Value<'gc>) -> PyResult<'gc, i64> {
    let i = match index_arg(ctx, v) {
        Ok(i) => i,
        Err(e) if ctx.exc_matches(e, "TypeError") && !matches!(v, Value::Instance(_)) => {
            return ctx.type_error("slice indices must be integers or have an __index__ method");
        }
        Err(e) => return Err(e),
    };
    Ok(match i {
        IntArg::Small(i) => i,
        IntArg::Big(b) => {
            if b.is_negative() {
                i64::MIN
            } else {
                i64::MAX
            }
        }
    })
}

// ---------------------------------------------------------------------------------------
// sum, min, max

const SUM: Signature =
    Signature { name: "sum", params: &["iterable", "start"], posonly: 1, max_positional: 2, required: 1 };

/// `sum(iterable, /, start=0)`: CPython keeps a machine-int accumulator while the items are
/// ints that do not overflow, then a double while they are floats (or small ints), adding
/// left to right; anything else goes through `+`.
fn sum<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    let a = bind_args(ctx, &SUM, &args)?;
    let iterable = a[0].unwrap_or(Value::None);
    let it = ops::iter::get_iter(ctx, iterable)?;
    let mut result = match a[1] {
        None => Value::Int(0),
        Some(Value::Str(_)) => return ctx.type_error("sum() can't sum strings [use ''.join(seq) instead]"),
        Some(Value::Bytes(_)) => return ctx.type_error("sum() can't sum bytes [use b''.join(seq) instead]"),
        Some(v) => v,
    };
    if let Value::Int(mut acc) = result {
        loop {
            let Some(item) = ops::iter::next(ctx, it)? else { return Ok(Value::Int(acc)) };
            let small = match item {
                Value::Int(i) => Some(i),
                Value::Bool(b) => Some(b as i64),
                _ => None,
            };
            if let Some(s) = small.and_then(|b| acc.checked_add(b)) {
                acc = s;
                continue;
            }
            result = ops::num::binary_op(ctx, BinaryOp::Add, Value::Int(acc), item)?;
            break;
        }
    }
    if let Value::Float(mut acc) = result {
        loop {
            let Some(item) = ops::iter::next(ctx, it)? else { return Ok(Value::Float(acc)) };
            match item {
                Value::Float(x) => acc += x,
                Value::Int(i) => acc += i as f64,
                Value::Bool(b) => acc += b as i64 as f64,
                _ => {
                    result = ops::num::binary_op(ctx, BinaryOp::Add, Value::Float(acc), item)?;
                    break;
                }
            }
        }
    }
    while let Some(item) = ops::iter::next(ctx, it)? {
        result = ops::num::binary_op(ctx, BinaryOp::Add, result, item)?;
    }
    Ok(result)
}

fn min<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    min_max(ctx, args, "min", CompareOp::Lt)
}

fn max<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    min_max(ctx, args, "max", CompareOp::Gt)
}

/// `min`/`max` over one iterable or several arguments, with `key=` and `default=`: the
/// first of the extreme items wins, comparing `new op best` as CPython does.
fn min_max<'gc>(
    ctx: &mut Ctx<'gc, '_>,
    args: Args<'gc, '_>,
    name: &str,
    op: CompareOp,
) -> PyResult<'gc, Value<'gc>> {
    let pos = args.positional();
    if pos.is_empty() {
        return ctx.type_error(format!("{name} expected at least 1 argument, got 0"));
    }
    let (mut key, mut default) = (None, None);
    for (k, v) in args.keywords() {
        match k {
            "key" => key = Some(v),
            "default" => default = Some(v),
            _ => return ctx.type_error(format!("'{k}' is an invalid keyword argument for {name}()")),
        }
    }
    let several = pos.len() > 1;
    if several && default.is_some() {
        return ctx
            .type_error(format!("Cannot specify a default for {name}() with multiple positional arguments"));
    }
    let source = if several { ctx.new_tuple(pos.to_vec()) } else { pos[0] };
    let key = key.filter(|k| !k.is_none());
    let it = ops::iter::get_iter(ctx, source)?;
    let mut best: Option<(Value<'gc>, Value<'gc>)> = None;
    while let Some(item) = ops::iter::next(ctx, it)? {
        let val = match key {
            Some(f) => crate::interp::call_value(ctx, f, &[item], &[])?,
            None => item,
        };
        best = match best {
            None => Some((item, val)),
            Some((best_item, best_val)) => {
                let r = ops::compare::compare(ctx, op, val, best_val)?;
                if ops::truth::truthy(ctx, r)? {
                    Some((item, val))
                } else {
                    Some((best_item, best_val))
                }
            }
        };
    }
    match (best, default) {
        (Some((item, _)), _) => Ok(item),
        (None, Some(d)) => Ok(d),
        (None, None) => ctx.value_error(format!("{name}() arg is an empty sequence")),
    }
}

// ---------------------------------------------------------------------------------------
// round, divmod, pow

const ROUND: Signature =
    Signature { name: "round", params: &["number", "ndigits"], posonly: 0, max_positional: 2, required: 1 };

/// `round(number, ndigits=None)`: the number type's `__round__`.
fn round<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    let a = bind_args(ctx, &ROUND, &args)?;
    let number = a[0].unwrap_or(Value::None);
    let ndigits = a[1].filter(|v| !v.is_none());
    let Some(method) = ops::attr::special_method(ctx, number, "__round__")? else {
        return ctx.type_error(format!("type {} doesn't define __round__ method", ctx.type_name(number)));
    };
    match ndigits {
        None => crate::interp::call_value(ctx, method, &[], &[]),
        Some(n) => crate::interp::call_value(ctx, method, &[n], &[]),
    }
}

/// `int.__round__(ndigits=None)`: unchanged for `ndigits >= 0`, else to the nearest
/// multiple of `10**-ndigits`, ties to the even multiple.
fn int_round<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    let (this, rest) = split_receiver(ctx, "int.__round__", args)?;
    let x = this_int(ctx, this, "__round__")?;
    let a = expect_args(ctx, "__round__", &rest, 0, 1)?;
    let nd = match a.first().filter(|v| !v.is_none()) {
        None => return Ok(int_value(ctx, x)),
        Some(v) => index_arg(ctx, *v)?,
    };
    let k = match nd {
        IntArg::Small(n) if n >= 0 => return Ok(int_value(ctx, x)),
        IntArg::Big(b) if !b.is_negative() => return Ok(int_value(ctx, x)),
        IntArg::Small(n) => n.unsigned_abs(),
        IntArg::Big(_) => u64::MAX,
    };
    let x = x.big();
    // 10**k above 2|x| rounds everything to 0 (and must not be computed when k is huge).
    let digits = x.magnitude().to_string().len() as u64;
    if k > digits {
        return Ok(Value::Int(0));
    }
    let unit = BigInt::from(10u32).pow(k as u32);
    let q = div_round_half_even(&x, &unit);
    Ok(ctx.int(q * unit))
}

/// `a / b` rounded to the nearest integer, ties to even (`b > 0`).
fn div_round_half_even(a: &BigInt, b: &BigInt) -> BigInt {
    let (q, r) = a.div_mod_floor(b);
    let twice: BigInt = r * 2;
    match twice.cmp(b) {
        Ordering::Greater => q + 1,
        Ordering::Equal if q.is_odd() => q + 1,
        _ => q,
    }
}

/// `float.__round__(ndigits=None)`: an int (ties to even) without `ndigits`, else the
/// double nearest to the correctly rounded decimal with `ndigits` digits after the point.
fn float_round<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    let (this, rest) = split_receiver(ctx, "float.__round__", args)?;
    let x = this_float(ctx, this, "__round__")?;
    let a = expect_args(ctx, "__round__", &rest, 0, 1)?;
    let Some(nd) = a.first().copied().filter(|v| !v.is_none()) else {
        return float_to_int(ctx, x.round_ties_even());
    };
    let nd = match index_arg(ctx, nd)? {
        IntArg::Small(n) => n,
        IntArg::Big(b) => {
            if b.is_negative() {
                i64::MIN
            } else {
                i64::MAX
            }
        }
    };
    // Beyond these, every double rounds to itself or to a zero (CPython's NDIGITS_MAX/MIN).
    if !x.is_finite() || nd > 323 {
        return Ok(Value::Float(x));
    }
    if nd < -308 {
        return Ok(Value::Float(0.0 * x));
    }
    match round_to_decimal_digits(x, nd as i32) {
        Some(r) => Ok(Value::Float(r)),
        None => Err(ctx.error("OverflowError", "rounded value too large to represent")),
    }
}

/// `x` rounded to `nd` decimal digits after the point (before it when negative), exactly
/// and half to even, then converted back to the nearest double; `None` on overflow.
pub fn round_to_decimal_digits(x: f64, nd: i32) -> Option<f64> {
    let (mant, exp) = decompose(x.abs());
    let ten = BigUint::from(10u32);
    let rounded = if nd >= 0 {
        if exp >= 0 {
            // An integer: already has no digits to drop.
            return Some(x);
        }
        let scaled = mant * ten.pow(nd as u32);
        let n = div_round_half_even(&BigInt::from(scaled), &(BigInt::one() << (-exp) as usize));
        ratio_to_f64(n.magnitude(), &ten.pow(nd as u32))
    } else {
        let unit = ten.pow(nd.unsigned_abs());
        let (num, den) = if exp >= 0 {
            (mant << exp as usize, unit.clone())
        } else {
            (mant, unit.clone() << (-exp) as usize)
        };
        let n = div_round_half_even(&BigInt::from(num), &BigInt::from(den));
        ratio_to_f64(&(n.magnitude() * unit), &BigUint::one())
    };
    if rounded.is_infinite() {
        return None;
    }
    Some(rounded.copysign(x))
}

/// A finite non-negative double as `mant * 2**exp` exactly.
fn decompose(x: f64) -> (BigUint, i64) {
    let bits = x.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i64;
    let frac = bits & ((1u64 << 52) - 1);
    if biased == 0 {
        (BigUint::from(frac), -1074)
    } else {
        (BigUint::from(frac | (1u64 << 52)), biased - 1075)
    }
}

/// `num / den` correctly rounded (half to even) to a double, subnormals included; infinity
/// when it is too large. `den` must not be zero.
pub fn ratio_to_f64(num: &BigUint, den: &BigUint) -> f64 {
    if num.is_zero() || den.is_zero() {
        return 0.0;
    }
    // Scale so the integer quotient has 55 or 56 bits: enough for 53 plus a rounding bit.
    let e = num.bits() as i64 - den.bits() as i64 - 55;
    let (q, r) = if e >= 0 { num.div_rem(&(den << e as usize)) } else { (num << (-e) as usize).div_rem(den) };
    let qbits = q.bits() as i64;
    let lead = e + qbits - 1;
    if lead > 1023 {
        return f64::INFINITY;
    }
    // Fewer bits survive below the normal range.
    let precision = if lead >= -1022 { 53 } else { lead + 1075 };
    if precision < 0 {
        return 0.0;
    }
    let drop = (qbits - precision) as u64;
    let mut m = &q >> drop;
    let half = BigUint::one() << (drop - 1);
    let rest = &q & ((BigUint::one() << drop) - 1u32);
    let round_up = match rest.cmp(&half) {
        Ordering::Greater => true,
        Ordering::Equal => !r.is_zero() || m.bit(0),
        Ordering::Less => false,
    };
    if round_up {
        m += 1u32;
    }
    let mut m = m.to_u64().unwrap_or(0);
    let mut lsb_exp = e + drop as i64;
    if m == 1u64 << 53 {
        m >>= 1;
        lsb_exp += 1;
    }
    if m >= 1u64 << 52 {
        let biased = lsb_exp + 52 + 1023;
        if biased >= 2047 {
            return f64::INFINITY;
        }
        f64::from_bits(((biased as u64) << 52) | (m & ((1u64 << 52) - 1)))
    } else {
        // Subnormal: the last bit is worth 2**-1074.
        f64::from_bits(m)
    }
}

/// `int(x)` for an integral double: CPython's messages for NaN and infinities.
fn float_to_int<'gc>(ctx: &mut Ctx<'gc, '_>, x: f64) -> PyResult<'gc, Value<'gc>> {
    if x.is_nan() {
        return ctx.value_error("cannot convert float NaN to integer");
    }
    if x.is_infinite() {
        return Err(ctx.error("OverflowError", "cannot convert float infinity to integer"));
    }
    if x.abs() < 9.0e18 {
        return Ok(Value::Int(x as i64));
    }
    let (mant, exp) = decompose(x.abs());
    let mag = BigInt::from(mant) << exp.max(0) as usize;
    Ok(ctx.int(if x < 0.0 { -mag } else { mag }))
}

fn divmod<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    let a = expect_args(ctx, "divmod", &args, 2, 2)?;
    divmod_values(ctx, a[0], a[1])
}

/// `divmod(x, y)`: floor quotient and remainder for ints, CPython's `float_divmod` when a
/// float is involved, else the operands' `__divmod__` / `__rdivmod__`.
pub fn divmod_values<'gc>(ctx: &mut Ctx<'gc, '_>, x: Value<'gc>, y: Value<'gc>) -> PyResult<'gc, Value<'gc>> {
    if let (Some(_), Some(d)) = (as_int(x), as_int(y)) {
        let zero = match d {
            IntArg::Small(v) => v == 0,
            IntArg::Big(b) => b.is_zero(),
        };
        if zero {
            return Err(ctx.error("ZeroDivisionError", "integer division or modulo by zero"));
        }
        let q = ops::num::binary_op(ctx, BinaryOp::FloorDivide, x, y)?;
        let r = ops::num::binary_op(ctx, BinaryOp::Remainder, x, y)?;
        return Ok(ctx.new_tuple(vec![q, r]));
    }
    let numeric = |v: Value<'gc>| matches!(v, Value::Float(_)) || as_int(v).is_some();
    if numeric(x) && numeric(y) {
        let (Some(a), Some(b)) = (ops::num::as_float(ctx, x)?, ops::num::as_float(ctx, y)?) else {
            return ctx.type_error("divmod() of non-numbers");
        };
        if b == 0.0 {
            return Err(ctx.error("ZeroDivisionError", "float divmod()"));
        }
        let (q, r) = ops::num::float_divmod(a, b);
        return Ok(ctx.new_tuple(vec![Value::Float(q), Value::Float(r)]));
    }
    for (obj, other, name) in [(x, y, "__divmod__"), (y, x, "__rdivmod__")] {
        if matches!(obj, Value::Instance(_)) {
            if let Some(m) = ops::attr::special_method(ctx, obj, name)? {
                let r = crate::interp::call_value(ctx, m, &[other], &[])?;
                if !matches!(r, Value::NotImplemented) {
                    return Ok(r);
                }
            }
        }
    }
    let msg = format!(
        "unsupported operand type(s) for divmod(): '{}' and '{}'",
        ctx.type_name(x),
        ctx.type_name(y)
    );
    ctx.type_error(msg)
}

const POW: Signature =
    Signature { name: "pow", params: &["base", "exp", "mod"], posonly: 0, max_positional: 3, required: 2 };

/// `pow(base, exp, mod=None)`: `base ** exp`, or modular exponentiation for three ints (a
/// negative exponent takes the modular inverse).
fn pow<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    let a = bind_args(ctx, &POW, &args)?;
    let (base, exp) = (a[0].unwrap_or(Value::None), a[1].unwrap_or(Value::None));
    pow_values(ctx, base, exp, a[2].unwrap_or(Value::None))
}

/// `pow(base, exp, modulus)`; a `None` modulus is `base ** exp`.
pub fn pow_values<'gc>(
    ctx: &mut Ctx<'gc, '_>,
    base: Value<'gc>,
    exp: Value<'gc>,
    modulus: Value<'gc>,
) -> PyResult<'gc, Value<'gc>> {
    if modulus.is_none() {
        return ops::num::binary_op(ctx, BinaryOp::Power, base, exp);
    }
    if let (Some(b), Some(e), Some(m)) = (as_int(base), as_int(exp), as_int(modulus)) {
        return modular_pow(ctx, b.big(), e.big(), m.big());
    }
    // CPython's `ternary_op`: the power slot of each operand's type in turn, until one does
    // not answer NotImplemented. int's answers so unless all three are ints; float's refuses
    // any modulus; complex's converts base and exponent, then refuses the modulus; a class's
    // `__pow__` is asked only as the base's.
    let converts = |v: Value<'gc>| matches!(v, Value::Float(_) | Value::Complex(_)) || as_int(v).is_some();
    for (i, v) in [base, exp, modulus].into_iter().enumerate() {
        match v {
            Value::Float(_) => {
                return ctx.type_error("pow() 3rd argument not allowed unless all arguments are integers");
            }
            Value::Complex(_) if converts(base) && converts(exp) => {
                ops::complex::operand(ctx, base)?;
                ops::complex::operand(ctx, exp)?;
                return ctx.value_error("complex modulo");
            }
            Value::Instance(_) if i == 0 => {
                if let Some(m) = ops::attr::special_method(ctx, base, "__pow__")? {
                    let r = crate::interp::call_value(ctx, m, &[exp, modulus], &[])?;
                    if !matches!(r, Value::NotImplemented) {
                        return Ok(r);
                    }
                }
            }
            _ => {}
        }
    }
    let msg = format!(
        "unsupported operand type(s) for ** or pow(): '{}', '{}', '{}'",
        ctx.type_name(base),
        ctx.type_name(exp),
        ctx.type_name(modulus)
    );
    ctx.type_error(msg)
}

/// CPython's `long_pow` with a modulus: the result takes the modulus's sign.
fn modular_pow<'gc>(
    ctx: &mut Ctx<'gc, '_>,
    base: BigInt,
    exp: BigInt,
    modulus: BigInt,
) -> PyResult<'gc, Value<'gc>> {
    if modulus.is_zero() {
        return ctx.value_error("pow() 3rd argument cannot be 0");
    }
    let negative_output = modulus.is_negative();
    let m = modulus.abs();
    if m.is_one() {
        return Ok(Value::Int(0));
    }
    let (base, exp) = if exp.is_negative() {
        match base.mod_floor(&m).modinv(&m) {
            Some(inv) => (inv, -exp),
            None => return ctx.value_error("base is not invertible for the given modulus"),
        }
    } else {
        (base, exp)
    };
    let mut z = base.mod_floor(&m).modpow(&exp, &m);
    if negative_output && !z.is_zero() {
        z -= &m;
    }
    Ok(ctx.int(z))
}

// ---------------------------------------------------------------------------------------
// hex, oct, bin

fn hex<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    to_base(ctx, args, "hex", 16)
}

fn oct<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    to_base(ctx, args, "oct", 8)
}

fn bin<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    to_base(ctx, args, "bin", 2)
}

fn to_base<'gc>(
    ctx: &mut Ctx<'gc, '_>,
    args: Args<'gc, '_>,
    name: &str,
    radix: u32,
) -> PyResult<'gc, Value<'gc>> {
    let a = expect_args(ctx, name, &args, 1, 1)?;
    let n = index_arg(ctx, a[0])?.big();
    let prefix = match radix {
        16 => "0x",
        8 => "0o",
        _ => "0b",
    };
    let sign = if n.is_negative() { "-" } else { "" };
    Ok(ctx.new_str(format!("{sign}{prefix}{}", n.magnitude().to_str_radix(radix))))
}

// ---------------------------------------------------------------------------------------
// int methods

fn this_int<'gc>(ctx: &Ctx<'gc, '_>, v: Value<'gc>, method: &str) -> PyResult<'gc, IntArg> {
    match as_int(v) {
        Some(i) => Ok(i),
        None => wrong_receiver(ctx, method, "int", v),
    }
}

/// The int itself as an exact `int` (bools become 0 and 1).
fn int_value<'gc>(ctx: &Ctx<'gc, '_>, i: IntArg) -> Value<'gc> {
    match i {
        IntArg::Small(i) => Value::Int(i),
        IntArg::Big(b) => ctx.int(b),
    }
}

/// A method of `int` that takes no arguments: `(receiver) -> result`.
fn int_noargs<'gc>(
    ctx: &mut Ctx<'gc, '_>,
    args: Args<'gc, '_>,
    method: &'static str,
    f: fn(&Ctx<'gc, '_>, IntArg) -> Value<'gc>,
) -> PyResult<'gc, Value<'gc>> {
    let qualname = format!("int.{method}");
    let (this, rest) = split_receiver(ctx, &qualname, args)?;
    let x = this_int(ctx, this, method)?;
    expect_args(ctx, &qualname, &rest, 0, 0)?;
    Ok(f(ctx, x))
}

fn int_bit_length<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    int_noargs(ctx, args, "bit_length", |_, x| {
        Value::Int(match x {
            IntArg::Small(i) => (64 - i.unsigned_abs().leading_zeros()) as i64,
            IntArg::Big(b) => b.bits() as i64,
        })
    })
}

fn int_bit_count<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    int_noargs(ctx, args, "bit_count", |_, x| {
        Value::Int(match x {
            IntArg::Small(i) => i.unsigned_abs().count_ones() as i64,
            IntArg::Big(b) => b.magnitude().count_ones() as i64,
        })
    })
}

fn int_conjugate<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    int_noargs(ctx, args, "conjugate", int_value)
}

fn int_index<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    int_noargs(ctx, args, "__index__", int_value)
}

fn int_as_integer_ratio<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    int_noargs(ctx, args, "as_integer_ratio", |ctx, x| {
        let n = int_value(ctx, x);
        ctx.new_tuple(vec![n, Value::Int(1)])
    })
}

/// `byteorder` of `to_bytes` / `from_bytes`: true for little-endian.
fn byteorder<'gc>(ctx: &Ctx<'gc, '_>, fname: &str, v: Option<Value<'gc>>) -> PyResult<'gc, bool> {
    match v {
        None => Ok(false),
        Some(Value::Str(s)) => match s.as_str() {
            "little" => Ok(true),
            "big" => Ok(false),
            _ => ctx.value_error("byteorder must be either 'little' or 'big'"),
        },
        Some(other) => ctx
            .type_error(format!("{fname}() argument 'byteorder' must be str, not {}", ctx.type_name(other))),
    }
}

const TO_BYTES: Signature = Signature {
    name: "to_bytes",
    params: &["length", "byteorder", "signed"],
    posonly: 0,
    max_positional: 2,
    required: 0,
};

/// `int.to_bytes(length=1, byteorder='big', *, signed=False)`.
fn int_to_bytes<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    let (this, rest) = split_receiver(ctx, "int.to_bytes", args)?;
    let x = this_int(ctx, this, "to_bytes")?.big();
    let a = bind_args(ctx, &TO_BYTES, &rest)?;
    let length = match a[0] {
        Some(v) => index_ssize(ctx, v)?,
        None => 1,
    };
    let little = byteorder(ctx, "to_bytes", a[1])?;
    let signed = match a[2] {
        Some(v) => ops::truth::truthy(ctx, v)?,
        None => false,
    };
    if length < 0 {
        return ctx.value_error("length argument must be non-negative");
    }
    if x.is_negative() && !signed {
        return Err(ctx.error("OverflowError", "can't convert negative int to unsigned"));
    }
    // The value needs its magnitude's bits, plus a sign bit when signed.
    let needed_bits = if signed {
        if x.is_negative() {
            (-&x - 1u32).bits() + 1
        } else {
            x.bits() + 1
        }
    } else {
        x.bits()
    };
    if needed_bits > (length as u64).saturating_mul(8) {
        return Err(ctx.error("OverflowError", "int too big to convert"));
    }
    let length = length as usize;
    let mut out: Vec<u8> = Vec::new();
    if out.try_reserve_exact(length).is_err() {
        return Err(ctx.error("MemoryError", ""));
    }
    let mut digits = if signed { x.to_signed_bytes_le() } else { x.magnitude().to_bytes_le() };
    if x.is_zero() {
        digits.clear();
    }
    let fill = if x.is_negative() { 0xff } else { 0 };
    out.extend(digits.iter().copied().take(length));
    out.resize(length, fill);
    if !little {
        out.reverse();
    }
    Ok(Value::Bytes(Gc::new(ctx.mc, out.into_boxed_slice())))
}

const FROM_BYTES: Signature = Signature {
    name: "from_bytes",
    params: &["bytes", "byteorder", "signed"],
    posonly: 0,
    max_positional: 2,
    required: 1,
};

/// `int.from_bytes(bytes, byteorder='big', *, signed=False)`, a class method (`bool`'s
/// version makes a bool).
fn int_from_bytes<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    let (cls, rest) = split_receiver(ctx, "int.from_bytes", args)?;
    let a = bind_args(ctx, &FROM_BYTES, &rest)?;
    let little = byteorder(ctx, "from_bytes", a[1])?;
    let signed = match a[2] {
        Some(v) => ops::truth::truthy(ctx, v)?,
        None => false,
    };
    let mut bytes = bytes_of(ctx, a[0].unwrap_or(Value::None))?;
    if !little {
        bytes.reverse();
    }
    let n =
        if signed { BigInt::from_signed_bytes_le(&bytes) } else { BigInt::from_bytes_le(Sign::Plus, &bytes) };
    match cls {
        Value::Type(c) if Gc::ptr_eq(c, ctx.st.types.bool_) => Ok(Value::Bool(!n.is_zero())),
        _ => Ok(ctx.int(n)),
    }
}

/// `bytes(v)` for `from_bytes`: bytes as they are, or an iterable of ints in range(256).
pub fn bytes_of<'gc>(ctx: &mut Ctx<'gc, '_>, v: Value<'gc>) -> PyResult<'gc, Vec<u8>> {
    match v {
        Value::Bytes(b) => return Ok(b.to_vec()),
        Value::Str(_) => return ctx.type_error("cannot convert 'str' object to bytes"),
        _ if !ops::iter::is_iterable(ctx, v) => {
            return ctx.type_error(format!("cannot convert '{}' object to bytes", ctx.type_name(v)));
        }
        _ => {}
    }
    let it = ops::iter::get_iter(ctx, v)?;
    let mut out = Vec::new();
    while let Some(item) = ops::iter::next(ctx, it)? {
        match index_arg(ctx, item)? {
            IntArg::Small(i) if (0..256).contains(&i) => out.push(i as u8),
            _ => return ctx.value_error("bytes must be in range(0, 256)"),
        }
    }
    Ok(out)
}

// ---------------------------------------------------------------------------------------
// float methods

fn this_float<'gc>(ctx: &Ctx<'gc, '_>, v: Value<'gc>, method: &str) -> PyResult<'gc, f64> {
    match v {
        Value::Float(f) => Ok(f),
        _ => wrong_receiver(ctx, method, "float", v),
    }
}

fn float_noargs<'gc>(
    ctx: &mut Ctx<'gc, '_>,
    args: Args<'gc, '_>,
    method: &'static str,
) -> PyResult<'gc, f64> {
    let qualname = format!("float.{method}");
    let (this, rest) = split_receiver(ctx, &qualname, args)?;
    let x = this_float(ctx, this, method)?;
    expect_args(ctx, &qualname, &rest, 0, 0)?;
    Ok(x)
}

fn float_is_integer<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    let x = float_noargs(ctx, args, "is_integer")?;
    Ok(Value::Bool(x.is_finite() && x.floor() == x))
}

fn float_conjugate<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    float_noargs(ctx, args, "conjugate").map(Value::Float)
}

/// The exact fraction, in lowest terms with a positive denominator.
fn float_as_integer_ratio<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    let x = float_noargs(ctx, args, "as_integer_ratio")?;
    if x.is_nan() {
        return ctx.value_error("cannot convert NaN to integer ratio");
    }
    if x.is_infinite() {
        return Err(ctx.error("OverflowError", "cannot convert Infinity to integer ratio"));
    }
    if x == 0.0 {
        return Ok(ctx.new_tuple(vec![Value::Int(0), Value::Int(1)]));
    }
    let (mant, exp) = decompose(x.abs());
    let mut num = BigInt::from(mant);
    let mut den = BigInt::one();
    if exp >= 0 {
        num <<= exp as usize;
    } else {
        // Cancel the common powers of two.
        let twos = num.trailing_zeros().unwrap_or(0).min((-exp) as u64);
        num >>= twos as usize;
        den <<= ((-exp) as u64 - twos) as usize;
    }
    if x < 0.0 {
        num = -num;
    }
    let (n, d) = (ctx.int(num), ctx.int(den));
    Ok(ctx.new_tuple(vec![n, d]))
}

/// `float.hex()`: `[-]0x1.<13 hex digits>p<exp>`, or `0x0.` and exponent -1022 for
/// subnormals; infinities and NaN as their repr.
fn float_hex<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    let x = float_noargs(ctx, args, "hex")?;
    Ok(ctx.new_str(float_to_hex(x)))
}

pub fn float_to_hex(x: f64) -> String {
    if !x.is_finite() {
        return cellvm_compiler::dis::float_repr(x);
    }
    let sign = if x.is_sign_negative() { "-" } else { "" };
    if x == 0.0 {
        return format!("{sign}0x0.0p+0");
    }
    let bits = x.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i64;
    let frac = bits & ((1u64 << 52) - 1);
    let (lead, exp) = if biased == 0 { (0, -1022) } else { (1, biased - 1023) };
    let esign = if exp < 0 { '-' } else { '+' };
    format!("{sign}0x{lead}.{frac:013x}p{esign}{}", exp.abs())
}

/// `float.fromhex(s)`, a class method.
fn float_fromhex<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    let (_, rest) = split_receiver(ctx, "float.fromhex", args)?;
    let a = expect_args(ctx, "float.fromhex", &rest, 1, 1)?;
    let Value::Str(s) = a[0] else { return ctx.type_error("bad argument type for built-in operation") };
    match parse_hex_float(s.as_str()) {
        Ok(x) => Ok(Value::Float(x)),
        Err(HexFloatError::Invalid) => ctx.value_error("invalid hexadecimal floating-point string"),
        Err(HexFloatError::Overflow) => {
            Err(ctx.error("OverflowError", "hexadecimal value too large to represent as a float"))
        }
    }
}

#[derive(Debug, PartialEq, Eq)]
pub enum HexFloatError {
    Invalid,
    Overflow,
}

/// CPython's `float.fromhex` grammar: optional whitespace and sign, `inf`/`infinity`/`nan`,
/// or `[0x]hexdigits[.hexdigits][p[sign]decimal]` with at least one hex digit; rounded half
/// to even.
pub fn parse_hex_float(text: &str) -> Result<f64, HexFloatError> {
    let s = text.trim_matches(|c: char| c.is_ascii_whitespace());
    let (negative, body) = match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    let signed = |x: f64| if negative { -x } else { x };
    let lower = body.to_ascii_lowercase();
    match lower.as_str() {
        "inf" | "infinity" => return Ok(signed(f64::INFINITY)),
        "nan" => return Ok(signed(f64::NAN)),
        _ => {}
    }
    let b = lower.as_bytes();
    let mut i = if lower.starts_with("0x") { 2 } else { 0 };
    let mut mant = BigUint::zero();
    let mut digits = 0usize;
    let mut frac_digits = 0i64;
    let mut seen_point = false;
    while i < b.len() {
        match b[i] {
            b'.' if !seen_point => seen_point = true,
            c if c.is_ascii_hexdigit() => {
                let d = (c as char).to_digit(16).unwrap_or(0);
                mant = (mant << 4u32) + d;
                digits += 1;
                if seen_point {
                    frac_digits += 1;
                }
            }
            _ => break,
        }
        i += 1;
    }
    if digits == 0 {
        return Err(HexFloatError::Invalid);
    }
    let mut exp: i64 = 0;
    if i < b.len() && b[i] == b'p' {
        i += 1;
        let exp_negative = match b.get(i) {
            Some(b'-') => {
                i += 1;
                true
            }
            Some(b'+') => {
                i += 1;
                false
            }
            _ => false,
        };
        let start = i;
        while i < b.len() && b[i].is_ascii_digit() {
            // Saturate: beyond this any nonzero value overflows or underflows anyway.
            exp = (exp * 10 + (b[i] - b'0') as i64).min(1 << 40);
            i += 1;
        }
        if i == start {
            return Err(HexFloatError::Invalid);
        }
        if exp_negative {
            exp = -exp;
        }
    }
    if i != b.len() {
        return Err(HexFloatError::Invalid);
    }
    if mant.is_zero() {
        return Ok(signed(0.0));
    }
    let exp = exp - 4 * frac_digits;
    let top = mant.bits() as i64 + exp;
    if top > 1025 {
        return Err(HexFloatError::Overflow);
    }
    if top < -1080 {
        return Ok(signed(0.0));
    }
    let x = if exp >= 0 {
        ratio_to_f64(&(mant << exp as usize), &BigUint::one())
    } else {
        ratio_to_f64(&mant, &(BigUint::one() << (-exp) as usize))
    };
    if x.is_infinite() {
        return Err(HexFloatError::Overflow);
    }
    Ok(signed(x))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ratio_rounds_half_to_even() {
        let one = BigUint::one();
        assert_eq!(ratio_to_f64(&BigUint::from(1u32), &BigUint::from(10u32)), 0.1);
        assert_eq!(ratio_to_f64(&BigUint::from(2u32), &BigUint::from(3u32)), 2.0 / 3.0);
        // 2**53 + 1 is halfway between two doubles: ties go to the even one.
        assert_eq!(ratio_to_f64(&BigUint::from((1u64 << 53) + 1), &one), 9007199254740992.0);
        assert_eq!(ratio_to_f64(&BigUint::from((1u64 << 53) + 3), &one), 9007199254740996.0);
        // Subnormals and the underflow boundary.
        assert_eq!(ratio_to_f64(&one, &(BigUint::one() << 1074u32)), 5e-324);
        assert_eq!(ratio_to_f64(&one, &(BigUint::one() << 1075u32)), 0.0);
        assert_eq!(ratio_to_f64(&BigUint::from(3u32), &(BigUint::one() << 1076u32)), 5e-324);
        assert_eq!(ratio_to_f64(&(BigUint::one() << 1024u32), &one), f64::INFINITY);
    }

    #[test]
    fn decimal_rounding_is_exact() {
        // 2.675 is stored as 2.67499999999999982236431605997495353221893310546875.
        assert_eq!(round_to_decimal_digits(2.675, 2), Some(2.67));
        assert_eq!(round_to_decimal_digits(0.125, 2), Some(0.12));
        assert_eq!(round_to_decimal_digits(0.375, 2), Some(0.38));
        assert_eq!(round_to_decimal_digits(2.5, 0), Some(2.0));
        assert_eq!(round_to_decimal_digits(123.456, -1), Some(120.0));
        assert_eq!(round_to_decimal_digits(1e-320, 323), Some(1e-320));
        assert!(round_to_decimal_digits(-0.4, 0).is_some_and(|r| r == 0.0 && r.is_sign_negative()));
        assert_eq!(round_to_decimal_digits(f64::MAX, -308), None);
        assert_eq!(round_to_decimal_digits(5e307, -307), Some(5e307));
    }

    #[test]
    fn hex_round_trips() {
        for x in [0.1, 1.0, -2.5, 5e-324, f64::MAX, 2.2250738585072014e-308, 1e300, -0.0] {
            let h = float_to_hex(x);
            let back = parse_hex_float(&h).expect("valid");
            assert_eq!(back.to_bits(), x.to_bits(), "{h}");
        }
        assert_eq!(float_to_hex(0.1), "0x1.999999999999ap-4");
        assert_eq!(float_to_hex(5e-324), "0x0.0000000000001p-1022");
        assert_eq!(parse_hex_float("0x1p-1075"), Ok(0.0));
        assert_eq!(parse_hex_float("0x1.8p-1074"), Ok(1e-323));
        assert_eq!(parse_hex_float("0x1.fffffffffffff8p1023"), Err(HexFloatError::Overflow));
        assert_eq!(parse_hex_float("0x1.fffffffffffff7p1023"), Ok(f64::MAX));
        assert_eq!(parse_hex_float("  -0XA.8P+1  "), Ok(-21.0));
        assert_eq!(parse_hex_float("0x1p99999999999999999999"), Err(HexFloatError::Overflow));
        assert_eq!(parse_hex_float("0x0p99999999999999999999"), Ok(0.0));
        for bad in ["", "0x", "0x1p", "1p", "0x.p1", "infi", "0x1_0p0", "0x1 p1", "0x1.1.1"] {
            assert_eq!(parse_hex_float(bad), Err(HexFloatError::Invalid), "{bad}");
        }
    }
}
