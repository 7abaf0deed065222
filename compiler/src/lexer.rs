//! The tokenizer (being written).
use crate::error::SyntaxError;
use crate::token::Token;

/// Tokenize a whole source file.
pub fn tokenize(_source: &str, _filename: &str) -> Result<Vec<Token>, SyntaxError> {
    unimplemented!("lexer")
}
