//! Calls: binding arguments to parameters (with CPython's TypeErrors), the call prologue of
//! the seeds (cells created, cell arguments moved in, the closure copied into the free
//! slots), native calls, and nested runs for native code that calls Python.

use std::sync::Arc;

use cellvm_compiler::bytecode::flags;
use cellvm_compiler::{CodeObject, Const};
use gc_arena::lock::Lock;
use gc_arena::Gc;

use super::{Exec, Stop, MAX_NATIVE_DEPTH};
use crate::ctx::{Ctx, PyResult};
use crate::object::{Args, Class, Code, Descriptor, Dict, Function, Layout, PlainCall};
use crate::state::{Frame, OnReturn};
use crate::value::Value;

/// Wrap a compiled code object (and, recursively, the code objects among its constants).
pub fn make_code<'gc>(ctx: &mut Ctx<'gc, '_>, co: Arc<CodeObject>) -> Gc<'gc, Code<'gc>> {
    let consts: Vec<Value<'gc>> = co.consts.iter().map(|c| const_value(ctx, c)).collect();
    let names: Vec<_> = co.names.iter().map(|n| ctx.intern(n)).collect();
    let varnames: Vec<_> = co.varnames.iter().map(|n| ctx.intern(n)).collect();
    let name = ctx.intern(&co.name);
    let qualname = ctx.intern(&co.qualname);
    let nlocalsplus = (co.varnames.len() + co.cellvars.len() + co.freevars.len()) as u32;
    let threaded = super::dispatch::Threaded::new(&co);
    let global_cache = (0..co.names.len()).map(|_| Default::default()).collect();
    let method_cache = (0..co.names.len()).map(|_| Default::default()).collect();
    let plain = co.flags & (flags::VARARGS | flags::VARKEYWORDS | flags::GENERATOR) == 0
        && co.kwonlyargcount == 0
        && co.cell2arg.is_empty();
    let plain_call = plain.then(|| PlainCall {
        argcount: co.argcount,
        nlocals: co.varnames.len() as u32,
        room: co.stacksize + super::STACK_SLACK as u32,
    });
    Gc::new(
        ctx.mc,
        Code {
            co,
            consts: consts.into(),
            names: names.into(),
            varnames: varnames.into(),
            name,
            qualname,
            nlocalsplus,
            threaded,
            global_cache,
            method_cache,
            module_cache: Default::default(),
            plain_call,
        },
    )
}

