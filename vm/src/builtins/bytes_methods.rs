//! The `bytes` constructor, and the methods of `bytes` that mirror `str` (searching,
//! splitting, stripping, joining, replacing, ASCII case), plus `decode()` and `hex()`, with
//! CPython 3.11's messages.
//! Whitespace and case are ASCII's; a searched-for subsequence may also be a single byte
//! given as an int.

use gc_arena::Gc;

use super::method_args::{
    adjust_indices, c_int_arg, clinic_type_name, index_arg, keyword_args, method_args, receiver, slice_index,
    Convention,
};
use super::methods;
use crate::ctx::{Ctx, PyResult};
use crate::object::Args;
use crate::ops;
use crate::value::Value;

use Convention::{NoArgs, One, ParseTuple, Positional};

type Bytes<'gc> = Gc<'gc, Box<[u8]>>;

pub fn install<'gc>(ctx: &mut Ctx<'gc, '_>) {
    let class = ctx.st.types.bytes;
    methods(
        ctx,
        class,
        &[
            ("decode", decode),
            ("hex", hex),
            ("join", join),
            ("split", split),
            ("rsplit", rsplit),
            ("strip", strip),
            ("lstrip", lstrip),
            ("rstrip", rstrip),
            ("startswith", startswith),
            ("endswith", endswith),
            ("replace", replace),
            ("find", find),
            ("rfind", rfind),
            ("index", index),
            ("rindex", rindex),
            ("count", count),
            ("upper", upper),
            ("lower", lower),
            ("partition", partition),
            ("rpartition", rpartition),
        ],
    );
}

const BYTES: super::Signature = super::Signature {
    name: "bytes",
    params: &["source", "encoding", "errors"],
    posonly: 0,
    max_positional: 3,
    required: 0,
};

/// `bytes(source=b'', encoding=None, errors=None)` (`bytes_new_impl`): a str encoded, an
/// object's `__bytes__`, a count of zero bytes, or the ints of an iterable.
pub fn bytes_new<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    let rest = Args { args: args.args.get(1..).unwrap_or(&[]), kwnames: args.kwnames };
    let a = super::bind_args(ctx, &BYTES, &rest)?;
    let text = |ctx: &Ctx<'gc, '_>, name: &str, v: Option<Value<'gc>>| match v {
        None => Ok(None),
        Some(Value::Str(s)) => Ok(Some(Gc::as_ref(s).as_str())),
        Some(v) => {
            ctx.type_error(format!("bytes() argument '{name}' must be str, not {}", clinic_type_name(ctx, v)))
        }
    };
    let encoding = text(ctx, "encoding", a[1])?;
    let errors = text(ctx, "errors", a[2])?;
    let new = |ctx: &Ctx<'gc, '_>, b: Vec<u8>| Value::Bytes(Gc::new(ctx.mc, b.into_boxed_slice()));
    let Some(source) = a[0] else {
        return match (encoding, errors) {
            (Some(_), _) => ctx.type_error("encoding without a string argument"),
            (None, Some(_)) => ctx.type_error("errors without a string argument"),
            (None, None) => Ok(new(ctx, Vec::new())),
        };
    };
    if let Some(encoding) = encoding {
        let Value::Str(s) = source else { return ctx.type_error("encoding without a string argument") };
        let b = super::codecs::encode(ctx, s, encoding, errors.unwrap_or("strict"))?;
        return Ok(new(ctx, b));
    }
    if errors.is_some() {
        return ctx.type_error(if matches!(source, Value::Str(_)) {
            "string argument without an encoding"
        } else {
            "errors without a string argument"
        });
    }
    match source {
        Value::Bytes(_) => return Ok(source),
        Value::Str(_) => return ctx.type_error("string argument without an encoding"),
        Value::Instance(_) => {
            if let Some(m) = ops::attr::special_method(ctx, source, "__bytes__")? {
                let r = crate::interp::call_value(ctx, m, &[], &[])?;
                if !matches!(r, Value::Bytes(_)) {
                    let msg = format!("__bytes__ returned non-bytes (type {})", ctx.type_name(r));
                    return ctx.type_error(msg);
                }
                return Ok(r);
            }
        }
        _ => {}
    }
    let is_index = ops::num::as_int(source).is_some()
        || matches!(source, Value::Instance(i) if i.class.lookup("__index__").is_some());
    if is_index {
        let n = match super::numeric::index_arg(ctx, source)? {
            ops::num::IntArg::Small(n) => n,
            ops::num::IntArg::Big(_) => {
                return Err(ctx.error("OverflowError", "cannot fit 'int' into an index-sized integer"));
            }
        };
        if n < 0 {
            return ctx.value_error("negative count");
        }
        let mut b = Vec::new();
        if b.try_reserve_exact(n as usize).is_err() {
            return Err(super::method_args::memory_error(ctx));
        }
        b.resize(n as usize, 0);
        return Ok(new(ctx, b));
    }
    let b = super::numeric::bytes_of(ctx, source)?;
    Ok(new(ctx, b))
}

