//! The front end on arbitrary bytes: decoding, tokenizing, parsing, scope analysis and code
//! generation must end in a code object or a clean error, never a panic, an abort or a stack
//! overflow.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(source) = cellvm_compiler::lexer::decode_source(data, "<fuzz>") {
        let _ = cellvm_compiler::compile(&source, "<fuzz>", cellvm_compiler::Mode::Exec);
        let _ = cellvm_compiler::compile(&source, "<fuzz>", cellvm_compiler::Mode::Eval);
    }
});
