//! The methods of `str`, with CPython 3.11's results and error messages.
//!
//! Strings are UTF-8 and Python positions count code points, so a method that takes or
//! returns positions maps between the two once per call ([`Positions`]); in an ASCII string
//! they coincide and no mapping is done. Searching is Rust's substring search on the bytes,
//! which is linear.

use gc_arena::Gc;

use super::method_args::{
    adjust_indices, c_int_arg, clinic_type_name, index_arg, keyword_args, method_args, receiver, slice_index,
    string_with_capacity, Convention,
};
use super::{methods, native, set, unicode};
use crate::ctx::{Ctx, PyResult};
use crate::object::{Args, PyStr};
use crate::ops;
use crate::value::Value;

use Convention::{NoArgs, One, ParseTuple, Positional};

pub fn install<'gc>(ctx: &mut Ctx<'gc, '_>) {
    let class = ctx.st.types.str;
    methods(
        ctx,
        class,
        &[
            ("join", join),
            ("split", split),
            ("rsplit", rsplit),
            ("splitlines", splitlines),
            ("strip", strip),
            ("lstrip", lstrip),
            ("rstrip", rstrip),
            ("replace", replace),
            ("find", find),
            ("rfind", rfind),
            ("index", index),
            ("rindex", rindex),
            ("count", count),
            ("startswith", startswith),
            ("endswith", endswith),
            ("removeprefix", removeprefix),
            ("removesuffix", removesuffix),
            ("upper", upper),
            ("lower", lower),
            ("casefold", casefold),
            ("capitalize", capitalize),
            ("title", title),
            ("swapcase", swapcase),
            ("center", center),
            ("ljust", ljust),
            ("rjust", rjust),
            ("zfill", zfill),
            ("isdigit", isdigit),
            ("isalpha", isalpha),
            ("isalnum", isalnum),
            ("isspace", isspace),
            ("isupper", isupper),
            ("islower", islower),
            ("istitle", istitle),
            ("isidentifier", isidentifier),
            ("isdecimal", isdecimal),
            ("isnumeric", isnumeric),
            ("isascii", isascii),
            ("isprintable", isprintable),
            ("partition", partition),
            ("rpartition", rpartition),
            ("expandtabs", expandtabs),
            ("encode", encode),
            ("format", format),
            ("format_map", format_map),
            ("translate", translate),
            ("__format__", dunder_format),
        ],
    );
    // A static method: fetched from a string it must not bind the string, so it is
    // registered as a plain function.
    let f = native(ctx, "maketrans", maketrans, Value::Undef);
    set(ctx, class.dict, "maketrans", f);
}

fn is_str(v: Value<'_>) -> bool {
    matches!(v, Value::Str(_))
}

/// The receiver and the other arguments of a `str` method.
fn this<'gc, 'a>(
    ctx: &Ctx<'gc, '_>,
    args: &Args<'gc, 'a>,
    method: &str,
    conv: Convention,
) -> PyResult<'gc, (Gc<'gc, PyStr>, &'a [Value<'gc>])> {
    let (this, rest) = method_args(ctx, args, "str", method, is_str, conv)?;
    Ok((as_pystr(ctx, this)?, rest))
}

/// The receiver of a `str` method that takes keyword arguments.
fn this_only<'gc>(ctx: &Ctx<'gc, '_>, args: &Args<'gc, '_>, method: &str) -> PyResult<'gc, Gc<'gc, PyStr>> {
    let this = receiver(ctx, args, "str", method, is_str)?;
    as_pystr(ctx, this)
}

fn as_pystr<'gc>(ctx: &Ctx<'gc, '_>, v: Value<'gc>) -> PyResult<'gc, Gc<'gc, PyStr>> {
    match v {
        Value::Str(s) => Ok(s),
        _ => ctx.type_error(format!("expected str, got {}", ctx.type_name(v))),
    }
}

/// A str argument, with the "must be str, not int" message of most methods.
fn str_arg<'gc>(ctx: &Ctx<'gc, '_>, v: Value<'gc>) -> PyResult<'gc, Gc<'gc, PyStr>> {
    match v {
        Value::Str(s) => Ok(s),
        _ => ctx.type_error(format!("must be str, not {}", ctx.type_name(v))),
    }
}

/// Code point positions of one string as byte offsets and back.
struct Positions<'s> {
    s: &'s str,
    ascii: bool,
}

