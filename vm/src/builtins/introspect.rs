//! Introspection attributes (`__code__`, `__closure__`, `cell_contents`, `co_*`, `__name__`
//! ...) and the methods of the built-in types.

use gc_arena::Gc;

use crate::ctx::{Ctx, PyResult};
use crate::object::{Class, Dict, Exc, Function, PyStr};
use crate::ops;
use crate::state::Frame;
use crate::value::{GcCell, Value};

fn str_tuple<'gc>(ctx: &mut Ctx<'gc, '_>, names: &[std::sync::Arc<str>]) -> Value<'gc> {
    let items: Vec<Value<'gc>> = names.iter().map(|n| Value::Str(ctx.intern(n))).collect();
    ctx.new_tuple(items)
}

pub fn type_attr<'gc>(
    ctx: &mut Ctx<'gc, '_>,
    t: Gc<'gc, Class<'gc>>,
    name: &str,
) -> PyResult<'gc, Option<Value<'gc>>> {
    Ok(Some(match name {
        "__name__" => Value::Str(t.name.get()),
        "__qualname__" => Value::Str(t.qualname.get()),
        "__mro__" => {
            let mut items = vec![Value::Type(t)];
            items.extend(t.ancestors.iter().map(|c| Value::Type(*c)));
            ctx.new_tuple(items)
        }
        "__bases__" => {
            let items: Vec<Value<'gc>> = t.bases.iter().map(|c| Value::Type(*c)).collect();
            ctx.new_tuple(items)
        }
        "__base__" => t.bases.first().map_or(Value::None, |b| Value::Type(*b)),
        "__dict__" => Value::Dict(t.dict),
        "__module__" if t.builtin => ctx.new_str("builtins"),
        "__doc__" if t.dict.borrow().get_str("__doc__").is_none() => Value::None,
        _ => return Ok(None),
    }))
}

pub fn function_attr<'gc>(
    ctx: &mut Ctx<'gc, '_>,
    f: Gc<'gc, Function<'gc>>,
    name: &str,
) -> PyResult<'gc, Option<Value<'gc>>> {
    Ok(Some(match name {
        "__name__" => Value::Str(f.name.get()),
        "__qualname__" => Value::Str(f.qualname.get()),
        "__code__" => Value::Code(f.code),
        "__closure__" => f.closure.map_or(Value::None, Value::Tuple),
        "__defaults__" => f.defaults.get().map_or(Value::None, Value::Tuple),
        "__kwdefaults__" => f.kwdefaults.get().map_or(Value::None, Value::Dict),
        "__globals__" => Value::Dict(f.globals),
        "__module__" => f.module.get(),
        "__doc__" => f.doc.get(),
        "__annotations__" => {
            let d = match f.annotations.get() {
                Some(d) => d,
                None => {
                    let d = ctx.new_dict(Dict::new());
                    Function::set_annotations(f, ctx.mc, Some(d));
                    d
                }
            };
            Value::Dict(d)
        }
        "__dict__" => {
            let d = match f.dict.get() {
                Some(d) => d,
                None => {
                    let d = ctx.new_dict(Dict::new());
                    Function::set_dict(f, ctx.mc, Some(d));
                    d
                }
            };
            Value::Dict(d)
        }
        _ => return Ok(None),
    }))
}

/// Assignments to a function's special attributes; `false` if `name` is not one.
pub fn set_function_attr<'gc>(
    ctx: &mut Ctx<'gc, '_>,
    f: Gc<'gc, Function<'gc>>,
    name: &str,
    v: Value<'gc>,
) -> PyResult<'gc, bool> {
    match name {
        "__name__" | "__qualname__" => {
            let Value::Str(s) = v else {
                return ctx.type_error(format!("{name} must be set to a string object"));
            };
            if name == "__name__" {
                Function::set_name(f, ctx.mc, s);
            } else {
                Function::set_qualname(f, ctx.mc, s);
            }
        }
        "__defaults__" => match v {
            Value::None => Function::set_defaults(f, ctx.mc, None),
            Value::Tuple(t) => Function::set_defaults(f, ctx.mc, Some(t)),
            _ => return ctx.type_error("__defaults__ must be set to a tuple object"),
        },
        "__kwdefaults__" => match v {
            Value::None => Function::set_kwdefaults(f, ctx.mc, None),
            Value::Dict(d) => Function::set_kwdefaults(f, ctx.mc, Some(d)),
            _ => return ctx.type_error("__kwdefaults__ must be set to a dict object"),
        },
        "__doc__" => Function::set_doc(f, ctx.mc, v),
        "__module__" => Function::set_module(f, ctx.mc, v),
        "__closure__" | "__globals__" | "__code__" => {
            return Err(ctx.error("AttributeError", "readonly attribute"));
        }
        _ => return Ok(false),
    }
    Ok(true)
}

