//! Native modules (`sys`, `gc`, `math`, `time`, `dis`), the frozen `__future__`, and
//! `import` of them.

use gc_arena::lock::Lock;
use gc_arena::Gc;

use super::{expect_args, methods, native, set};
use crate::ctx::{Ctx, PyResult};
use crate::object::{Args, Class, Dict, Instance, Layout, Module};
use crate::ops;
use crate::value::Value;

const BUILTIN_MODULES: &[&str] = &["sys", "gc", "math", "time", "dis", "builtins", "__future__"];

/// CPython 3.11's `Lib/__future__.py`, verbatim: the module is Python in CPython too, and
/// running its own source gives its `_Feature` objects exactly (repr, methods, attributes).
const FUTURE_SOURCE: &str = include_str!("frozen/__future__.py");

pub fn is_builtin_module(name: &str) -> bool {
    BUILTIN_MODULES.contains(&name)
}

/// `import name`: the built-in modules, created on first import.
pub fn import<'gc>(ctx: &mut Ctx<'gc, '_>, name: &str) -> PyResult<'gc, Value<'gc>> {
    let modules = ctx.st.modules;
    if let Some(m) = modules.borrow().get_str(name) {
        return Ok(m);
    }
    let m = match name {
        "sys" => make_sys(ctx),
        "gc" => make_gc(ctx),
        "math" => crate::builtins::math::make(ctx),
        "time" => make_time(ctx),
        "dis" => make_dis(ctx),
        "__future__" => return import_frozen(ctx, name, FUTURE_SOURCE),
        "builtins" => {
            let n = ctx.intern("builtins");
            Value::Module(Gc::new(ctx.mc, Module { name: n, dict: ctx.st.builtins }))
        }
        _ => {
            let class = ctx.exc_class("ModuleNotFoundError");
            let msg = ctx.new_str(format!("No module named '{name}'"));
            return Err(ctx.new_exc(class, vec![msg]));
        }
    };
    set(ctx, modules, name, m);
    Ok(m)
}

/// A module whose source is compiled into cellvm: it is registered in `sys.modules` before
/// its body runs, as CPython's import does, and removed again if the body raises.
fn import_frozen<'gc>(ctx: &mut Ctx<'gc, '_>, name: &str, source: &str) -> PyResult<'gc, Value<'gc>> {
    let filename = format!("<frozen {name}>");
    let co = match cellvm_compiler::compile(source, &filename, cellvm_compiler::Mode::Exec) {
        Ok(co) => co,
        Err(e) => return Err(crate::builtins::compile::syntax_error(ctx, &e)),
    };
    ctx.st.sources.entry(filename).or_insert_with(|| std::sync::Arc::from(source));
    let code = crate::interp::make_code(ctx, co);
    let (m, globals) = new_module(ctx, name);
    let b = Value::Dict(ctx.st.builtins);
    set(ctx, globals, "__builtins__", b);
    let modules = ctx.st.modules;
    set(ctx, modules, name, m);
    if let Err(e) = crate::interp::run_code(ctx, code, globals, Value::Dict(globals)) {
        let key = ctx.new_str(name);
        let _ = crate::ops::collections::dict_del(ctx, modules, key);
        return Err(e);
    }
    Ok(m)
}

pub fn new_module<'gc>(
    ctx: &mut Ctx<'gc, '_>,
    name: &str,
) -> (Value<'gc>, crate::value::GcCell<'gc, Dict<'gc>>) {
    let n = ctx.intern(name);
    let dict = ctx.new_dict(Dict::new());
    set(ctx, dict, "__name__", Value::Str(n));
    (Value::Module(Gc::new(ctx.mc, Module { name: n, dict })), dict)
}