impl<'s> Positions<'s> {
    fn new(p: &'s PyStr) -> Positions<'s> {
        Positions { s: p.as_str(), ascii: p.is_ascii() }
    }

    /// The byte offset of code point `i` (clamped to the end).
    fn byte(&self, i: usize) -> usize {
        if self.ascii {
            i.min(self.s.len())
        } else {
            self.s.char_indices().nth(i).map_or(self.s.len(), |(b, _)| b)
        }
    }

    /// The code point index of byte offset `b`, counting from code point `from` at byte
    /// `from_byte`.
    fn code_point(&self, from: usize, from_byte: usize, b: usize) -> usize {
        if self.ascii {
            b
        } else {
            from + self.s[from_byte..b].chars().count()
        }
    }
}

// ---- joining and splitting ----------------------------------------------------------

fn join<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    let (sep, rest) = this(ctx, &args, "join", One)?;
    let iterable = rest[0];
    if !ops::iter::is_iterable(ctx, iterable) {
        return ctx.type_error("can only join an iterable");
    }
    let items = ops::iter::to_vec(ctx, iterable)?;
    let mut pieces = Vec::with_capacity(items.len());
    let mut bytes = sep.as_str().len().saturating_mul(items.len().saturating_sub(1));
    for (i, item) in items.iter().enumerate() {
        match item {
            Value::Str(s) => {
                bytes = bytes.saturating_add(s.as_str().len());
                pieces.push(*s);
            }
            other => {
                let msg =
                    format!("sequence item {i}: expected str instance, {} found", ctx.type_name(*other));
                return ctx.type_error(msg);
            }
        }
    }
    if let [only] = pieces[..] {
        return Ok(Value::Str(only));
    }
    let mut out = string_with_capacity(ctx, bytes)?;
    for (i, piece) in pieces.iter().enumerate() {
        if i > 0 {
            out.push_str(sep.as_str());
        }
        out.push_str(piece.as_str());
    }
    Ok(ctx.new_str(out))
}

/// The `sep` and `maxsplit` arguments of `split()`/`rsplit()`; a negative maxsplit means
/// no limit.
fn split_args<'gc>(
    ctx: &mut Ctx<'gc, '_>,
    args: &Args<'gc, '_>,
    method: &str,
) -> PyResult<'gc, (Gc<'gc, PyStr>, Option<Gc<'gc, PyStr>>, usize)> {
    let s = this_only(ctx, args, method)?;
    let [sep, maxsplit] = keyword_args(ctx, args, method, ["sep", "maxsplit"])?;
    let maxsplit = match maxsplit {
        None => usize::MAX,
        Some(v) => usize::try_from(index_arg(ctx, v)?).unwrap_or(usize::MAX),
    };
    let sep = match sep {
        None | Some(Value::None) => None,
        Some(Value::Str(sep)) if sep.is_empty() => return ctx.value_error("empty separator"),
        Some(Value::Str(sep)) => Some(sep),
        Some(v) => return ctx.type_error(format!("must be str or None, not {}", ctx.type_name(v))),
    };
    Ok((s, sep, maxsplit))
}

fn str_list<'gc>(ctx: &Ctx<'gc, '_>, parts: impl Iterator<Item = &'gc str>) -> Value<'gc> {
    let items: Vec<Value<'gc>> = parts.map(|p| ctx.new_str(p)).collect();
    ctx.new_list(items)
}

fn split<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    let (s, sep, maxsplit) = split_args(ctx, &args, "split")?;
    let text = Gc::as_ref(s).as_str();
    Ok(match sep {
        Some(sep) => str_list(ctx, text.splitn(maxsplit.saturating_add(1), Gc::as_ref(sep).as_str())),
        None => str_list(ctx, split_whitespace(text, maxsplit).into_iter()),
    })
}

fn rsplit<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    let (s, sep, maxsplit) = split_args(ctx, &args, "rsplit")?;
    let text = Gc::as_ref(s).as_str();
    let mut parts: Vec<&str> = match sep {
        Some(sep) => text.rsplitn(maxsplit.saturating_add(1), Gc::as_ref(sep).as_str()).collect(),
        None => rsplit_whitespace(text, maxsplit),
    };
    parts.reverse();
    Ok(str_list(ctx, parts.into_iter()))
}

/// `split()` without a separator: runs of whitespace separate, and none are kept at the
/// ends, except that the unsplit remainder keeps its trailing whitespace.
fn split_whitespace(s: &str, maxsplit: usize) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = s.trim_start_matches(unicode::is_space);
    while !rest.is_empty() {
        if out.len() == maxsplit {
            out.push(rest);
            break;
        }
        let end = rest.find(unicode::is_space).unwrap_or(rest.len());
        out.push(&rest[..end]);
        rest = rest[end..].trim_start_matches(unicode::is_space);
    }
    out
}

/// `rsplit()` without a separator, parts from the right.
fn rsplit_whitespace(s: &str, maxsplit: usize) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = s.trim_end_matches(unicode::is_space);
    while !rest.is_empty() {
        if out.len() == maxsplit {
            out.push(rest);
            break;
        }
        let start = rest
            .char_indices()
            .rev()
            .find(|&(_, c)| unicode::is_space(c))
            .map_or(0, |(i, c)| i + c.len_utf8());
        out.push(&rest[start..]);
        rest = rest[..start].trim_end_matches(unicode::is_space);
    }
    out
}

