//! `compile()`, `exec()` and `eval()`, and SyntaxError objects from compiler errors.

use super::{expect_args, keywords};
use crate::ctx::{Ctx, PyErr, PyResult};
use crate::object::{Args, Dict};
use crate::value::Value;

/// A compiler error as a Python exception (SyntaxError with its attributes).
pub fn syntax_error<'gc>(ctx: &mut Ctx<'gc, '_>, e: &cellvm_compiler::SyntaxError) -> PyErr<'gc> {
    let class = ctx.exc_class(e.kind.name());
    let msg = ctx.new_str(e.msg.as_str());
    let text = match &e.text {
        Some(t) => ctx.new_str(t.as_str()),
        None => Value::None,
    };
    let detail = ctx.new_tuple(vec![
        ctx.new_str(e.filename.as_str()),
        Value::Int(e.lineno as i64),
        Value::Int(e.offset as i64),
        text,
        Value::Int(e.end_lineno as i64),
        Value::Int(e.end_offset as i64),
    ]);
    let exc = ctx.new_exc(class, vec![msg, detail]);
    match super::syntax_error::init_fields(ctx, exc, &[msg, detail]) {
        Ok(()) => exc,
        Err(e) => e,
    }
}

fn source_arg<'gc>(ctx: &mut Ctx<'gc, '_>, v: Value<'gc>, fname: &str) -> PyResult<'gc, String> {
    match v {
        Value::Str(s) => Ok(s.as_str().to_string()),
        Value::Bytes(b) => match cellvm_compiler::lexer::decode_source(&b, "<string>") {
            Ok(s) => Ok(s),
            Err(e) => Err(syntax_error(ctx, &e)),
        },
        _ => {
            let msg = format!("{fname}() arg 1 must be a string, bytes or code object");
            ctx.type_error(msg)
        }
    }
}

fn compile_value<'gc>(
    ctx: &mut Ctx<'gc, '_>,
    src: &str,
    filename: &str,
    mode: cellvm_compiler::Mode,
) -> PyResult<'gc, Value<'gc>> {
    match cellvm_compiler::compile(src, filename, mode) {
        Ok(co) => {
            ctx.st.sources.entry(filename.to_string()).or_insert_with(|| std::sync::Arc::from(src));
            Ok(Value::Code(crate::interp::make_code(ctx, co)))
        }
        Err(e) => Err(syntax_error(ctx, &e)),
    }
}

pub fn compile<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    let kw = keywords(
        ctx,
        "compile",
        &args,
        &["source", "filename", "mode", "flags", "dont_inherit", "optimize"],
    )?;
    let mut a: Vec<Option<Value<'gc>>> = args.positional().iter().map(|v| Some(*v)).collect();
    a.resize(6, None);
    for (k, v) in kw {
        let i = ["source", "filename", "mode", "flags", "dont_inherit", "optimize"]
            .iter()
            .position(|n| *n == k)
            .unwrap_or(0);
        a[i] = Some(v);
    }
    let (Some(src), Some(Value::Str(filename)), Some(Value::Str(mode))) = (a[0], a[1], a[2]) else {
        return ctx.type_error("compile() missing required argument 'source' (pos 1)");
    };
    let mode = match mode.as_str() {
        "exec" => cellvm_compiler::Mode::Exec,
        "single" => cellvm_compiler::Mode::Single,
        "eval" => cellvm_compiler::Mode::Eval,
        _ => return ctx.value_error("compile() mode must be 'exec', 'eval' or 'single'"),
    };
    if let Value::Code(_) = src {
        return Ok(src);
    }
    let text = source_arg(ctx, src, "compile")?;
    let filename = filename.as_str().to_string();
    compile_value(ctx, &text, &filename, mode)
}

fn run<'gc>(
    ctx: &mut Ctx<'gc, '_>,
    args: Args<'gc, '_>,
    fname: &str,
    mode: cellvm_compiler::Mode,
) -> PyResult<'gc, Value<'gc>> {
    let a = expect_args(ctx, fname, &args, 1, 3)?;
    let code = match a[0] {
        Value::Code(c) => c,
        v => {
            let text = source_arg(ctx, v, fname)?;
            let text = if mode == cellvm_compiler::Mode::Eval {
                text.trim_start_matches([' ', '\t']).to_string()
            } else {
                text
            };
            match compile_value(ctx, &text, "<string>", mode)? {
                Value::Code(c) => c,
                _ => unreachable!("compile_value makes code"),
            }
        }
    };
    if !code.co.freevars.is_empty() {
        let msg = if mode == cellvm_compiler::Mode::Eval {
            "code object passed to eval() may not contain free variables".to_string()
        } else {
            format!("code object requires a closure of exactly length {}", code.co.freevars.len())
        };
        return ctx.type_error(msg);
    }
    let caller = ctx.st.frames.last().copied();
    let globals = match a.get(1) {
        Some(Value::Dict(d)) => *d,
        Some(Value::None) | None => match caller {
            Some(f) => f.globals,
            None => ctx.new_dict(Dict::new()),
        },
        Some(v) => {
            let msg = format!("{fname}() globals must be a dict, not {}", ctx.type_name(*v));
            return ctx.type_error(msg);
        }
    };
    if globals.borrow().get_str("__builtins__").is_none() {
        let b = Value::Dict(ctx.st.builtins);
        super::set(ctx, globals, "__builtins__", b);
    }
    let locals = match a.get(2) {
        Some(Value::None) | None => match (a.get(1), caller) {
            (Some(Value::Dict(_)), _) => Value::Dict(globals),
            (_, Some(f)) if matches!(f.locals, Value::Dict(_)) => f.locals,
            (_, Some(f)) => crate::builtins::introspect::frame_locals(ctx, f)?,
            _ => Value::Dict(globals),
        },
        Some(v) => *v,
    };
    let r = crate::interp::run_code(ctx, code, globals, locals)?;
    Ok(if mode == cellvm_compiler::Mode::Eval { r } else { Value::None })
}

pub fn exec<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    run(ctx, args, "exec", cellvm_compiler::Mode::Exec)
}

pub fn eval<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    run(ctx, args, "eval", cellvm_compiler::Mode::Eval)
}
