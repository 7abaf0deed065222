//! Attribute access: `obj.name`, assignment and deletion, method lookup for LOAD_METHOD,
//! and the special-method lookup the protocols use (on the type, never the instance).
//!
//! Objects with a `__dict__` follow CPython's generic rules (`PyObject_GenericGetAttr`): a
//! data descriptor on the type (a `property`, or an object whose class defines `__set__` or
//! `__delete__`) wins over the instance dict, which wins over other class attributes;
//! functions bind to the instance, `staticmethod` unwraps, `classmethod` binds to the class,
//! and a class with `__get__` is asked for the value.

use gc_arena::Gc;

use crate::ctx::{Ctx, PyResult};
use crate::object::{BoundMethod, Builtin, Class, Descriptor, Dict, Function, Key, PyStr, Super};
use crate::value::{GcCell, Value};

pub fn attribute_error<'gc>(ctx: &Ctx<'gc, '_>, obj: Value<'gc>, name: &str) -> crate::PyErr<'gc> {
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
            Gc::new(ctx.mc, Builtin { name: b.name, func: b.func, bound: obj, owner: b.owner, slot: b.slot }),
        ),
        _ => attr,
    }
}

/// The `__get__` of a user class, if `attr` is an instance of one.
fn user_get<'gc>(attr: Value<'gc>) -> Option<Value<'gc>> {
    match attr {
        Value::Instance(i) => Class::user_lookup(i.class, crate::dunder!("__get__")),
        _ => None,
    }
}

/// Whether a class attribute takes precedence over the instance dict.
pub fn is_data_descriptor(attr: Value<'_>) -> bool {
    match attr {
        Value::Descriptor(d) => matches!(*d, Descriptor::Property(_)),
        Value::Instance(i) => {
            Class::user_lookup(i.class, crate::dunder!("__set__")).is_some()
                || Class::user_lookup(i.class, crate::dunder!("__delete__")).is_some()
        }
        _ => false,
    }
}

/// The value of class attribute `attr` fetched through `obj` (`Undef` when fetched from the
/// class itself) whose type, or which class, is `cls`: CPython's `tp_descr_get`.
pub fn descr_get<'gc>(
    ctx: &mut Ctx<'gc, '_>,
    attr: Value<'gc>,
    obj: Value<'gc>,
    cls: Gc<'gc, Class<'gc>>,
) -> PyResult<'gc, Value<'gc>> {
    match attr {
        Value::Function(_) | Value::Builtin(_) => {
            Ok(if obj.is_undef() { attr } else { bind(ctx, attr, obj) })
        }
        Value::Descriptor(d) => match &*d {
            Descriptor::StaticMethod(f) => Ok(*f),
            Descriptor::ClassMethod(f) => {
                Ok(Value::Method(Gc::new(ctx.mc, BoundMethod { func: *f, receiver: Value::Type(cls) })))
            }
            Descriptor::Property(p) => {
                if obj.is_undef() {
                    return Ok(attr);
                }
                if p.fget.is_none() {
                    return Err(property_error(ctx, p.name.get(), obj, "getter"));
                }
                crate::interp::call_value(ctx, p.fget, &[obj], &[])
            }
            Descriptor::Super(_) => Ok(attr),
        },
        _ => match user_get(attr) {
            Some(get) => {
                let inst = if obj.is_undef() { Value::None } else { obj };
                crate::interp::call_value(ctx, get, &[attr, inst, Value::Type(cls)], &[])
            }
            None => Ok(attr),
        },
    }
}

/// `property 'x' of 'C' object has no setter` (without the name when the property was not
/// created in a class body).
fn property_error<'gc>(
    ctx: &Ctx<'gc, '_>,
    name: Value<'gc>,
    obj: Value<'gc>,
    what: &str,
) -> crate::PyErr<'gc> {
    let msg = match name.as_str() {
        Some(n) => format!("property '{n}' of '{}' object has no {what}", ctx.type_name(obj)),
        None => format!("property of '{}' object has no {what}", ctx.type_name(obj)),
    };
    ctx.error("AttributeError", msg)
}

