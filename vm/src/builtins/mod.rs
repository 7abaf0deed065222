//! The `builtins` module and the methods of the built-in types.

mod bytes_methods;
pub mod classes;
pub mod codecs;
pub mod compile;
pub mod exceptions;
mod functions;
pub mod generator;
pub mod introspect;
pub mod math;
pub mod method_args;
pub mod modules;
mod str_format;
mod str_methods;
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
    Value::Builtin(Gc::new(ctx.mc, Builtin { name, func, bound: Value::Undef, owner }))
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
}

/// Check a native's positional argument count and that it takes no keywords; CPython's
/// messages.
pub fn expect_args<'gc, 'a>(
    ctx: &Ctx<'gc, '_>,
    name: &str,
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