fn is_bytes(v: Value<'_>) -> bool {
    matches!(v, Value::Bytes(_))
}

fn this<'gc, 'a>(
    ctx: &Ctx<'gc, '_>,
    args: &Args<'gc, 'a>,
    method: &str,
    conv: Convention,
) -> PyResult<'gc, (Bytes<'gc>, &'a [Value<'gc>])> {
    let (this, rest) = method_args(ctx, args, "bytes", method, is_bytes, conv)?;
    Ok((as_bytes(ctx, this)?, rest))
}

fn this_only<'gc>(ctx: &Ctx<'gc, '_>, args: &Args<'gc, '_>, method: &str) -> PyResult<'gc, Bytes<'gc>> {
    let this = receiver(ctx, args, "bytes", method, is_bytes)?;
    as_bytes(ctx, this)
}

/// A bytes-like argument: "a bytes-like object is required, not 'str'".
fn as_bytes<'gc>(ctx: &Ctx<'gc, '_>, v: Value<'gc>) -> PyResult<'gc, Bytes<'gc>> {
    match v {
        Value::Bytes(b) => Ok(b),
        _ => ctx.type_error(format!("a bytes-like object is required, not '{}'", ctx.type_name(v))),
    }
}

fn new_bytes<'gc>(ctx: &Ctx<'gc, '_>, data: &[u8]) -> Value<'gc> {
    Value::Bytes(Gc::new(ctx.mc, data.into()))
}

fn bytes_list<'gc>(ctx: &Ctx<'gc, '_>, parts: Vec<&[u8]>) -> Value<'gc> {
    let items: Vec<Value<'gc>> = parts.into_iter().map(|p| new_bytes(ctx, p)).collect();
    ctx.new_list(items)
}

/// `bytes.isspace()` for one byte.
fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0b' | b'\x0c')
}

fn trim_start(data: &[u8]) -> &[u8] {
    &data[data.iter().position(|&c| !is_space(c)).unwrap_or(data.len())..]
}

fn trim_end(data: &[u8]) -> &[u8] {
    &data[..data.iter().rposition(|&c| !is_space(c)).map_or(0, |i| i + 1)]
}

// ---- searching ----------------------------------------------------------------------

/// The first occurrence of `needle` in `haystack` (Knuth-Morris-Pratt: linear whatever
/// the input).
fn find_bytes(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    match needle {
        [] => Some(0),
        [b] => haystack.iter().position(|x| x == b),
        _ => kmp(haystack.len(), needle.len(), |i| haystack[i], |i| needle[i])
            .map(|end| end + 1 - needle.len()),
    }
}

/// The last occurrence of `needle` in `haystack`: the same search over both reversed.
fn rfind_bytes(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    let (h, n) = (haystack.len(), needle.len());
    match needle {
        [] => Some(h),
        [b] => haystack.iter().rposition(|x| x == b),
        _ => kmp(h, n, |i| haystack[h - 1 - i], |i| needle[n - 1 - i]).map(|end| h - 1 - end),
    }
}

