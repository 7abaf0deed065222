//! Classes: making them (the class object `type.__new__` makes), the methods of
//! `object` and `BaseException` that subclasses reach through `super()`, and the built-in
//! types that shape attribute access: `super`, `staticmethod`, `classmethod`, `property`;
//! also `vars()` and `dir()`.

use gc_arena::lock::Lock;
use gc_arena::Gc;

use super::{expect_args, keywords, methods, native, set};
use crate::ctx::{Ctx, PyResult};
use crate::object::{Args, Class, Descriptor, Dict, Layout, Property, PyStr, Super};
use crate::ops;
use crate::value::{GcCell, Value};

pub fn install<'gc>(ctx: &mut Ctx<'gc, '_>) {
    let t = &ctx.st.types;
    let (object, super_, staticmethod, classmethod, property) =
        (t.object, t.super_, t.staticmethod, t.classmethod, t.property);
    methods(
        ctx,
        object,
        &[
            ("__new__", object_new),
            ("__init__", object_init),
            ("__getattribute__", object_getattribute),
            ("__setattr__", object_setattr),
            ("__delattr__", object_delattr),
            ("__repr__", object_repr),
            ("__str__", object_str),
            ("__eq__", object_eq),
            ("__ne__", object_ne),
            ("__lt__", object_order),
            ("__le__", object_order),
            ("__gt__", object_order),
            ("__ge__", object_order),
            ("__hash__", object_hash),
        ],
    );
    let base_exception = ctx.exc_class("BaseException");
    methods(
        ctx,
        base_exception,
        &[
            ("__init__", exception_init),
            ("__str__", exception_str),
            ("__repr__", exception_repr),
            ("add_note", exception_add_note),
        ],
    );
    methods(ctx, super_, &[("__new__", super_new)]);
    methods(ctx, staticmethod, &[("__new__", staticmethod_new)]);
    methods(ctx, classmethod, &[("__new__", classmethod_new)]);
    methods(
        ctx,
        property,
        &[
            ("__new__", property_new),
            ("getter", property_getter),
            ("setter", property_setter),
            ("deleter", property_deleter),
        ],
    );
    let builtins = ctx.st.builtins;
    for (name, class) in [
        ("super", super_),
        ("staticmethod", staticmethod),
        ("classmethod", classmethod),
        ("property", property),
    ] {
        set(ctx, builtins, name, Value::Type(class));
    }
    for (name, f) in [("vars", vars as crate::object::NativeFn), ("dir", dir)] {
        let v = native(ctx, name, f, Value::Undef);
        set(ctx, builtins, name, v);
    }
}

/// Built-in types a class statement may not derive from.
fn acceptable_base<'gc>(ctx: &Ctx<'gc, '_>, base: Gc<'gc, Class<'gc>>) -> bool {
    let t = &ctx.st.types;
    ![
        t.bool_,
        t.none,
        t.not_implemented,
        t.ellipsis,
        t.generator,
        t.function,
        t.builtin_function,
        t.wrapper_descriptor,
        t.method_wrapper,
        t.method,
        t.code,
        t.cell,
        t.range,
        t.slice,
        t.frame,
        t.module,
    ]
    .iter()
    .any(|c| Gc::ptr_eq(*c, base))
}