fn splitlines<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    let s = this_only(ctx, &args, "splitlines")?;
    let [keepends] = keyword_args(ctx, &args, "splitlines", ["keepends"])?;
    let keepends = match keepends {
        None => false,
        Some(v) => c_int_arg(ctx, v)? != 0,
    };
    let text = Gc::as_ref(s).as_str();
    let mut lines = Vec::new();
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if !unicode::is_linebreak(c) {
            continue;
        }
        let mut eol = i + c.len_utf8();
        if c == '\r' && chars.peek().is_some_and(|&(_, n)| n == '\n') {
            chars.next();
            eol += 1;
        }
        lines.push(&text[start..if keepends { eol } else { i }]);
        start = eol;
    }
    if start < text.len() {
        lines.push(&text[start..]);
    }
    Ok(str_list(ctx, lines.into_iter()))
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
    let (s, rest) = this(ctx, &args, method, One)?;
    let sep = str_arg(ctx, rest[0])?;
    if sep.is_empty() {
        return ctx.value_error("empty separator");
    }
    let text = Gc::as_ref(s).as_str();
    let found = if from_right { text.rfind(sep.as_str()) } else { text.find(sep.as_str()) };
    let empty = ctx.new_str("");
    let parts = match found {
        Some(i) => {
            vec![ctx.new_str(&text[..i]), Value::Str(sep), ctx.new_str(&text[i + sep.as_str().len()..])]
        }
        None if from_right => vec![empty, empty, Value::Str(s)],
        None => vec![Value::Str(s), empty, empty],
    };
    Ok(ctx.new_tuple(parts))
}

// ---- stripping and replacing --------------------------------------------------------

/// The characters `strip()` and its relatives remove.
enum StripSet<'a> {
    Whitespace,
    Ascii([bool; 128]),
    Chars(Vec<char>),
    Set(&'a str),
}

impl StripSet<'_> {
    fn new(chars: &str) -> StripSet<'_> {
        if chars.is_ascii() {
            let mut table = [false; 128];
            for b in chars.bytes() {
                table[b as usize] = true;
            }
            StripSet::Ascii(table)
        } else if chars.len() <= 32 {
            StripSet::Set(chars)
        } else {
            let mut v: Vec<char> = chars.chars().collect();
            v.sort_unstable();
            StripSet::Chars(v)
        }
    }

    fn contains(&self, c: char) -> bool {
        match self {
            StripSet::Whitespace => unicode::is_space(c),
            StripSet::Ascii(table) => c.is_ascii() && table[c as usize],
            StripSet::Set(s) => s.contains(c),
            StripSet::Chars(v) => v.binary_search(&c).is_ok(),
        }
    }
}

fn strip_impl<'gc>(
    ctx: &mut Ctx<'gc, '_>,
    args: Args<'gc, '_>,
    method: &str,
    left: bool,
    right: bool,
) -> PyResult<'gc, Value<'gc>> {
    let (s, rest) = this(ctx, &args, method, Positional { min: 0, max: 1 })?;
    let set = match rest.first() {
        None | Some(Value::None) => StripSet::Whitespace,
        Some(Value::Str(chars)) => StripSet::new(Gc::as_ref(*chars).as_str()),
        Some(_) => return ctx.type_error(format!("{method} arg must be None or str")),
    };
    let text = Gc::as_ref(s).as_str();
    let mut out = text;
    if left {
        out = out.trim_start_matches(|c| set.contains(c));
    }
    if right {
        out = out.trim_end_matches(|c| set.contains(c));
    }
    Ok(if out.len() == text.len() { Value::Str(s) } else { ctx.new_str(out) })
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

/// A str argument of an Argument Clinic method: "replace() argument 1 must be str, not int".
fn clinic_str_arg<'gc>(
    ctx: &Ctx<'gc, '_>,
    method: &str,
    pos: usize,
    v: Value<'gc>,
) -> PyResult<'gc, Gc<'gc, PyStr>> {
    match v {
        Value::Str(s) => Ok(s),
        _ => {
            ctx.type_error(format!("{method}() argument {pos} must be str, not {}", clinic_type_name(ctx, v)))
        }
    }
}

