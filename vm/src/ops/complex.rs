//! `complex` arithmetic, computed as CPython 3.11's `complexobject.c` computes it: ints,
//! bools and floats join in as `complex(x, 0.0)` (`to_complex`), division is Smith's
//! algorithm (`_Py_c_quot`), small integral powers are repeated multiplication (`c_powi`),
//! the others go through polar form (`_Py_c_pow`), and CPython's `errno` checks become the
//! same exceptions.

use cellvm_compiler::bytecode::BinaryOp;

use crate::ctx::{Ctx, PyResult};
use crate::object::Complex;
use crate::ops::num::as_float;
use crate::value::Value;

const ONE: Complex = Complex { re: 1.0, im: 0.0 };
const ZERO: Complex = Complex { re: 0.0, im: 0.0 };

/// What C's `errno` would say after a computation.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Errno {
    Ok,
    /// EDOM: a division by zero, or a domain error of the C library.
    Domain,
}

/// An operand of a complex operation (`to_complex`): a complex, or an int, bool or float
/// as a complex with a zero imaginary part. `None` for anything else (NotImplemented); an
/// int too large for a float is CPython's OverflowError.
pub fn operand<'gc>(ctx: &Ctx<'gc, '_>, v: Value<'gc>) -> PyResult<'gc, Option<Complex>> {
    if let Some(c) = v.as_complex() {
        return Ok(Some(c));
    }
    Ok(as_float(ctx, v)?.map(|re| Complex { re, im: 0.0 }))
}

fn sum(a: Complex, b: Complex) -> Complex {
    Complex { re: a.re + b.re, im: a.im + b.im }
}

fn diff(a: Complex, b: Complex) -> Complex {
    Complex { re: a.re - b.re, im: a.im - b.im }
}

fn prod(a: Complex, b: Complex) -> Complex {
    Complex { re: a.re * b.re - a.im * b.im, im: a.re * b.im + a.im * b.re }
}

/// `_Py_c_quot`: divide numerator and denominator by whichever part of `b` is larger in
/// magnitude (Smith's algorithm). `None` when `b` is zero.
fn quot(a: Complex, b: Complex) -> Option<Complex> {
    let abs_breal = b.re.abs();
    let abs_bimag = b.im.abs();
    if abs_breal >= abs_bimag {
        if abs_breal == 0.0 {
            return None;
        }
        let ratio = b.im / b.re;
        let denom = b.re + b.im * ratio;
        Some(Complex { re: (a.re + a.im * ratio) / denom, im: (a.im - a.re * ratio) / denom })
    } else if abs_bimag >= abs_breal {
        let ratio = b.re / b.im;
        let denom = b.re * ratio + b.im;
        Some(Complex { re: (a.re * ratio + a.im) / denom, im: (a.im * ratio - a.re) / denom })
    } else {
        // At least one part of `b` is a NaN.
        Some(Complex { re: f64::NAN, im: f64::NAN })
    }
}

/// `_Py_c_pow`: `a ** b` through polar form.
fn pow_polar(a: Complex, b: Complex, errno: &mut Errno) -> Complex {
    if b.re == 0.0 && b.im == 0.0 {
        return ONE;
    }
    if a.re == 0.0 && a.im == 0.0 {
        if b.im != 0.0 || b.re < 0.0 {
            *errno = Errno::Domain;
        }
        return ZERO;
    }
    let vabs = a.re.hypot(a.im);
    let mut len = vabs.powf(b.re);
    let at = a.im.atan2(a.re);
    let mut phase = at * b.re;
    if b.im != 0.0 {
        len /= (at * b.im).exp();
        phase += b.im * vabs.ln();
    }
    // The C library's cos and sin of an infinity are domain errors (errno EDOM).
    if phase.is_infinite() {
        *errno = Errno::Domain;
    }
    Complex { re: len * phase.cos(), im: len * phase.sin() }
}

/// `c_powu`: `x ** n` for `n >= 1` by repeated squaring, in CPython's order.
fn pow_unsigned(x: Complex, n: i64) -> Complex {
    let mut r = ONE;
    let mut p = x;
    let mut mask: i64 = 1;
    while mask > 0 && n >= mask {
        if n & mask != 0 {
            r = prod(r, p);
        }
        mask = mask.wrapping_shl(1);
        p = prod(p, p);
    }
    r
}

/// `c_powi`: an integral power with `|n| <= 100`.
fn pow_int(x: Complex, n: i64, errno: &mut Errno) -> Complex {
    if n > 0 {
        return pow_unsigned(x, n);
    }
    match quot(ONE, pow_unsigned(x, -n)) {
        Some(r) => r,
        None => {
            *errno = Errno::Domain;
            ZERO
        }
    }
}