/// A new class with namespace `ns` (taken over as its `__dict__`).
pub fn new_class<'gc>(
    ctx: &mut Ctx<'gc, '_>,
    name: Gc<'gc, PyStr>,
    mut bases: Vec<Gc<'gc, Class<'gc>>>,
    ns: GcCell<'gc, Dict<'gc>>,
    meta: Option<Gc<'gc, Class<'gc>>>,
) -> PyResult<'gc, Gc<'gc, Class<'gc>>> {
    for b in &bases {
        if !acceptable_base(ctx, *b) {
            return ctx.type_error(format!("type '{}' is not an acceptable base type", b.name_str()));
        }
    }
    for (i, b) in bases.iter().enumerate() {
        if bases[..i].iter().any(|c| Gc::ptr_eq(*c, *b)) {
            return ctx.type_error(format!("duplicate base class {}", b.name_str()));
        }
    }
    if bases.is_empty() {
        bases.push(ctx.st.types.object);
    }
    let ancestors = crate::builtins::types::mro(ctx, &bases)?;
    let type_ = ctx.st.types.type_;
    let layout = if ancestors.iter().any(|c| c.layout == Layout::Exception) {
        Layout::Exception
    } else if ancestors.iter().any(|c| Gc::ptr_eq(*c, type_)) {
        Layout::Type
    } else {
        Layout::Object
    };
    // `__qualname__` is a class attribute of the type, not an entry of its dict.
    let key = Value::Str(ctx.intern("__qualname__"));
    let qualname = match ops::collections::dict_del(ctx, ns, key)? {
        Some(Value::Str(q)) => q,
        Some(other) => {
            let msg = format!("type __qualname__ must be a str, not {}", ctx.type_name(other));
            return ctx.type_error(msg);
        }
        None => name,
    };
    // The body's `__class__` cell, filled with the new class below.
    let key = Value::Str(ctx.intern("__classcell__"));
    let classcell = match ops::collections::dict_del(ctx, ns, key)? {
        None => None,
        Some(Value::Cell(c)) => Some(c),
        Some(other) => {
            let msg = format!(
                "__classcell__ must be a nonlocal cell, not {}",
                ops::repr::repr(ctx, Value::Type(ctx.type_of(other)))?
            );
            return ctx.type_error(msg);
        }
    };
    // `__init_subclass__` and `__class_getitem__` are class methods implicitly.
    for name in ["__init_subclass__", "__class_getitem__"] {
        let f = ns.borrow().get_str(name);
        if let Some(f @ Value::Function(_)) = f {
            let wrapped = Value::Descriptor(Gc::new(ctx.mc, Descriptor::ClassMethod(f)));
            set(ctx, ns, name, wrapped);
        }
    }
    // A class that defines equality but not hashing is unhashable.
    let defines_eq = ns.borrow().get_str("__eq__").is_some();
    if defines_eq && ns.borrow().get_str("__hash__").is_none() {
        set(ctx, ns, "__hash__", Value::None);
    }
    let class = Gc::new(
        ctx.mc,
        Class {
            name: Lock::new(name),
            qualname: Lock::new(qualname),
            bases: bases.into(),
            ancestors: ancestors.into(),
            dict: ns,
            layout,
            builtin: false,
            meta,
            native_new: Default::default(),
        },
    );
    if let Some(c) = classcell {
        c.set(ctx.mc, Value::Type(class));
    }
    // `__set_name__`: descriptors learn the name they are bound to.
    let entries: Vec<(Value<'gc>, Value<'gc>)> = ns.borrow().iter().map(|e| (e.key, e.value)).collect();
    for (key, value) in entries {
        match value {
            Value::Descriptor(d) => {
                if let Descriptor::Property(p) = &*d {
                    p.name.set(ctx.mc, key);
                }
            }
            Value::Instance(_) => {
                if let Some(m) = ops::attr::user_special_method(ctx, value, crate::dunder!("__set_name__"))? {
                    if let Err(e) = crate::interp::call_value(ctx, m, &[Value::Type(class), key], &[]) {
                        // CPython 3.11 reports it as a RuntimeError caused by the error.
                        let msg = format!(
                            "Error calling __set_name__ on '{}' instance {} in '{}'",
                            ctx.type_name(value),
                            ops::repr::repr(ctx, key)?,
                            name.as_str()
                        );
                        let err = ctx.error("RuntimeError", msg);
                        ops::exceptions::set_cause(ctx, err, Value::Exception(e))?;
                        return Err(err);
                    }
                }
            }
            _ => {}
        }
    }
    Ok(class)
}

/// The instance dict of an object that has one.
fn dict_of<'gc>(v: Value<'gc>) -> Option<GcCell<'gc, Dict<'gc>>> {
    match v {
        Value::Instance(i) => Some(i.dict),
        Value::Exception(e) => e.borrow().dict,
        _ => None,
    }
}

fn attr_name<'gc>(ctx: &mut Ctx<'gc, '_>, v: Value<'gc>) -> PyResult<'gc, Gc<'gc, PyStr>> {
    match v {
        Value::Str(s) => Ok(ctx.intern(s.as_str())),
        _ => {
            let msg = format!("attribute name must be string, not '{}'", ctx.type_name(v));
            ctx.type_error(msg)
        }
    }
}