/// `object.__getattribute__`: data descriptors, then the instance dict (`dict`), then the
/// other class attributes; `None` when there is no such attribute.
pub fn generic_getattr<'gc>(
    ctx: &mut Ctx<'gc, '_>,
    obj: Value<'gc>,
    dict: Option<GcCell<'gc, Dict<'gc>>>,
    name: Gc<'gc, PyStr>,
) -> PyResult<'gc, Option<Value<'gc>>> {
    let cls = ctx.type_of(obj);
    let attr = cls.lookup(Key::of(&name));
    if let Some(a) = attr {
        if is_data_descriptor(a) {
            return descr_get(ctx, a, obj, cls).map(Some);
        }
    }
    if let Some(d) = dict {
        if let Some(v) = d.borrow().get_pystr(&name) {
            return Ok(Some(v));
        }
        if name.as_str() == "__dict__" {
            return Ok(Some(Value::Dict(d)));
        }
    }
    match attr {
        Some(a) => descr_get(ctx, a, obj, cls).map(Some),
        None => Ok(None),
    }
}

/// `object.__setattr__`: a data descriptor's setter, else the instance dict.
pub fn generic_setattr<'gc>(
    ctx: &mut Ctx<'gc, '_>,
    obj: Value<'gc>,
    dict: Option<GcCell<'gc, Dict<'gc>>>,
    name: Gc<'gc, PyStr>,
    value: Value<'gc>,
) -> PyResult<'gc, ()> {
    if descriptor_set(ctx, obj, name, Some(value))? {
        return Ok(());
    }
    match dict {
        Some(d) => crate::ops::collections::dict_set(ctx, d, Value::Str(name), value),
        None => Err(attribute_error(ctx, obj, name.as_str())),
    }
}

/// `object.__delattr__`.
pub fn generic_delattr<'gc>(
    ctx: &mut Ctx<'gc, '_>,
    obj: Value<'gc>,
    dict: Option<GcCell<'gc, Dict<'gc>>>,
    name: Gc<'gc, PyStr>,
) -> PyResult<'gc, ()> {
    if descriptor_set(ctx, obj, name, None)? {
        return Ok(());
    }
    match dict {
        Some(d) if crate::ops::collections::dict_del(ctx, d, Value::Str(name))?.is_some() => Ok(()),
        _ => Err(attribute_error(ctx, obj, name.as_str())),
    }
}

