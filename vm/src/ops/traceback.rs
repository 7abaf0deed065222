//! CPython's report of an uncaught exception (`pythonrun.c`, as `traceback.py`'s
//! `TracebackException.format` words it): chained causes and contexts first, exception
//! groups drawn in boxes with their sub-exceptions indented under a margin.

use gc_arena::Gc;
use hashbrown::HashSet;

use crate::ctx::{Ctx, PyErr};
use crate::value::Value;

/// How many sub-exceptions of a group are shown, and how deeply nested groups are.
const MAX_GROUP_WIDTH: usize = 15;
const MAX_GROUP_DEPTH: usize = 10;

const CAUSE_MESSAGE: &str = "\nThe above exception was the direct cause of the following exception:\n\n";
const CONTEXT_MESSAGE: &str = "\nDuring handling of the above exception, another exception occurred:\n\n";

/// `_ExceptionPrintContext`: the exceptions already shown and the group nesting.
struct Printer {
    seen: HashSet<usize>,
    depth: usize,
    need_close: bool,
    out: String,
}

impl Printer {
    fn indent(&self) -> String {
        " ".repeat(2 * self.depth)
    }

    /// Every line of `text` behind the indent and, inside a group, the margin.
    fn emit(&mut self, text: &str, margin: char) {
        let mut prefix = self.indent();
        if self.depth > 0 {
            prefix.push(margin);
            prefix.push(' ');
        }
        for line in text.split_inclusive('\n') {
            self.out.push_str(&prefix);
            self.out.push_str(line);
        }
    }
}

fn id(e: PyErr<'_>) -> usize {
    Gc::as_ptr(e) as usize
}

/// The report of an uncaught exception, as CPython prints it on stderr.
pub fn format_exception<'gc>(ctx: &mut Ctx<'gc, '_>, e: PyErr<'gc>) -> String {
    let mut p = Printer { seen: HashSet::new(), depth: 0, need_close: false, out: String::new() };
    p.seen.insert(id(e));
    format_chain(ctx, e, &mut p);
    p.out
}

/// `e` after the exceptions it was chained to (its cause, or its context), outermost first.
fn format_chain<'gc>(ctx: &mut Ctx<'gc, '_>, e: PyErr<'gc>, p: &mut Printer) {
    let mut chain: Vec<(Option<&str>, PyErr<'gc>)> = vec![(None, e)];
    let mut cur = e;
    loop {
        let (cause, context, suppress) = {
            let b = cur.borrow();
            (b.cause, b.context, b.suppress_context)
        };
        // A cause already shown ends the chain (its context is not looked at).
        let next = match (cause, context) {
            (Value::Exception(c), _) if p.seen.contains(&id(c)) => break,
            (Value::Exception(c), _) => (CAUSE_MESSAGE, c),
            (_, Value::Exception(c)) if !suppress && !p.seen.contains(&id(c)) => (CONTEXT_MESSAGE, c),
            _ => break,
        };
        p.seen.insert(id(next.1));
        // The message goes between the two, before the exception that was chained.
        chain.last_mut().expect("the chain starts with e").0 = Some(next.0);
        chain.push((None, next.1));
        cur = next.1;
    }
    // `print_chained` keeps the group box's pending close across a chained exception.
    let need_close = p.need_close;
    for (message, exc) in chain.into_iter().rev() {
        if let Some(m) = message {
            p.need_close = need_close;
            p.emit(m, '|');
        }
        format_one(ctx, exc, p);
    }
}

fn format_one<'gc>(ctx: &mut Ctx<'gc, '_>, e: PyErr<'gc>, p: &mut Printer) {
    let group = crate::builtins::exception_group::group_of(e);
    let Some(group) = group else {
        if !e.borrow().traceback.is_empty() {
            p.emit("Traceback (most recent call last):\n", '|');
            let stack = format_stack(ctx, e);
            p.emit(&stack, '|');
        }
        let only = exception_only(ctx, e);
        p.emit(&only, '|');
        return;
    };
    if p.depth > MAX_GROUP_DEPTH {
        p.emit(&format!("... (max_group_depth is {MAX_GROUP_DEPTH})\n"), '|');
        return;
    }
    let toplevel = p.depth == 0;
    if toplevel {
        p.depth += 1;
    }
    if !e.borrow().traceback.is_empty() {
        p.emit("Exception Group Traceback (most recent call last):\n", if toplevel { '+' } else { '|' });
        let stack = format_stack(ctx, e);
        p.emit(&stack, '|');
    }
    let only = exception_only(ctx, e);
    p.emit(&only, '|');
    let excs = group.exceptions;
    let count = excs.0.len();
    let n = if count <= MAX_GROUP_WIDTH { count } else { MAX_GROUP_WIDTH + 1 };
    p.need_close = false;
    for i in 0..n {
        let last = i == n - 1;
        if last {
            // The closing line may come from a nested group's report.
            p.need_close = true;
        }
        let truncated = i >= MAX_GROUP_WIDTH;
        let title = if truncated { "...".to_string() } else { (i + 1).to_string() };
        let corner = if i == 0 { "+-" } else { "  " };
        let line = format!("{}{corner}+---------------- {title} ----------------\n", p.indent());
        p.out.push_str(&line);
        p.depth += 1;
        if !truncated {
            if let Value::Exception(sub) = excs.0[i] {
                p.seen.insert(id(sub));
                format_chain(ctx, sub, p);
            }
        } else {
            let remaining = count - MAX_GROUP_WIDTH;
            let plural = if remaining > 1 { "s" } else { "" };
            p.emit(&format!("and {remaining} more exception{plural}\n"), '|');
        }
        if last && p.need_close {
            let line = format!("{}+------------------------------------\n", p.indent());
            p.out.push_str(&line);
            p.need_close = false;
        }
        p.depth -= 1;
    }
    if toplevel {
        p.depth = 0;
    }
}