/// KMP over sequences given by accessors; the index in the haystack where the first match
/// ends.
fn kmp(h: usize, n: usize, hay: impl Fn(usize) -> u8, pat: impl Fn(usize) -> u8) -> Option<usize> {
    if n > h {
        return None;
    }
    // fail[i]: the length of the longest proper border of pat[..=i].
    let mut fail = vec![0usize; n];
    let mut k = 0;
    for i in 1..n {
        while k > 0 && pat(i) != pat(k) {
            k = fail[k - 1];
        }
        if pat(i) == pat(k) {
            k += 1;
        }
        fail[i] = k;
    }
    let mut k = 0;
    for i in 0..h {
        while k > 0 && hay(i) != pat(k) {
            k = fail[k - 1];
        }
        if hay(i) == pat(k) {
            k += 1;
            if k == n {
                return Some(i);
            }
        }
    }
    None
}

/// The non-overlapping occurrences of `needle` (not empty) in `haystack`, at most `limit`.
fn match_positions(haystack: &[u8], needle: &[u8], limit: usize) -> Vec<usize> {
    let mut out = Vec::new();
    let mut from = 0;
    while out.len() < limit {
        match find_bytes(&haystack[from..], needle) {
            Some(i) => {
                out.push(from + i);
                from += i + needle.len();
            }
            None => break,
        }
    }
    out
}

/// A searched-for subsequence: bytes, or one byte as an int.
fn sub_arg<'gc>(ctx: &mut Ctx<'gc, '_>, v: Value<'gc>) -> PyResult<'gc, Vec<u8>> {
    match v {
        Value::Bytes(b) => Ok(b.to_vec()),
        Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => {
            match ops::compare::small_int(v).and_then(|n| u8::try_from(n).ok()) {
                Some(b) => Ok(vec![b]),
                None => ctx.value_error("byte must be in range(0, 256)"),
            }
        }
        _ => ctx.type_error(format!(
            "argument should be integer or bytes-like object, not '{}'",
            ctx.type_name(v)
        )),
    }
}

fn search_args<'gc>(
    ctx: &mut Ctx<'gc, '_>,
    args: &Args<'gc, '_>,
    method: &str,
) -> PyResult<'gc, (Bytes<'gc>, Vec<u8>, i64, i64)> {
    let (b, rest) = this(ctx, args, method, ParseTuple { min: 1, max: 3 })?;
    let start = slice_index(ctx, rest.get(1).copied())?;
    let end = slice_index(ctx, rest.get(2).copied())?;
    let sub = sub_arg(ctx, rest[0])?;
    let (start, end) = adjust_indices(start, end, b.len());
    Ok((b, sub, start, end))
}

fn find_impl<'gc>(
    ctx: &mut Ctx<'gc, '_>,
    args: Args<'gc, '_>,
    method: &str,
    from_right: bool,
) -> PyResult<'gc, Option<usize>> {
    let (b, sub, start, end) = search_args(ctx, &args, method)?;
    if end - start < sub.len() as i64 {
        return Ok(None);
    }
    let (start, end) = (start as usize, end as usize);
    let window = &b[start..end];
    let found = if from_right { rfind_bytes(window, &sub) } else { find_bytes(window, &sub) };
    Ok(found.map(|i| start + i))
}

fn find<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    Ok(Value::Int(find_impl(ctx, args, "find", false)?.map_or(-1, |i| i as i64)))
}

fn rfind<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    Ok(Value::Int(find_impl(ctx, args, "rfind", true)?.map_or(-1, |i| i as i64)))
}

fn index<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    match find_impl(ctx, args, "index", false)? {
        Some(i) => Ok(Value::Int(i as i64)),
        None => ctx.value_error("subsection not found"),
    }
}

fn rindex<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    match find_impl(ctx, args, "rindex", true)? {
        Some(i) => Ok(Value::Int(i as i64)),
        None => ctx.value_error("subsection not found"),
    }
}

fn count<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    let (b, sub, start, end) = search_args(ctx, &args, "count")?;
    if end - start < sub.len() as i64 {
        return Ok(Value::Int(0));
    }
    if sub.is_empty() {
        return Ok(Value::Int(end - start + 1));
    }
    let window = &b[start as usize..end as usize];
    Ok(Value::Int(match_positions(window, &sub, usize::MAX).len() as i64))
}