/// `object.__new__(cls)`: a bare instance of a user class.
fn object_new<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    let Some(&first) = args.args.first() else {
        return ctx.type_error("object.__new__(): not enough arguments");
    };
    let Value::Type(cls) = first else {
        let msg = format!("object.__new__(X): X is not a type object ({})", ctx.type_name(first));
        return ctx.type_error(msg);
    };
    // (For exceptions this is BaseException.__new__, which takes any arguments.)
    if args.args.len() > 1 && cls.layout != Layout::Exception {
        if Class::user_lookup(cls, crate::dunder!("__new__")).is_some() {
            return ctx.type_error("object.__new__() takes exactly one argument (the type to instantiate)");
        }
        if Class::user_lookup(cls, crate::dunder!("__init__")).is_none() {
            return ctx.type_error(format!("{}() takes no arguments", cls.name_str()));
        }
    }
    match cls.layout {
        Layout::Object if !cls.builtin || Gc::ptr_eq(cls, ctx.st.types.object) => {
            let dict = ctx.new_dict(Dict::new());
            Ok(crate::finalize::new_instance(ctx, cls, dict))
        }
        Layout::Exception => {
            let positional = args.positional().get(1..).unwrap_or(&[]);
            if Class::is_subclass(cls, ctx.exc_class("BaseExceptionGroup")) {
                return Ok(Value::Exception(super::exception_group::new_group(ctx, cls, positional)?));
            }
            Ok(Value::Exception(ctx.new_exc(cls, positional.to_vec())))
        }
        _ => {
            let n = cls.name_str();
            ctx.type_error(format!("object.__new__({n}) is not safe, use {n}.__new__()"))
        }
    }
}

/// `object.__init__(self)`: nothing to do, but extra arguments are an error.
fn object_init<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    let Some(&this) = args.args.first() else {
        return ctx.type_error("descriptor '__init__' of 'object' object needs an argument");
    };
    if args.args.len() > 1 {
        let cls = ctx.type_of(this);
        if Class::user_lookup(cls, crate::dunder!("__init__")).is_some() {
            return ctx
                .type_error("object.__init__() takes exactly one argument (the instance to initialize)");
        }
        return ctx.type_error(format!(
            "{}.__init__() takes exactly one argument (the instance to initialize)",
            cls.name_str()
        ));
    }
    Ok(Value::None)
}

fn object_getattribute<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    let a = expect_args(ctx, "__getattribute__", &args, 2, 2)?;
    let name = attr_name(ctx, a[1])?;
    if matches!(a[0], Value::Instance(_) | Value::Exception(_)) {
        return match ops::attr::generic_getattr(ctx, a[0], dict_of(a[0]), name)? {
            Some(v) => Ok(v),
            None => Err(ops::attr::attribute_error(ctx, a[0], name.as_str())),
        };
    }
    ops::attr::getattr(ctx, a[0], name)
}

fn object_setattr<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    let a = expect_args(ctx, "__setattr__", &args, 3, 3)?;
    let name = attr_name(ctx, a[1])?;
    match a[0] {
        Value::Instance(i) => ops::attr::generic_setattr(ctx, a[0], Some(i.dict), name, a[2])?,
        _ => ops::attr::setattr(ctx, a[0], name, a[2])?,
    }
    Ok(Value::None)
}

fn object_delattr<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    let a = expect_args(ctx, "__delattr__", &args, 2, 2)?;
    let name = attr_name(ctx, a[1])?;
    match a[0] {
        Value::Instance(i) => ops::attr::generic_delattr(ctx, a[0], Some(i.dict), name)?,
        _ => ops::attr::delattr(ctx, a[0], name)?,
    }
    Ok(Value::None)
}

fn object_repr<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    let a = expect_args(ctx, "__repr__", &args, 1, 1)?;
    let s = match a[0] {
        Value::Instance(_) => ops::repr::default_repr(ctx, a[0]),
        other => ops::repr::repr(ctx, other)?,
    };
    Ok(ctx.new_str(s))
}

fn object_str<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    let a = expect_args(ctx, "__str__", &args, 1, 1)?;
    ops::repr::repr_value(ctx, a[0])
}

fn object_eq<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    let a = expect_args(ctx, "__eq__", &args, 2, 2)?;
    Ok(if a[0].is(a[1]) { Value::Bool(true) } else { Value::NotImplemented })
}

/// `object.__ne__`: the inverse of `__eq__`, unless that is NotImplemented.
fn object_ne<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    let a = expect_args(ctx, "__ne__", &args, 2, 2)?;
    let Some(eq) = ops::attr::special_method(ctx, a[0], crate::dunder!("__eq__"))? else {
        return Ok(Value::NotImplemented);
    };
    let r = crate::interp::call_value(ctx, eq, &[a[1]], &[])?;
    if matches!(r, Value::NotImplemented) {
        return Ok(r);
    }
    Ok(Value::Bool(!ops::truth::truthy(ctx, r)?))
}

