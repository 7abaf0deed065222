//! The text codecs behind `str.encode()` and `bytes.decode()`: UTF-8 (and UTF-8 with a
//! signature), ASCII and Latin-1 under their CPython names and aliases, with the standard
//! error handlers and CPython's UnicodeEncodeError/UnicodeDecodeError.

use gc_arena::Gc;

use crate::ctx::{Ctx, PyErr, PyResult};
use crate::object::PyStr;
use crate::value::Value;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Codec {
    Utf8,
    Utf8Sig,
    Ascii,
    Latin1,
}

impl Codec {
    /// The name error messages use.
    fn name(self) -> &'static str {
        match self {
            Codec::Utf8 => "utf-8",
            Codec::Utf8Sig => "utf-8-sig",
            Codec::Ascii => "ascii",
            Codec::Latin1 => "latin-1",
        }
    }
}

/// The registered names (as `encodings.normalize_encoding` leaves them) of the codecs here.
const NAMES: &[(&str, Codec)] = &[
    ("646", Codec::Ascii),
    ("8859", Codec::Latin1),
    ("ansi_x3.4_1968", Codec::Ascii),
    ("ansi_x3.4_1986", Codec::Ascii),
    ("ansi_x3_4_1968", Codec::Ascii),
    ("ascii", Codec::Ascii),
    ("cp367", Codec::Ascii),
    ("cp65001", Codec::Utf8),
    ("cp819", Codec::Latin1),
    ("csascii", Codec::Ascii),
    ("csisolatin1", Codec::Latin1),
    ("ibm367", Codec::Ascii),
    ("ibm819", Codec::Latin1),
    ("iso646_us", Codec::Ascii),
    ("iso8859", Codec::Latin1),
    ("iso8859_1", Codec::Latin1),
    ("iso_646.irv_1991", Codec::Ascii),
    ("iso_8859_1", Codec::Latin1),
    ("iso_8859_1_1987", Codec::Latin1),
    ("iso_ir_100", Codec::Latin1),
    ("iso_ir_6", Codec::Ascii),
    ("l1", Codec::Latin1),
    ("latin", Codec::Latin1),
    ("latin1", Codec::Latin1),
    ("latin_1", Codec::Latin1),
    ("u8", Codec::Utf8),
    ("us", Codec::Ascii),
    ("us_ascii", Codec::Ascii),
    ("utf", Codec::Utf8),
    ("utf8", Codec::Utf8),
    ("utf8_ucs2", Codec::Utf8),
    ("utf8_ucs4", Codec::Utf8),
    ("utf_8", Codec::Utf8),
    ("utf_8_sig", Codec::Utf8Sig),
];

const UTF8_BOM: &[u8] = b"\xef\xbb\xbf";

