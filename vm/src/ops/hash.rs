//! CPython's hash functions, so that hashes (and with them set iteration order) match
//! CPython run with PYTHONHASHSEED=0: numbers hash modulo the Mersenne prime 2**61 - 1, str
//! and bytes with SipHash-1-3 under a zero key over CPython's in-memory representation
//! (PEP 393: one, two or four bytes per code point), tuples with 3.11's xxHash-based mix.

use num_bigint::{BigInt, Sign};

const MODULUS: u64 = (1 << 61) - 1;
const INF: i64 = 314159;

/// `hash(i)` for an int.
pub fn int_hash(i: i64) -> i64 {
    let neg = i < 0;
    let mut h = (i.unsigned_abs() % MODULUS) as i64;
    if neg {
        h = -h;
    }
    if h == -1 {
        -2
    } else {
        h
    }
}

pub fn bigint_hash(b: &BigInt) -> i64 {
    let (sign, digits) = b.to_u64_digits();
    // Horner's rule over 64-bit digits, most significant first, modulo 2**61 - 1.
    let mut acc: u128 = 0;
    for d in digits.iter().rev() {
        acc = ((acc << 64) + *d as u128) % MODULUS as u128;
    }
    let mut h = acc as i64;
    if sign == Sign::Minus {
        h = -h;
    }
    if h == -1 {
        -2
    } else {
        h
    }
}

/// CPython's `_Py_HashDouble` (NaN hashes by identity in CPython; here by a fixed value,
/// which only matters for sets of NaNs).
pub fn float_hash(x: f64) -> i64 {
    if x.is_infinite() {
        return if x > 0.0 { INF } else { -INF };
    }
    if x.is_nan() {
        return 0;
    }
    let (mut m, mut e) = frexp(x.abs());
    let sign = if x < 0.0 { -1 } else { 1 };
    let mut h: u64 = 0;
    while m != 0.0 {
        h = ((h << 28) & MODULUS) | (h >> (61 - 28));
        m *= 268435456.0; // 2**28
        e -= 28;
        let y = m as u64;
        m -= y as f64;
        h += y;
        if h >= MODULUS {
            h -= MODULUS;
        }
    }
    let e = if e >= 0 { e % 61 } else { 61 - 1 - ((-1 - e) % 61) };
    h = ((h << e) & MODULUS) | (h >> (61 - e));
    let h = h as i64 * sign;
    if h == -1 {
        -2
    } else {
        h
    }
}

/// `x = m * 2**e` with 0.5 <= m < 1 (for x > 0).
fn frexp(x: f64) -> (f64, i32) {
    if x == 0.0 {
        return (0.0, 0);
    }
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        // Subnormal: scale up first.
        let (m, e) = frexp(x * f64::from_bits(0x4350000000000000)); // 2**54
        return (m, e - 54);
    }
    let m = f64::from_bits((bits & !(0x7ff << 52)) | (1022 << 52));
    (m, exp - 1022)
}

pub fn str_hash(s: &str) -> i64 {
    if s.is_ascii() {
        // CPython hashes the string's one-byte-per-character form, which for ASCII is its
        // UTF-8: no copy needed.
        return bytes_hash(s.as_bytes());
    }
    let max = s.chars().map(|c| c as u32).max().unwrap_or(0);
    let mut buf: Vec<u8> = Vec::with_capacity(s.len() * 4);
    if max < 0x100 {
        buf.extend(s.chars().map(|c| c as u8));
    } else if max < 0x10000 {
        for c in s.chars() {
            buf.extend_from_slice(&(c as u16).to_le_bytes());
        }
    } else {
        for c in s.chars() {
            buf.extend_from_slice(&(c as u32).to_le_bytes());
        }
    }
    bytes_hash(&buf)
}

pub fn bytes_hash(b: &[u8]) -> i64 {
    if b.is_empty() {
        return 0;
    }
    let h = siphash13(b) as i64;
    if h == -1 {
        -2
    } else {
        h
    }
}

/// SipHash-1-3 with a zero key (CPython's string hash with hash randomization disabled).
fn siphash13(data: &[u8]) -> u64 {
    let (k0, k1) = (0u64, 0u64);
    let mut v0 = k0 ^ 0x736f6d6570736575;
    let mut v1 = k1 ^ 0x646f72616e646f6d;
    let mut v2 = k0 ^ 0x6c7967656e657261;
    let mut v3 = k1 ^ 0x7465646279746573;
    let b = (data.len() as u64) << 56;
    macro_rules! round {
        () => {
            v0 = v0.wrapping_add(v1);
            v1 = v1.rotate_left(13);
            v1 ^= v0;
            v0 = v0.rotate_left(32);
            v2 = v2.wrapping_add(v3);
            v3 = v3.rotate_left(16);
            v3 ^= v2;
            v0 = v0.wrapping_add(v3);
            v3 = v3.rotate_left(21);
            v3 ^= v0;
            v2 = v2.wrapping_add(v1);
            v1 = v1.rotate_left(17);
            v1 ^= v2;
            v2 = v2.rotate_left(32);
        };
    }
    let mut chunks = data.chunks_exact(8);
    for c in &mut chunks {
        let m = u64::from_le_bytes(c.try_into().expect("8 bytes"));
        v3 ^= m;
        round!();
        v0 ^= m;
    }
    let mut last = [0u8; 8];
    let rem = chunks.remainder();
    last[..rem.len()].copy_from_slice(rem);
    let m = u64::from_le_bytes(last) | b;
    v3 ^= m;
    round!();
    v0 ^= m;
    v2 ^= 0xff;
    round!();
    round!();
    round!();
    v0 ^ v1 ^ v2 ^ v3
}