pub fn const_value<'gc>(ctx: &mut Ctx<'gc, '_>, c: &Const) -> Value<'gc> {
    match c {
        Const::None => Value::None,
        Const::Bool(b) => Value::Bool(*b),
        Const::Ellipsis => Value::Ellipsis,
        Const::Int(i) => Value::Int(*i),
        Const::BigInt(digits) => {
            let b: num_bigint::BigInt = digits.parse().unwrap_or_default();
            ctx.int(b)
        }
        Const::Float(f) => Value::Float(*f),
        Const::Complex { real, imag } => Value::complex(ctx.mc, *real, *imag),
        Const::Str(s) => Value::Str(ctx.intern(s)),
        Const::Bytes(b) => Value::Bytes(Gc::new(ctx.mc, b.to_vec().into_boxed_slice())),
        Const::Tuple(items) => {
            let vals: Vec<Value<'gc>> = items.iter().map(|c| const_value(ctx, c)).collect();
            ctx.new_tuple(vals)
        }
        Const::FrozenSet(items) => {
            // The items come in source order. CPython builds the frozenset from them, then
            // rebuilds it from its own iteration order when merging constants
            // (`merge_consts_recursive`), and once more when the code object interns its
            // string constants and one of them is made of name characters
            // (`intern_string_constants`). The table order is that of the last build.
            let vals: Vec<Value<'gc>> = items.iter().map(|c| const_value(ctx, c)).collect();
            let interned = vals.iter().any(|v| {
                v.as_str().is_some_and(|s| s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_'))
            });
            let mut set = crate::ops::collections::frozenset_from(ctx, &vals).unwrap_or(Value::None);
            for _ in 0..if interned { 2 } else { 1 } {
                let order: Vec<Value<'gc>> =
                    crate::ops::collections::set_items(set).into_iter().map(|(_, k)| k).collect();
                set = crate::ops::collections::frozenset_from(ctx, &order).unwrap_or(Value::None);
            }
            set
        }
        Const::Code(co) => Value::Code(make_code(ctx, co.clone())),
    }
}

/// Lay out and push the frame of `func`, whose arguments (`nargs` values, the last
/// `kwnames.len()` of them keywords) sit on the stack after the callable at `callee_slot`.
/// Returns `None` when the frame is pushed and must run; for a generator function, the
/// frame goes into a new generator at once and that is the call's result (`Some`; the
/// callable slot is gone too).
pub fn enter_function<'gc>(
    ctx: &mut Ctx<'gc, '_>,
    func: Gc<'gc, Function<'gc>>,
    callee_slot: usize,
    kwnames: &[Value<'gc>],
    on_return: OnReturn,
) -> PyResult<'gc, Option<Value<'gc>>> {
    if ctx.st.frames.len() >= ctx.st.config.recursion_limit {
        ctx.st.stack.truncate(callee_slot);
        return Err(ctx.error("RecursionError", "maximum recursion depth exceeded"));
    }
    let code = func.code;
    let co = &code.co;
    let base = callee_slot + 1;
    let nargs = ctx.st.stack.len() - base;
    let nlocals = co.varnames.len();
    let simple = kwnames.is_empty()
        && co.flags & (flags::VARARGS | flags::VARKEYWORDS) == 0
        && co.kwonlyargcount == 0
        && nargs == co.argcount as usize;
    if simple {
        // The arguments are already where the first locals go.
        if nlocals > nargs {
            ctx.st.stack.resize(base + nlocals, Value::Undef);
        }
    } else {
        bind_on_stack(ctx, func, callee_slot, kwnames)?;
    }
    // Cells: one per cellvar, taking the argument's value where the cell is an argument.
    if !co.cell2arg.is_empty() {
        make_cells(ctx, &co.cell2arg, base);
    }
    // Frees: the function's closure cells.
    if let Some(closure) = func.closure {
        ctx.st.stack.extend_from_slice(&closure.0);
    }
    super::reserve_frame_room(&mut ctx.st.stack, &code);
    ctx.st.frames.push(Frame {
        code,
        func: Some(func),
        globals: func.globals,
        locals: Value::Undef,
        base: base as u32,
        pc: 0,
        on_return,
    });
    if co.flags & flags::GENERATOR != 0 {
        return Ok(Some(super::generator::make(ctx, func)));
    }
    Ok(None)
}

/// Push a new frame's cells: one per cellvar, holding the argument it replaces, if any.
#[inline(never)]
fn make_cells<'gc>(ctx: &mut Ctx<'gc, '_>, cell2arg: &[Option<u32>], base: usize) {
    for arg in cell2arg.iter() {
        let content = match arg {
            Some(a) => {
                let slot = &mut ctx.st.stack[base + *a as usize];
                std::mem::replace(slot, Value::Undef)
            }
            None => Value::Undef,
        };
        let cell = Value::Cell(Gc::new(ctx.mc, Lock::new(content)));
        ctx.st.stack.push(cell);
    }
}

/// Replace the arguments above `callee_slot` by the locals they bind (or, on a TypeError,
/// drop them and the callable).
#[inline(never)]
fn bind_on_stack<'gc>(
    ctx: &mut Ctx<'gc, '_>,
    func: Gc<'gc, Function<'gc>>,
    callee_slot: usize,
    kwnames: &[Value<'gc>],
) -> PyResult<'gc, ()> {
    let base = callee_slot + 1;
    let args = ctx.st.stack.split_off(base);
    let locals = bind_args(ctx, func, &args, kwnames);
    ctx.st.stack.truncate(base);
    match locals {
        Ok(l) => {
            ctx.st.stack.extend_from_slice(&l);
            Ok(())
        }
        Err(e) => {
            ctx.st.stack.truncate(callee_slot);
            Err(e)
        }
    }
}

