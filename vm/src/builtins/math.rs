//! The `math` module.

use super::expect_args;
use super::modules::{functions, new_module};
use crate::builtins::set;
use crate::ctx::{Ctx, PyResult};
use crate::object::Args;
use crate::ops;
use crate::value::Value;

pub fn make<'gc>(ctx: &mut Ctx<'gc, '_>) -> Value<'gc> {
    let (m, d) = new_module(ctx, "math");
    functions(
        ctx,
        d,
        &[
            ("sqrt", sqrt),
            ("floor", floor),
            ("ceil", ceil),
            ("trunc", trunc),
            ("fabs", fabs),
            ("exp", exp),
            ("log", log),
            ("log2", log2),
            ("log10", log10),
            ("sin", sin),
            ("cos", cos),
            ("tan", tan),
            ("atan", atan),
            ("atan2", atan2),
            ("hypot", hypot),
            ("pow", pow),
            ("isnan", isnan),
            ("isinf", isinf),
            ("isfinite", isfinite),
            ("gcd", gcd),
            ("factorial", factorial),
        ],
    );
    for (name, v) in [
        ("pi", std::f64::consts::PI),
        ("e", std::f64::consts::E),
        ("tau", std::f64::consts::TAU),
        ("inf", f64::INFINITY),
        ("nan", f64::NAN),
    ] {
        set(ctx, d, name, Value::Float(v));
    }
    m
}

fn float_arg<'gc>(ctx: &mut Ctx<'gc, '_>, v: Value<'gc>) -> PyResult<'gc, f64> {
    match ops::num::as_float(ctx, v)? {
        Some(f) => Ok(f),
        None => {
            let msg = format!("must be real number, not {}", ctx.type_name(v));
            ctx.type_error(msg)
        }
    }
}

fn domain<'gc>(ctx: &Ctx<'gc, '_>) -> crate::PyErr<'gc> {
    ctx.error("ValueError", "math domain error")
}

macro_rules! unary_float {
    ($name:ident, $pyname:literal, |$x:ident| $body:expr, $valid:expr) => {
        fn $name<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
            let a = expect_args(ctx, $pyname, &args, 1, 1)?;
            let $x = float_arg(ctx, a[0])?;
            if !$valid {
                return Err(domain(ctx));
            }
            Ok(Value::Float($body))
        }
    };
}

unary_float!(sqrt, "sqrt", |x| x.sqrt(), x >= 0.0 || x.is_nan());
unary_float!(fabs, "fabs", |x| x.abs(), true);
unary_float!(exp, "exp", |x| x.exp(), true);
unary_float!(log2, "log2", |x| x.log2(), x > 0.0 || x.is_nan());
unary_float!(log10, "log10", |x| x.log10(), x > 0.0 || x.is_nan());
unary_float!(sin, "sin", |x| x.sin(), x.is_finite() || x.is_nan());
unary_float!(cos, "cos", |x| x.cos(), x.is_finite() || x.is_nan());
unary_float!(tan, "tan", |x| x.tan(), x.is_finite() || x.is_nan());
unary_float!(atan, "atan", |x| x.atan(), true);

fn log<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    let a = expect_args(ctx, "log", &args, 1, 2)?;
    let x = float_arg(ctx, a[0])?;
    if x <= 0.0 {
        return Err(domain(ctx));
    }
    match a.get(1) {
        Some(b) => {
            let b = float_arg(ctx, *b)?;
            if b <= 0.0 || b == 1.0 {
                return Err(if b == 1.0 {
                    ctx.error("ZeroDivisionError", "float division by zero")
                } else {
                    domain(ctx)
                });
            }
            Ok(Value::Float(x.ln() / b.ln()))
        }
        None => Ok(Value::Float(x.ln())),
    }
}

fn atan2<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    let a = expect_args(ctx, "atan2", &args, 2, 2)?;
    let (y, x) = (float_arg(ctx, a[0])?, float_arg(ctx, a[1])?);
    Ok(Value::Float(y.atan2(x)))
}

fn hypot<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    let a = expect_args(ctx, "hypot", &args, 0, usize::MAX)?;
    let mut acc = 0.0f64;
    for v in a {
        let x = float_arg(ctx, *v)?;
        acc = acc.hypot(x);
    }
    Ok(Value::Float(acc))
}

