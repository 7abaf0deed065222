//! The object protocols the interpreter and the builtins share: truth, comparison, hashing,
//! arithmetic, attributes, subscripts, iteration, repr/str and formatting.

pub mod attr;
pub mod collections;
pub mod compare;
pub mod complex;
pub mod exceptions;
pub mod float_str;
pub mod format;
pub mod hash;
pub mod iter;
pub mod num;
pub mod percent;
pub mod repr;
pub mod seq;
pub mod subscript;
pub mod traceback;
pub mod truth;