fn replace<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    let (s, rest) = this(ctx, &args, "replace", Positional { min: 2, max: 3 })?;
    let old = clinic_str_arg(ctx, "replace", 1, rest[0])?;
    let new = clinic_str_arg(ctx, "replace", 2, rest[1])?;
    let count = match rest.get(2) {
        Some(v) => usize::try_from(index_arg(ctx, *v)?).unwrap_or(usize::MAX),
        None => usize::MAX,
    };
    let (text, old_text, new_text) =
        (Gc::as_ref(s).as_str(), Gc::as_ref(old).as_str(), Gc::as_ref(new).as_str());
    let n =
        if old_text.is_empty() { count.min(s.len() + 1) } else { text.matches(old_text).take(count).count() };
    if n == 0 {
        return Ok(Value::Str(s));
    }
    // The matches lie within the text, so only the insertions can overflow.
    let size = (text.len() - n * old_text.len()).saturating_add(n.saturating_mul(new_text.len()));
    let mut out = string_with_capacity(ctx, size)?;
    if old_text.is_empty() {
        let mut chars = text.chars();
        for _ in 0..n {
            out.push_str(new_text);
            if let Some(c) = chars.next() {
                out.push(c);
            }
        }
        out.push_str(chars.as_str());
    } else {
        let mut last = 0;
        for (i, _) in text.match_indices(old_text).take(n) {
            out.push_str(&text[last..i]);
            out.push_str(new_text);
            last = i + old_text.len();
        }
        out.push_str(&text[last..]);
    }
    Ok(ctx.new_str(out))
}

fn removeprefix<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    remove_affix(ctx, args, "removeprefix", true)
}

fn removesuffix<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    remove_affix(ctx, args, "removesuffix", false)
}

fn remove_affix<'gc>(
    ctx: &mut Ctx<'gc, '_>,
    args: Args<'gc, '_>,
    method: &str,
    prefix: bool,
) -> PyResult<'gc, Value<'gc>> {
    let (s, rest) = this(ctx, &args, method, One)?;
    let Value::Str(affix) = rest[0] else {
        return ctx
            .type_error(format!("{method}() argument must be str, not {}", clinic_type_name(ctx, rest[0])));
    };
    let (text, affix) = (Gc::as_ref(s).as_str(), Gc::as_ref(affix).as_str());
    let stripped = if prefix { text.strip_prefix(affix) } else { text.strip_suffix(affix) };
    Ok(match stripped {
        Some(t) if !affix.is_empty() => ctx.new_str(t),
        _ => Value::Str(s),
    })
}

// ---- searching ----------------------------------------------------------------------

/// The receiver, substring and window of `find()` and its relatives.
fn search_args<'gc>(
    ctx: &mut Ctx<'gc, '_>,
    args: &Args<'gc, '_>,
    method: &str,
) -> PyResult<'gc, (Gc<'gc, PyStr>, Gc<'gc, PyStr>, i64, i64)> {
    let (s, rest) = this(ctx, args, method, ParseTuple { min: 1, max: 3 })?;
    let start = slice_index(ctx, rest.get(1).copied())?;
    let end = slice_index(ctx, rest.get(2).copied())?;
    let sub = str_arg(ctx, rest[0])?;
    let (start, end) = adjust_indices(start, end, s.len());
    Ok((s, sub, start, end))
}

/// The code point index of `sub` in `s[start:end]` (searching from the right if
/// `from_right`).
fn find_in(s: &PyStr, sub: &PyStr, start: i64, end: i64, from_right: bool) -> Option<usize> {
    if end - start < sub.len() as i64 {
        return None;
    }
    let (start, end) = (start as usize, end as usize);
    if sub.is_empty() {
        return Some(if from_right { end } else { start });
    }
    let pos = Positions::new(s);
    let (b_start, b_end) = (pos.byte(start), pos.byte(end));
    let window = &s.as_str()[b_start..b_end];
    let found = if from_right { window.rfind(sub.as_str()) } else { window.find(sub.as_str()) }?;
    Some(pos.code_point(start, b_start, b_start + found))
}

fn find_impl<'gc>(
    ctx: &mut Ctx<'gc, '_>,
    args: Args<'gc, '_>,
    method: &str,
    from_right: bool,
) -> PyResult<'gc, Option<usize>> {
    let (s, sub, start, end) = search_args(ctx, &args, method)?;
    Ok(find_in(&s, &sub, start, end, from_right))
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
        None => ctx.value_error("substring not found"),
    }
}

fn rindex<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    match find_impl(ctx, args, "rindex", true)? {
        Some(i) => Ok(Value::Int(i as i64)),
        None => ctx.value_error("substring not found"),
    }
}