pub fn set_exception_attr<'gc>(
    ctx: &mut Ctx<'gc, '_>,
    e: GcCell<'gc, Exc<'gc>>,
    name: Gc<'gc, PyStr>,
    v: Value<'gc>,
) -> PyResult<'gc, ()> {
    match name.as_str() {
        "__cause__" => {
            if !matches!(v, Value::None | Value::Exception(_)) {
                return ctx.type_error("exception cause must be None or derive from BaseException");
            }
            let mut b = e.borrow_mut(ctx.mc);
            b.cause = v;
            b.suppress_context = true;
        }
        "__context__" => {
            if !matches!(v, Value::None | Value::Exception(_)) {
                return ctx.type_error("exception context must be None or derive from BaseException");
            }
            e.borrow_mut(ctx.mc).context = v;
        }
        "__suppress_context__" => {
            let t = ops::truth::truthy(ctx, v)?;
            e.borrow_mut(ctx.mc).suppress_context = t;
        }
        "message" | "exceptions" if e.borrow().group.is_some() => {
            return Err(ctx.error("AttributeError", "readonly attribute"));
        }
        "args" => {
            let items = ops::iter::to_vec(ctx, v)?;
            let t = ctx.tuple(items);
            e.borrow_mut(ctx.mc).args = t;
        }
        _ => {
            let d = exception_dict(ctx, e);
            ops::collections::dict_set(ctx, d, Value::Str(name), v)?;
        }
    }
    Ok(())
}

/// An exception's attribute dict, made on first use.
pub fn exception_dict<'gc>(ctx: &mut Ctx<'gc, '_>, e: GcCell<'gc, Exc<'gc>>) -> GcCell<'gc, Dict<'gc>> {
    let dict = e.borrow().dict;
    match dict {
        Some(d) => d,
        None => {
            let d = ctx.new_dict(Dict::new());
            e.borrow_mut(ctx.mc).dict = Some(d);
            d
        }
    }
}

