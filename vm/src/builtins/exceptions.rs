//! The built-in exception hierarchy, in CPython 3.11's shape.

use gc_arena::lock::{Lock, RefLock};
use gc_arena::{Gc, Mutation};
use hashbrown::HashMap;

use crate::object::{Class, Dict, Layout, PyStr};
use crate::state::intern_in;

/// (name, base) in an order where every base comes first.
const HIERARCHY: &[(&str, &str)] = &[
    ("BaseException", "object"),
    ("BaseExceptionGroup", "BaseException"),
    ("Exception", "BaseException"),
    ("GeneratorExit", "BaseException"),
    ("KeyboardInterrupt", "BaseException"),
    ("SystemExit", "BaseException"),
    ("ArithmeticError", "Exception"),
    ("AssertionError", "Exception"),
    ("AttributeError", "Exception"),
    ("BufferError", "Exception"),
    ("EOFError", "Exception"),
    ("ImportError", "Exception"),
    ("LookupError", "Exception"),
    ("MemoryError", "Exception"),
    ("NameError", "Exception"),
    ("OSError", "Exception"),
    ("ReferenceError", "Exception"),
    ("RuntimeError", "Exception"),
    ("StopAsyncIteration", "Exception"),
    ("StopIteration", "Exception"),
    ("SyntaxError", "Exception"),
    ("SystemError", "Exception"),
    ("TypeError", "Exception"),
    ("ValueError", "Exception"),
    ("Warning", "Exception"),
    ("FloatingPointError", "ArithmeticError"),
    ("OverflowError", "ArithmeticError"),
    ("ZeroDivisionError", "ArithmeticError"),
    ("BytesWarning", "Warning"),
    ("DeprecationWarning", "Warning"),
    ("EncodingWarning", "Warning"),
    ("FutureWarning", "Warning"),
    ("ImportWarning", "Warning"),
    ("PendingDeprecationWarning", "Warning"),
    ("ResourceWarning", "Warning"),
    ("RuntimeWarning", "Warning"),
    ("SyntaxWarning", "Warning"),
    ("UnicodeWarning", "Warning"),
    ("UserWarning", "Warning"),
    ("BlockingIOError", "OSError"),
    ("ChildProcessError", "OSError"),
    ("ConnectionError", "OSError"),
    ("FileExistsError", "OSError"),
    ("FileNotFoundError", "OSError"),
    ("InterruptedError", "OSError"),
    ("IsADirectoryError", "OSError"),
    ("NotADirectoryError", "OSError"),
    ("PermissionError", "OSError"),
    ("ProcessLookupError", "OSError"),
    ("TimeoutError", "OSError"),
    ("IndentationError", "SyntaxError"),
    ("IndexError", "LookupError"),
    ("KeyError", "LookupError"),
    ("ModuleNotFoundError", "ImportError"),
    ("NotImplementedError", "RuntimeError"),
    ("RecursionError", "RuntimeError"),
    ("UnboundLocalError", "NameError"),
    ("UnicodeError", "ValueError"),
    ("BrokenPipeError", "ConnectionError"),
    ("ConnectionAbortedError", "ConnectionError"),
    ("ConnectionRefusedError", "ConnectionError"),
    ("ConnectionResetError", "ConnectionError"),
    ("TabError", "IndentationError"),
    ("UnicodeDecodeError", "UnicodeError"),
    ("UnicodeEncodeError", "UnicodeError"),
    ("UnicodeTranslateError", "UnicodeError"),
    ("ExceptionGroup", "BaseExceptionGroup"),
];

/// Names of all built-in exception classes, for the builtins module.
pub fn names() -> impl Iterator<Item = &'static str> {
    HIERARCHY.iter().map(|(n, _)| *n)
}

pub fn build_hierarchy<'gc>(
    mc: &Mutation<'gc>,
    interned: &mut HashMap<Box<str>, Gc<'gc, PyStr>>,
    object: Gc<'gc, Class<'gc>>,
    out: &mut HashMap<&'static str, Gc<'gc, Class<'gc>>>,
) {
    for &(name, base) in HIERARCHY {
        let base = if base == "object" { object } else { out[base] };
        let mut ancestors = vec![base];
        ancestors.extend(base.ancestors.iter().copied());
        let mut bases = vec![base];
        if name == "ExceptionGroup" {
            // class ExceptionGroup(BaseExceptionGroup, Exception): its C3 MRO.
            let exception = out["Exception"];
            bases.push(exception);
            ancestors = vec![base, exception, out["BaseException"], object];
        }
        let n = intern_in(mc, interned, name);
        let class = Gc::new(
            mc,
            Class {
                name: Lock::new(n),
                qualname: Lock::new(n),
                bases: bases.into(),
                ancestors: ancestors.into(),
                dict: Gc::new(mc, RefLock::new(Dict::new())),
                layout: Layout::Exception,
                builtin: true,
                meta: None,
                native_new: Default::default(),
            },
        );
        out.insert(name, class);
    }
}
