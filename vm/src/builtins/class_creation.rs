//! CPython's class creation protocol: `__build_class__` (the metaclass calculated from the
//! bases and the `metaclass` keyword, `__prepare__`, the body run in the namespace, the
//! metaclass called with `(name, bases, ns, **kwds)`), calls of metaclasses (`type(x)`,
//! `type(name, bases, dict)`, `Meta(...)`), the methods of `type` that metaclasses reach
//! through `super()` (`__new__`, `__init__`, `__call__`, `__prepare__`) and
//! `object.__init_subclass__`.

use gc_arena::Gc;

use super::{native, set};
use crate::ctx::{Ctx, PyResult};
use crate::interp::{call_user_new, with_first};
use crate::object::{Args, Class, Descriptor, Dict, Layout};
use crate::ops;
use crate::value::Value;

pub fn install<'gc>(ctx: &mut Ctx<'gc, '_>) {
    let (type_, object) = (ctx.st.types.type_, ctx.st.types.object);
    super::methods(ctx, type_, &[("__new__", type_new), ("__init__", type_init), ("__call__", type_call)]);
    let prepare = native(ctx, "__prepare__", type_prepare, Value::Type(type_));
    let prepare = Value::Descriptor(Gc::new(ctx.mc, Descriptor::ClassMethod(prepare)));
    set(ctx, type_.dict, "__prepare__", prepare);
    let init_subclass = native(ctx, "__init_subclass__", object_init_subclass, Value::Type(object));
    let init_subclass = Value::Descriptor(Gc::new(ctx.mc, Descriptor::ClassMethod(init_subclass)));
    set(ctx, object.dict, "__init_subclass__", init_subclass);
}

/// Whether `cls` is `type` or a subclass of it: calling it makes a class.
pub fn is_metaclass<'gc>(ctx: &Ctx<'gc, '_>, cls: Gc<'gc, Class<'gc>>) -> bool {
    cls.layout == Layout::Type || Gc::ptr_eq(cls, ctx.st.types.type_)
}

