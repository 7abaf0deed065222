//! The `generator` type: its methods (`__next__`, `send`, `throw`, `close`, `__iter__`) and
//! attributes (`gi_running`, `gi_code`, `gi_frame`, `gi_yieldfrom`, `__name__` ...). The
//! machinery is in `interp::generator`.

use gc_arena::Gc;

use super::{expect_args, methods};
use crate::ctx::{Ctx, PyErr, PyResult};
use crate::interp::generator::{self, GenRef, GenStep};
use crate::object::{Args, GenState};
use crate::value::Value;

pub fn install<'gc>(ctx: &mut Ctx<'gc, '_>) {
    let class = ctx.st.types.generator;
    methods(
        ctx,
        class,
        &[
            ("__next__", gen_next),
            ("send", gen_send),
            ("throw", gen_throw),
            ("close", gen_close),
            ("__iter__", gen_iter),
        ],
    );
}

/// The generator a method was called on.
fn this<'gc>(ctx: &Ctx<'gc, '_>, args: &[Value<'gc>], method: &str) -> PyResult<'gc, GenRef<'gc>> {
    match args.first() {
        Some(Value::Generator(g)) => Ok(*g),
        other => {
            let got = other.map_or("NoneType", |v| ctx.type_name(*v));
            ctx.type_error(format!(
                "descriptor '{method}' for 'generator' objects doesn't apply to a '{got}' object"
            ))
        }
    }
}

/// The arguments after the receiver, checked as CPython checks the generator methods'.
fn method_args<'gc, 'a>(
    ctx: &Ctx<'gc, '_>,
    args: &Args<'gc, 'a>,
    method: &str,
    min: usize,
    max: usize,
) -> PyResult<'gc, (GenRef<'gc>, &'a [Value<'gc>])> {
    if !args.kwnames.is_empty() {
        return ctx.type_error(format!("generator.{method}() takes no keyword arguments"));
    }
    let pos = args.positional();
    let g = this(ctx, pos, method)?;
    let rest = &pos[1..];
    let n = rest.len();
    if (min..=max).contains(&n) {
        return Ok((g, rest));
    }
    let msg = match (method, min, max) {
        ("__next__", _, _) => format!("expected 0 arguments, got {n}"),
        (_, 0, 0) => format!("generator.{method}() takes no arguments ({n} given)"),
        (_, 1, 1) => format!("generator.{method}() takes exactly one argument ({n} given)"),
        _ if n < min => {
            format!("{method} expected at least {min} argument{}, got {n}", if min == 1 { "" } else { "s" })
        }
        _ => format!("{method} expected at most {max} arguments, got {n}"),
    };
    ctx.type_error(msg)
}

/// A resumption seen from native code: the yielded value, or StopIteration(return value).
fn step<'gc>(ctx: &Ctx<'gc, '_>, s: GenStep<'gc>) -> PyResult<'gc, Value<'gc>> {
    match s {
        GenStep::Yielded(v) => Ok(v),
        GenStep::Returned(v) => Err(generator::stop_iteration(ctx, v)),
    }
}

/// `next(g)` (the built-in `next` calls this for generators, so the StopIteration keeps
/// the return value).
pub fn gen_next<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    let (g, _) = method_args(ctx, &args, "__next__", 0, 0)?;
    let s = generator::resume(ctx, g, Value::None)?;
    step(ctx, s)
}

fn gen_send<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    let (g, a) = method_args(ctx, &args, "send", 1, 1)?;
    let s = generator::resume(ctx, g, a[0])?;
    step(ctx, s)
}

fn gen_throw<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    let (g, a) = method_args(ctx, &args, "throw", 1, 3)?;
    let exc = exception_to_throw(ctx, a[0], a.get(1).copied().unwrap_or(Value::None), a.get(2).copied())?;
    let s = generator::throw(ctx, g, exc)?;
    step(ctx, s)
}

/// `throw(exc)` or the old `throw(type[, value[, traceback]])`: the exception to raise.
fn exception_to_throw<'gc>(
    ctx: &mut Ctx<'gc, '_>,
    typ: Value<'gc>,
    value: Value<'gc>,
    tb: Option<Value<'gc>>,
) -> PyResult<'gc, PyErr<'gc>> {
    if let Some(tb) = tb {
        if !tb.is_none() {
            return ctx.type_error("throw() third argument must be a traceback object");
        }
    }
    match typ {
        Value::Exception(e) => {
            if !value.is_none() {
                return ctx.type_error("instance exception may not have a separate value");
            }
            Ok(e)
        }
        Value::Type(c) if c.layout == crate::object::Layout::Exception => {
            if let Value::Exception(e) = value {
                if crate::object::Class::is_subclass(e.borrow().class, c) {
                    return Ok(e);
                }
            }
            let args = match value {
                Value::None => vec![],
                Value::Tuple(t) => t.0.to_vec(),
                other => vec![other],
            };
            let made = crate::interp::call_value(ctx, typ, &args, &[])?;
            crate::ops::exceptions::make_raisable(ctx, made)
        }
        _ => {
            let msg = format!(
                "exceptions must be classes or instances deriving from BaseException, not {}",
                ctx.type_name(typ)
            );
            ctx.type_error(msg)
        }
    }
}

fn gen_close<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    let (g, _) = method_args(ctx, &args, "close", 0, 0)?;
    generator::close(ctx, g)?;
    Ok(Value::None)
}

fn gen_iter<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    let a = expect_args(ctx, "__iter__", &args, 1, 1)?;
    let g = this(ctx, a, "__iter__")?;
    Ok(Value::Generator(g))
}

/// The data attributes of a generator.
pub fn attr<'gc>(ctx: &mut Ctx<'gc, '_>, g: GenRef<'gc>, name: &str) -> PyResult<'gc, Option<Value<'gc>>> {
    let (state, frame, gen_name, qualname) = {
        let gen = g.borrow();
        (gen.state, gen.frame, gen.name, gen.qualname)
    };
    Ok(Some(match name {
        "__name__" => Value::Str(gen_name),
        "__qualname__" => Value::Str(qualname),
        "gi_code" => Value::Code(frame.code),
        "gi_running" => Value::Bool(state == GenState::Running),
        "gi_suspended" => Value::Bool(state == GenState::Suspended),
        "gi_yieldfrom" => generator::yield_from(g).unwrap_or(Value::None),
        "gi_frame" if state == GenState::Finished => Value::None,
        "gi_frame" => frame_object(ctx, g)?,
        _ => return Ok(None),
    }))
}

/// `gi_frame` of a live generator: its frame object, the one `sys._getframe()` gives
/// inside it.
fn frame_object<'gc>(ctx: &mut Ctx<'gc, '_>, g: GenRef<'gc>) -> PyResult<'gc, Value<'gc>> {
    if g.borrow().state == GenState::Running {
        let on_stack = (0..ctx.st.frames.len()).rev().find(|&i| {
            let f = ctx.st.frames[i];
            f.on_return.is_generator()
                && matches!(ctx.st.stack.get(f.base as usize - 1), Some(Value::Generator(x)) if Gc::ptr_eq(*x, g))
        });
        if let Some(i) = on_stack {
            return Ok(Value::Frame(crate::interp::trace::frame_object(ctx, i)));
        }
    }
    Ok(Value::Frame(crate::interp::trace::generator_frame_object(ctx, g)))
}