/// Add native functions to a module dict.
pub fn functions<'gc>(
    ctx: &mut Ctx<'gc, '_>,
    dict: crate::value::GcCell<'gc, Dict<'gc>>,
    fns: &[(&'static str, crate::object::NativeFn)],
) {
    for (name, f) in fns {
        let v = native(ctx, name, *f, Value::Undef);
        set(ctx, dict, name, v);
    }
}

fn stream_class<'gc>(ctx: &mut Ctx<'gc, '_>) -> Gc<'gc, Class<'gc>> {
    let name = ctx.intern("TextIOWrapper");
    let object = ctx.st.types.object;
    let class = Gc::new(
        ctx.mc,
        Class {
            name: Lock::new(name),
            qualname: Lock::new(name),
            bases: vec![object].into(),
            ancestors: vec![object].into(),
            dict: ctx.new_dict(Dict::new()),
            layout: Layout::Object,
            builtin: true,
            meta: None,
            native_new: Default::default(),
        },
    );
    methods(ctx, class, &[("write", stream_write), ("flush", stream_flush)]);
    class
}

/// Which standard stream an instance of TextIOWrapper is (its `fileno`).
fn stream_fd<'gc>(v: Value<'gc>) -> Option<i64> {
    match v {
        Value::Instance(i) => i.dict.borrow().get_str("_fd").and_then(ops::compare::small_int),
        _ => None,
    }
}

fn stream_write<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    let a = expect_args(ctx, "write", &args, 2, 2)?;
    let Value::Str(s) = a[1] else {
        let msg = format!("write() argument must be str, not {}", ctx.type_name(a[1]));
        return ctx.type_error(msg);
    };
    write_fd(ctx, stream_fd(a[0]).unwrap_or(1), s.as_str());
    Ok(Value::Int(s.len() as i64))
}

fn stream_flush<'gc>(ctx: &mut Ctx<'gc, '_>, _args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    ctx.st.out.flush();
    Ok(Value::None)
}

fn write_fd(ctx: &mut Ctx<'_, '_>, fd: i64, s: &str) {
    if fd == 2 {
        use std::io::Write;
        ctx.st.out.flush();
        let _ = std::io::stderr().write_all(s.as_bytes());
    } else {
        ctx.write_stdout(s);
    }
}

/// `print(..., file=f)`: the standard streams directly, anything else through `f.write`.
pub fn write_to<'gc>(ctx: &mut Ctx<'gc, '_>, file: Value<'gc>, s: &str) -> PyResult<'gc, ()> {
    if file.is_none() {
        ctx.write_stdout(s);
        return Ok(());
    }
    if let Some(fd) = stream_fd(file) {
        write_fd(ctx, fd, s);
        return Ok(());
    }
    let write = ctx.intern("write");
    let f = ops::attr::getattr(ctx, file, write)?;
    let arg = ctx.new_str(s);
    crate::interp::call_value(ctx, f, &[arg], &[])?;
    Ok(())
}

fn make_sys<'gc>(ctx: &mut Ctx<'gc, '_>) -> Value<'gc> {
    let (m, d) = new_module(ctx, "sys");
    functions(
        ctx,
        d,
        &[
            ("exit", sys_exit),
            ("getrecursionlimit", sys_getrecursionlimit),
            ("setrecursionlimit", sys_setrecursionlimit),
            ("exc_info", sys_exc_info),
            ("intern", sys_intern),
            ("settrace", super::frame::sys_settrace),
            ("gettrace", super::frame::sys_gettrace),
            ("_getframe", super::frame::sys_getframe),
        ],
    );
    let hook = native(ctx, "displayhook", sys_displayhook, Value::Undef);
    set(ctx, d, "displayhook", hook);
    set(ctx, d, "__displayhook__", hook);
    let argv: Vec<Value<'gc>> = ctx.st.config.argv.clone().iter().map(|a| ctx.new_str(a.as_str())).collect();
    let argv = ctx.new_list(argv);
    set(ctx, d, "argv", argv);
    set(ctx, d, "maxsize", Value::Int(i64::MAX));
    let class = stream_class(ctx);
    for (name, fd) in [("stdout", 1), ("stderr", 2)] {
        let inst_dict = ctx.new_dict(Dict::new());
        set(ctx, inst_dict, "_fd", Value::Int(fd));
        let inst = Value::Instance(Gc::new(ctx.mc, Instance { class, dict: inst_dict }));
        set(ctx, d, name, inst);
        let dunder = format!("__{name}__");
        set(ctx, d, &dunder, inst);
    }
    let version = ctx.new_str("3.11.0 (cellvm)");
    set(ctx, d, "version", version);
    let vi = ctx.new_tuple(vec![Value::Int(3), Value::Int(11), Value::Int(0)]);
    set(ctx, d, "version_info", vi);
    let platform = ctx.new_str("linux");
    set(ctx, d, "platform", platform);
    let modules = Value::Dict(ctx.st.modules);
    set(ctx, d, "modules", modules);
    m
}

