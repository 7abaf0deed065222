//! Raising and matching exceptions (the traceback report is `ops::traceback`).

use gc_arena::Gc;

use crate::ctx::{Ctx, PyErr, PyResult};
use crate::object::{Class, Layout};
use crate::value::Value;

fn is_exception_class(c: Gc<'_, Class<'_>>) -> bool {
    c.layout == Layout::Exception
}

/// The exception a `raise X` raises: an instance as is, a class instantiated.
pub fn make_raisable<'gc>(ctx: &mut Ctx<'gc, '_>, v: Value<'gc>) -> PyResult<'gc, PyErr<'gc>> {
    match v {
        Value::Exception(e) => Ok(e),
        Value::Type(c) if is_exception_class(c) => match crate::interp::call_value(ctx, v, &[], &[])? {
            Value::Exception(e) => Ok(e),
            other => {
                let msg = format!(
                    "calling {} should have returned an instance of BaseException, not {}",
                    crate::ops::repr::repr(ctx, v)?,
                    ctx.type_name(other)
                );
                ctx.type_error(msg)
            }
        },
        _ => ctx.type_error("exceptions must derive from BaseException"),
    }
}

/// `raise e from cause`.
pub fn set_cause<'gc>(ctx: &mut Ctx<'gc, '_>, e: PyErr<'gc>, cause: Value<'gc>) -> PyResult<'gc, ()> {
    let cause = match cause {
        Value::None => Value::None,
        Value::Exception(_) => cause,
        Value::Type(c) if is_exception_class(c) => Value::Exception(make_raisable(ctx, cause)?),
        _ => return ctx.type_error("exception causes must derive from BaseException"),
    };
    let mut b = e.borrow_mut(ctx.mc);
    b.cause = cause;
    b.suppress_context = true;
    Ok(())
}

/// The value a StopIteration carries (`e.value`): its first argument, or None.
pub fn stop_iteration_value<'gc>(e: PyErr<'gc>) -> Value<'gc> {
    e.borrow().args.0.first().copied().unwrap_or(Value::None)
}

/// `except typ:` — does the exception match?
pub fn matches<'gc>(ctx: &mut Ctx<'gc, '_>, exc: Value<'gc>, typ: Value<'gc>) -> PyResult<'gc, bool> {
    let Value::Exception(e) = exc else { return Ok(false) };
    let class = e.borrow().class;
    match typ {
        Value::Type(c) if is_exception_class(c) => Ok(Class::is_subclass(class, c)),
        Value::Tuple(t) => {
            for x in t.0.iter() {
                if matches(ctx, exc, *x)? {
                    return Ok(true);
                }
            }
            for x in t.0.iter() {
                if !matches!(x, Value::Type(c) if is_exception_class(*c)) {
                    return ctx.type_error(
                        "catching classes that do not inherit from BaseException is not allowed",
                    );
                }
            }
            Ok(false)
        }
        _ => ctx.type_error("catching classes that do not inherit from BaseException is not allowed"),
    }
}
