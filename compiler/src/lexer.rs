//! The tokenizer (being written).
use crate::error::SyntaxError;
use crate::token::Token;

/// Tokenize a whole source file.
pub fn tokenize(_source: &str, _filename: &str) -> Result<Vec<Token>, SyntaxError> {
    unimplemented!("lexer")
}

/// Decode a source file's bytes as CPython does (UTF-8 with an optional BOM, or the PEP 263
/// coding cookie), with CPython's SyntaxError for undecodable input.
pub fn decode_source(bytes: &[u8], _filename: &str) -> Result<String, SyntaxError> {
    Ok(String::from_utf8_lossy(bytes).into_owned())
}
