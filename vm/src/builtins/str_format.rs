//! `str.format()` and `str.format_map()`: literal text with `{{`/`}}` escapes and
//! replacement fields `{name!conversion:spec}`, where the name is an argument (numbered
//! automatically or explicitly, or a keyword) followed by `.attribute` and `[index]`
//! accesses, and the spec may itself contain fields. Parsing follows CPython's
//! `unicode_format.h` step by step, so malformed templates fail with its messages.

use std::borrow::Cow;

use super::unicode;
use crate::ctx::{Ctx, PyResult};
use crate::ops;
use crate::value::Value;

/// Where named fields come from.
pub enum Named<'a, 'gc> {
    /// `format(**kwargs)`.
    Keywords(&'a [(&'gc str, Value<'gc>)]),
    /// `format_map(mapping)`: any object with `__getitem__`; positional fields are an error.
    Mapping(Value<'gc>),
}

/// How far format specs may nest fields: `{:{}}` is allowed, `{:{:{}}}` is not.
const MAX_SPEC_DEPTH: u32 = 2;

/// Whether numbered fields have been written as `{}` or `{0}` so far (they cannot mix).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Numbering {
    Unknown,
    Automatic,
    Manual,
}

struct Arguments<'a, 'b, 'gc> {
    positional: &'a [Value<'gc>],
    named: &'a Named<'b, 'gc>,
    numbering: Numbering,
    next_auto: usize,
}

pub fn format<'gc>(
    ctx: &mut Ctx<'gc, '_>,
    template: &str,
    positional: &[Value<'gc>],
    named: Named<'_, 'gc>,
) -> PyResult<'gc, String> {
    let mut arguments = Arguments { positional, named: &named, numbering: Numbering::Unknown, next_auto: 0 };
    let mut out = String::with_capacity(template.len());
    render(ctx, template, &mut arguments, MAX_SPEC_DEPTH, &mut out)?;
    Ok(out)
}

fn render<'gc>(
    ctx: &mut Ctx<'gc, '_>,
    template: &str,
    arguments: &mut Arguments<'_, '_, 'gc>,
    depth: u32,
    out: &mut String,
) -> PyResult<'gc, ()> {
    if depth == 0 {
        return ctx.value_error("Max string recursion exceeded");
    }
    let mut markup = Markup { text: template, pos: 0 };
    while let Some((literal, field)) = markup.next(ctx)? {
        out.push_str(literal);
        let Some(field) = field else { continue };
        let value = field_value(ctx, field.name, arguments)?;
        let value = match field.conversion {
            None => value,
            Some('r') => ops::repr::repr_value(ctx, value)?,
            Some('s') => ops::repr::str_value(ctx, value)?,
            Some('a') => ops::repr::ascii_value(ctx, value)?,
            Some(c) => {
                let msg = if ('!'..='~').contains(&c) {
                    format!("Unknown conversion specifier {c}")
                } else {
                    format!("Unknown conversion specifier \\x{:x}", c as u32)
                };
                return ctx.value_error(msg);
            }
        };
        let spec: Cow<'_, str> = if field.spec_has_fields {
            let mut expanded = String::new();
            render(ctx, field.spec, arguments, depth - 1, &mut expanded)?;
            Cow::Owned(expanded)
        } else {
            Cow::Borrowed(field.spec)
        };
        match value {
            Value::Str(s) if spec.is_empty() => out.push_str(s.as_str()),
            _ => {
                let text = ops::format::format(ctx, value, &spec)?;
                out.push_str(text.as_str().unwrap_or_default());
            }
        }
    }
    Ok(())
}

/// One replacement field, as written.
struct Field<'t> {
    name: &'t str,
    conversion: Option<char>,
    spec: &'t str,
    spec_has_fields: bool,
}

/// The template split into literal text and fields (CPython's `MarkupIterator`). The
/// syntax characters are ASCII, so the scan is over bytes.
struct Markup<'t> {
    text: &'t str,
    pos: usize,
}

impl<'t> Markup<'t> {
    /// The next literal text, and the field after it if one follows.
    #[allow(clippy::type_complexity)]
    fn next<'gc>(&mut self, ctx: &Ctx<'gc, '_>) -> PyResult<'gc, Option<(&'t str, Option<Field<'t>>)>> {
        let bytes = self.text.as_bytes();
        if self.pos >= bytes.len() {
            return Ok(None);
        }
        let start = self.pos;
        let mut brace = None;
        while let Some(&b) = bytes.get(self.pos) {
            self.pos += 1;
            if b == b'{' || b == b'}' {
                brace = Some(b);
                break;
            }
        }
        let Some(brace) = brace else {
            return Ok(Some((&self.text[start..], None)));
        };
        let doubled = bytes.get(self.pos) == Some(&brace);
        if brace == b'}' && !doubled {
            return ctx.value_error("Single '}' encountered in format string");
        }
        if self.pos >= bytes.len() {
            return ctx.value_error("Single '{' encountered in format string");
        }
        if doubled {
            // The literal keeps one brace of the pair.
            self.pos += 1;
            return Ok(Some((&self.text[start..self.pos - 1], None)));
        }
        let literal = &self.text[start..self.pos - 1];
        let field = self.field(ctx)?;
        Ok(Some((literal, Some(field))))
    }