/// The codec CPython's registry finds for `encoding`: lower-cased, runs of characters other
/// than ASCII letters, digits and dots turned into single underscores (none at the ends),
/// then looked up among the names and aliases (also with dots as underscores).
fn lookup<'gc>(ctx: &Ctx<'gc, '_>, encoding: &str) -> PyResult<'gc, Codec> {
    let mut norm = String::with_capacity(encoding.len());
    let mut punct = false;
    for c in encoding.chars() {
        if c.is_alphanumeric() || c == '.' {
            if punct && !norm.is_empty() {
                norm.push('_');
            }
            if c.is_ascii() {
                norm.push(c.to_ascii_lowercase());
            }
            punct = false;
        } else {
            punct = true;
        }
    }
    let find = |name: &str| NAMES.binary_search_by_key(&name, |&(n, _)| n).ok().map(|i| NAMES[i].1);
    match find(&norm).or_else(|| find(&norm.replace('.', "_"))) {
        Some(codec) => Ok(codec),
        None => Err(ctx.error("LookupError", format!("unknown encoding: {encoding}"))),
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Handler {
    Strict,
    Ignore,
    Replace,
    BackslashReplace,
    XmlCharRefReplace,
}

/// The error handler named `errors`; looked up only once an error happens, as CPython does.
fn handler<'gc>(ctx: &Ctx<'gc, '_>, errors: &str, encoding: bool) -> PyResult<'gc, Handler> {
    Ok(match errors {
        "strict" => Handler::Strict,
        // Only lone surrogates make these differ from strict, and cellvm's strings hold none;
        // surrogateescape decoding would have to make one.
        "surrogatepass" => Handler::Strict,
        "surrogateescape" if encoding => Handler::Strict,
        "ignore" => Handler::Ignore,
        "replace" => Handler::Replace,
        "backslashreplace" => Handler::BackslashReplace,
        "xmlcharrefreplace" if encoding => Handler::XmlCharRefReplace,
        "xmlcharrefreplace" | "namereplace" if !encoding => {
            return ctx.type_error("don't know how to handle UnicodeDecodeError in error callback");
        }
        "surrogateescape" => {
            return ctx
                .value_error("surrogateescape decoding is not supported by cellvm (no lone surrogates)");
        }
        _ => return Err(ctx.error("LookupError", format!("unknown error handler name '{errors}'"))),
    })
}

/// `s.encode(encoding, errors)`.
pub fn encode<'gc>(
    ctx: &Ctx<'gc, '_>,
    s: Gc<'gc, PyStr>,
    encoding: &str,
    errors: &str,
) -> PyResult<'gc, Vec<u8>> {
    let codec = lookup(ctx, encoding)?;
    let text = Gc::as_ref(s).as_str();
    let limit: u32 = match codec {
        Codec::Utf8 => return Ok(text.as_bytes().to_vec()),
        Codec::Utf8Sig => return Ok([UTF8_BOM, text.as_bytes()].concat()),
        Codec::Ascii => 0x80,
        Codec::Latin1 => 0x100,
    };
    if s.is_ascii() {
        return Ok(text.as_bytes().to_vec());
    }
    let mut out = Vec::with_capacity(text.len());
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i] as u32;
        if c < limit {
            out.push(c as u8);
            i += 1;
            continue;
        }
        // The run of characters the codec cannot encode: what a strict error reports.
        let end = chars[i..].iter().position(|&c| (c as u32) < limit).map_or(chars.len(), |n| i + n);
        match handler(ctx, errors, true)? {
            Handler::Strict => {
                let reason = format!("ordinal not in range({limit})");
                return Err(encode_error(ctx, codec, s, i, end, &reason));
            }
            Handler::Ignore => {}
            Handler::Replace => out.extend(std::iter::repeat_n(b'?', end - i)),
            Handler::BackslashReplace => {
                for &c in &chars[i..end] {
                    out.extend_from_slice(backslash_escape(c as u32).as_bytes());
                }
            }
            Handler::XmlCharRefReplace => {
                for &c in &chars[i..end] {
                    out.extend_from_slice(format!("&#{};", c as u32).as_bytes());
                }
            }
        }
        i = end;
    }
    Ok(out)
}

fn backslash_escape(c: u32) -> String {
    if c < 0x100 {
        format!("\\x{c:02x}")
    } else if c < 0x10000 {
        format!("\\u{c:04x}")
    } else {
        format!("\\U{c:08x}")
    }
}

fn encode_error<'gc>(
    ctx: &Ctx<'gc, '_>,
    codec: Codec,
    s: Gc<'gc, PyStr>,
    start: usize,
    end: usize,
    reason: &str,
) -> PyErr<'gc> {
    unicode_error(ctx, "UnicodeEncodeError", codec, Value::Str(s), start, end, reason)
}

/// A UnicodeEncodeError or UnicodeDecodeError with CPython's five arguments, also readable
/// as its `encoding`, `object`, `start`, `end` and `reason` attributes.
fn unicode_error<'gc>(
    ctx: &Ctx<'gc, '_>,
    class: &str,
    codec: Codec,
    object: Value<'gc>,
    start: usize,
    end: usize,
    reason: &str,
) -> PyErr<'gc> {
    let values = [
        ctx.new_str(codec.name()),
        object,
        Value::Int(start as i64),
        Value::Int(end as i64),
        ctx.new_str(reason),
    ];
    let mut attributes = crate::object::Dict::new();
    for (name, v) in ["encoding", "object", "start", "end", "reason"].into_iter().zip(values) {
        let key = ctx.new_str(name);
        let h = crate::ops::hash::str_hash(name);
        attributes.insert(h, key, v, &mut |a, b| crate::ops::compare::builtin_eq(a, b));
    }
    let e = ctx.new_exc(ctx.exc_class(class), values.to_vec());
    e.borrow_mut(ctx.mc).dict = Some(ctx.new_dict(attributes));
    e
}

/// Whether `class` is UnicodeEncodeError, UnicodeDecodeError or a subclass of one.
pub fn is_unicode_error<'gc>(ctx: &Ctx<'gc, '_>, class: Gc<'gc, crate::object::Class<'gc>>) -> bool {
    ["UnicodeEncodeError", "UnicodeDecodeError"]
        .into_iter()
        .any(|name| crate::object::Class::is_subclass(class, ctx.exc_class(name)))
}