/// `complex_pow` without a modulus: ZeroDivisionError for zero to a negative or complex
/// power (and the C library's domain errors), OverflowError when a part is infinite.
pub fn pow<'gc>(ctx: &Ctx<'gc, '_>, a: Complex, b: Complex) -> PyResult<'gc, Complex> {
    let mut errno = Errno::Ok;
    // CPython converts the exponent with `(long)` and compares back; beyond 100 in
    // magnitude `c_powi` itself hands over to the polar form, so this is the same test.
    let p = if b.im == 0.0 && b.re == b.re.floor() && b.re.abs() <= 100.0 {
        pow_int(a, b.re as i64, &mut errno)
    } else {
        pow_polar(a, b, &mut errno)
    };
    if errno == Errno::Domain {
        return Err(ctx.error("ZeroDivisionError", "0.0 to a negative or complex power"));
    }
    if p.re.is_infinite() || p.im.is_infinite() {
        return Err(ctx.error("OverflowError", "complex exponentiation"));
    }
    Ok(p)
}

/// `a / b`, with CPython's ZeroDivisionError.
pub fn divide<'gc>(ctx: &Ctx<'gc, '_>, a: Complex, b: Complex) -> PyResult<'gc, Complex> {
    quot(a, b).ok_or_else(|| ctx.error("ZeroDivisionError", "complex division by zero"))
}

/// `a op b` when one side is a complex: `None` when the other operand is not a number or
/// the operator is not one complex numbers have (the caller raises the TypeError).
#[inline(never)]
pub fn binary<'gc>(
    ctx: &mut Ctx<'gc, '_>,
    op: BinaryOp,
    a: Value<'gc>,
    b: Value<'gc>,
) -> PyResult<'gc, Option<Value<'gc>>> {
    use BinaryOp::*;
    if !matches!(op, Add | Subtract | Multiply | TrueDivide | Power) {
        return Ok(None);
    }
    let Some(x) = operand(ctx, a)? else { return Ok(None) };
    let Some(y) = operand(ctx, b)? else { return Ok(None) };
    let r = match op {
        Add => sum(x, y),
        Subtract => diff(x, y),
        Multiply => prod(x, y),
        TrueDivide => divide(ctx, x, y)?,
        _ => pow(ctx, x, y)?,
    };
    Ok(Some(Value::complex(ctx.mc, r.re, r.im)))
}

/// `-c`.
pub fn negate(c: Complex) -> Complex {
    Complex { re: -c.re, im: -c.im }
}

/// `abs(c)` (`_Py_c_abs`): an infinite part wins over a NaN; OverflowError when the
/// magnitude of finite parts is too large for a float.
pub fn abs<'gc>(ctx: &Ctx<'gc, '_>, c: Complex) -> PyResult<'gc, f64> {
    if !c.re.is_finite() || !c.im.is_finite() {
        if c.re.is_infinite() {
            return Ok(c.re.abs());
        }
        if c.im.is_infinite() {
            return Ok(c.im.abs());
        }
        return Ok(f64::NAN);
    }
    let r = c.re.hypot(c.im);
    if !r.is_finite() {
        return Err(ctx.error("OverflowError", "absolute value too large"));
    }
    Ok(r)
}

/// `hash(c)`: the real part's hash plus 1000003 times the imaginary part's, so that a
/// complex with a zero imaginary part hashes as the equal float or int.
pub fn hash(c: Complex) -> i64 {
    const IMAG: u64 = 1000003;
    let re = crate::ops::hash::float_hash(c.re) as u64;
    let im = crate::ops::hash::float_hash(c.im) as u64;
    let combined = re.wrapping_add(IMAG.wrapping_mul(im));
    if combined == u64::MAX {
        -2
    } else {
        combined as i64
    }
}

/// `repr(c)` and `str(c)`.
pub fn repr(c: Complex) -> String {
    cellvm_compiler::dis::complex_repr(c.re, c.im)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(re: f64, im: f64) -> Complex {
        Complex { re, im }
    }

    #[test]
    fn division_and_powers_follow_cpython() {
        // Values printed by CPython 3.11.
        assert_eq!(quot(c(1.0, 2.0), c(3.0, -1.0)), Some(c(0.1, 0.7000000000000001)));
        assert_eq!(quot(c(1.0, 0.0), c(0.0, 0.0)), None);
        let mut errno = Errno::Ok;
        assert_eq!(pow_int(c(1.0, 1.0), 10, &mut errno), c(0.0, 32.0));
        assert_eq!(pow_int(c(0.0, 0.0), -1, &mut errno), ZERO);
        assert!(errno == Errno::Domain);
        let mut errno = Errno::Ok;
        let r = pow_polar(c(2.0, 0.0), c(0.0, 0.5), &mut errno);
        assert_eq!(r, c(0.9405421046832438, 0.3396771251026685));
        assert!(errno == Errno::Ok);
        assert_eq!(hash(c(1.0, 2.0)), 2000007);
        assert_eq!(hash(c(0.0, -1.0)), -2000006);
    }
}
