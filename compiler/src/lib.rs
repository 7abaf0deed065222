//! cellvm's compiler: Python 3.11 source to `CodeObject`s with CPython's scopes and
//! introspection fields. It knows nothing of the runtime.
//!
//! The pipeline: [`lexer`] (tokens) -> [`parser`] (an AST in a `bumpalo::Bump`) ->
//! [`symtable`] (one scope per module, class, function, lambda and comprehension) ->
//! [`codegen`] (the `CodeObject` tree) ; [`dis`] shows the result as CPython's `dis` does.

pub mod ast;
pub mod bytecode;
pub mod codegen;
pub mod dis;
pub mod error;
pub mod lexer;
pub mod parser;
pub mod symtable;
pub mod token;
pub mod unparse;

pub use bytecode::{CodeObject, Const, Instr, Opcode};
pub use error::{ErrorKind, SyntaxError};

/// What the source is: a module (`exec`), a single expression (`eval`), or one interactive
/// statement (`single`, as the REPL compiles each input: expression statements at its top
/// level show their value with `sys.displayhook`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    Exec,
    Eval,
    Single,
}

/// Compile `source` (already decoded; see [`lexer::decode_source`]) into the code object of
/// a module (`Mode::Exec`), of one expression (`Mode::Eval`) or of one interactive statement
/// (`Mode::Single`).
pub fn compile(source: &str, filename: &str, mode: Mode) -> Result<std::sync::Arc<CodeObject>, SyntaxError> {
    let bump = bumpalo::Bump::new();
    let module = bump.alloc(parser::parse(&bump, source, filename, mode)?);
    codegen::compile_module(&bump, module, source, filename, mode)
}