fn count<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    let (s, sub, start, end) = search_args(ctx, &args, "count")?;
    if end - start < sub.len() as i64 {
        return Ok(Value::Int(0));
    }
    if sub.is_empty() {
        return Ok(Value::Int(end - start + 1));
    }
    let pos = Positions::new(&s);
    let window = &s.as_str()[pos.byte(start as usize)..pos.byte(end as usize)];
    Ok(Value::Int(window.matches(sub.as_str()).count() as i64))
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
    let (s, rest) = this(ctx, &args, method, ParseTuple { min: 1, max: 3 })?;
    let start = slice_index(ctx, rest.get(1).copied())?;
    let end = slice_index(ctx, rest.get(2).copied())?;
    let (start, end) = adjust_indices(start, end, s.len());
    let window = if start > end {
        None
    } else {
        let pos = Positions::new(&s);
        Some(&s.as_str()[pos.byte(start as usize)..pos.byte(end as usize)])
    };
    let matches = |affix: &str| {
        window.is_some_and(|w| if at_start { w.starts_with(affix) } else { w.ends_with(affix) })
    };
    match rest[0] {
        Value::Str(affix) => Ok(Value::Bool(matches(affix.as_str()))),
        Value::Tuple(t) => {
            for item in t.as_slice() {
                match item {
                    Value::Str(affix) if matches(affix.as_str()) => return Ok(Value::Bool(true)),
                    Value::Str(_) => {}
                    other => {
                        let msg = format!(
                            "tuple for {method} must only contain str, not {}",
                            ctx.type_name(*other)
                        );
                        return ctx.type_error(msg);
                    }
                }
            }
            Ok(Value::Bool(false))
        }
        other => {
            let msg =
                format!("{method} first arg must be str or a tuple of str, not {}", ctx.type_name(other));
            ctx.type_error(msg)
        }
    }
}

// ---- case -------------------------------------------------------------------------

/// A case conversion: the ASCII version, and the general one over the code points (given
/// all of them, for the context-dependent sigma).
fn convert_case<'gc>(
    ctx: &mut Ctx<'gc, '_>,
    args: Args<'gc, '_>,
    method: &str,
    ascii: fn(&str) -> String,
    general: fn(&[char], &mut String),
) -> PyResult<'gc, Value<'gc>> {
    let (s, _) = this(ctx, &args, method, NoArgs)?;
    let text = Gc::as_ref(s).as_str();
    let out = if s.is_ascii() {
        ascii(text)
    } else {
        let chars: Vec<char> = text.chars().collect();
        let mut out = String::with_capacity(text.len());
        general(&chars, &mut out);
        out
    };
    Ok(ctx.new_str(out))
}

fn upper<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    convert_case(ctx, args, "upper", str::to_ascii_uppercase, |chars, out| {
        chars.iter().for_each(|&c| unicode::push_upper(out, c))
    })
}

fn lower<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    convert_case(ctx, args, "lower", str::to_ascii_lowercase, |chars, out| {
        (0..chars.len()).for_each(|i| unicode::push_lower_at(out, chars, i))
    })
}

fn casefold<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    convert_case(ctx, args, "casefold", str::to_ascii_lowercase, |chars, out| {
        chars.iter().for_each(|&c| unicode::push_casefold(out, c))
    })
}

fn capitalize<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    convert_case(
        ctx,
        args,
        "capitalize",
        |s| {
            let mut out = s.to_ascii_lowercase();
            if let Some(first) = out.get_mut(..1) {
                first.make_ascii_uppercase();
            }
            out
        },
        |chars, out| {
            for i in 0..chars.len() {
                if i == 0 {
                    unicode::push_title(out, chars[0]);
                } else {
                    unicode::push_lower_at(out, chars, i);
                }
            }
        },
    )
}

fn title<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    convert_case(
        ctx,
        args,
        "title",
        |s| {
            let mut previous_is_cased = false;
            s.chars()
                .map(|c| {
                    let out = if previous_is_cased { c.to_ascii_lowercase() } else { c.to_ascii_uppercase() };
                    previous_is_cased = c.is_ascii_alphabetic();
                    out
                })
                .collect()
        },
        |chars, out| {
            let mut previous_is_cased = false;
            for (i, &c) in chars.iter().enumerate() {
                if previous_is_cased {
                    unicode::push_lower_at(out, chars, i);
                } else {
                    unicode::push_title(out, c);
                }
                previous_is_cased = unicode::is_cased(c);
            }
        },
    )
}

fn swapcase<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    convert_case(
        ctx,
        args,
        "swapcase",
        |s| {
            s.chars()
                .map(|c| if c.is_ascii_uppercase() { c.to_ascii_lowercase() } else { c.to_ascii_uppercase() })
                .collect()
        },
        |chars, out| {
            for (i, &c) in chars.iter().enumerate() {
                if unicode::is_upper(c) {
                    unicode::push_lower_at(out, chars, i);
                } else if unicode::is_lower(c) {
                    unicode::push_upper(out, c);
                } else {
                    out.push(c);
                }
            }
        },
    )
}

// ---- padding ------------------------------------------------------------------------

/// `s` with `left` and `right` copies of `fill` around it.
fn padded<'gc>(
    ctx: &Ctx<'gc, '_>,
    s: &str,
    left: usize,
    right: usize,
    fill: char,
) -> PyResult<'gc, Value<'gc>> {
    let size = left.saturating_add(right).saturating_mul(fill.len_utf8()).saturating_add(s.len());
    let mut out = string_with_capacity(ctx, size)?;
    out.extend(std::iter::repeat_n(fill, left));
    out.push_str(s);
    out.extend(std::iter::repeat_n(fill, right));
    Ok(ctx.new_str(out))
}

