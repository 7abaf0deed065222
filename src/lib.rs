//! cellvm: a Python 3 bytecode VM. This facade re-exports the embedding API.
pub use cellvm_compiler as compiler;

pub mod cli;
pub use cellvm_vm::{Config, RunError, Vm};
