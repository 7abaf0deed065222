//! Attribute access: `obj.name`, assignment and deletion, method lookup for LOAD_METHOD,
//! and the special-method lookup the protocols use (on the type, never the instance).

use gc_arena::Gc;

use crate::ctx::{Ctx, PyResult};
use crate::object::{BoundMethod, Builtin, Dict, Function, PyStr};
use crate::value::Value;

fn attribute_error<'gc>(ctx: &Ctx<'gc, '_>, obj: Value<'gc>, name: &str) -> crate::PyErr<'gc> {
    let msg = match obj {
        Value::Module(m) => format!("module '{}' has no attribute '{}'", m.name.as_str(), name),
        Value::Type(t) => format!("type object '{}' has no attribute '{}'", t.name_str(), name),
        _ => format!("'{}' object has no attribute '{}'", ctx.type_name(obj), name),
    };
    ctx.error("AttributeError", msg)
}

/// Bind a class attribute found on `obj`'s type: functions become bound methods, native
/// methods bind their receiver.
fn bind<'gc>(ctx: &Ctx<'gc, '_>, attr: Value<'gc>, obj: Value<'gc>) -> Value<'gc> {
    match attr {
        Value::Function(_) => Value::Method(Gc::new(ctx.mc, BoundMethod { func: attr, receiver: obj })),
        Value::Builtin(b) if b.bound.is_undef() && matches!(b.owner, Value::Type(_)) => Value::Builtin(
            Gc::new(ctx.mc, Builtin { name: b.name, func: b.func, bound: obj, owner: b.owner }),
        ),
        _ => attr,
    }
}

pub fn getattr<'gc>(
    ctx: &mut Ctx<'gc, '_>,
    obj: Value<'gc>,
    name: Gc<'gc, PyStr>,
) -> PyResult<'gc, Value<'gc>> {
    match getattr_opt(ctx, obj, name)? {
        Some(v) => Ok(v),
        None => Err(attribute_error(ctx, obj, name.as_str())),
    }
}

/// `getattr` that reports a missing attribute as `None` instead of raising.
pub fn getattr_opt<'gc>(
    ctx: &mut Ctx<'gc, '_>,
    obj: Value<'gc>,
    name: Gc<'gc, PyStr>,
) -> PyResult<'gc, Option<Value<'gc>>> {
    let n = name.as_str();
    if n == "__class__" {
        return Ok(Some(Value::Type(ctx.type_of(obj))));
    }
    match obj {
        Value::Instance(inst) => {
            if let Some(v) = inst.dict.borrow().get_pystr(&name) {
                return Ok(Some(v));
            }
            if n == "__dict__" {
                return Ok(Some(Value::Dict(inst.dict)));
            }
            if let Some(attr) = inst.class.lookup(n) {
                return Ok(Some(bind(ctx, attr, obj)));
            }
            if let Some(ga) = inst.class.lookup("__getattr__") {
                let f = bind(ctx, ga, obj);
                return crate::interp::call_value(ctx, f, &[Value::Str(name)], &[]).map(Some);
            }
            return Ok(None);
        }
        Value::Module(m) => {
            if n == "__dict__" {
                return Ok(Some(Value::Dict(m.dict)));
            }
            return Ok(m.dict.borrow().get_pystr(&name));
        }
        Value::Type(t) => {
            if let Some(v) = crate::builtins::introspect::type_attr(ctx, t, n)? {
                return Ok(Some(v));
            }
            return Ok(t.lookup(n));
        }
        Value::Function(f) => {
            if let Some(v) = crate::builtins::introspect::function_attr(ctx, f, n)? {
                return Ok(Some(v));
            }
            if let Some(d) = f.dict.get() {
                if let Some(v) = d.borrow().get_pystr(&name) {
                    return Ok(Some(v));
                }
            }
        }
        _ => {
            if let Some(v) = crate::builtins::introspect::value_attr(ctx, obj, n)? {
                return Ok(Some(v));
            }
        }
    }
    let class = ctx.type_of(obj);
    Ok(class.lookup(n).map(|attr| bind(ctx, attr, obj)))
}