/// The `File ..., line ..., in ...` lines of a traceback, outermost first; long runs of the
/// same line collapsed as CPython does.
fn format_stack<'gc>(ctx: &Ctx<'gc, '_>, e: PyErr<'gc>) -> String {
    let mut out = String::new();
    let tb = e.borrow().traceback.clone();
    // Entries were recorded innermost first.
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
            push_repeats(&mut out, repeats);
            repeats = 0;
        }
        out.push_str(&format!("  File \"{}\", line {}, in {}\n", co.filename, line, co.name));
        if let Some(src) = ctx.st.sources.get(&*co.filename) {
            if let Some(text) = src.lines().nth((line as usize).wrapping_sub(1)) {
                let t = text.trim();
                if !t.is_empty() {
                    out.push_str(&format!("    {t}\n"));
                }
            }
        }
        last = Some(key);
    }
    push_repeats(&mut out, repeats);
    out
}

fn push_repeats(out: &mut String, repeats: usize) {
    if repeats >= 3 {
        let n = repeats - 2;
        out.push_str(&format!("  [Previous line repeated {n} more time{}]\n", if n == 1 { "" } else { "s" }));
    }
}

/// The exception's line and its notes (`__notes__`).
fn exception_only<'gc>(ctx: &mut Ctx<'gc, '_>, e: PyErr<'gc>) -> String {
    let mut out = match crate::builtins::syntax_error::location_block(ctx, e) {
        Some((mut block, msg)) => {
            // The message alone, not `str(e)` (which repeats the location).
            let msg =
                crate::ops::repr::str_of(ctx, msg).unwrap_or_else(|_| "<exception str() failed>".into());
            block.push_str(&exception_line_with(e, msg));
            block
        }
        None => exception_line(ctx, e),
    };
    out.push('\n');
    let dict = e.borrow().dict;
    let Some(notes) = dict.and_then(|d| d.borrow().get_str("__notes__")) else { return out };
    let items: Option<Vec<Value<'gc>>> = match notes {
        Value::List(l) => Some(l.borrow().clone()),
        Value::Tuple(t) => Some(t.0.to_vec()),
        _ => None,
    };
    match items {
        Some(items) => {
            for note in items {
                let text =
                    crate::ops::repr::str_of(ctx, note).unwrap_or_else(|_| "<note str() failed>".into());
                for line in text.split('\n') {
                    out.push_str(line);
                    out.push('\n');
                }
            }
        }
        None => {
            let text =
                crate::ops::repr::repr(ctx, notes).unwrap_or_else(|_| "<__notes__ repr() failed>".into());
            out.push_str(&text);
            out.push('\n');
        }
    }
    out
}

/// The last line of a traceback: `TypeName: message` (or just the name).
pub fn exception_line<'gc>(ctx: &mut Ctx<'gc, '_>, e: PyErr<'gc>) -> String {
    let msg = match crate::ops::repr::str_of(ctx, Value::Exception(e)) {
        Ok(s) => s,
        Err(_) => "<exception str() failed>".to_string(),
    };
    exception_line_with(e, msg)
}

/// `TypeName: msg` (or just the name when `msg` is empty).
fn exception_line_with(e: PyErr<'_>, msg: String) -> String {
    let class = e.borrow().class;
    let module = if class.builtin { None } else { class.dict.borrow().get_str("__module__") };
    let mut name = class.qualname.get().as_str().to_string();
    if let Some(Value::Str(m)) = module {
        if m.as_str() != "__main__" && m.as_str() != "builtins" {
            name = format!("{}.{}", m.as_str(), name);
        }
    }
    if msg.is_empty() {
        name
    } else {
        format!("{name}: {msg}")
    }
}
