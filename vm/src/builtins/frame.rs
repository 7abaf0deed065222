//! Frame objects' attributes, and the `sys` functions that deal in frames:
//! `sys._getframe`, `sys.settrace`, `sys.gettrace` (the machinery is `interp::trace`).

use super::expect_args;
use crate::ctx::{Ctx, PyResult};
use crate::interp::trace::{self, Place};
use crate::object::{Args, FrameRef};
use crate::value::Value;

/// A frame object's attribute.
pub fn attr<'gc>(ctx: &mut Ctx<'gc, '_>, fo: FrameRef<'gc>, name: &str) -> PyResult<'gc, Option<Value<'gc>>> {
    Ok(Some(match name {
        "f_code" => Value::Code(fo.borrow().code),
        "f_globals" => Value::Dict(fo.borrow().globals),
        "f_builtins" => Value::Dict(ctx.st.builtins),
        "f_lineno" => Value::Int(trace::lineno(ctx, fo) as i64),
        "f_lasti" => {
            // The offset of the instruction the frame is at, as `dis` shows cellvm's code.
            let pc = match trace::locate(ctx, fo) {
                Place::Stack(i) => ctx.st.frames[i].pc,
                Place::Suspended(g) => g.borrow().frame.pc,
                Place::Gone => fo.borrow().prev_pc.map_or(0, |p| p + 1),
            };
            Value::Int(if pc == 0 { -1 } else { 2 * (pc as i64 - 1) })
        }
        "f_back" => match trace::locate(ctx, fo) {
            Place::Stack(i) if i > 0 => Value::Frame(trace::frame_object(ctx, i - 1)),
            Place::Gone => fo.borrow().back.map_or(Value::None, Value::Frame),
            _ => Value::None,
        },
        "f_locals" => trace::locals(ctx, fo)?,
        "f_trace" => fo.borrow().trace,
        "f_trace_lines" => Value::Bool(fo.borrow().trace_lines),
        _ => return Ok(None),
    }))
}

/// Set (`Some`) or delete a frame object's attribute; `false` if it has no such attribute.
pub fn set_attr<'gc>(
    ctx: &mut Ctx<'gc, '_>,
    fo: FrameRef<'gc>,
    name: &str,
    value: Option<Value<'gc>>,
) -> PyResult<'gc, bool> {
    match name {
        "f_trace" => fo.borrow_mut(ctx.mc).trace = value.unwrap_or(Value::None),
        "f_trace_lines" => match value {
            Some(Value::Bool(b)) => fo.borrow_mut(ctx.mc).trace_lines = b,
            Some(_) => return ctx.type_error("attribute value type must be bool"),
            None => return Err(ctx.error("AttributeError", "can't delete attribute")),
        },
        "f_code" | "f_globals" | "f_builtins" | "f_lineno" | "f_lasti" | "f_back" | "f_locals" => {
            let msg = format!("attribute '{name}' of 'frame' objects is not writable");
            return Err(ctx.error("AttributeError", msg));
        }
        _ => return Ok(false),
    }
    Ok(true)
}

/// `<frame at 0x..., file 'F', line N, code NAME>`.
pub fn repr<'gc>(ctx: &Ctx<'gc, '_>, fo: FrameRef<'gc>, addr: &str) -> String {
    let code = fo.borrow().code;
    format!(
        "<frame at {addr}, file '{}', line {}, code {}>",
        code.co.filename,
        trace::lineno(ctx, fo),
        code.name.as_str()
    )
}

/// `sys._getframe(depth=0, /)`.
pub fn sys_getframe<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    if !args.kwnames.is_empty() {
        return ctx.type_error("sys._getframe() takes no keyword arguments");
    }
    let a = args.positional();
    if a.len() > 1 {
        return ctx.type_error(format!("_getframe expected at most 1 argument, got {}", a.len()));
    }
    let depth = match a.first() {
        None => 0,
        Some(v @ (Value::Int(_) | Value::BigInt(_) | Value::Bool(_))) => {
            match crate::ops::compare::small_int(*v).filter(|d| i32::try_from(*d).is_ok()) {
                Some(d) => d,
                None => return Err(ctx.error("OverflowError", "Python int too large to convert to C int")),
            }
        }
        Some(v) => {
            let msg = format!("'{}' object cannot be interpreted as an integer", ctx.type_name(*v));
            return ctx.type_error(msg);
        }
    };
    let top = ctx.st.frames.len() - 1;
    let depth = depth.max(0) as usize;
    if depth > top {
        return ctx.value_error("call stack is not deep enough");
    }
    Ok(Value::Frame(trace::frame_object(ctx, top - depth)))
}

/// `sys.settrace(function)`: any object is taken (one that cannot be called fails at the
/// first event); None turns tracing off.
pub fn sys_settrace<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    let a = one_arg(ctx, &args, "sys.settrace")?;
    trace::set_trace(ctx, a);
    Ok(Value::None)
}

/// `sys.gettrace()`.
pub fn sys_gettrace<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    expect_args(ctx, "sys.gettrace", &args, 0, 0)?;
    Ok(ctx.st.trace)
}

/// A `METH_O` function's argument: "f() takes exactly one argument (N given)".
fn one_arg<'gc>(ctx: &Ctx<'gc, '_>, args: &Args<'gc, '_>, name: &str) -> PyResult<'gc, Value<'gc>> {
    if !args.kwnames.is_empty() {
        return ctx.type_error(format!("{name}() takes no keyword arguments"));
    }
    match args.positional() {
        [v] => Ok(*v),
        a => ctx.type_error(format!("{name}() takes exactly one argument ({} given)", a.len())),
    }
}