pub fn setattr<'gc>(
    ctx: &mut Ctx<'gc, '_>,
    obj: Value<'gc>,
    name: Gc<'gc, PyStr>,
    value: Value<'gc>,
) -> PyResult<'gc, ()> {
    let key = Value::Str(name);
    match obj {
        Value::Instance(inst) => {
            if let Some(sa) = inst.class.lookup("__setattr__") {
                let f = bind(ctx, sa, obj);
                crate::interp::call_value(ctx, f, &[key, value], &[])?;
                return Ok(());
            }
            crate::ops::collections::dict_set(ctx, inst.dict, key, value)
        }
        Value::Module(m) => crate::ops::collections::dict_set(ctx, m.dict, key, value),
        Value::Type(t) if !t.builtin => crate::ops::collections::dict_set(ctx, t.dict, key, value),
        Value::Function(f) => {
            if crate::builtins::introspect::set_function_attr(ctx, f, name.as_str(), value)? {
                return Ok(());
            }
            let d = match f.dict.get() {
                Some(d) => d,
                None => {
                    let d = ctx.new_dict(Dict::new());
                    Function::set_dict(f, ctx.mc, Some(d));
                    d
                }
            };
            crate::ops::collections::dict_set(ctx, d, key, value)
        }
        Value::Cell(c) if name.as_str() == "cell_contents" => {
            c.set(ctx.mc, value);
            Ok(())
        }
        Value::Exception(e) => crate::builtins::introspect::set_exception_attr(ctx, e, name, value),
        Value::Type(t) => {
            let msg =
                format!("cannot set '{}' attribute of immutable type '{}'", name.as_str(), t.name_str());
            ctx.type_error(msg)
        }
        _ => {
            let has = ctx.type_of(obj).lookup(name.as_str()).is_some();
            let msg = if has {
                format!("'{}' object attribute '{}' is read-only", ctx.type_name(obj), name.as_str())
            } else {
                format!("'{}' object has no attribute '{}'", ctx.type_name(obj), name.as_str())
            };
            Err(ctx.error("AttributeError", msg))
        }
    }
}

pub fn delattr<'gc>(ctx: &mut Ctx<'gc, '_>, obj: Value<'gc>, name: Gc<'gc, PyStr>) -> PyResult<'gc, ()> {
    let key = Value::Str(name);
    let dict = match obj {
        Value::Instance(inst) => Some(inst.dict),
        Value::Module(m) => Some(m.dict),
        Value::Type(t) if !t.builtin => Some(t.dict),
        Value::Function(f) => f.dict.get(),
        Value::Cell(c) if name.as_str() == "cell_contents" => {
            c.set(ctx.mc, Value::Undef);
            return Ok(());
        }
        _ => None,
    };
    match dict {
        Some(d) if crate::ops::collections::dict_del(ctx, d, key)?.is_some() => Ok(()),
        _ => Err(attribute_error(ctx, obj, name.as_str())),
    }
}

/// LOAD_METHOD: the unbound function to call with `obj` as first argument, when the
/// attribute is a method found on the type (and not shadowed by the instance).
pub fn load_method<'gc>(
    ctx: &mut Ctx<'gc, '_>,
    obj: Value<'gc>,
    name: Gc<'gc, PyStr>,
) -> PyResult<'gc, Option<Value<'gc>>> {
    match obj {
        Value::Instance(inst) => {
            if inst.dict.borrow().get_pystr(&name).is_some() {
                return Ok(None);
            }
            match inst.class.lookup(name.as_str()) {
                Some(f @ Value::Function(_)) => Ok(Some(f)),
                _ => Ok(None),
            }
        }
        Value::Module(_) | Value::Type(_) | Value::Function(_) => Ok(None),
        _ => match ctx.type_of(obj).lookup(name.as_str()) {
            // Only methods take the receiver: not a static method (owner not a type), nor a
            // native already bound (a class method such as `dict.fromkeys`).
            Some(b @ Value::Builtin(f)) if f.bound.is_undef() && matches!(f.owner, Value::Type(_)) => {
                Ok(Some(b))
            }
            _ => Ok(None),
        },
    }
}

/// A special method looked up on the type of `obj` and bound to it.
pub fn special_method<'gc>(
    ctx: &mut Ctx<'gc, '_>,
    obj: Value<'gc>,
    name: &str,
) -> PyResult<'gc, Option<Value<'gc>>> {
    let class = ctx.type_of(obj);
    Ok(class.lookup(name).map(|attr| if attr.is_none() { attr } else { bind(ctx, attr, obj) }))
}
