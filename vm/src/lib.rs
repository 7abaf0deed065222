//! cellvm's runtime: values and object types, frames, the interpreter and its dispatch,
//! builtins and native modules, all on a `gc-arena` heap driven by `cellvm-gc`.
//!
//! ```
//! let mut vm = cellvm_vm::Vm::with_config(cellvm_vm::Config { capture_stdout: true, ..Default::default() });
//! vm.run_source("def add(a):\n    def f(b):\n        return a + b\n    return f\nprint(add(1)(2))\n", "<string>").unwrap();
//! assert_eq!(vm.take_stdout(), "3\n");
//! ```

pub mod builtins;
pub mod ctx;
pub mod finalize;
pub mod interp;
pub mod object;
pub mod ops;
pub mod state;
pub mod value;
mod vm;

pub use ctx::{Ctx, PyErr, PyResult};
pub use value::Value;
pub use vm::{format_gc_stats, Config, RunError, Vm};