/// The positional arguments and the keyword names and values of a call, split.
fn split<'gc, 'a>(args: &'a [Value<'gc>], kwnames: &[Value<'gc>]) -> (&'a [Value<'gc>], &'a [Value<'gc>]) {
    args.split_at(args.len() - kwnames.len())
}

/// `__build_class__(func, name, *bases, metaclass=..., **kwds)`.
pub fn build_class<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    let pos = args.positional();
    if pos.len() < 2 {
        return ctx.type_error("__build_class__: not enough arguments");
    }
    let Value::Function(body) = pos[0] else {
        return ctx.type_error("__build_class__: func must be a function");
    };
    let Value::Str(name) = pos[1] else {
        return ctx.type_error("__build_class__: name is not a string");
    };
    let bases = pos[2..].to_vec();
    let mut meta = None;
    let mut kw_values = Vec::with_capacity(args.kwnames.len());
    let mut kw_names = Vec::with_capacity(args.kwnames.len());
    for ((k, v), key) in args.keywords().zip(args.kwnames) {
        if k == "metaclass" {
            meta = Some(v);
        } else {
            kw_values.push(v);
            kw_names.push(*key);
        }
    }
    // Without a `metaclass` keyword, the type of the first base (or `type`); a class given
    // or found that way gives way to the most derived metaclass of the bases.
    let meta = match meta {
        None => bases.first().map_or(ctx.st.types.type_, |b| ctx.type_of(*b)),
        Some(Value::Type(m)) => m,
        Some(other) => return finish_class(ctx, other, false, name, bases, body, &kw_values, &kw_names),
    };
    let meta = calculate_metaclass(ctx, meta, &bases)?;
    finish_class(ctx, Value::Type(meta), true, name, bases, body, &kw_values, &kw_names)
}

/// `__prepare__`, the body, the metaclass call and the `__class__` cell check.
#[allow(clippy::too_many_arguments)]
fn finish_class<'gc>(
    ctx: &mut Ctx<'gc, '_>,
    meta: Value<'gc>,
    is_class: bool,
    name: Gc<'gc, crate::object::PyStr>,
    bases: Vec<Value<'gc>>,
    body: Gc<'gc, crate::object::Function<'gc>>,
    kw_values: &[Value<'gc>],
    kw_names: &[Value<'gc>],
) -> PyResult<'gc, Value<'gc>> {
    let bases = ctx.new_tuple(bases);
    let prepare_name = ctx.intern("__prepare__");
    let ns = match ops::attr::getattr_opt(ctx, meta, prepare_name)? {
        Some(prepare) => {
            let mut argv = vec![Value::Str(name), bases];
            argv.extend_from_slice(kw_values);
            let r = crate::interp::call_value(ctx, prepare, &argv, kw_names)?;
            match r {
                Value::Dict(d) => d,
                other => {
                    let who = match meta {
                        Value::Type(m) if is_class => m.name_str(),
                        _ => "<metaclass>",
                    };
                    // Class bodies run in dicts: another mapping is refused too (CPython
                    // would run the body in it).
                    let msg =
                        format!("{who}.__prepare__() must return a mapping, not {}", ctx.type_name(other));
                    return ctx.type_error(msg);
                }
            }
        }
        None => ctx.new_dict(Dict::new()),
    };
    let cell = crate::interp::run_class_body(ctx, body, ns)?;
    let mut argv = vec![Value::Str(name), bases, Value::Dict(ns)];
    argv.extend_from_slice(kw_values);
    let cls = crate::interp::call_value(ctx, meta, &argv, kw_names)?;
    if let (Value::Type(_), Value::Cell(c)) = (cls, cell) {
        let in_cell = c.get();
        if in_cell.is_undef() {
            let r = ops::repr::repr(ctx, cls)?;
            let msg = format!(
                "__class__ not set defining '{}' as {r}. Was __classcell__ propagated to type.__new__?",
                name.as_str()
            );
            return Err(ctx.error("RuntimeError", msg));
        }
        if !in_cell.is(cls) {
            let (got, r) = (ops::repr::repr(ctx, in_cell)?, ops::repr::repr(ctx, cls)?);
            let msg = format!("__class__ set to {got} defining '{}' as {r}", name.as_str());
            return ctx.type_error(msg);
        }
    }
    Ok(cls)
}

/// The most derived of `meta` and the metaclasses of `bases`
/// (`_PyType_CalculateMetaclass`).
pub fn calculate_metaclass<'gc>(
    ctx: &Ctx<'gc, '_>,
    meta: Gc<'gc, Class<'gc>>,
    bases: &[Value<'gc>],
) -> PyResult<'gc, Gc<'gc, Class<'gc>>> {
    let mut winner = meta;
    for b in bases {
        let t = ctx.type_of(*b);
        if Class::is_subclass(winner, t) {
            continue;
        }
        if Class::is_subclass(t, winner) {
            winner = t;
            continue;
        }
        return ctx.type_error(
            "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases",
        );
    }
    Ok(winner)
}

/// A call of `type` or of a subclass of it (`type.__call__` for metaclasses): `type(x)`,
/// else `__new__` (the metaclass's own or `type.__new__`), then `__init__` when the result
/// is an instance of the metaclass.
pub fn call_metaclass<'gc>(
    ctx: &mut Ctx<'gc, '_>,
    meta: Gc<'gc, Class<'gc>>,
    args: &[Value<'gc>],
    kwnames: &[Value<'gc>],
) -> PyResult<'gc, Value<'gc>> {
    let (pos, _) = split(args, kwnames);
    if Gc::ptr_eq(meta, ctx.st.types.type_) {
        if pos.len() == 1 {
            if !kwnames.is_empty() {
                return ctx.type_error("type() takes no keyword arguments");
            }
            return Ok(Value::Type(ctx.type_of(pos[0])));
        }
        if pos.len() != 3 {
            return ctx.type_error("type() takes 1 or 3 arguments");
        }
    }
    let obj = match Class::user_lookup(meta, crate::dunder!("__new__")) {
        Some(new) => call_user_new(ctx, new, meta, args, kwnames)?,
        None => type_new_impl(ctx, meta, args, kwnames)?,
    };
    if !ctx.is_instance_of(obj, meta) {
        return Ok(obj);
    }
    match Class::user_lookup(meta, crate::dunder!("__init__")) {
        Some(init) => {
            let r = with_first(obj, args, |full| crate::interp::call_value(ctx, init, full, kwnames))?;
            if !r.is_none() {
                let msg = format!("__init__() should return None, not '{}'", ctx.type_name(r));
                return ctx.type_error(msg);
            }
        }
        None => check_type_init(ctx, pos.len(), kwnames)?,
    }
    Ok(obj)
}

/// `type.__init__`'s argument checks (it does nothing else).
fn check_type_init<'gc>(ctx: &Ctx<'gc, '_>, nargs: usize, kwnames: &[Value<'gc>]) -> PyResult<'gc, ()> {
    if nargs == 1 && !kwnames.is_empty() {
        return ctx.type_error("type.__init__() takes no keyword arguments");
    }
    if nargs != 1 && nargs != 3 {
        return ctx.type_error("type.__init__() takes 1 or 3 arguments");
    }
    Ok(())
}