    /// A field after its `{`, through its `}` (CPython's `parse_field`).
    fn field<'gc>(&mut self, ctx: &Ctx<'gc, '_>) -> PyResult<'gc, Field<'t>> {
        let bytes = self.text.as_bytes();
        let name_start = self.pos;
        let mut terminator = None;
        while let Some(&b) = bytes.get(self.pos) {
            self.pos += 1;
            match b {
                b'{' => return ctx.value_error("unexpected '{' in field name"),
                b'[' => {
                    while bytes.get(self.pos).is_some_and(|&b| b != b']') {
                        self.pos += 1;
                    }
                }
                b'}' | b':' | b'!' => {
                    terminator = Some(b);
                    break;
                }
                _ => {}
            }
        }
        let Some(last) = terminator else {
            return ctx.value_error("expected '}' before end of string");
        };
        let name = &self.text[name_start..self.pos - 1];
        let mut field = Field { name, conversion: None, spec: "", spec_has_fields: false };
        if last == b'}' {
            return Ok(field);
        }
        if last == b'!' {
            let Some(c) = self.text[self.pos..].chars().next() else {
                return ctx.value_error("end of string while looking for conversion specifier");
            };
            self.pos += c.len_utf8();
            field.conversion = Some(c);
            if let Some(&b) = bytes.get(self.pos) {
                self.pos += 1;
                if b == b'}' {
                    return Ok(field);
                }
                if b != b':' {
                    return ctx.value_error("expected ':' after conversion specifier");
                }
            }
        }
        let spec_start = self.pos;
        let mut depth = 1;
        while let Some(&b) = bytes.get(self.pos) {
            self.pos += 1;
            match b {
                b'{' => {
                    field.spec_has_fields = true;
                    depth += 1;
                }
                b'}' => {
                    depth -= 1;
                    if depth == 0 {
                        field.spec = &self.text[spec_start..self.pos - 1];
                        return Ok(field);
                    }
                }
                _ => {}
            }
        }
        ctx.value_error("unmatched '{' in format spec")
    }
}

/// The value a field name designates: an argument, then its attributes and items.
fn field_value<'gc>(
    ctx: &mut Ctx<'gc, '_>,
    name: &str,
    arguments: &mut Arguments<'_, '_, 'gc>,
) -> PyResult<'gc, Value<'gc>> {
    let first_end = name.find(['.', '[']).unwrap_or(name.len());
    let (first, mut rest) = name.split_at(first_end);
    let mut value = argument(ctx, first, arguments)?;
    while let Some(c) = rest.chars().next() {
        rest = &rest[c.len_utf8()..];
        let (key, is_attribute) = match c {
            '.' => {
                let end = rest.find(['.', '[']).unwrap_or(rest.len());
                let key = &rest[..end];
                rest = &rest[end..];
                (key, true)
            }
            '[' => {
                let Some(end) = rest.find(']') else {
                    return ctx.value_error("Missing ']' in format string");
                };
                let key = &rest[..end];
                rest = &rest[end + 1..];
                (key, false)
            }
            _ => return ctx.value_error("Only '.' or '[' may follow ']' in format field specifier"),
        };
        if key.is_empty() {
            return ctx.value_error("Empty attribute in format string");
        }
        value = if is_attribute {
            let key = ctx.intern(key);
            ops::attr::getattr(ctx, value, key)?
        } else {
            let key = match decimal_index(ctx, key)? {
                Some(i) => Value::Int(i as i64),
                None => ctx.new_str(key),
            };
            ops::subscript::getitem(ctx, value, key)?
        };
    }
    Ok(value)
}

/// The argument the first part of a field name designates.
fn argument<'gc>(
    ctx: &mut Ctx<'gc, '_>,
    first: &str,
    arguments: &mut Arguments<'_, '_, 'gc>,
) -> PyResult<'gc, Value<'gc>> {
    let index = decimal_index(ctx, first)?;
    let automatic = first.is_empty();
    let index = if automatic || index.is_some() {
        if arguments.numbering == Numbering::Unknown {
            arguments.numbering = if automatic { Numbering::Automatic } else { Numbering::Manual };
        }
        match (arguments.numbering, automatic) {
            (Numbering::Manual, true) => {
                return ctx.value_error(
                    "cannot switch from manual field specification to automatic field numbering",
                );
            }
            (Numbering::Automatic, false) => {
                return ctx.value_error(
                    "cannot switch from automatic field numbering to manual field specification",
                );
            }
            _ => {}
        }
        if automatic {
            arguments.next_auto += 1;
            Some(arguments.next_auto - 1)
        } else {
            index
        }
    } else {
        None
    };
    match (index, arguments.named) {
        (Some(_), Named::Mapping(_)) => ctx.value_error("Format string contains positional fields"),
        (Some(i), Named::Keywords(_)) => match arguments.positional.get(i) {
            Some(v) => Ok(*v),
            None => {
                let msg = format!("Replacement index {i} out of range for positional args tuple");
                Err(ctx.error("IndexError", msg))
            }
        },
        (None, Named::Keywords(keywords)) => match keywords.iter().find(|(k, _)| *k == first) {
            Some((_, v)) => Ok(*v),
            None => {
                let key = ctx.new_str(first);
                Err(ops::subscript::key_error(ctx, key))
            }
        },
        (None, Named::Mapping(mapping)) => {
            let key = ctx.new_str(first);
            ops::subscript::getitem(ctx, *mapping, key)
        }
    }
}

/// A field name part made only of decimal digits (of any script) as a number; `None` when
/// it is empty or has another character.
fn decimal_index<'gc>(ctx: &Ctx<'gc, '_>, s: &str) -> PyResult<'gc, Option<usize>> {
    if s.is_empty() {
        return Ok(None);
    }
    let mut n: usize = 0;
    for c in s.chars() {
        let Some(d) = unicode::decimal_value(c) else { return Ok(None) };
        n = match n
            .checked_mul(10)
            .and_then(|n| n.checked_add(d as usize))
            .filter(|n| *n <= isize::MAX as usize)
        {
            Some(n) => n,
            None => return ctx.value_error("Too many decimal digits in format string"),
        };
    }
    Ok(Some(n))
}