/// Bind call arguments to `func`'s parameters: the locals array of its frame (cells not
/// included), or CPython's TypeError.
fn bind_args<'gc>(
    ctx: &mut Ctx<'gc, '_>,
    func: Gc<'gc, Function<'gc>>,
    args: &[Value<'gc>],
    kwnames: &[Value<'gc>],
) -> PyResult<'gc, Vec<Value<'gc>>> {
    let co = &func.code.co;
    let qualname_str = func.qualname.get();
    let qualname = qualname_str.as_str();
    let argcount = co.argcount as usize;
    let posonly = co.posonlyargcount as usize;
    let kwonly = co.kwonlyargcount as usize;
    let has_varargs = co.flags & flags::VARARGS != 0;
    let has_varkw = co.flags & flags::VARKEYWORDS != 0;
    let npos = args.len() - kwnames.len();
    let mut locals = vec![Value::Undef; co.varnames.len()];

    // Positional arguments.
    let take = npos.min(argcount);
    locals[..take].copy_from_slice(&args[..take]);
    let mut slot = argcount + kwonly;
    if has_varargs {
        locals[slot] = ctx.new_tuple(args[take..npos].to_vec());
        slot += 1;
    } else if npos > argcount {
        return Err(too_many_positional(ctx, func, npos, kwnames, args));
    }
    let kwdict = if has_varkw {
        let d = ctx.new_dict(Dict::new());
        locals[slot] = Value::Dict(d);
        Some(d)
    } else {
        None
    };

    // Keyword arguments.
    let mut posonly_as_kw: Vec<&str> = Vec::new();
    for (name, value) in kwnames.iter().zip(&args[npos..]) {
        let key = name.as_str().unwrap_or("");
        let found = co.varnames[..argcount + kwonly].iter().position(|v| &**v == key);
        match found {
            Some(i) if i >= posonly => {
                if !locals[i].is_undef() {
                    return ctx.type_error(format!("{qualname}() got multiple values for argument '{key}'"));
                }
                locals[i] = *value;
            }
            _ => {
                if let Some(d) = kwdict {
                    crate::ops::collections::dict_set(ctx, d, *name, *value)?;
                } else if found.is_some() {
                    posonly_as_kw.push(key);
                } else {
                    return ctx
                        .type_error(format!("{qualname}() got an unexpected keyword argument '{key}'"));
                }
            }
        }
    }
    if !posonly_as_kw.is_empty() {
        return ctx.type_error(format!(
            "{qualname}() got some positional-only arguments passed as keyword arguments: '{}'",
            posonly_as_kw.join(", ")
        ));
    }

    // Defaults for the missing positional parameters.
    let defaults = func.defaults.get();
    let ndefaults = defaults.map_or(0, |d| d.0.len());
    let first_default = argcount - ndefaults.min(argcount);
    let mut missing = Vec::new();
    for (i, local) in locals.iter_mut().enumerate().take(argcount).skip(take) {
        if local.is_undef() {
            if i >= first_default {
                if let Some(d) = defaults {
                    *local = d.0[i - first_default];
                }
            } else {
                missing.push(&*co.varnames[i]);
            }
        }
    }
    if !missing.is_empty() {
        return ctx.type_error(format!(
            "{qualname}() missing {} required positional argument{}: {}",
            missing.len(),
            if missing.len() == 1 { "" } else { "s" },
            name_list(&missing)
        ));
    }
    // Keyword-only parameters.
    let mut missing = Vec::new();
    for (i, local) in locals.iter_mut().enumerate().take(argcount + kwonly).skip(argcount) {
        if local.is_undef() {
            let name = &*co.varnames[i];
            let default = func.kwdefaults.get().and_then(|d| d.borrow().get_str(name));
            match default {
                Some(v) => *local = v,
                None => missing.push(name),
            }
        }
    }
    if !missing.is_empty() {
        return ctx.type_error(format!(
            "{qualname}() missing {} required keyword-only argument{}: {}",
            missing.len(),
            if missing.len() == 1 { "" } else { "s" },
            name_list(&missing)
        ));
    }
    Ok(locals)
}

/// `'a'`, `'a' and 'b'`, `'a', 'b', and 'c'` (CPython's list of missing names).
fn name_list(names: &[&str]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
    match quoted.len() {
        1 => quoted[0].clone(),
        2 => format!("{} and {}", quoted[0], quoted[1]),
        n => format!("{}, and {}", quoted[..n - 1].join(", "), quoted[n - 1]),
    }
}

fn too_many_positional<'gc>(
    ctx: &mut Ctx<'gc, '_>,
    func: Gc<'gc, Function<'gc>>,
    given: usize,
    kwnames: &[Value<'gc>],
    _args: &[Value<'gc>],
) -> crate::PyErr<'gc> {
    let co = &func.code.co;
    let qualname_str = func.qualname.get();
    let qualname = qualname_str.as_str();
    let argcount = co.argcount as usize;
    let ndefaults = func.defaults.get().map_or(0, |d| d.0.len());
    let takes = if ndefaults > 0 {
        format!("from {} to {} positional arguments", argcount - ndefaults.min(argcount), argcount)
    } else {
        format!("{} positional argument{}", argcount, if argcount == 1 { "" } else { "s" })
    };
    let kwonly_given = kwnames
        .iter()
        .filter(|k| {
            let k = k.as_str().unwrap_or("");
            co.varnames[argcount..argcount + co.kwonlyargcount as usize].iter().any(|v| &**v == k)
        })
        .count();
    let given_text = if kwonly_given > 0 {
        format!(
            "{} positional argument{} (and {} keyword-only argument{})",
            given,
            if given == 1 { "" } else { "s" },
            kwonly_given,
            if kwonly_given == 1 { "" } else { "s" }
        )
    } else {
        format!("{}", given)
    };
    let verb = if given == 1 && kwonly_given == 0 { "was" } else { "were" };
    ctx.error("TypeError", format!("{qualname}() takes {takes} but {given_text} {verb} given"))
}

impl<'gc, 'a> Exec<'gc, 'a> {
    /// CALL_FUNCTION and friends: the callable and `nargs` arguments (keywords last, named by
    /// `kwnames`) are on the stack.
    #[inline]
    pub fn call_op(&mut self, pc: usize, nargs: usize, kwnames: &[Value<'gc>]) -> Result<usize, Stop<'gc>> {
        let callee_slot = self.ctx.st.stack.len() - nargs - 1;
        match self.ctx.st.stack[callee_slot] {
            Value::Function(f) => self.call_function_op(pc, f, callee_slot, kwnames),
            _ => self.call_other_op(pc, callee_slot, kwnames),
        }
    }

    /// The short path of a call: exactly the positional arguments of a plain function (see
    /// `Code::plain_call`), which already lie where its locals go. Pushes the frame, switches
    /// to it and spends one unit of budget (the caller stops if that was the last); false,
    /// with nothing done, for any other call, which binds in `enter_function`.
    #[inline(always)]
    pub(super) fn enter_plain(&mut self, pc: usize, f: Gc<'gc, Function<'gc>>, callee_slot: usize) -> bool {
        let code = f.code;
        let base = callee_slot + 1;
        let st = &mut *self.ctx.st;
        let Some(plain) = code.plain_call else { return false };
        if st.stack.len() - base != plain.argcount as usize || st.frames.len() >= st.config.recursion_limit {
            return false;
        }
        if let Some(caller) = st.frames.last_mut() {
            caller.pc = pc as u32 + 1;
        }
        self.budget = self.budget.saturating_sub(1);
        if plain.nlocals > plain.argcount {
            st.stack.resize(base + plain.nlocals as usize, Value::Undef);
        }
        if let Some(closure) = f.closure {
            st.stack.extend_from_slice(&closure.0);
        }
        st.stack.reserve(plain.room as usize);
        st.frames.push(Frame {
            code,
            func: Some(f),
            globals: f.globals,
            locals: Value::Undef,
            base: base as u32,
            pc: 0,
            on_return: OnReturn::Push,
        });
        self.code = code;
        self.base = base;
        self.globals = f.globals;
        #[cfg(tail_dispatch)]
        {
            self.ops = &Gc::as_ref(code).threaded.ops;
        }
        true
    }

    /// The common case: a Python function, whose frame this loop runs next.
    #[inline]
    fn call_function_op(
        &mut self,
        pc: usize,
        f: Gc<'gc, Function<'gc>>,
        callee_slot: usize,
        kwnames: &[Value<'gc>],
    ) -> Result<usize, Stop<'gc>> {
        if kwnames.is_empty() && self.enter_plain(pc, f, callee_slot) {
            if self.budget == 0 {
                return Err(Stop::Budget(0));
            }
            return Ok(0);
        }
        self.frame().pc = pc as u32 + 1;
        self.budget = self.budget.saturating_sub(1);
        match enter_function(&mut self.ctx, f, callee_slot, kwnames, OnReturn::Push) {
            Ok(None) => {}
            Ok(Some(generator)) => {
                self.push(generator);
                return Ok(pc + 1);
            }
            Err(e) => return Err(Stop::Raise(e)),
        }
        self.switch_to_top();
        if self.budget == 0 {
            return Err(Stop::Budget(0));
        }
        Ok(0)
    }

    /// Calls of anything but a plain function: bound methods and callable instances (their
    /// function with the receiver first), user classes (`__init__` in a frame), natives.
    #[inline(never)]
    fn call_other_op(
        &mut self,
        pc: usize,
        callee_slot: usize,
        kwnames: &[Value<'gc>],
    ) -> Result<usize, Stop<'gc>> {
        let mut callee = self.ctx.st.stack[callee_slot];
        // A bound method, or an instance with a Python `__call__`: its function is called
        // with the receiver as first argument.
        loop {
            let (func, receiver) = match callee {
                Value::Method(m) => (m.func, m.receiver),
                Value::Instance(inst) => match Class::user_lookup(inst.class, crate::dunder!("__call__")) {
                    Some(f @ Value::Function(_)) => (f, callee),
                    _ => break,
                },
                _ => break,
            };
            callee = func;
            self.ctx.st.stack[callee_slot] = func;
            self.ctx.st.stack.insert(callee_slot + 1, receiver);
        }
        let nargs = self.ctx.st.stack.len() - callee_slot - 1;
        match callee {
            Value::Function(f) => self.call_function_op(pc, f, callee_slot, kwnames),
            Value::Type(cls)
                if cls.layout == Layout::Object
                    && !cls.builtin
                    && Class::user_lookup(cls, crate::dunder!("__new__")).is_none()
                    && cls
                        .meta
                        .is_none_or(|m| Class::user_lookup(m, crate::dunder!("__call__")).is_none()) =>
            {
                // A user class: make the instance, then run __init__ in a frame that keeps it.
                let init = match Class::lookup_with_owner(cls, crate::dunder!("__init__")) {
                    Some((Value::Function(init), _)) => Some(init),
                    Some((_, owner)) if !owner.builtin => {
                        return self.call_native_op(pc, callee_slot, callee, kwnames)
                    }
                    _ => None,
                };
                let dict = self.ctx.new_dict(Dict::new());
                let inst = crate::finalize::new_instance(&mut self.ctx, cls, dict);
                self.ctx.st.stack[callee_slot] = inst;
                let Some(init) = init else {
                    // object.__init__.
                    if nargs > 0 {
                        let msg = format!("{}() takes no arguments", cls.name_str());
                        self.ctx.st.stack.truncate(callee_slot);
                        return Err(Stop::Raise(self.ctx.error("TypeError", msg)));
                    }
                    self.ctx.st.stack.truncate(callee_slot + 1);
                    return Ok(pc + 1);
                };
                self.frame().pc = pc as u32 + 1;
                self.ctx.st.stack.insert(callee_slot + 1, inst);
                // The instance stays in the callable slot; the frame's return is dropped.
                match enter_function(&mut self.ctx, init, callee_slot, kwnames, OnReturn::KeepInstance) {
                    Ok(None) => {}
                    Ok(Some(_)) => {
                        let msg = "__init__() should return None, not 'generator'";
                        return Err(Stop::Raise(self.ctx.error("TypeError", msg)));
                    }
                    Err(e) => return Err(Stop::Raise(e)),
                }
                self.switch_to_top();
                Ok(0)
            }
            _ => self.call_native_op(pc, callee_slot, callee, kwnames),
        }
    }

    /// A call that runs no frame in this loop: the arguments leave the stack and the result
    /// takes the callable's slot.
    fn call_native_op(
        &mut self,
        pc: usize,
        callee_slot: usize,
        callee: Value<'gc>,
        kwnames: &[Value<'gc>],
    ) -> Result<usize, Stop<'gc>> {
        // The arguments leave the stack before the call (a native may push and run frames
        // there); most calls have few, which a buffer on the Rust stack holds.
        const INLINE: usize = 6;
        let args = &self.ctx.st.stack[callee_slot + 1..];
        let mut inline = [Value::Undef; INLINE];
        let spilled: Vec<Value<'gc>>;
        let argv: &[Value<'gc>] = if args.len() <= INLINE {
            inline[..args.len()].copy_from_slice(args);
            &inline[..args.len()]
        } else {
            spilled = args.to_vec();
            &spilled
        };
        self.ctx.st.stack.truncate(callee_slot);
        self.frame().pc = pc as u32 + 1;
        let result = call_native(&mut self.ctx, callee, argv, kwnames);
        self.native_returned(pc, result)
    }

    /// After a native call at `pc` whose arguments have left the stack: its result goes on
    /// the stack (or is raised), and a pending collection or change of loop is taken.
    #[inline(always)]
    pub(super) fn native_returned(
        &mut self,
        pc: usize,
        result: crate::PyResult<'gc, Value<'gc>>,
    ) -> Result<usize, Stop<'gc>> {
        match result {
            Ok(v) => {
                self.push(v);
                if self.ctx.st.eval_breaker {
                    return self.eval_break(pc + 1);
                }
                Ok(pc + 1)
            }
            Err(e) => Err(Stop::Raise(e)),
        }
    }
}

/// `f(&[first, args...])`, without allocating for the usual few arguments.
#[inline]
pub(crate) fn with_first<'gc, T>(
    first: Value<'gc>,
    args: &[Value<'gc>],
    f: impl FnOnce(&[Value<'gc>]) -> T,
) -> T {
    const INLINE: usize = 8;
    if args.len() < INLINE {
        let mut buf = [Value::Undef; INLINE];
        buf[0] = first;
        buf[1..=args.len()].copy_from_slice(args);
        f(&buf[..=args.len()])
    } else {
        let mut full = Vec::with_capacity(args.len() + 1);
        full.push(first);
        full.extend_from_slice(args);
        f(&full)
    }
}

impl<'gc, 'a> Exec<'gc, 'a> {
    /// After a native call, with `eval_breaker` set: end the slice for a requested collection
    /// (not in a nested run, which cannot give way to the driver), or stop so that the run
    /// goes on in the other loop when tracing was turned on or off (`Exec::run`).
    #[cold]
    #[inline(never)]
    fn eval_break(&mut self, next: usize) -> Result<usize, Stop<'gc>> {
        if self.ctx.st.collect_requested && self.budget != u32::MAX {
            self.ctx.st.collect_requested = false;
            self.ctx.st.update_breaker();
            return Err(Stop::Collect(next as u32));
        }
        if self.tracing != self.ctx.st.tracing() {
            return Err(Stop::Switch(next as u32));
        }
        Ok(next)
    }
}

/// Call a class's own `__new__` (a staticmethod, as `type` makes it) with the class first.
pub(crate) fn call_user_new<'gc>(
    ctx: &mut Ctx<'gc, '_>,
    new: Value<'gc>,
    cls: Gc<'gc, Class<'gc>>,
    args: &[Value<'gc>],
    kwnames: &[Value<'gc>],
) -> PyResult<'gc, Value<'gc>> {
    let new = match new {
        Value::Descriptor(d) => match *d {
            Descriptor::StaticMethod(f) => f,
            _ => new,
        },
        _ => new,
    };
    with_first(Value::Type(cls), args, |full| call_value(ctx, new, full, kwnames))
}

/// Call anything that is not a Python function frame: builtins, types, bound methods of
/// builtins, callable instances. Python functions reached from here run nested.
pub fn call_native<'gc>(
    ctx: &mut Ctx<'gc, '_>,
    callee: Value<'gc>,
    args: &[Value<'gc>],
    kwnames: &[Value<'gc>],
) -> PyResult<'gc, Value<'gc>> {
    match callee {
        Value::Builtin(b) => {
            if b.bound.is_undef() {
                (b.func)(ctx, Args { args, kwnames })
            } else {
                with_first(b.bound, args, |full| (b.func)(ctx, Args { args: full, kwnames }))
            }
        }
        Value::Type(cls) => construct(ctx, cls, args, kwnames),
        Value::Function(_) | Value::Method(_) => call_value(ctx, callee, args, kwnames),
        Value::Descriptor(d) if matches!(*d, Descriptor::StaticMethod(_)) => {
            let Descriptor::StaticMethod(f) = *d else { unreachable!("matched above") };
            call_value(ctx, f, args, kwnames)
        }
        _ => {
            if let Value::Instance(inst) = callee {
                if let Some(call) = inst.class.lookup("__call__") {
                    let mut full = Vec::with_capacity(args.len() + 1);
                    full.push(callee);
                    full.extend_from_slice(args);
                    return call_value(ctx, call, &full, kwnames);
                }
            }
            let msg = format!("'{}' object is not callable", ctx.type_name(callee));
            ctx.type_error(msg)
        }
    }
}

/// `cls(*args)`: the `__call__` of a user metaclass if it has one, else `type.__call__`
/// (`construct_instance`).
fn construct<'gc>(
    ctx: &mut Ctx<'gc, '_>,
    cls: Gc<'gc, Class<'gc>>,
    args: &[Value<'gc>],
    kwnames: &[Value<'gc>],
) -> PyResult<'gc, Value<'gc>> {
    if let Some(meta) = cls.meta {
        if let Some(call) = Class::user_lookup(meta, crate::dunder!("__call__")) {
            let call = crate::ops::attr::descr_get(ctx, call, Value::Type(cls), meta)?;
            return call_value(ctx, call, args, kwnames);
        }
    }
    construct_instance(ctx, cls, args, kwnames)
}

/// `type.__call__(cls, *args)`: built-in constructors are the types' `__new__` natives;
/// metaclasses make classes (`class_creation::call_metaclass`); exceptions and user classes
/// are built here: `__new__` (a user's, or the built-in instance or exception), then
/// `__init__` when the new object is an instance of `cls`.
pub fn construct_instance<'gc>(
    ctx: &mut Ctx<'gc, '_>,
    cls: Gc<'gc, Class<'gc>>,
    args: &[Value<'gc>],
    kwnames: &[Value<'gc>],
) -> PyResult<'gc, Value<'gc>> {
    if crate::builtins::class_creation::is_metaclass(ctx, cls) {
        return crate::builtins::class_creation::call_metaclass(ctx, cls, args, kwnames);
    }
    if let Some(new) = cls.native_new() {
        return with_first(Value::Type(cls), args, |full| new(ctx, Args { args: full, kwnames }));
    }
    let user_new = Class::user_lookup(cls, crate::dunder!("__new__"));
    let user_init = Class::user_lookup(cls, crate::dunder!("__init__"));
    let obj = match user_new {
        Some(new) => call_user_new(ctx, new, cls, args, kwnames)?,
        None if cls.layout == Layout::Exception => {
            let positional = &args[..args.len() - kwnames.len()];
            // A group's `__new__` checks its arguments before `__init__` refuses keywords.
            let group = if Class::is_subclass(cls, ctx.exc_class("BaseExceptionGroup")) {
                Some(crate::builtins::exception_group::new_group(ctx, cls, positional)?)
            } else {
                None
            };
            if user_init.is_none() && !kwnames.is_empty() {
                let msg = format!("{}() takes no keyword arguments", cls.name_str());
                return ctx.type_error(msg);
            }
            let exc = group.unwrap_or_else(|| ctx.new_exc(cls, positional.to_vec()));
            if crate::builtins::syntax_error::is_syntax_error(ctx, cls) {
                // SyntaxError_init's fields; a class's own `__init__` sets them through
                // `super().__init__` or leaves them None.
                let fields_from: &[Value<'gc>] = if user_init.is_none() { positional } else { &[] };
                crate::builtins::syntax_error::init_fields(ctx, exc, fields_from)?;
            }
            Value::Exception(exc)
        }
        None => {
            if user_init.is_none() && !args.is_empty() {
                let msg = format!("{}() takes no arguments", cls.name_str());
                return ctx.type_error(msg);
            }
            let dict = ctx.new_dict(Dict::new());
            crate::finalize::new_instance(ctx, cls, dict)
        }
    };
    if !ctx.is_instance_of(obj, cls) {
        return Ok(obj);
    }
    if let Some(init) = user_init {
        let r = with_first(obj, args, |full| call_value(ctx, init, full, kwnames))?;
        if !r.is_none() {
            let msg = format!("__init__() should return None, not '{}'", ctx.type_name(r));
            return ctx.type_error(msg);
        }
    } else if let (Some(_), Value::Exception(e)) = (user_new, obj) {
        // BaseException.__init__ after a user's __new__: the call's arguments become args.
        if !kwnames.is_empty() {
            let msg = format!("{}() takes no keyword arguments", cls.name_str());
            return ctx.type_error(msg);
        }
        let t = ctx.tuple(&args[..args.len() - kwnames.len()]);
        e.borrow_mut(ctx.mc).args = t;
    }
    Ok(obj)
}

/// Call any callable from native code; a Python function runs in a nested run.
pub fn call_value<'gc>(
    ctx: &mut Ctx<'gc, '_>,
    callable: Value<'gc>,
    args: &[Value<'gc>],
    kwnames: &[Value<'gc>],
) -> PyResult<'gc, Value<'gc>> {
    match callable {
        Value::Function(f) => {
            if ctx.st.native_depth >= MAX_NATIVE_DEPTH {
                return Err(ctx.error("RecursionError", "maximum recursion depth exceeded"));
            }
            let callee_slot = ctx.st.stack.len();
            ctx.st.stack.push(callable);
            ctx.st.stack.extend_from_slice(args);
            match enter_function(ctx, f, callee_slot, kwnames, OnReturn::Exit)? {
                Some(generator) => Ok(generator),
                None => super::run_nested(ctx),
            }
        }
        Value::Method(m) => {
            let mut full = Vec::with_capacity(args.len() + 1);
            full.push(m.receiver);
            full.extend_from_slice(args);
            call_value(ctx, m.func, &full, kwnames)
        }
        _ => call_native(ctx, callable, args, kwnames),
    }
}