fn startswith<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    affix_match(ctx, args, "startswith", true)
}

fn endswith<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    affix_match(ctx, args, "endswith", false)
}

fn affix_match<'gc>(
    ctx: &mut Ctx<'gc, '_>,
    args: Args<'gc, '_>,
    method: &str,
    at_start: bool,
) -> PyResult<'gc, Value<'gc>> {
    let (b, rest) = this(ctx, &args, method, ParseTuple { min: 1, max: 3 })?;
    let start = slice_index(ctx, rest.get(1).copied())?;
    let end = slice_index(ctx, rest.get(2).copied())?;
    let (start, end) = adjust_indices(start, end, b.len());
    let window = if start > end { None } else { Some(&b[start as usize..end as usize]) };
    let matches = |affix: &[u8]| {
        window.is_some_and(|w| if at_start { w.starts_with(affix) } else { w.ends_with(affix) })
    };
    match rest[0] {
        Value::Bytes(affix) => Ok(Value::Bool(matches(&affix))),
        Value::Tuple(t) => {
            for item in t.as_slice() {
                if matches(&as_bytes(ctx, *item)?) {
                    return Ok(Value::Bool(true));
                }
            }
            Ok(Value::Bool(false))
        }
        other => {
            let msg =
                format!("{method} first arg must be bytes or a tuple of bytes, not {}", ctx.type_name(other));
            ctx.type_error(msg)
        }
    }
}

// ---- splitting and joining ----------------------------------------------------------

fn split_args<'gc>(
    ctx: &mut Ctx<'gc, '_>,
    args: &Args<'gc, '_>,
    method: &str,
) -> PyResult<'gc, (Bytes<'gc>, Option<Bytes<'gc>>, usize)> {
    let b = this_only(ctx, args, method)?;
    let [sep, maxsplit] = keyword_args(ctx, args, method, ["sep", "maxsplit"])?;
    let maxsplit = match maxsplit {
        None => usize::MAX,
        Some(v) => usize::try_from(index_arg(ctx, v)?).unwrap_or(usize::MAX),
    };
    let sep = match sep {
        None | Some(Value::None) => None,
        Some(v) => {
            let sep = as_bytes(ctx, v)?;
            if sep.is_empty() {
                return ctx.value_error("empty separator");
            }
            Some(sep)
        }
    };
    Ok((b, sep, maxsplit))
}

fn split<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    let (b, sep, maxsplit) = split_args(ctx, &args, "split")?;
    let data: &[u8] = &b;
    let parts = match sep {
        Some(sep) => {
            let mut parts = Vec::new();
            let mut last = 0;
            for i in match_positions(data, &sep, maxsplit) {
                parts.push(&data[last..i]);
                last = i + sep.len();
            }
            parts.push(&data[last..]);
            parts
        }
        None => {
            let mut parts = Vec::new();
            let mut rest = trim_start(data);
            while !rest.is_empty() {
                if parts.len() == maxsplit {
                    parts.push(rest);
                    break;
                }
                let end = rest.iter().position(|&c| is_space(c)).unwrap_or(rest.len());
                parts.push(&rest[..end]);
                rest = trim_start(&rest[end..]);
            }
            parts
        }
    };
    Ok(bytes_list(ctx, parts))
}

fn rsplit<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    let (b, sep, maxsplit) = split_args(ctx, &args, "rsplit")?;
    let data: &[u8] = &b;
    let mut parts = Vec::new();
    match sep {
        Some(sep) => {
            let mut rest = data;
            while parts.len() < maxsplit {
                let Some(i) = rfind_bytes(rest, &sep) else { break };
                parts.push(&rest[i + sep.len()..]);
                rest = &rest[..i];
            }
            parts.push(rest);
        }
        None => {
            let mut rest = trim_end(data);
            while !rest.is_empty() {
                if parts.len() == maxsplit {
                    parts.push(rest);
                    break;
                }
                let start = rest.iter().rposition(|&c| is_space(c)).map_or(0, |i| i + 1);
                parts.push(&rest[start..]);
                rest = trim_end(&rest[..start]);
            }
        }
    }
    parts.reverse();
    Ok(bytes_list(ctx, parts))
}