fn sys_exit<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    let a = expect_args(ctx, "exit", &args, 0, 1)?;
    let class = ctx.exc_class("SystemExit");
    Err(ctx.new_exc(class, a.to_vec()))
}

fn sys_getrecursionlimit<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    expect_args(ctx, "getrecursionlimit", &args, 0, 0)?;
    Ok(Value::Int(ctx.st.config.recursion_limit as i64))
}

fn sys_setrecursionlimit<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    let a = expect_args(ctx, "setrecursionlimit", &args, 1, 1)?;
    match a[0] {
        Value::Float(_) => ctx.type_error("'float' object cannot be interpreted as an integer"),
        v => match ops::compare::small_int(v) {
            Some(n) if n >= 1 => {
                if (n as usize) <= ctx.st.frames.len() {
                    let msg = format!(
                        "cannot set the recursion limit to {n} at the recursion depth {}: the limit is too low",
                        ctx.st.frames.len()
                    );
                    return Err(ctx.error("RecursionError", msg));
                }
                ctx.st.config.recursion_limit = n as usize;
                Ok(Value::None)
            }
            Some(_) => ctx.value_error("recursion limit must be greater or equal than 1"),
            None => {
                let msg = format!("'{}' object cannot be interpreted as an integer", ctx.type_name(v));
                ctx.type_error(msg)
            }
        },
    }
}

fn sys_exc_info<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    expect_args(ctx, "exc_info", &args, 0, 0)?;
    Ok(match ctx.st.exc_info {
        Value::Exception(e) => {
            let class = e.borrow().class;
            ctx.new_tuple(vec![Value::Type(class), Value::Exception(e), Value::None])
        }
        _ => ctx.new_tuple(vec![Value::None, Value::None, Value::None]),
    })
}

/// The default `sys.displayhook`: shows a value that is not None on `sys.stdout` and keeps it
/// as `builtins._`.
fn sys_displayhook<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    let a = expect_args(ctx, "sys.displayhook", &args, 1, 1)?;
    let v = a[0];
    if v.is_none() {
        return Ok(Value::None);
    }
    let builtins = ctx.st.builtins;
    // Cleared first, as CPython does, so that repr() does not see the old value.
    set(ctx, builtins, "_", Value::None);
    let text = ops::repr::repr(ctx, v)?;
    let stdout = match ctx.st.modules.borrow().get_str("sys") {
        Some(Value::Module(m)) => m.dict.borrow().get_str("stdout"),
        _ => None,
    };
    match stdout {
        Some(out) if !out.is_none() => write_to(ctx, out, &format!("{text}\n"))?,
        _ => return Err(ctx.error("RuntimeError", "lost sys.stdout")),
    }
    set(ctx, builtins, "_", v);
    Ok(Value::None)
}

fn sys_intern<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    let a = expect_args(ctx, "intern", &args, 1, 1)?;
    match a[0] {
        Value::Str(s) => Ok(Value::Str(ctx.intern(s.as_str()))),
        v => {
            let msg = format!("intern() argument must be str, not {}", ctx.type_name(v));
            ctx.type_error(msg)
        }
    }
}

fn make_gc<'gc>(ctx: &mut Ctx<'gc, '_>) -> Value<'gc> {
    let (m, d) = new_module(ctx, "gc");
    functions(
        ctx,
        d,
        &[
            ("collect", gc_collect),
            ("enable", gc_enable),
            ("disable", gc_disable),
            ("isenabled", gc_isenabled),
            ("get_stats", gc_get_stats),
            ("get_count", gc_get_count),
        ],
    );
    m
}

fn gc_collect<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    expect_args(ctx, "collect", &args, 0, 1)?;
    // The collection runs when this slice ends; the interpreter ends it right after this
    // call and puts the number of freed objects in place of this placeholder.
    ctx.st.gc().request_full_collection();
    ctx.st.collect_requested = true;
    ctx.st.update_breaker();
    Ok(Value::Int(0))
}

