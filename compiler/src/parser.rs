//! The parser (being written).
use crate::ast::Module;
use crate::error::SyntaxError;
use crate::Mode;
use bumpalo::Bump;

/// Parse `source` into an AST allocated in `bump`.
pub fn parse<'a>(
    _bump: &'a Bump,
    _source: &'a str,
    _filename: &str,
    _mode: Mode,
) -> Result<Module<'a>, SyntaxError> {
    unimplemented!("parser")
}