/// Set (`Some`) or delete (`None`) through a data descriptor of `obj`'s type; `false` if
/// the attribute has none.
fn descriptor_set<'gc>(
    ctx: &mut Ctx<'gc, '_>,
    obj: Value<'gc>,
    name: Gc<'gc, PyStr>,
    value: Option<Value<'gc>>,
) -> PyResult<'gc, bool> {
    let Some(attr) = ctx.type_of(obj).lookup(Key::of(&name)) else { return Ok(false) };
    match attr {
        Value::Descriptor(d) => {
            let Descriptor::Property(p) = &*d else { return Ok(false) };
            let (f, what) = match value {
                Some(_) => (p.fset, "setter"),
                None => (p.fdel, "deleter"),
            };
            if f.is_none() {
                return Err(property_error(ctx, p.name.get(), obj, what));
            }
            match value {
                Some(v) => crate::interp::call_value(ctx, f, &[obj, v], &[])?,
                None => crate::interp::call_value(ctx, f, &[obj], &[])?,
            };
            Ok(true)
        }
        Value::Instance(i) => {
            let method = if value.is_some() {
                Class::user_lookup(i.class, crate::dunder!("__set__"))
            } else {
                Class::user_lookup(i.class, crate::dunder!("__delete__"))
            };
            match (method, value) {
                (Some(set), Some(v)) => {
                    crate::interp::call_value(ctx, set, &[attr, obj, v], &[])?;
                    Ok(true)
                }
                (Some(del), None) => {
                    crate::interp::call_value(ctx, del, &[attr, obj], &[])?;
                    Ok(true)
                }
                (None, _) if is_data_descriptor(attr) => {
                    let what = if value.is_some() { "__set__" } else { "__delete__" };
                    Err(ctx.error("AttributeError", what))
                }
                (None, _) => Ok(false),
            }
        }
        _ => Ok(false),
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
            if let Some(ga) = Class::user_lookup(inst.class, crate::dunder!("__getattribute__")) {
                let f = bind(ctx, ga, obj);
                return match crate::interp::call_value(ctx, f, &[Value::Str(name)], &[]) {
                    Ok(v) => Ok(Some(v)),
                    Err(e) if ctx.exc_matches(e, "AttributeError") => match getattr_hook(ctx, obj, name)? {
                        Some(v) => Ok(Some(v)),
                        None => Err(e),
                    },
                    Err(e) => Err(e),
                };
            }
            if let Some(v) = generic_getattr(ctx, obj, Some(inst.dict), name)? {
                return Ok(Some(v));
            }
            return getattr_hook(ctx, obj, name);
        }
        Value::Exception(e) => {
            if let Some(v) = exception_attr(ctx, e, n)? {
                return Ok(Some(v));
            }
            let dict = e.borrow().dict;
            if let Some(v) = generic_getattr(ctx, obj, dict, name)? {
                return Ok(Some(v));
            }
            return getattr_hook(ctx, obj, name);
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
            return type_getattr(ctx, t, name);
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
        Value::Generator(g) => {
            if let Some(v) = crate::builtins::generator::attr(ctx, g, n)? {
                return Ok(Some(v));
            }
        }
        Value::Frame(fo) => {
            if let Some(v) = crate::builtins::frame::attr(ctx, fo, n)? {
                return Ok(Some(v));
            }
        }
        Value::Descriptor(d) => {
            if let Descriptor::Super(s) = &*d {
                return super_getattr(ctx, obj, s, name);
            }
            if let Some(v) = crate::builtins::classes::descriptor_attr(d, n) {
                return Ok(Some(v));
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

/// `cls.name` (CPython's `type_getattro`): a data descriptor of the metaclass, else the
/// class's MRO, else the metaclass's other attributes bound to the class. A class whose
/// metaclass is `type` looks at `type`'s attributes only when its own MRO lacks the name.
fn type_getattr<'gc>(
    ctx: &mut Ctx<'gc, '_>,
    t: Gc<'gc, Class<'gc>>,
    name: Gc<'gc, PyStr>,
) -> PyResult<'gc, Option<Value<'gc>>> {
    let meta_attr = match t.meta {
        Some(meta) => meta.lookup(Key::of(&name)),
        None => None,
    };
    if let (Some(a), Some(meta)) = (meta_attr, t.meta) {
        if is_data_descriptor(a) {
            return descr_get(ctx, a, Value::Type(t), meta).map(Some);
        }
    }
    if let Some(attr) = t.lookup(Key::of(&name)) {
        return descr_get(ctx, attr, Value::Undef, t).map(Some);
    }
    let meta = ctx.type_of(Value::Type(t));
    let meta_attr = match meta_attr {
        Some(a) => Some(a),
        None if t.meta.is_none() => meta.lookup(Key::of(&name)),
        None => None,
    };
    match meta_attr {
        Some(a) => descr_get(ctx, a, Value::Type(t), meta).map(Some),
        None => Ok(None),
    }
}

/// The attributes every exception has (its dict and class come after).
fn exception_attr<'gc>(
    ctx: &mut Ctx<'gc, '_>,
    e: crate::PyErr<'gc>,
    name: &str,
) -> PyResult<'gc, Option<Value<'gc>>> {
    match name {
        "args" | "__cause__" | "__context__" | "__suppress_context__" | "__traceback__" => {
            crate::builtins::introspect::value_attr(ctx, Value::Exception(e), name)
        }
        "message" | "exceptions" if e.borrow().group.is_some() => {
            crate::builtins::introspect::value_attr(ctx, Value::Exception(e), name)
        }
        "value" if ctx.exc_matches(e, "StopIteration") => {
            Ok(Some(crate::ops::exceptions::stop_iteration_value(e)))
        }
        _ => Ok(None),
    }
}

/// A user class's `__getattr__`, called when the normal lookup found nothing.
fn getattr_hook<'gc>(
    ctx: &mut Ctx<'gc, '_>,
    obj: Value<'gc>,
    name: Gc<'gc, PyStr>,
) -> PyResult<'gc, Option<Value<'gc>>> {
    let Some(hook) = Class::user_lookup(ctx.type_of(obj), crate::dunder!("__getattr__")) else {
        return Ok(None);
    };
    let f = bind(ctx, hook, obj);
    crate::interp::call_value(ctx, f, &[Value::Str(name)], &[]).map(Some)
}