fn join<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    let (sep, rest) = this(ctx, &args, "join", One)?;
    let iterable = rest[0];
    if !ops::iter::is_iterable(ctx, iterable) {
        return ctx.type_error("can only join an iterable");
    }
    let items = ops::iter::to_vec(ctx, iterable)?;
    let mut out = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let Value::Bytes(piece) = item else {
            let msg =
                format!("sequence item {i}: expected a bytes-like object, {} found", ctx.type_name(*item));
            return ctx.type_error(msg);
        };
        if i > 0 {
            out.extend_from_slice(&sep);
        }
        out.extend_from_slice(piece);
    }
    Ok(new_bytes(ctx, &out))
}

fn partition<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    partition_impl(ctx, args, "partition", false)
}

fn rpartition<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    partition_impl(ctx, args, "rpartition", true)
}

fn partition_impl<'gc>(
    ctx: &mut Ctx<'gc, '_>,
    args: Args<'gc, '_>,
    method: &str,
    from_right: bool,
) -> PyResult<'gc, Value<'gc>> {
    let (b, rest) = this(ctx, &args, method, One)?;
    let sep = as_bytes(ctx, rest[0])?;
    if sep.is_empty() {
        return ctx.value_error("empty separator");
    }
    let found = if from_right { rfind_bytes(&b, &sep) } else { find_bytes(&b, &sep) };
    let empty = new_bytes(ctx, b"");
    let parts = match found {
        Some(i) => vec![new_bytes(ctx, &b[..i]), Value::Bytes(sep), new_bytes(ctx, &b[i + sep.len()..])],
        None if from_right => vec![empty, empty, Value::Bytes(b)],
        None => vec![Value::Bytes(b), empty, empty],
    };
    Ok(ctx.new_tuple(parts))
}

// ---- stripping, replacing, case -----------------------------------------------------

fn strip_impl<'gc>(
    ctx: &mut Ctx<'gc, '_>,
    args: Args<'gc, '_>,
    method: &str,
    left: bool,
    right: bool,
) -> PyResult<'gc, Value<'gc>> {
    let (b, rest) = this(ctx, &args, method, Positional { min: 0, max: 1 })?;
    let mut set = [false; 256];
    match rest.first() {
        None | Some(Value::None) => {
            for c in *b" \t\n\r\x0b\x0c" {
                set[c as usize] = true;
            }
        }
        Some(v) => {
            for &c in as_bytes(ctx, *v)?.iter() {
                set[c as usize] = true;
            }
        }
    }
    let data: &[u8] = &b;
    let start = if left { data.iter().position(|&c| !set[c as usize]).unwrap_or(data.len()) } else { 0 };
    let end = if right {
        data.iter().rposition(|&c| !set[c as usize]).map_or(start, |i| i + 1)
    } else {
        data.len()
    };
    let end = end.max(start);
    if start == 0 && end == data.len() {
        return Ok(Value::Bytes(b));
    }
    Ok(new_bytes(ctx, &data[start..end]))
}

fn strip<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    strip_impl(ctx, args, "strip", true, true)
}

fn lstrip<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    strip_impl(ctx, args, "lstrip", true, false)
}

fn rstrip<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    strip_impl(ctx, args, "rstrip", false, true)
}

fn replace<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    let (b, rest) = this(ctx, &args, "replace", Positional { min: 2, max: 3 })?;
    let old = as_bytes(ctx, rest[0])?;
    let new = as_bytes(ctx, rest[1])?;
    let count = match rest.get(2) {
        Some(v) => usize::try_from(index_arg(ctx, *v)?).unwrap_or(usize::MAX),
        None => usize::MAX,
    };
    let data: &[u8] = &b;
    let positions: Vec<usize> = if old.is_empty() {
        (0..=data.len()).take(count).collect()
    } else {
        match_positions(data, &old, count)
    };
    if positions.is_empty() {
        return Ok(Value::Bytes(b));
    }
    let size =
        (data.len() - positions.len() * old.len()).saturating_add(positions.len().saturating_mul(new.len()));
    let mut out = Vec::new();
    if out.try_reserve_exact(size).is_err() {
        return Err(super::method_args::memory_error(ctx));
    }
    let mut last = 0;
    for i in positions {
        out.extend_from_slice(&data[last..i]);
        out.extend_from_slice(&new);
        last = i + old.len();
    }
    out.extend_from_slice(&data[last..]);
    Ok(new_bytes(ctx, &out))
}

