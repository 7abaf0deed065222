//! The `builtins` module and the methods of the built-in types.

mod bytes_methods;
pub mod class_creation;
pub mod classes;
pub mod codecs;
pub mod compile;
pub mod complex;
pub mod dict_methods;
pub mod exception_group;
pub mod exceptions;
pub mod frame;
pub mod functions;
pub mod generator;
pub mod introspect;
pub mod list_methods;
pub mod math;
pub mod method_args;
pub mod modules;
pub mod numeric;
pub mod set_methods;
mod slots;
mod str_format;
mod str_methods;
pub mod syntax_error;
mod types;
pub mod unicode;
mod unicode_tables;

use gc_arena::Gc;

use crate::ctx::{Ctx, PyResult};
use crate::object::{Args, Builtin, Class, Dict, NativeFn};
use crate::value::{GcCell, Value};

/// A native function value. `owner` is the type for methods (which bind their receiver when
/// fetched from an instance) or `Undef` for plain functions.
pub fn native<'gc>(ctx: &Ctx<'gc, '_>, name: &'static str, func: NativeFn, owner: Value<'gc>) -> Value<'gc> {
    Value::Builtin(Gc::new(ctx.mc, Builtin { name, func, bound: Value::Undef, owner, slot: false }))
}

/// Register `name` in `dict`.
pub fn set<'gc>(ctx: &mut Ctx<'gc, '_>, dict: GcCell<'gc, Dict<'gc>>, name: &str, v: Value<'gc>) {
    let key = Value::Str(ctx.intern(name));
    let h = crate::ops::hash::str_hash(name);
    dict.borrow_mut(ctx.mc).insert(h, key, v, &mut |a, b| crate::ops::compare::builtin_eq(a, b));
}

/// Register the native methods `fns` on `class`.
pub fn methods<'gc>(ctx: &mut Ctx<'gc, '_>, class: Gc<'gc, Class<'gc>>, fns: &[(&'static str, NativeFn)]) {
    for (name, f) in fns {
        let v = native(ctx, name, *f, Value::Type(class));
        set(ctx, class.dict, name, v);
    }
}

/// Fill the builtins dict and the types' method tables.
pub fn install<'gc>(ctx: &mut Ctx<'gc, '_>) {
    functions::install(ctx);
    types::install(ctx);
    classes::install(ctx);
    syntax_error::install(ctx);
    exception_group::install(ctx);
    class_creation::install(ctx);
    generator::install(ctx);
    let builtins = ctx.st.builtins;
    let names: Vec<&'static str> = exceptions::names().collect();
    for name in names {
        let class = ctx.exc_class(name);
        set(ctx, builtins, name, Value::Type(class));
    }
    let t = &ctx.st.types;
    let type_values: Vec<(&str, Value<'gc>)> = vec![
        ("object", Value::Type(t.object)),
        ("type", Value::Type(t.type_)),
        ("int", Value::Type(t.int)),
        ("bool", Value::Type(t.bool_)),
        ("float", Value::Type(t.float)),
        ("complex", Value::Type(t.complex)),
        ("str", Value::Type(t.str)),
        ("bytes", Value::Type(t.bytes)),
        ("tuple", Value::Type(t.tuple)),
        ("list", Value::Type(t.list)),
        ("dict", Value::Type(t.dict)),
        ("set", Value::Type(t.set)),
        ("frozenset", Value::Type(t.frozenset)),
        ("range", Value::Type(t.range)),
        ("slice", Value::Type(t.slice)),
        ("None", Value::None),
        ("True", Value::Bool(true)),
        ("False", Value::Bool(false)),
        ("Ellipsis", Value::Ellipsis),
        ("NotImplemented", Value::NotImplemented),
        ("__debug__", Value::Bool(true)),
    ];
    for (name, v) in type_values {
        set(ctx, builtins, name, v);
    }
    let n = ctx.new_str("builtins");
    set(ctx, builtins, "__name__", n);
    slots::install(ctx);
}

/// Check a native's positional argument count and that it takes no keywords; CPython's
/// messages.
pub fn expect_args<'gc, 'a>(
    ctx: &Ctx<'gc, '_>,
    name: impl std::fmt::Display,
    args: &Args<'gc, 'a>,
    min: usize,
    max: usize,
) -> PyResult<'gc, &'a [Value<'gc>]> {
    if !args.kwnames.is_empty() {
        return ctx.type_error(format!("{name}() takes no keyword arguments"));
    }
    let pos = args.positional();
    let n = pos.len();
    if n < min || n > max {
        let msg = if min == max {
            match min {
                0 => format!("{name}() takes no arguments ({n} given)"),
                1 => format!("{name}() takes exactly one argument ({n} given)"),
                _ => format!("{name} expected {min} arguments, got {n}"),
            }
        } else if n < min {
            format!("{name} expected at least {min} argument{}, got {n}", if min == 1 { "" } else { "s" })
        } else {
            format!("{name} expected at most {max} argument{}, got {n}", if max == 1 { "" } else { "s" })
        };
        return ctx.type_error(msg);
    }
    Ok(pos)
}