/// `object.__lt__` and the other orderings: NotImplemented.
fn object_order<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    expect_args(ctx, "__lt__", &args, 2, 2)?;
    Ok(Value::NotImplemented)
}

fn object_hash<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    let a = expect_args(ctx, "__hash__", &args, 1, 1)?;
    Ok(Value::Int(match a[0].ptr() {
        Some(p) => ops::hash::pointer_hash(p),
        None => ops::hash::hash(ctx, a[0])?,
    }))
}

pub(crate) fn this_exception<'gc>(
    ctx: &Ctx<'gc, '_>,
    args: &Args<'gc, '_>,
    method: &str,
) -> PyResult<'gc, crate::PyErr<'gc>> {
    match args.args.first() {
        Some(Value::Exception(e)) => Ok(*e),
        other => {
            let got = other.map_or("NoneType", |v| ctx.type_name(*v));
            ctx.type_error(format!(
                "descriptor '{method}' requires a 'BaseException' object but received a '{got}'"
            ))
        }
    }
}

/// `BaseException.__init__(self, *args)`: sets `args`.
pub(crate) fn exception_init<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    let e = this_exception(ctx, &args, "__init__")?;
    if !args.kwnames.is_empty() {
        let msg = format!("{}() takes no keyword arguments", e.borrow().class.name_str());
        return ctx.type_error(msg);
    }
    let t = ctx.tuple(args.positional()[1..].to_vec());
    e.borrow_mut(ctx.mc).args = t;
    Ok(Value::None)
}

fn exception_str<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    expect_args(ctx, "__str__", &args, 1, 1)?;
    let e = this_exception(ctx, &args, "__str__")?;
    let s = ops::repr::exception_args_str(ctx, e)?;
    Ok(ctx.new_str(s))
}

fn exception_repr<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    expect_args(ctx, "__repr__", &args, 1, 1)?;
    let e = this_exception(ctx, &args, "__repr__")?;
    let s = ops::repr::exception_default_repr(ctx, e)?;
    Ok(ctx.new_str(s))
}

/// `BaseException.add_note(note)`: appends to `__notes__`, made a list if missing.
fn exception_add_note<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    let e = this_exception(ctx, &args, "add_note")?;
    let pos = args.positional();
    if !args.kwnames.is_empty() || pos.len() != 2 {
        if !args.kwnames.is_empty() {
            return ctx.type_error("BaseException.add_note() takes no keyword arguments");
        }
        let msg = format!("BaseException.add_note() takes exactly one argument ({} given)", pos.len() - 1);
        return ctx.type_error(msg);
    }
    let note = pos[1];
    if !ctx.is_instance_of(note, ctx.st.types.str) {
        return ctx.type_error(format!("note must be a str, not '{}'", ctx.type_name(note)));
    }
    let name = ctx.intern("__notes__");
    let notes = match ops::attr::getattr_opt(ctx, Value::Exception(e), name)? {
        Some(n) => n,
        None => {
            let n = ctx.new_list(Vec::new());
            ops::attr::setattr(ctx, Value::Exception(e), name, n)?;
            n
        }
    };
    match notes {
        Value::List(l) => l.borrow_mut(ctx.mc).push(note),
        _ => return ctx.type_error("Cannot add note: __notes__ is not a list"),
    }
    Ok(Value::None)
}

fn descriptor<'gc>(ctx: &Ctx<'gc, '_>, d: Descriptor<'gc>) -> Value<'gc> {
    Value::Descriptor(Gc::new(ctx.mc, d))
}

/// `super()`, `super(type)`, `super(type, obj)`.
fn super_new<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    if !args.kwnames.is_empty() {
        return ctx.type_error("super() takes no keyword arguments");
    }
    let pos = &args.positional()[1..];
    let (thisclass, obj) = match pos {
        [] => zero_arg_super(ctx)?,
        [t] => (*t, Value::None),
        [t, o] => (*t, *o),
        _ => return ctx.type_error(format!("super() takes at most 2 arguments ({} given)", pos.len())),
    };
    let Value::Type(thisclass) = thisclass else {
        let msg = format!("super() argument 1 must be a type, not {}", ctx.type_name(thisclass));
        return ctx.type_error(msg);
    };
    let obj_type = match obj {
        Value::None if pos.len() == 1 => None,
        Value::Type(t) if Class::is_subclass(t, thisclass) => Some(t),
        _ if ctx.is_instance_of(obj, thisclass) => Some(ctx.type_of(obj)),
        _ => return ctx.type_error("super(type, obj): obj must be an instance or subtype of type"),
    };
    Ok(descriptor(ctx, Descriptor::Super(Super { thisclass, obj, obj_type })))
}