/// The receiver of `center()`, `ljust()` or `rjust()`, how many fill characters it needs
/// (0 when it is already that wide) and the fill character.
fn justify_args<'gc>(
    ctx: &mut Ctx<'gc, '_>,
    args: &Args<'gc, '_>,
    method: &str,
) -> PyResult<'gc, (Gc<'gc, PyStr>, usize, char)> {
    let (s, rest) = this(ctx, args, method, Positional { min: 1, max: 2 })?;
    let width = index_arg(ctx, rest[0])?;
    let fill = match rest.get(1) {
        None => ' ',
        Some(Value::Str(f)) => match f.char_at(0) {
            Some(c) if f.len() == 1 => c,
            _ => return ctx.type_error("The fill character must be exactly one character long"),
        },
        Some(v) => {
            let msg = format!("The fill character must be a unicode character, not {}", ctx.type_name(*v));
            return ctx.type_error(msg);
        }
    };
    let margin = usize::try_from(width).ok().and_then(|w| w.checked_sub(s.len())).unwrap_or(0);
    Ok((s, margin, fill))
}

fn center<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    let (s, margin, fill) = justify_args(ctx, &args, "center")?;
    if margin == 0 {
        return Ok(Value::Str(s));
    }
    let width = margin + s.len();
    // CPython's rounding: the odd extra column goes left when the width is odd.
    let left = margin / 2 + (margin & width & 1);
    padded(ctx, s.as_str(), left, margin - left, fill)
}

fn ljust<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    let (s, margin, fill) = justify_args(ctx, &args, "ljust")?;
    if margin == 0 {
        return Ok(Value::Str(s));
    }
    padded(ctx, s.as_str(), 0, margin, fill)
}

fn rjust<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    let (s, margin, fill) = justify_args(ctx, &args, "rjust")?;
    if margin == 0 {
        return Ok(Value::Str(s));
    }
    padded(ctx, s.as_str(), margin, 0, fill)
}

fn zfill<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    let (s, rest) = this(ctx, &args, "zfill", One)?;
    let width = index_arg(ctx, rest[0])?;
    let Some(margin) = usize::try_from(width).ok().and_then(|w| w.checked_sub(s.len())).filter(|m| *m > 0)
    else {
        return Ok(Value::Str(s));
    };
    let text = s.as_str();
    let mut out = string_with_capacity(ctx, text.len().saturating_add(margin))?;
    let digits = match text.as_bytes().first() {
        Some(&sign @ (b'+' | b'-')) => {
            out.push(sign as char);
            &text[1..]
        }
        _ => text,
    };
    out.extend(std::iter::repeat_n('0', margin));
    out.push_str(digits);
    Ok(ctx.new_str(out))
}

fn expandtabs<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    let s = this_only(ctx, &args, "expandtabs")?;
    let [tabsize] = keyword_args(ctx, &args, "expandtabs", ["tabsize"])?;
    let tabsize = match tabsize {
        None => 8,
        Some(v) => c_int_arg(ctx, v)?.max(0) as usize,
    };
    let text = Gc::as_ref(s).as_str();
    if !text.contains('\t') {
        return Ok(Value::Str(s));
    }
    // First the length, so that an absurd result is an error rather than an abort.
    let mut size: u64 = 0;
    let mut column: u64 = 0;
    for c in text.chars() {
        match c {
            '\t' if tabsize > 0 => {
                let n = tabsize as u64 - column % tabsize as u64;
                column += n;
                size += n;
            }
            '\t' => {}
            '\n' | '\r' => {
                column = 0;
                size += 1;
            }
            _ => {
                column += 1;
                size += c.len_utf8() as u64;
            }
        }
    }
    if size > isize::MAX as u64 {
        return Err(ctx.error("OverflowError", "new string is too long"));
    }
    let mut out = string_with_capacity(ctx, size as usize)?;
    let mut column = 0usize;
    for c in text.chars() {
        match c {
            '\t' if tabsize > 0 => {
                let n = tabsize - column % tabsize;
                out.extend(std::iter::repeat_n(' ', n));
                column += n;
            }
            '\t' => {}
            '\n' | '\r' => {
                out.push(c);
                column = 0;
            }
            _ => {
                out.push(c);
                column += 1;
            }
        }
    }
    Ok(ctx.new_str(out))
}

// ---- predicates ---------------------------------------------------------------------

/// A predicate true when the string is not empty and every character satisfies `pred`.
fn all_chars<'gc>(
    ctx: &mut Ctx<'gc, '_>,
    args: Args<'gc, '_>,
    method: &str,
    pred: fn(char) -> bool,
) -> PyResult<'gc, Value<'gc>> {
    let (s, _) = this(ctx, &args, method, NoArgs)?;
    Ok(Value::Bool(!s.is_empty() && s.as_str().chars().all(pred)))
}