fn gc_enable<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    expect_args(ctx, "enable", &args, 0, 0)?;
    ctx.st.gc().set_enabled(true);
    Ok(Value::None)
}

fn gc_disable<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    expect_args(ctx, "disable", &args, 0, 0)?;
    ctx.st.gc().set_enabled(false);
    Ok(Value::None)
}

fn gc_isenabled<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    expect_args(ctx, "isenabled", &args, 0, 0)?;
    Ok(Value::Bool(ctx.st.gc().is_enabled()))
}

/// `gc.get_stats()`: CPython's list of per-generation dicts; cellvm has one generation, so
/// one dict, with its own statistics added.
fn gc_get_stats<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    expect_args(ctx, "get_stats", &args, 0, 0)?;
    let s = ctx.st.gc().stats();
    let d = ctx.new_dict(Dict::new());
    let fields: [(&str, u64); 8] = [
        ("collections", s.collections),
        ("collected", s.objects_freed),
        ("uncollectable", 0),
        ("objects_allocated", s.objects_allocated),
        ("objects_live", s.objects_live),
        ("bytes_allocated", s.bytes_allocated),
        ("bytes_freed", s.bytes_freed),
        ("bytes_live", s.bytes_live),
    ];
    for (k, v) in fields {
        set(ctx, d, k, Value::Int(v as i64));
    }
    Ok(ctx.new_list(vec![Value::Dict(d)]))
}

fn gc_get_count<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    expect_args(ctx, "get_count", &args, 0, 0)?;
    let s = ctx.st.gc().stats();
    Ok(ctx.new_tuple(vec![Value::Int(s.objects_live as i64), Value::Int(0), Value::Int(0)]))
}

fn make_time<'gc>(ctx: &mut Ctx<'gc, '_>) -> Value<'gc> {
    let (m, d) = new_module(ctx, "time");
    functions(
        ctx,
        d,
        &[("time", time_time), ("perf_counter", time_perf_counter), ("monotonic", time_perf_counter)],
    );
    m
}

fn time_time<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    expect_args(ctx, "time", &args, 0, 0)?;
    let t =
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0.0, |d| d.as_secs_f64());
    Ok(Value::Float(t))
}

fn time_perf_counter<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    expect_args(ctx, "perf_counter", &args, 0, 0)?;
    thread_local! {
        static START: std::time::Instant = std::time::Instant::now();
    }
    Ok(Value::Float(START.with(|s| s.elapsed().as_secs_f64())))
}

fn make_dis<'gc>(ctx: &mut Ctx<'gc, '_>) -> Value<'gc> {
    let (m, d) = new_module(ctx, "dis");
    functions(ctx, d, &[("dis", dis_dis), ("code_info", dis_code_info)]);
    m
}

/// The code object behind `dis.dis(x)`'s argument: a function, method, code or source.
fn code_of<'gc>(
    ctx: &mut Ctx<'gc, '_>,
    v: Value<'gc>,
) -> PyResult<'gc, std::sync::Arc<cellvm_compiler::CodeObject>> {
    match v {
        Value::Function(f) => Ok(f.code.co.clone()),
        Value::Method(m) => code_of(ctx, m.func),
        Value::Code(c) => Ok(c.co.clone()),
        Value::Str(s) => match cellvm_compiler::compile(s.as_str(), "<dis>", cellvm_compiler::Mode::Exec) {
            Ok(co) => Ok(co),
            Err(e) => Err(crate::builtins::compile::syntax_error(ctx, &e)),
        },
        _ => {
            let msg = format!("don't know how to disassemble {} objects", ctx.type_name(v));
            ctx.type_error(msg)
        }
    }
}

fn dis_dis<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    let a = expect_args(ctx, "dis", &args, 1, 1)?;
    let co = code_of(ctx, a[0])?;
    let text = cellvm_compiler::dis::disassemble(&co);
    ctx.write_stdout(&text);
    Ok(Value::None)
}

fn dis_code_info<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    let a = expect_args(ctx, "code_info", &args, 1, 1)?;
    let co = code_of(ctx, a[0])?;
    Ok(ctx.new_str(cellvm_compiler::dis::code_info(&co)))
}