/// The zero-argument form: the `__class__` cell and the first argument of the calling
/// function's frame.
fn zero_arg_super<'gc>(ctx: &mut Ctx<'gc, '_>) -> PyResult<'gc, (Value<'gc>, Value<'gc>)> {
    let runtime = |ctx: &Ctx<'gc, '_>, msg: &str| Err(ctx.error("RuntimeError", msg));
    let Some(frame) = ctx.st.frames.last().copied() else { return runtime(ctx, "super(): no arguments") };
    let co = frame.code.co.clone();
    if co.argcount == 0 {
        return runtime(ctx, "super(): no arguments");
    }
    let base = frame.base as usize;
    let slot = |i: usize| ctx.st.stack.get(base + i).copied().unwrap_or(Value::Undef);
    let nlocals = co.varnames.len();
    let mut first = slot(0);
    if first.is_undef() {
        // A first argument that is also a cell lives in its cell.
        if let Some(i) = co.cell2arg.iter().position(|a| *a == Some(0)) {
            if let Value::Cell(c) = slot(nlocals + i) {
                first = c.get();
            }
        }
    }
    if first.is_undef() {
        return runtime(ctx, "super(): arg[0] deleted");
    }
    let Some(i) = co.freevars.iter().position(|f| &**f == "__class__") else {
        return runtime(ctx, "super(): __class__ cell not found");
    };
    let class = match slot(nlocals + co.cellvars.len() + i) {
        Value::Cell(c) => c.get(),
        _ => Value::Undef,
    };
    match class {
        Value::Undef => runtime(ctx, "super(): empty __class__ cell"),
        Value::Type(_) => Ok((class, first)),
        other => {
            let msg = format!("super(): __class__ is not a type ({})", ctx.type_name(other));
            Err(ctx.error("RuntimeError", msg))
        }
    }
}

fn staticmethod_new<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    let a = expect_args(ctx, "staticmethod", &args, 2, 2)?;
    Ok(descriptor(ctx, Descriptor::StaticMethod(a[1])))
}

fn classmethod_new<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    let a = expect_args(ctx, "classmethod", &args, 2, 2)?;
    Ok(descriptor(ctx, Descriptor::ClassMethod(a[1])))
}

fn make_property<'gc>(
    ctx: &mut Ctx<'gc, '_>,
    fget: Value<'gc>,
    fset: Value<'gc>,
    fdel: Value<'gc>,
    doc: Value<'gc>,
    name: Value<'gc>,
) -> PyResult<'gc, Value<'gc>> {
    let doc = if doc.is_none() && !fget.is_none() {
        let n = ctx.intern("__doc__");
        ops::attr::getattr_opt(ctx, fget, n)?.unwrap_or(Value::None)
    } else {
        doc
    };
    let name = Gc::new(ctx.mc, Lock::new(name));
    Ok(descriptor(ctx, Descriptor::Property(Property { fget, fset, fdel, doc, name })))
}

/// `property(fget=None, fset=None, fdel=None, doc=None)`.
fn property_new<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    const NAMES: [&str; 4] = ["fget", "fset", "fdel", "doc"];
    let pos = &args.positional()[1..];
    if pos.len() > 4 {
        return ctx.type_error(format!("property() takes at most 4 arguments ({} given)", pos.len()));
    }
    let mut slots = [Value::None; 4];
    slots[..pos.len()].copy_from_slice(pos);
    for (k, v) in keywords(ctx, "property", &args, &NAMES)? {
        let i = NAMES.iter().position(|n| *n == k).unwrap_or(0);
        if i < pos.len() {
            return ctx.type_error(format!(
                "argument for property() given by name ('{k}') and position ({})",
                i + 1
            ));
        }
        slots[i] = v;
    }
    let [fget, fset, fdel, doc] = slots;
    make_property(ctx, fget, fset, fdel, doc, Value::None)
}