fn isdigit<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    all_chars(ctx, args, "isdigit", unicode::is_digit)
}

fn isalpha<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    all_chars(ctx, args, "isalpha", unicode::is_alpha)
}

fn isalnum<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    all_chars(ctx, args, "isalnum", unicode::is_alnum)
}

fn isspace<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    all_chars(ctx, args, "isspace", unicode::is_space)
}

fn isdecimal<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    all_chars(ctx, args, "isdecimal", unicode::is_decimal)
}

fn isnumeric<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    all_chars(ctx, args, "isnumeric", unicode::is_numeric)
}

fn isascii<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    let (s, _) = this(ctx, &args, "isascii", NoArgs)?;
    Ok(Value::Bool(s.is_ascii()))
}

fn isprintable<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    let (s, _) = this(ctx, &args, "isprintable", NoArgs)?;
    Ok(Value::Bool(s.as_str().chars().all(unicode::is_printable)))
}

fn isidentifier<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    let (s, _) = this(ctx, &args, "isidentifier", NoArgs)?;
    let mut chars = s.as_str().chars();
    let ok =
        chars.next().is_some_and(unicode::is_identifier_start) && chars.all(unicode::is_identifier_continue);
    Ok(Value::Bool(ok))
}

fn isupper<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    let (s, _) = this(ctx, &args, "isupper", NoArgs)?;
    let mut cased = false;
    for c in s.as_str().chars() {
        if unicode::is_lower(c) || unicode::is_titlecase(c) {
            return Ok(Value::Bool(false));
        }
        cased |= unicode::is_upper(c);
    }
    Ok(Value::Bool(cased))
}

fn islower<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    let (s, _) = this(ctx, &args, "islower", NoArgs)?;
    let mut cased = false;
    for c in s.as_str().chars() {
        if unicode::is_upper(c) || unicode::is_titlecase(c) {
            return Ok(Value::Bool(false));
        }
        cased |= unicode::is_lower(c);
    }
    Ok(Value::Bool(cased))
}

/// Upper-case (or title-case) letters only after uncased characters, lower-case ones only
/// after cased characters, and at least one cased character.
fn istitle<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    let (s, _) = this(ctx, &args, "istitle", NoArgs)?;
    let (mut cased, mut previous_is_cased) = (false, false);
    for c in s.as_str().chars() {
        if unicode::is_upper(c) || unicode::is_titlecase(c) {
            if previous_is_cased {
                return Ok(Value::Bool(false));
            }
            previous_is_cased = true;
            cased = true;
        } else if unicode::is_lower(c) {
            if !previous_is_cased {
                return Ok(Value::Bool(false));
            }
            previous_is_cased = true;
            cased = true;
        } else {
            previous_is_cased = false;
        }
    }
    Ok(Value::Bool(cased))
}

// ---- encoding -----------------------------------------------------------------------

fn encode<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    let s = this_only(ctx, &args, "encode")?;
    let [encoding, errors] = keyword_args(ctx, &args, "encode", ["encoding", "errors"])?;
    let text_arg = |name: &str, v: Option<Value<'gc>>, default: &'static str| -> PyResult<'gc, &'gc str> {
        match v {
            None => Ok(default),
            Some(Value::Str(s)) => Ok(Gc::as_ref(s).as_str()),
            Some(v) => {
                let msg = format!("encode() argument '{name}' must be str, not {}", clinic_type_name(ctx, v));
                ctx.type_error(msg)
            }
        }
    };
    let encoding = text_arg("encoding", encoding, "utf-8")?;
    let errors = text_arg("errors", errors, "strict")?;
    let bytes = super::codecs::encode(ctx, s, encoding, errors)?;
    Ok(Value::Bytes(Gc::new(ctx.mc, bytes.into_boxed_slice())))
}

// ---- formatting ---------------------------------------------------------------------

fn format<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    let s = this_only(ctx, &args, "format")?;
    let positional = &args.positional()[1..];
    let keywords: Vec<(&'gc str, Value<'gc>)> = args.keywords().collect();
    let out = super::str_format::format(
        ctx,
        s.as_str(),
        positional,
        super::str_format::Named::Keywords(&keywords),
    )?;
    Ok(ctx.new_str(out))
}

fn format_map<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    let (s, rest) = this(ctx, &args, "format_map", One)?;
    let out = super::str_format::format(ctx, s.as_str(), &[], super::str_format::Named::Mapping(rest[0]))?;
    Ok(ctx.new_str(out))
}

fn dunder_format<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    let (s, rest) = this(ctx, &args, "__format__", One)?;
    let Value::Str(spec) = rest[0] else {
        return ctx.type_error(format!(
            "__format__() argument must be str, not {}",
            clinic_type_name(ctx, rest[0])
        ));
    };
    if spec.is_empty() {
        return Ok(Value::Str(s));
    }
    ops::format::format(ctx, Value::Str(s), spec.as_str())
}