/// The keyword arguments of a native call, checked against the names it accepts.
pub fn keywords<'gc>(
    ctx: &Ctx<'gc, '_>,
    fname: &str,
    args: &Args<'gc, '_>,
    allowed: &[&str],
) -> PyResult<'gc, Vec<(&'gc str, Value<'gc>)>> {
    let mut out = Vec::new();
    for (k, v) in args.keywords() {
        if !allowed.contains(&k) {
            return ctx.type_error(format!("{fname}() got an unexpected keyword argument '{k}'"));
        }
        out.push((k, v));
    }
    Ok(out)
}

/// A native's parameters, for `bind_args`: `params` in order, the first `posonly` of them
/// positional-only, those from `max_positional` on keyword-only, the first `required` of
/// them required.
pub struct Signature {
    pub name: &'static str,
    pub params: &'static [&'static str],
    pub posonly: usize,
    pub max_positional: usize,
    pub required: usize,
}

/// Bind positional and keyword arguments to `sig`'s parameters with the checks and messages
/// of CPython's Argument Clinic (`_PyArg_UnpackKeywords`).
pub fn bind_args<'gc>(
    ctx: &Ctx<'gc, '_>,
    sig: &Signature,
    args: &Args<'gc, '_>,
) -> PyResult<'gc, Vec<Option<Value<'gc>>>> {
    let name = sig.name;
    let pos = args.positional();
    let n = pos.len();
    let plural = |k: usize| if k == 1 { "" } else { "s" };
    let given = args.args.len();
    if given > sig.params.len() {
        let kind = if n == 0 { "keyword " } else { "" };
        let max = sig.params.len();
        return ctx.type_error(format!(
            "{name}() takes at most {max} {kind}argument{} ({given} given)",
            plural(max)
        ));
    }
    if n > sig.max_positional {
        let msg = if sig.max_positional == 0 {
            format!("{name}() takes no positional arguments")
        } else {
            let bound =
                if sig.required.min(sig.max_positional) < sig.max_positional { "at most" } else { "exactly" };
            format!(
                "{name}() takes {bound} {} positional argument{} ({n} given)",
                sig.max_positional,
                plural(sig.max_positional)
            )
        };
        return ctx.type_error(msg);
    }
    let required_posonly = sig.required.min(sig.posonly);
    if n < required_posonly {
        let bound = if required_posonly < sig.max_positional { "at least" } else { "exactly" };
        return ctx.type_error(format!(
            "{name}() takes {bound} {required_posonly} positional argument{} ({n} given)",
            plural(required_posonly)
        ));
    }
    let mut out: Vec<Option<Value<'gc>>> = pos.iter().map(|v| Some(*v)).collect();
    out.resize(sig.params.len(), None);
    let keywords: Vec<(&str, Value<'gc>)> = args.keywords().collect();
    let mut used = 0;
    for (i, param) in sig.params.iter().enumerate().skip(n.max(sig.posonly)) {
        if let Some((_, v)) = keywords.iter().find(|(k, _)| k == param) {
            out[i] = Some(*v);
            used += 1;
        } else if i < sig.required {
            return ctx.type_error(format!("{name}() missing required argument '{param}' (pos {})", i + 1));
        }
    }
    if used < keywords.len() {
        for (i, param) in sig.params.iter().enumerate().take(n).skip(sig.posonly) {
            if keywords.iter().any(|(k, _)| k == param) {
                return ctx.type_error(format!(
                    "argument for {name}() given by name ('{param}') and position ({})",
                    i + 1
                ));
            }
        }
        let unknown =
            keywords.iter().find(|(k, _)| !sig.params[sig.posonly..].contains(k)).map_or("", |(k, _)| *k);
        return ctx.type_error(format!("'{unknown}' is an invalid keyword argument for {name}()"));
    }
    Ok(out)
}

/// Split a method call's receiver from its arguments: `list.append(l, x)` and `l.append(x)`
/// both arrive with `l` first; called through the type with nothing, CPython's message.
pub fn split_receiver<'gc, 'a>(
    ctx: &Ctx<'gc, '_>,
    qualname: impl std::fmt::Display,
    args: Args<'gc, 'a>,
) -> PyResult<'gc, (Value<'gc>, Args<'gc, 'a>)> {
    if args.positional().is_empty() {
        return ctx.type_error(format!("unbound method {qualname}() needs an argument"));
    }
    Ok((args.args[0], Args { args: &args.args[1..], kwnames: args.kwnames }))
}

/// A method of `class` called on something else (`list.append(1, 2)`).
pub fn wrong_receiver<'gc, T>(
    ctx: &Ctx<'gc, '_>,
    method: &str,
    class: &str,
    v: Value<'gc>,
) -> PyResult<'gc, T> {
    ctx.type_error(format!(
        "descriptor '{method}' for '{class}' objects doesn't apply to a '{}' object",
        ctx.type_name(v)
    ))
}