/// `type.__new__(metatype, name, bases, dict, **kwds)`: a new class whose type is the most
/// derived metaclass; the keywords go to `__init_subclass__`.
fn type_new_impl<'gc>(
    ctx: &mut Ctx<'gc, '_>,
    meta: Gc<'gc, Class<'gc>>,
    args: &[Value<'gc>],
    kwnames: &[Value<'gc>],
) -> PyResult<'gc, Value<'gc>> {
    let (pos, kw_values) = split(args, kwnames);
    let [name, bases, dict] = *pos else {
        let msg = format!("type.__new__() takes exactly 3 arguments ({} given)", pos.len());
        return ctx.type_error(msg);
    };
    let Value::Str(name) = name else {
        let msg = format!("type.__new__() argument 1 must be str, not {}", ctx.type_name(name));
        return ctx.type_error(msg);
    };
    let Value::Tuple(bases) = bases else {
        let msg = format!("type.__new__() argument 2 must be tuple, not {}", ctx.type_name(bases));
        return ctx.type_error(msg);
    };
    let Value::Dict(dict) = dict else {
        let msg = format!("type.__new__() argument 3 must be dict, not {}", ctx.type_name(dict));
        return ctx.type_error(msg);
    };
    let winner = calculate_metaclass(ctx, meta, &bases.0)?;
    if !Gc::ptr_eq(winner, meta) {
        // A more derived metaclass with a `__new__` of its own makes the class.
        if let Some(new) = Class::user_lookup(winner, crate::dunder!("__new__")) {
            let new = match new {
                Value::Descriptor(d) => match *d {
                    Descriptor::StaticMethod(f) => f,
                    _ => new,
                },
                _ => new,
            };
            let mut full = Vec::with_capacity(args.len() + 1);
            full.push(Value::Type(winner));
            full.extend_from_slice(args);
            return crate::interp::call_value(ctx, new, &full, kwnames);
        }
    }
    let mut classes = Vec::with_capacity(bases.0.len());
    for b in bases.0.iter() {
        match b {
            Value::Type(c) => classes.push(*c),
            other => {
                let msg = format!("bases must be types, not {}", ctx.type_name(*other));
                return ctx.type_error(msg);
            }
        }
    }
    // The class takes a copy of the namespace.
    let ns = ctx.new_dict(Dict::new());
    let entries: Vec<(Value<'gc>, Value<'gc>)> = dict.borrow().iter().map(|e| (e.key, e.value)).collect();
    for (k, v) in entries {
        ops::collections::dict_set(ctx, ns, k, v)?;
    }
    if ns.borrow().get_str("__module__").is_none() {
        let module = ctx.st.frames.last().and_then(|f| f.globals.borrow().get_str("__name__"));
        if let Some(m) = module {
            set(ctx, ns, "__module__", m);
        }
    }
    let name = ctx.intern(name.as_str());
    let meta = if Gc::ptr_eq(winner, ctx.st.types.type_) { None } else { Some(winner) };
    let cls = crate::builtins::classes::new_class(ctx, name, classes, ns, meta)?;
    init_subclass(ctx, cls, kw_values, kwnames)?;
    Ok(Value::Type(cls))
}

/// `super(cls, cls).__init_subclass__(**kwds)`.
fn init_subclass<'gc>(
    ctx: &mut Ctx<'gc, '_>,
    cls: Gc<'gc, Class<'gc>>,
    kw_values: &[Value<'gc>],
    kwnames: &[Value<'gc>],
) -> PyResult<'gc, ()> {
    let found =
        cls.ancestors.iter().find_map(|c| c.dict.borrow().get_key(crate::dunder!("__init_subclass__")));
    if let Some(attr) = found {
        let f = ops::attr::descr_get(ctx, attr, Value::Undef, cls)?;
        crate::interp::call_value(ctx, f, kw_values, kwnames)?;
    }
    Ok(())
}

/// The metatype a `type.__new__` / `type.__init__` / `type.__call__` call received.
fn receiver_type<'gc>(
    ctx: &Ctx<'gc, '_>,
    args: &Args<'gc, '_>,
    method: &str,
) -> PyResult<'gc, Gc<'gc, Class<'gc>>> {
    let Some(&first) = args.args.first() else {
        return ctx.type_error(format!("descriptor '{method}' of 'type' object needs an argument"));
    };
    match first {
        Value::Type(t) => Ok(t),
        other => ctx.type_error(format!(
            "descriptor '{method}' requires a 'type' object but received a '{}'",
            ctx.type_name(other)
        )),
    }
}