/// `getter` / `setter` / `deleter`: a copy of the property with one function replaced.
fn property_copy<'gc>(
    ctx: &mut Ctx<'gc, '_>,
    args: Args<'gc, '_>,
    which: usize,
    method: &str,
) -> PyResult<'gc, Value<'gc>> {
    let a = expect_args(ctx, method, &args, 2, 2)?;
    let Value::Descriptor(d) = a[0] else {
        let msg = format!(
            "descriptor '{method}' for 'property' objects doesn't apply to a '{}' object",
            ctx.type_name(a[0])
        );
        return ctx.type_error(msg);
    };
    let Descriptor::Property(p) = &*d else {
        let msg = format!(
            "descriptor '{method}' for 'property' objects doesn't apply to a '{}' object",
            ctx.type_name(a[0])
        );
        return ctx.type_error(msg);
    };
    let mut fns = [p.fget, p.fset, p.fdel];
    if !a[1].is_none() {
        fns[which] = a[1];
    }
    // A docstring taken from the old getter follows a new getter.
    let doc = if which == 0 && !a[1].is_none() { Value::None } else { p.doc };
    make_property(ctx, fns[0], fns[1], fns[2], doc, p.name.get())
}

fn property_getter<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    property_copy(ctx, args, 0, "getter")
}

fn property_setter<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    property_copy(ctx, args, 1, "setter")
}

fn property_deleter<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    property_copy(ctx, args, 2, "deleter")
}

/// The data attributes of `staticmethod`, `classmethod` and `property` objects.
pub fn descriptor_attr<'gc>(d: Gc<'gc, Descriptor<'gc>>, name: &str) -> Option<Value<'gc>> {
    match (&*d, name) {
        (Descriptor::StaticMethod(f) | Descriptor::ClassMethod(f), "__func__" | "__wrapped__") => Some(*f),
        (Descriptor::Property(p), "fget") => Some(p.fget),
        (Descriptor::Property(p), "fset") => Some(p.fset),
        (Descriptor::Property(p), "fdel") => Some(p.fdel),
        (Descriptor::Property(p), "__doc__") => Some(p.doc),
        _ => None,
    }
}

/// `vars()` / `vars(obj)`.
fn vars<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    let a = expect_args(ctx, "vars", &args, 0, 1)?;
    let Some(&obj) = a.first() else {
        let Some(frame) = ctx.st.frames.last().copied() else { return Ok(Value::None) };
        if let Value::Dict(_) = frame.locals {
            return Ok(frame.locals);
        }
        return crate::builtins::introspect::frame_locals(ctx, frame);
    };
    let name = ctx.intern("__dict__");
    match ops::attr::getattr(ctx, obj, name) {
        Ok(d) => Ok(d),
        Err(e) if ctx.exc_matches(e, "AttributeError") => {
            ctx.type_error("vars() argument must have __dict__ attribute")
        }
        Err(e) => Err(e),
    }
}

/// `dir()` / `dir(obj)`: the sorted attribute names.
fn dir<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    let a = expect_args(ctx, "dir", &args, 0, 1)?;
    let mut names: Vec<Value<'gc>> = Vec::new();
    match a.first().copied() {
        None => {
            let locals = vars(ctx, Args { args: &[], kwnames: &[] })?;
            if let Value::Dict(d) = locals {
                names.extend(d.borrow().iter().map(|e| e.key));
            }
        }
        Some(obj) => {
            if let Some(m) = ops::attr::user_special_method(ctx, obj, crate::dunder!("__dir__"))? {
                let r = crate::interp::call_value(ctx, m, &[], &[])?;
                names = ops::iter::to_vec(ctx, r)?;
            } else {
                let mut dicts: Vec<GcCell<'gc, Dict<'gc>>> = Vec::new();
                match obj {
                    Value::Module(m) => dicts.push(m.dict),
                    Value::Type(t) => {
                        dicts.push(t.dict);
                        dicts.extend(t.ancestors.iter().map(|c| c.dict));
                    }
                    _ => {
                        if let Some(d) = dict_of(obj) {
                            dicts.push(d);
                        }
                        if let Value::Function(f) = obj {
                            dicts.extend(f.dict.get());
                        }
                        let t = ctx.type_of(obj);
                        dicts.push(t.dict);
                        dicts.extend(t.ancestors.iter().map(|c| c.dict));
                    }
                }
                for d in dicts {
                    names.extend(d.borrow().iter().map(|e| e.key));
                }
            }
        }
    }
    let mut strs: Vec<String> = Vec::with_capacity(names.len());
    for n in names {
        match n {
            Value::Str(s) => strs.push(s.as_str().to_string()),
            other => {
                let msg =
                    format!("'<' not supported between instances of 'str' and '{}'", ctx.type_name(other));
                return ctx.type_error(msg);
            }
        }
    }
    strs.sort();
    strs.dedup();
    let items: Vec<Value<'gc>> = strs.iter().map(|s| ctx.new_str(s.as_str())).collect();
    Ok(ctx.new_list(items))
}