/// `super().name`: the first class after `thisclass` in the MRO of the object's type that
/// defines `name`, its value bound to the object.
fn super_getattr<'gc>(
    ctx: &mut Ctx<'gc, '_>,
    sup_value: Value<'gc>,
    sup: &Super<'gc>,
    name: Gc<'gc, PyStr>,
) -> PyResult<'gc, Option<Value<'gc>>> {
    let n = name.as_str();
    if let Some(start) = sup.obj_type {
        let mro: Vec<Gc<'gc, Class<'gc>>> =
            std::iter::once(start).chain(start.ancestors.iter().copied()).collect();
        let after = mro.iter().position(|c| Gc::ptr_eq(*c, sup.thisclass)).map_or(mro.len(), |i| i + 1);
        for c in &mro[after..] {
            let found = c.dict.borrow().get_pystr(&name);
            if let Some(attr) = found {
                // Fetched for the class itself (super() in a classmethod) binds no instance.
                let obj = match sup.obj {
                    Value::Type(t) if Gc::ptr_eq(t, start) => Value::Undef,
                    other => other,
                };
                return descr_get(ctx, attr, obj, start).map(Some);
            }
        }
    }
    Ok(match n {
        "__thisclass__" => Some(Value::Type(sup.thisclass)),
        "__self__" => Some(sup.obj),
        "__self_class__" => Some(sup.obj_type.map_or(Value::None, Value::Type)),
        _ => ctx.type_of(sup_value).lookup(n).map(|attr| bind(ctx, attr, sup_value)),
    })
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
            if let Some(sa) = Class::user_lookup(inst.class, crate::dunder!("__setattr__")) {
                let f = bind(ctx, sa, obj);
                crate::interp::call_value(ctx, f, &[key, value], &[])?;
                return Ok(());
            }
            // Instances of built-in classes (`object()`) take no new attributes.
            let dict = if inst.class.builtin { None } else { Some(inst.dict) };
            generic_setattr(ctx, obj, dict, name, value)
        }
        Value::Module(m) => crate::ops::collections::dict_set(ctx, m.dict, key, value),
        Value::Type(t) if !t.builtin => {
            if name.as_str() == "__name__" || name.as_str() == "__qualname__" {
                let Value::Str(s) = value else {
                    let msg = format!(
                        "can only assign string to {}.{}, not '{}'",
                        t.name_str(),
                        name.as_str(),
                        ctx.type_name(value)
                    );
                    return ctx.type_error(msg);
                };
                if name.as_str() == "__name__" {
                    Class::set_name(t, ctx.mc, s);
                } else {
                    Class::set_qualname(t, ctx.mc, s);
                }
                return Ok(());
            }
            crate::ops::collections::dict_set(ctx, t.dict, key, value)
        }
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
        Value::Exception(e) => {
            if exception_attr(ctx, e, name.as_str())?.is_none()
                && descriptor_set(ctx, obj, name, Some(value))?
            {
                return Ok(());
            }
            crate::builtins::introspect::set_exception_attr(ctx, e, name, value)
        }
        Value::Type(t) => {
            let msg =
                format!("cannot set '{}' attribute of immutable type '{}'", name.as_str(), t.name_str());
            ctx.type_error(msg)
        }
        Value::Frame(fo) if crate::builtins::frame::set_attr(ctx, fo, name.as_str(), Some(value))? => Ok(()),
        _ => {
            if let Some(msg) = readonly_number_attr(obj, name.as_str()) {
                return Err(ctx.error("AttributeError", msg));
            }
            let has = ctx.type_of(obj).lookup(Key::of(&name)).is_some();
            let msg = if has {
                format!("'{}' object attribute '{}' is read-only", ctx.type_name(obj), name.as_str())
            } else {
                format!("'{}' object has no attribute '{}'", ctx.type_name(obj), name.as_str())
            };
            Err(ctx.error("AttributeError", msg))
        }
    }
}