// ---- translation --------------------------------------------------------------------

/// What a translation table maps one character to.
enum Translation {
    Keep,
    Delete,
    Char(char),
    Text(Box<str>),
}

impl Translation {
    fn apply(&self, out: &mut String, c: char) {
        match self {
            Translation::Keep => out.push(c),
            Translation::Delete => {}
            Translation::Char(m) => out.push(*m),
            Translation::Text(m) => out.push_str(m),
        }
    }
}

fn translate<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    let (s, rest) = this(ctx, &args, "translate", One)?;
    let table = rest[0];
    let text = Gc::as_ref(s).as_str();
    // Most text repeats few characters: ask the table once per distinct ASCII character.
    let mut ascii_cache: [Option<Translation>; 128] = std::array::from_fn(|_| None);
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if let Some(Some(t)) = ascii_cache.get(c as usize) {
            t.apply(&mut out, c);
            continue;
        }
        let t = translation_of(ctx, table, c)?;
        t.apply(&mut out, c);
        if let Some(slot) = ascii_cache.get_mut(c as usize) {
            *slot = Some(t);
        }
    }
    Ok(ctx.new_str(out))
}

fn translation_of<'gc>(ctx: &mut Ctx<'gc, '_>, table: Value<'gc>, c: char) -> PyResult<'gc, Translation> {
    let key = Value::Int(c as i64);
    let mapped = match table {
        Value::Dict(d) => match ops::collections::dict_get(ctx, d, key)? {
            Some(v) => v,
            None => return Ok(Translation::Keep),
        },
        _ => match ops::subscript::getitem(ctx, table, key) {
            Ok(v) => v,
            Err(e) if ctx.exc_matches(e, "LookupError") => return Ok(Translation::Keep),
            Err(e) => return Err(e),
        },
    };
    Ok(match mapped {
        Value::None => Translation::Delete,
        Value::Str(m) => match m.char_at(0) {
            Some(ch) if m.len() == 1 => Translation::Char(ch),
            _ => Translation::Text(m.as_str().into()),
        },
        Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => {
            match ops::compare::small_int(mapped).and_then(|n| u32::try_from(n).ok()).and_then(char::from_u32)
            {
                Some(ch) => Translation::Char(ch),
                None => return ctx.value_error("character mapping must be in range(0x110000)"),
            }
        }
        _ => return ctx.type_error("character mapping must return integer, None or str"),
    })
}

/// `str.maketrans(x[, y[, z]])`: the table `translate()` takes, keyed by code point.
fn maketrans<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    let a = super::expect_args(ctx, "maketrans", &args, 1, 3)?;
    let table = ctx.new_dict(crate::object::Dict::new());
    match a {
        [x] => {
            let Value::Dict(d) = *x else {
                return ctx.type_error("if you give only one argument to maketrans it must be a dict");
            };
            let entries: Vec<(Value<'gc>, Value<'gc>)> =
                d.borrow().iter().map(|e| (e.key, e.value)).collect();
            for (k, v) in entries {
                let key = match k {
                    Value::Str(s) => match s.char_at(0) {
                        Some(c) if s.len() == 1 => Value::Int(c as i64),
                        _ => return ctx.value_error("string keys in translate table must be of length 1"),
                    },
                    Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => k,
                    _ => return ctx.type_error("keys in translate table must be strings or integers"),
                };
                ops::collections::dict_set(ctx, table, key, v)?;
            }
        }
        [x, y, rest @ ..] => {
            let (Value::Str(from), Value::Str(to)) = (*x, *y) else {
                if !is_str(*x) {
                    return ctx.type_error(
                        "first maketrans argument must be a string if there is a second argument",
                    );
                }
                let msg = format!("maketrans() argument 2 must be str, not {}", clinic_type_name(ctx, *y));
                return ctx.type_error(msg);
            };
            if from.len() != to.len() {
                return ctx.value_error("the first two maketrans arguments must have equal length");
            }
            for (f, t) in from.as_str().chars().zip(to.as_str().chars()) {
                ops::collections::dict_set(ctx, table, Value::Int(f as i64), Value::Int(t as i64))?;
            }
            if let Some(&z) = rest.first() {
                let Value::Str(delete) = z else {
                    return ctx.type_error(format!(
                        "maketrans() argument 3 must be str, not {}",
                        clinic_type_name(ctx, z)
                    ));
                };
                for c in delete.as_str().chars() {
                    ops::collections::dict_set(ctx, table, Value::Int(c as i64), Value::None)?;
                }
            }
        }
        [] => return ctx.type_error("maketrans expected at least 1 argument, got 0"),
    }
    Ok(Value::Dict(table))
}