/// Attributes of the other built-in values.
pub fn value_attr<'gc>(
    ctx: &mut Ctx<'gc, '_>,
    v: Value<'gc>,
    name: &str,
) -> PyResult<'gc, Option<Value<'gc>>> {
    Ok(Some(match (v, name) {
        (Value::Cell(c), "cell_contents") => {
            let x = c.get();
            if x.is_undef() {
                return ctx.value_error("Cell is empty");
            }
            x
        }
        (Value::Code(c), _) => {
            let co = &c.co;
            match name {
                "co_name" => Value::Str(c.name),
                "co_qualname" => Value::Str(c.qualname),
                "co_filename" => ctx.new_str(&*co.filename),
                "co_argcount" => Value::Int(co.argcount as i64),
                "co_posonlyargcount" => Value::Int(co.posonlyargcount as i64),
                "co_kwonlyargcount" => Value::Int(co.kwonlyargcount as i64),
                "co_nlocals" => Value::Int(co.varnames.len() as i64),
                "co_flags" => Value::Int(co.flags as i64),
                "co_firstlineno" => Value::Int(co.firstlineno as i64),
                "co_stacksize" => Value::Int(co.stacksize as i64),
                "co_varnames" => str_tuple(ctx, &co.varnames),
                "co_cellvars" => str_tuple(ctx, &co.cellvars),
                "co_freevars" => str_tuple(ctx, &co.freevars),
                "co_names" => str_tuple(ctx, &co.names),
                "co_consts" => ctx.new_tuple(c.consts.to_vec()),
                "co_code" => {
                    let bytes: Vec<u8> =
                        co.code.iter().flat_map(|i| [i.op as u8, i.arg.min(255) as u8]).collect();
                    Value::Bytes(Gc::new(ctx.mc, bytes.into_boxed_slice()))
                }
                _ => return Ok(None),
            }
        }
        (Value::Exception(e), _) => {
            let b = e.borrow();
            match name {
                "args" => Value::Tuple(b.args),
                "__cause__" => b.cause,
                "__context__" => b.context,
                "__suppress_context__" => Value::Bool(b.suppress_context),
                "__traceback__" => Value::None,
                "message" if b.group.is_some() => b.group.map_or(Value::None, |g| g.message),
                "exceptions" if b.group.is_some() => {
                    b.group.map_or(Value::None, |g| Value::Tuple(g.exceptions))
                }
                _ => match b.dict {
                    Some(d) => match d.borrow().get_str(name) {
                        Some(v) => v,
                        None => return Ok(None),
                    },
                    None => return Ok(None),
                },
            }
        }
        (Value::Int(_) | Value::Bool(_) | Value::BigInt(_), "real" | "numerator") => {
            ops::num::unary(ctx, ops::num::Unary::Pos, v)?
        }
        (Value::Int(_) | Value::Bool(_) | Value::BigInt(_), "imag") => Value::Int(0),
        (Value::Int(_) | Value::Bool(_) | Value::BigInt(_), "denominator") => Value::Int(1),
        (Value::Float(_), "real") => v,
        (Value::Float(_), "imag") => Value::Float(0.0),
        (Value::Complex(c), "real") => Value::Float(c.re),
        (Value::Complex(c), "imag") => Value::Float(c.im),
        (Value::Range(r), "start") => Value::Int(r.start),
        (Value::Range(r), "stop") => Value::Int(r.stop),
        (Value::Range(r), "step") => Value::Int(r.step),
        (Value::Slice(s), "start") => s.start,
        (Value::Slice(s), "stop") => s.stop,
        (Value::Slice(s), "step") => s.step,
        (Value::Builtin(b), "__name__") => ctx.new_str(b.name),
        (Value::Builtin(b), "__qualname__") => match b.owner {
            // A method's qualified name starts with its type's (`int.__add__`).
            Value::Type(t) => ctx.new_str(format!("{}.{}", t.qualname.get().as_str(), b.name)),
            _ => ctx.new_str(b.name),
        },
        (Value::Builtin(b), "__objclass__") if b.slot => b.owner,
        (Value::Builtin(b), "__self__") => {
            if b.bound.is_undef() {
                Value::None
            } else {
                b.bound
            }
        }
        (Value::Method(m), "__self__") => m.receiver,
        (Value::Method(m), "__func__") => m.func,
        (Value::Method(m), "__name__" | "__qualname__" | "__doc__" | "__module__") => {
            let n = ctx.intern(name);
            return ops::attr::getattr_opt(ctx, m.func, n);
        }
        (Value::Module(m), "__name__") => Value::Str(m.name),
        _ => return Ok(None),
    }))
}

/// `locals()` inside a function: a snapshot dict of its bound locals and cells.
pub fn frame_locals<'gc>(ctx: &mut Ctx<'gc, '_>, frame: Frame<'gc>) -> PyResult<'gc, Value<'gc>> {
    let co = frame.code.co.clone();
    let d = ctx.new_dict(Dict::new());
    let base = frame.base as usize;
    let nlocals = co.varnames.len();
    for (i, name) in co.varnames.iter().enumerate() {
        let v = ctx.st.stack.get(base + i).copied().unwrap_or(Value::Undef);
        if !v.is_undef() {
            let k = Value::Str(ctx.intern(name));
            ops::collections::dict_set(ctx, d, k, v)?;
        }
    }
    for i in 0..co.cellvars.len() + co.freevars.len() {
        if let Some(Value::Cell(c)) = ctx.st.stack.get(base + nlocals + i).copied() {
            let v = c.get();
            if !v.is_undef() {
                let k = Value::Str(ctx.intern(co.deref_name(i)));
                ops::collections::dict_set(ctx, d, k, v)?;
            }
        }
    }
    Ok(Value::Dict(d))
}

pub fn install_methods<'gc>(ctx: &mut Ctx<'gc, '_>) {
    super::list_methods::install(ctx);
    super::dict_methods::install(ctx);
    super::set_methods::install(ctx);
    super::numeric::install(ctx);
    super::complex::install(ctx);
    super::str_methods::install(ctx);
    super::bytes_methods::install(ctx);
}