fn upper<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    let (b, _) = this(ctx, &args, "upper", NoArgs)?;
    Ok(new_bytes(ctx, &b.to_ascii_uppercase()))
}

fn lower<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    let (b, _) = this(ctx, &args, "lower", NoArgs)?;
    Ok(new_bytes(ctx, &b.to_ascii_lowercase()))
}

// ---- decoding and hex ---------------------------------------------------------------

fn decode<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    let b = this_only(ctx, &args, "decode")?;
    let [encoding, errors] = keyword_args(ctx, &args, "decode", ["encoding", "errors"])?;
    let text_arg = |name: &str, v: Option<Value<'gc>>, default: &'static str| -> PyResult<'gc, &'gc str> {
        match v {
            None => Ok(default),
            Some(Value::Str(s)) => Ok(Gc::as_ref(s).as_str()),
            Some(v) => {
                let msg = format!("decode() argument '{name}' must be str, not {}", clinic_type_name(ctx, v));
                ctx.type_error(msg)
            }
        }
    };
    let encoding = text_arg("encoding", encoding, "utf-8")?;
    let errors = text_arg("errors", errors, "strict")?;
    let text = super::codecs::decode(ctx, Value::Bytes(b), &b, encoding, errors)?;
    Ok(ctx.new_str(text))
}

/// `hex(sep=..., bytes_per_sep=1)`: two hex digits a byte, with `sep` between groups of
/// `bytes_per_sep` bytes counted from the right (from the left when negative).
fn hex<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    let b = this_only(ctx, &args, "hex")?;
    let [sep, per] = keyword_args(ctx, &args, "hex", ["sep", "bytes_per_sep"])?;
    let per = match per {
        Some(v) => c_int_arg(ctx, v)?,
        None => 1,
    };
    let sep = match sep {
        None => None,
        Some(v) => {
            let sep: Vec<char> = match v {
                Value::Str(s) => s.as_str().chars().collect(),
                Value::Bytes(s) => s.iter().map(|&c| c as char).collect(),
                _ => {
                    let msg = format!("object of type '{}' has no len()", ctx.type_name(v));
                    return ctx.type_error(msg);
                }
            };
            match sep[..] {
                [c] if c.is_ascii() => Some(c),
                [_] => return ctx.value_error("sep must be ASCII."),
                _ => return ctx.value_error("sep must be length 1."),
            }
        }
    };
    let group = per.unsigned_abs() as usize;
    let mut out = String::with_capacity(b.len() * 3);
    for (i, byte) in b.iter().enumerate() {
        if let Some(sep) = sep.filter(|_| i > 0 && group > 0) {
            let boundary = if per > 0 { (b.len() - i) % group == 0 } else { i % group == 0 };
            if boundary {
                out.push(sep);
            }
        }
        out.push_str(&format!("{byte:02x}"));
    }
    Ok(ctx.new_str(out))
}

#[cfg(test)]
mod tests {
    use super::{find_bytes, match_positions, rfind_bytes};

    #[test]
    fn searching() {
        assert_eq!(find_bytes(b"abcabcabd", b"abd"), Some(6));
        assert_eq!(find_bytes(b"aaaa", b"aab"), None);
        assert_eq!(rfind_bytes(b"abcabcabd", b"abc"), Some(3));
        assert_eq!(rfind_bytes(b"aaa", b"aa"), Some(1));
        assert_eq!(find_bytes(b"", b"a"), None);
        assert_eq!(rfind_bytes(b"ab", b""), Some(2));
        assert_eq!(match_positions(b"aaaaa", b"aa", usize::MAX), vec![0, 2]);
    }
}
