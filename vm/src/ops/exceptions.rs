//! Raising and matching exceptions, and CPython's traceback report.

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

/// The last line of a traceback: `TypeName: message` (or just the name).
pub fn exception_line<'gc>(ctx: &mut Ctx<'gc, '_>, e: PyErr<'gc>) -> String {
    let class = e.borrow().class;
    let module = if class.builtin { None } else { class.dict.borrow().get_str("__module__") };
    let mut name = class.qualname.get().as_str().to_string();
    if let Some(Value::Str(m)) = module {
        if m.as_str() != "__main__" && m.as_str() != "builtins" {
            name = format!("{}.{}", m.as_str(), name);
        }
    }
    let msg = match crate::ops::repr::str_of(ctx, Value::Exception(e)) {
        Ok(s) => s,
        Err(_) => "<exception str() failed>".to_string(),
    };
    if msg.is_empty() {
        name
    } else {
        format!("{name}: {msg}")
    }
}

/// CPython's report of an uncaught exception, chained causes and contexts first.
pub fn format_exception<'gc>(ctx: &mut Ctx<'gc, '_>, e: PyErr<'gc>) -> String {
    let mut chain = vec![(e, "")];
    let mut seen = vec![Gc::as_ptr(e) as usize];
    let mut cur = e;
    loop {
        let (cause, context, suppress) = {
            let b = cur.borrow();
            (b.cause, b.context, b.suppress_context)
        };
        let (next, header) = match (cause, context) {
            (Value::Exception(c), _) => {
                (c, "\nThe above exception was the direct cause of the following exception:\n\n")
            }
            (_, Value::Exception(c)) if !suppress => {
                (c, "\nDuring handling of the above exception, another exception occurred:\n\n")
            }
            _ => break,
        };
        if seen.contains(&(Gc::as_ptr(next) as usize)) {
            break;
        }
        seen.push(Gc::as_ptr(next) as usize);
        // Printed after the earlier exception, before the one it led to.
        chain.push((next, header));
        cur = next;
    }
    let mut out = String::new();
    for (exc, header) in chain.iter().rev() {
        out.push_str(&format_one(ctx, *exc));
        out.push_str(header);
    }
    out
}

fn format_one<'gc>(ctx: &mut Ctx<'gc, '_>, e: PyErr<'gc>) -> String {
    let mut out = String::new();
    let tb = e.borrow().traceback.clone();
    if !tb.is_empty() {
        out.push_str("Traceback (most recent call last):\n");
        // Entries were recorded innermost first; print outermost first. Collapse long runs
        // of the same line as CPython does.
        let mut last: Option<(String, u32, String)> = None;
        let mut repeats = 0;
        for entry in tb.iter().rev() {
            let co = &entry.code.co;
            let line = co.line_of(entry.pc as usize).unwrap_or(co.firstlineno);
            let key = (co.filename.to_string(), line, co.name.to_string());
            if last.as_ref() == Some(&key) {
                repeats += 1;
                if repeats >= 3 {
                    continue;
                }
            } else {
                if repeats >= 3 {
                    out.push_str(&format!(
                        "  [Previous line repeated {} more time{}]\n",
                        repeats - 2,
                        if repeats - 2 == 1 { "" } else { "s" }
                    ));
                }
                repeats = 0;
            }
            out.push_str(&format!("  File \"{}\", line {}, in {}\n", co.filename, line, co.name));
            if let Some(src) = ctx.st.sources.get(&*co.filename) {
                if let Some(text) = src.lines().nth(line as usize - 1) {
                    let t = text.trim();
                    if !t.is_empty() {
                        out.push_str(&format!("    {t}\n"));
                    }
                }
            }
            last = Some(key);
        }
        if repeats >= 3 {
            out.push_str(&format!(
                "  [Previous line repeated {} more time{}]\n",
                repeats - 2,
                if repeats - 2 == 1 { "" } else { "s" }
            ));
        }
    }
    out.push_str(&exception_line(ctx, e));
    out.push('\n');
    out
}