/// CPython 3.11's tuple hash over the items' hashes.
pub fn tuple_hash(items: impl ExactSizeIterator<Item = i64>) -> i64 {
    const P1: u64 = 11400714785074694791;
    const P2: u64 = 14029467366897019727;
    const P5: u64 = 2870177450012600261;
    let len = items.len() as u64;
    let mut acc = P5;
    for h in items {
        acc = acc.wrapping_add((h as u64).wrapping_mul(P2));
        acc = acc.rotate_left(31);
        acc = acc.wrapping_mul(P1);
    }
    acc = acc.wrapping_add(len ^ (P5 ^ 3527539));
    if acc == u64::MAX {
        return 1546275796;
    }
    acc as i64
}

/// Hash of an object hashed by identity (CPython's `_Py_HashPointer`).
pub fn pointer_hash(p: usize) -> i64 {
    let y = p.rotate_right(4) as i64;
    if y == -1 {
        -2
    } else {
        y
    }
}

/// `hash(v)` with CPython's values and its TypeError for unhashable types.
pub fn hash<'gc>(ctx: &mut crate::Ctx<'gc, '_>, v: crate::Value<'gc>) -> crate::PyResult<'gc, i64> {
    use crate::Value;
    Ok(match v {
        Value::Int(i) => int_hash(i),
        Value::Bool(b) => b as i64,
        Value::BigInt(b) => bigint_hash(&b),
        Value::Float(f) => float_hash(f),
        Value::Complex(c) => crate::ops::complex::hash(*c),
        Value::Str(s) => s.hash(),
        Value::Bytes(b) => bytes_hash(&b),
        Value::Tuple(t) => {
            let mut hs = Vec::with_capacity(t.0.len());
            for x in t.0.iter() {
                hs.push(hash(ctx, *x)?);
            }
            tuple_hash(hs.into_iter())
        }
        Value::FrozenSet(s) => frozenset_hash(s.iter().map(|(h, _)| h)),
        Value::List(_) | Value::Dict(_) | Value::Set(_) | Value::Slice(_) => {
            let msg = format!("unhashable type: '{}'", ctx.type_name(v));
            return ctx.type_error(msg);
        }
        Value::DictView(view) if view.kind != crate::object::ViewKind::Values => {
            let msg = format!("unhashable type: '{}'", ctx.type_name(v));
            return ctx.type_error(msg);
        }
        Value::Range(r) => {
            let len = r.len();
            let items = [
                int_hash(len),
                if len == 0 { 0 } else { int_hash(r.start) },
                if len <= 1 { 0 } else { int_hash(r.step) },
            ];
            tuple_hash(items.into_iter())
        }
        Value::Instance(_) => {
            if let Some(h) = crate::ops::attr::user_special_method(ctx, v, crate::dunder!("__hash__"))? {
                if h.is_none() {
                    let msg = format!("unhashable type: '{}'", ctx.type_name(v));
                    return ctx.type_error(msg);
                }
                let r = crate::interp::call_value(ctx, h, &[], &[])?;
                return match r {
                    Value::Int(i) => Ok(int_hash(i)),
                    _ => ctx.type_error("__hash__ method should return an integer"),
                };
            }
            pointer_hash(v.ptr().unwrap_or(0))
        }
        Value::None => pointer_hash(0x9a5c40),
        _ => pointer_hash(v.ptr().unwrap_or(0)),
    })
}

/// CPython's frozenset hash (order-independent mix of the item hashes).
pub fn frozenset_hash(items: impl Iterator<Item = i64>) -> i64 {
    fn shuffle(h: u64) -> u64 {
        ((h ^ 89869747) ^ (h << 16)).wrapping_mul(3644798167)
    }
    let mut hash: u64 = 0;
    let mut n: u64 = 0;
    for h in items {
        hash ^= shuffle(h as u64);
        n += 1;
    }
    hash ^= (n.wrapping_add(1)).wrapping_mul(1927868237);
    hash ^= (hash >> 11) ^ (hash >> 25);
    hash = hash.wrapping_mul(69069).wrapping_add(907133923);
    let h = hash as i64;
    if h == -1 {
        590923713
    } else {
        h
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_cpython() {
        // Values printed by CPython 3.11 with PYTHONHASHSEED=0.
        assert_eq!(int_hash(-1), -2);
        assert_eq!(int_hash(1 << 61), 1);
        assert_eq!(float_hash(1.5), 1152921504606846977);
        assert_eq!(float_hash(-0.1), -230584300921369408);
        assert_eq!(tuple_hash([1i64, 2].into_iter()), -3550055125485641917);
        assert_eq!(str_hash("a"), 4644417185603328019);
        assert_eq!(str_hash("héllo"), 6395329678795984700);
        assert_eq!(str_hash("日本"), 6243316497235261705);
        assert_eq!(str_hash("abcdefghijklmnop"), -7712962755478248686);
        assert_eq!(bytes_hash(b"abc"), -4594863902769663758);
    }
}