/// `b.decode(encoding, errors)`; `object` is the bytes value itself (for the error).
pub fn decode<'gc>(
    ctx: &Ctx<'gc, '_>,
    object: Value<'gc>,
    bytes: &[u8],
    encoding: &str,
    errors: &str,
) -> PyResult<'gc, String> {
    let codec = lookup(ctx, encoding)?;
    match codec {
        Codec::Latin1 => Ok(bytes.iter().map(|&b| b as char).collect()),
        Codec::Ascii => {
            if bytes.is_ascii() {
                return Ok(bytes.iter().map(|&b| b as char).collect());
            }
            let mut out = String::with_capacity(bytes.len());
            for (i, &b) in bytes.iter().enumerate() {
                if b < 0x80 {
                    out.push(b as char);
                    continue;
                }
                match handler(ctx, errors, false)? {
                    Handler::Strict | Handler::XmlCharRefReplace => {
                        return Err(decode_error(ctx, codec, object, i, i + 1, "ordinal not in range(128)"));
                    }
                    Handler::Ignore => {}
                    Handler::Replace => out.push('\u{FFFD}'),
                    Handler::BackslashReplace => out.push_str(&format!("\\x{b:02x}")),
                }
            }
            Ok(out)
        }
        Codec::Utf8 => decode_utf8(ctx, object, bytes, errors),
        Codec::Utf8Sig => match bytes.strip_prefix(UTF8_BOM) {
            // Errors after a signature are UTF-8's, about the bytes after it.
            Some(rest) => decode_utf8(ctx, Value::Bytes(Gc::new(ctx.mc, rest.into())), rest, errors),
            None => decode_utf8(ctx, object, bytes, errors),
        },
    }
}

fn decode_utf8<'gc>(
    ctx: &Ctx<'gc, '_>,
    object: Value<'gc>,
    bytes: &[u8],
    errors: &str,
) -> PyResult<'gc, String> {
    let mut out = String::with_capacity(bytes.len());
    let mut rest = bytes;
    loop {
        match std::str::from_utf8(rest) {
            Ok(s) => {
                out.push_str(s);
                return Ok(out);
            }
            Err(e) => {
                let good = e.valid_up_to();
                out.push_str(std::str::from_utf8(&rest[..good]).unwrap_or_default());
                // The bad sequence: the longest prefix of a valid one, or the incomplete tail.
                let bad_len = e.error_len().unwrap_or(rest.len() - good);
                let bad = &rest[good..good + bad_len];
                match handler(ctx, errors, false)? {
                    Handler::Strict | Handler::XmlCharRefReplace => {
                        let reason = if e.error_len().is_none() {
                            "unexpected end of data"
                        } else if matches!(bad[0], 0x80..=0xC1 | 0xF5..=0xFF) {
                            "invalid start byte"
                        } else {
                            "invalid continuation byte"
                        };
                        let start = bytes.len() - rest.len() + good;
                        return Err(decode_error(ctx, Codec::Utf8, object, start, start + bad_len, reason));
                    }
                    Handler::Ignore => {}
                    Handler::Replace => out.push('\u{FFFD}'),
                    Handler::BackslashReplace => {
                        for b in bad {
                            out.push_str(&format!("\\x{b:02x}"));
                        }
                    }
                }
                rest = &rest[good + bad_len..];
            }
        }
    }
}

fn decode_error<'gc>(
    ctx: &Ctx<'gc, '_>,
    codec: Codec,
    object: Value<'gc>,
    start: usize,
    end: usize,
    reason: &str,
) -> PyErr<'gc> {
    unicode_error(ctx, "UnicodeDecodeError", codec, object, start, end, reason)
}

/// The message of a UnicodeEncodeError or UnicodeDecodeError made from the five standard
/// arguments (encoding, object, start, end, reason), as CPython's `__str__` writes it.
pub fn unicode_error_message(args: &[Value<'_>]) -> Option<String> {
    let [Value::Str(encoding), object, Value::Int(start), Value::Int(end), Value::Str(reason)] = *args else {
        return None;
    };
    let (encoding, reason) = (encoding.as_str(), reason.as_str());
    let at = usize::try_from(start).ok();
    Some(match object {
        Value::Str(s) => {
            let bad = at.and_then(|i| s.char_at(i)).filter(|_| start.checked_add(1) == Some(end));
            match bad {
                Some(c) => {
                    let c = c as u32;
                    let shown = if c < 0x100 {
                        format!("\\x{c:02x}")
                    } else if c < 0x10000 {
                        format!("\\u{c:04x}")
                    } else {
                        format!("\\U{c:08x}")
                    };
                    format!(
                        "'{encoding}' codec can't encode character '{shown}' in position {start}: {reason}"
                    )
                }
                None => format!(
                    "'{encoding}' codec can't encode characters in position {start}-{}: {reason}",
                    end.saturating_sub(1)
                ),
            }
        }
        Value::Bytes(b) => match at.and_then(|i| b.get(i)).filter(|_| start.checked_add(1) == Some(end)) {
            Some(byte) => {
                format!("'{encoding}' codec can't decode byte 0x{byte:02x} in position {start}: {reason}")
            }
            None => format!(
                "'{encoding}' codec can't decode bytes in position {start}-{}: {reason}",
                end.saturating_sub(1)
            ),
        },
        _ => return None,
    })
}