fn pow<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    let a = expect_args(ctx, "pow", &args, 2, 2)?;
    let (x, y) = (float_arg(ctx, a[0])?, float_arg(ctx, a[1])?);
    if x == 0.0 && y < 0.0 || x < 0.0 && y.fract() != 0.0 && y.is_finite() {
        return Err(domain(ctx));
    }
    Ok(Value::Float(x.powf(y)))
}

fn rounding<'gc>(
    ctx: &mut Ctx<'gc, '_>,
    args: Args<'gc, '_>,
    name: &str,
    f: fn(f64) -> f64,
) -> PyResult<'gc, Value<'gc>> {
    let a = expect_args(ctx, name, &args, 1, 1)?;
    if ops::num::as_int(a[0]).is_some() && !matches!(a[0], Value::Float(_)) {
        return ops::num::unary(ctx, ops::num::Unary::Pos, a[0]);
    }
    let x = float_arg(ctx, a[0])?;
    if x.is_nan() {
        return ctx.value_error("cannot convert float NaN to integer");
    }
    if x.is_infinite() {
        return Err(ctx.error("OverflowError", "cannot convert float infinity to integer"));
    }
    let r = f(x);
    if r.abs() < 9.0e18 {
        return Ok(Value::Int(r as i64));
    }
    use num_traits::FromPrimitive;
    Ok(ctx.int(num_bigint::BigInt::from_f64(r).unwrap_or_default()))
}

fn floor<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    rounding(ctx, args, "floor", f64::floor)
}

fn ceil<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    rounding(ctx, args, "ceil", f64::ceil)
}

/// `math.trunc(x)`: floats and ints directly, anything else through its `__trunc__`.
fn trunc<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    let a = expect_args(ctx, "trunc", &args, 1, 1)?;
    let x = a[0];
    if !matches!(x, Value::Float(_)) && ops::num::as_int(x).is_none() {
        if let Value::Instance(_) = x {
            if let Some(m) = ops::attr::special_method(ctx, x, "__trunc__")? {
                return crate::interp::call_value(ctx, m, &[], &[]);
            }
        }
        return ctx.type_error(format!("type {} doesn't define __trunc__ method", ctx.type_name(x)));
    }
    rounding(ctx, args, "trunc", f64::trunc)
}

fn predicate<'gc>(
    ctx: &mut Ctx<'gc, '_>,
    args: Args<'gc, '_>,
    name: &str,
    f: fn(f64) -> bool,
) -> PyResult<'gc, Value<'gc>> {
    let a = expect_args(ctx, name, &args, 1, 1)?;
    let x = float_arg(ctx, a[0])?;
    Ok(Value::Bool(f(x)))
}

fn isnan<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    predicate(ctx, args, "isnan", f64::is_nan)
}

fn isinf<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    predicate(ctx, args, "isinf", f64::is_infinite)
}

fn isfinite<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    predicate(ctx, args, "isfinite", f64::is_finite)
}

fn int_arg<'gc>(ctx: &Ctx<'gc, '_>, v: Value<'gc>) -> PyResult<'gc, num_bigint::BigInt> {
    match (v, ops::num::as_int(v)) {
        (Value::Float(_), _) | (_, None) => {
            let msg = format!("'{}' object cannot be interpreted as an integer", ctx.type_name(v));
            ctx.type_error(msg)
        }
        (_, Some(i)) => Ok(i.big()),
    }
}

fn gcd<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    use num_integer::Integer;
    let a = expect_args(ctx, "gcd", &args, 0, usize::MAX)?;
    let mut g = num_bigint::BigInt::from(0);
    for v in a {
        g = g.gcd(&int_arg(ctx, *v)?);
    }
    Ok(ctx.int(g))
}

fn factorial<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    let a = expect_args(ctx, "factorial", &args, 1, 1)?;
    let n = int_arg(ctx, a[0])?;
    use num_traits::{Signed, ToPrimitive};
    if n.is_negative() {
        return ctx.value_error("factorial() not defined for negative values");
    }
    let Some(n) = n.to_u64().filter(|n| *n <= 100_000) else {
        return Err(ctx.error("OverflowError", "factorial() argument should not exceed 100000"));
    };
    let mut acc = num_bigint::BigInt::from(1);
    for i in 2..=n {
        acc *= i;
    }
    Ok(ctx.int(acc))
}