/// Why a data attribute of a number cannot be set or deleted: complex's are read-only
/// members, int's and float's getters without a setter.
fn readonly_number_attr(obj: Value<'_>, name: &str) -> Option<String> {
    Some(match (obj, name) {
        (Value::Complex(_), "real" | "imag") => "readonly attribute".to_string(),
        (Value::Float(_), "real" | "imag") => {
            format!("attribute '{name}' of 'float' objects is not writable")
        }
        (
            Value::Int(_) | Value::Bool(_) | Value::BigInt(_),
            "real" | "imag" | "numerator" | "denominator",
        ) => {
            format!("attribute '{name}' of 'int' objects is not writable")
        }
        _ => return None,
    })
}

pub fn delattr<'gc>(ctx: &mut Ctx<'gc, '_>, obj: Value<'gc>, name: Gc<'gc, PyStr>) -> PyResult<'gc, ()> {
    let key = Value::Str(name);
    let dict = match obj {
        Value::Instance(inst) => {
            if let Some(da) = Class::user_lookup(inst.class, crate::dunder!("__delattr__")) {
                let f = bind(ctx, da, obj);
                crate::interp::call_value(ctx, f, &[key], &[])?;
                return Ok(());
            }
            return generic_delattr(ctx, obj, Some(inst.dict), name);
        }
        Value::Exception(e) => {
            if matches!(name.as_str(), "message" | "exceptions") && e.borrow().group.is_some() {
                return Err(ctx.error("AttributeError", "readonly attribute"));
            }
            let dict = e.borrow().dict;
            return generic_delattr(ctx, obj, dict, name);
        }
        Value::Module(m) => Some(m.dict),
        Value::Type(t) if !t.builtin => Some(t.dict),
        Value::Function(f) => f.dict.get(),
        Value::Cell(c) if name.as_str() == "cell_contents" => {
            c.set(ctx.mc, Value::Undef);
            return Ok(());
        }
        Value::Frame(fo) if crate::builtins::frame::set_attr(ctx, fo, name.as_str(), None)? => return Ok(()),
        _ => {
            if let Some(msg) = readonly_number_attr(obj, name.as_str()) {
                return Err(ctx.error("AttributeError", msg));
            }
            None
        }
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
            if Class::user_lookup(inst.class, crate::dunder!("__getattribute__")).is_some() {
                return Ok(None);
            }
            if inst.dict.borrow().get_pystr(&name).is_some() {
                return Ok(None);
            }
            match inst.class.lookup(Key::of(&name)) {
                Some(f @ Value::Function(_)) => Ok(Some(f)),
                _ => Ok(None),
            }
        }
        Value::Module(_)
        | Value::Type(_)
        | Value::Function(_)
        | Value::Descriptor(_)
        | Value::Exception(_) => Ok(None),
        _ => match ctx.type_of(obj).lookup(Key::of(&name)) {
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
pub fn special_method<'gc, 'k>(
    ctx: &mut Ctx<'gc, '_>,
    obj: Value<'gc>,
    name: impl Into<Key<'k>>,
) -> PyResult<'gc, Option<Value<'gc>>> {
    let class = ctx.type_of(obj);
    match class.lookup(name) {
        // A slot wrapper stands for what the protocol already does inline.
        None => Ok(None),
        Some(Value::Builtin(b)) if b.slot => Ok(None),
        Some(attr) if attr.is_none() => Ok(Some(attr)),
        Some(attr) => descr_get(ctx, attr, obj, class).map(Some),
    }
}

/// A special method a user class defines for `obj` (not one of the built-in defaults that
/// the protocols implement directly), bound to it.
pub fn user_special_method<'gc, 'k>(
    ctx: &mut Ctx<'gc, '_>,
    obj: Value<'gc>,
    name: impl Into<Key<'k>>,
) -> PyResult<'gc, Option<Value<'gc>>> {
    let class = ctx.type_of(obj);
    match Class::user_lookup(class, name) {
        None => Ok(None),
        Some(attr) if attr.is_none() => Ok(Some(attr)),
        Some(attr) => descr_get(ctx, attr, obj, class).map(Some),
    }
}