/// `type.__new__(metatype, name, bases, dict, **kwds)`, called explicitly (`super().__new__`).
fn type_new<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    let Some(&first) = args.args.first() else {
        return ctx.type_error("type.__new__(): not enough arguments");
    };
    let Value::Type(meta) = first else {
        let msg = format!("type.__new__(X): X is not a type object ({})", ctx.type_name(first));
        return ctx.type_error(msg);
    };
    if !is_metaclass(ctx, meta) {
        let n = meta.name_str();
        return ctx.type_error(format!("type.__new__({n}): {n} is not a subtype of type"));
    }
    type_new_impl(ctx, meta, &args.args[1..], args.kwnames)
}

/// `type.__init__(cls, ...)`: checks its arguments only.
fn type_init<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    receiver_type(ctx, &args, "__init__")?;
    check_type_init(ctx, args.positional().len() - 1, args.kwnames)?;
    Ok(Value::None)
}

/// `type.__call__(cls, *args, **kwds)`: what calling a class does when its metaclass
/// defines no `__call__` (`super().__call__` in a metaclass's own).
fn type_call<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    let cls = receiver_type(ctx, &args, "__call__")?;
    crate::interp::construct_instance(ctx, cls, &args.args[1..], args.kwnames)
}

/// `type.__prepare__(name, bases, **kwds)`: a new empty namespace.
fn type_prepare<'gc>(ctx: &mut Ctx<'gc, '_>, _args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    Ok(Value::Dict(ctx.new_dict(Dict::new())))
}

/// `object.__init_subclass__()`: takes no arguments.
fn object_init_subclass<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    let who = match args.args.first() {
        Some(Value::Type(t)) => t.qualname.get().as_str().to_string(),
        _ => "object".to_string(),
    };
    if !args.kwnames.is_empty() {
        return ctx.type_error(format!("{who}.__init_subclass__() takes no keyword arguments"));
    }
    let n = args.positional().len().saturating_sub(1);
    if n > 0 {
        return ctx.type_error(format!("{who}.__init_subclass__() takes no arguments ({n} given)"));
    }
    Ok(Value::None)
}
