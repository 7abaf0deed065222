//! CPython 3.11's `dis` for cellvm's code objects: the listing `dis.dis(code)` prints,
//! `dis.code_info`, Python's `repr` of constants, and a JSON dump for tools.
//!
//! cellvm's instruction set is close to CPython 3.11's but not equal (no CACHE entries, no
//! RESUME, absolute jumps, CALL_FUNCTION), so listings cannot match CPython's byte for byte.
//! What matches is the layout: columns, widths, markers and blank lines follow Lib/dis.py's
//! `_disassemble_bytes` and `Instruction._disassemble` rule for rule, so the two listings
//! of the same program read side by side.
//!
//! Nothing here recurses on the shape of its input: nested constants and nested code
//! objects are walked with explicit stacks (CPython accepts lambdas nested ~2000 deep).

use std::fmt::{self, Write as _};
use std::sync::Arc;

use serde_json::{json, Value};

use crate::bytecode::{flags, make_function, BinaryOp, CodeObject, CompareOp, Const, Opcode, Operand};

mod printable;

/// Column widths of `Instruction._disassemble`.
const OPNAME_WIDTH: usize = 20;
const OPARG_WIDTH: usize = 5;

/// How many code objects deep [`to_json`] nests objects; deeper code constants appear as
/// their repr, as other constants do. serde_json serializes and drops a `Value`
/// recursively, so its depth must stay well inside a thread's stack.
pub const JSON_MAX_CODE_DEPTH: usize = 200;

/// One decoded instruction, as `dis.Instruction` describes it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Instruction {
    /// Byte offset, as CPython's wordcode: twice the instruction's index.
    pub offset: usize,
    pub opname: &'static str,
    /// `None` for opcodes without an operand.
    pub arg: Option<u32>,
    /// What the operand means (a constant's repr, a name, "to 12", "+"), or "".
    pub argrepr: String,
    /// The instruction's own source line.
    pub line: Option<u32>,
    /// The line, if this instruction starts a new one (`dis.findlinestarts`).
    pub starts_line: Option<u32>,
    /// Some jump or exception handler targets this instruction.
    pub is_jump_target: bool,
}

/// The instructions of `code` (not of nested code objects), as `dis.get_instructions`.
pub fn instructions(code: &CodeObject) -> Vec<Instruction> {
    let targets = jump_targets(code);
    let mut last_line = None;
    code.code
        .iter()
        .enumerate()
        .map(|(index, instr)| {
            let line = code.line_of(index);
            // A line starts wherever the line differs from the last one seen; instructions
            // without a line neither start one nor end the current one.
            let starts_line = match line {
                Some(l) if last_line != Some(l) => {
                    last_line = Some(l);
                    Some(l)
                }
                _ => None,
            };
            let has_arg = instr.op.operand() != Operand::None;
            Instruction {
                offset: 2 * index,
                opname: instr.op.name(),
                arg: has_arg.then_some(instr.arg),
                argrepr: if has_arg { argrepr(code, instr.op, instr.arg) } else { String::new() },
                line,
                starts_line,
                is_jump_target: targets.get(index).copied().unwrap_or(false),
            }
        })
        .collect()
}

/// Which instructions a jump or an exception handler leads to, by index.
fn jump_targets(code: &CodeObject) -> Vec<bool> {
    let mut targets = vec![false; code.code.len()];
    let mut mark = |index: u32| {
        if let Some(t) = targets.get_mut(index as usize) {
            *t = true;
        }
    };
    for instr in &code.code {
        if instr.op.is_jump() {
            mark(instr.arg);
        }
    }
    // CPython marks a handler only when its range covers at least one instruction.
    for entry in &code.exception_table {
        if entry.start < entry.end {
            mark(entry.target);
        }
    }
    targets
}

/// The `argrepr` CPython's dis shows for an operand.
fn argrepr(code: &CodeObject, op: Opcode, arg: u32) -> String {
    let i = arg as usize;
    let name = |names: &[Arc<str>]| names.get(i).map(|n| n.to_string());
    let shown = match op.operand() {
        // CPython shows no argrepr for plain numbers, IS_OP/CONTAINS_OP and UNPACK_EX.
        Operand::None | Operand::Count | Operand::Invert | Operand::UnpackEx => Some(String::new()),
        Operand::Const => code.consts.get(i).map(const_repr),
        Operand::Name => name(&code.names),
        Operand::Local => name(&code.varnames),
        Operand::Deref => match i.checked_sub(code.cellvars.len()) {
            None => name(&code.cellvars),
            Some(free) => code.freevars.get(free).map(|n| n.to_string()),
        },
        Operand::Jump => Some(format!("to {}", 2 * u64::from(arg))),
        Operand::BinaryOp => BinaryOp::from_arg(arg).map(BinaryOp::symbol),
        Operand::Compare => CompareOp::from_arg(arg).map(|c| c.symbol().to_string()),
        Operand::MakeFunction => Some(make_function_repr(arg)),
        Operand::FormatValue => Some(format_value_repr(arg)),
    };
    // CPython raises IndexError on such an operand; a listing is more useful.
    shown.unwrap_or_else(|| format!("<invalid operand {arg}>"))
}

fn make_function_repr(arg: u32) -> String {
    let names = [
        (make_function::DEFAULTS, "defaults"),
        (make_function::KWDEFAULTS, "kwdefaults"),
        (make_function::ANNOTATIONS, "annotations"),
        (make_function::CLOSURE, "closure"),
    ];
    names.iter().filter(|(bit, _)| arg & bit != 0).map(|(_, name)| *name).collect::<Vec<_>>().join(", ")
}

fn format_value_repr(arg: u32) -> String {
    let conversion = ["", "str", "repr", "ascii"][(arg & 3) as usize];
    match (conversion.is_empty(), arg & 4 != 0) {
        (_, false) => conversion.to_string(),
        (true, true) => "with format".to_string(),
        (false, true) => format!("{conversion}, with format"),
    }
}

/// The listing `dis.dis(code)` prints: `code`, then each code object in its constants
/// (recursively, depth first, in order) under a "Disassembly of <code object ...>:" header.
pub fn disassemble(code: &CodeObject) -> String {
    let mut out = String::new();
    let mut pending = vec![code];
    let mut first = true;
    while let Some(code) = pending.pop() {
        if !first {
            out.push('\n');
            let _ = writeln!(out, "Disassembly of {code}:");
        }
        first = false;
        // Writing into a String cannot fail.
        let _ = write_listing(&mut out, code);
        pending.extend(code.consts.iter().rev().filter_map(|c| match c {
            Const::Code(inner) => Some(&**inner),
            _ => None,
        }));
    }
    out
}

/// One code object's listing and exception table (`dis._disassemble_bytes`).
fn write_listing(out: &mut String, code: &CodeObject) -> fmt::Result {
    let instrs = instructions(code);
    let max_line = instrs.iter().filter_map(|i| i.starts_line).max();
    // No line column at all when nothing has a line; a wider one past line 999.
    let lineno_width = match max_line {
        None => 0,
        Some(l) if l >= 1000 => l.to_string().len(),
        Some(_) => 3,
    };
    let max_offset = instrs.last().map_or(0, |i| i.offset);
    let offset_width = if max_offset >= 10000 { max_offset.to_string().len() } else { 4 };

    let mut line = String::new();
    for instr in &instrs {
        if lineno_width > 0 && instr.starts_line.is_some() && instr.offset > 0 {
            out.push('\n');
        }
        line.clear();
        if lineno_width > 0 {
            match instr.starts_line {
                Some(l) => write!(line, "{l:>lineno_width$} ")?,
                None => write!(line, "{:lineno_width$} ", "")?,
            }
        }
        // The current-instruction column ("-->" in a traceback's listing) is always blank.
        line.push_str("    ");
        line.push_str(if instr.is_jump_target { ">> " } else { "   " });
        write!(line, "{:>offset_width$} {:<OPNAME_WIDTH$}", instr.offset, instr.opname)?;
        if let Some(arg) = instr.arg {
            write!(line, " {arg:>OPARG_WIDTH$}")?;
            if !instr.argrepr.is_empty() {
                write!(line, " ({})", instr.argrepr)?;
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }

    if !code.exception_table.is_empty() {
        out.push_str("ExceptionTable:\n");
        for e in &code.exception_table {
            let (start, target) = (2 * u64::from(e.start), 2 * u64::from(e.target));
            // CPython shows the offset of the last instruction covered, not the end.
            let last = 2 * i64::from(e.end) - 2;
            let lasti = if e.lasti { " lasti" } else { "" };
            writeln!(out, "  {start} to {last} -> {target} [{}]{lasti}", e.depth)?;
        }
    }
    Ok(())
}

/// `dis.pretty_flags`: the names of the bits of `co_flags`, unknown bits in hex.
pub fn pretty_flags(co_flags: u32) -> String {
    if co_flags == 0 {
        return "0x0".to_string();
    }
    (0..32)
        .map(|bit| 1u32 << bit)
        .filter(|flag| co_flags & flag != 0)
        .map(|flag| match flags::NAMES.iter().find(|(f, _)| *f == flag) {
            Some((_, name)) => name.to_string(),
            None => format!("{flag:#x}"),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// `dis.code_info(code)`: the code object's fields, one per line, without a final newline.
pub fn code_info(code: &CodeObject) -> String {
    let mut lines = vec![
        format!("Name:              {}", code.name),
        format!("Filename:          {}", code.filename),
        format!("Argument count:    {}", code.argcount),
        format!("Positional-only arguments: {}", code.posonlyargcount),
        format!("Kw-only arguments: {}", code.kwonlyargcount),
        format!("Number of locals:  {}", code.nlocals()),
        format!("Stack size:        {}", code.stacksize),
        format!("Flags:             {}", pretty_flags(code.flags)),
    ];
    if !code.consts.is_empty() {
        lines.push("Constants:".to_string());
        lines.extend(code.consts.iter().enumerate().map(|(i, c)| format!("{i:4}: {}", const_repr(c))));
    }
    // CPython lists free variables before cell variables here.
    let sections = [
        ("Names:", &code.names),
        ("Variable names:", &code.varnames),
        ("Free variables:", &code.freevars),
        ("Cell variables:", &code.cellvars),
    ];
    for (title, names) in sections {
        if !names.is_empty() {
            lines.push(title.to_string());
            lines.extend(names.iter().enumerate().map(|(i, n)| format!("{i:4}: {n}")));
        }
    }
    lines.join("\n")
}

/// The code object as JSON, for tools that compare compilers: the `co_*` fields, the
/// constants (nested code objects as objects of the same shape, other constants as their
/// Python repr) and the instructions with their offsets, operands and lines.
pub fn to_json(code: &CodeObject) -> Value {
    code_json(code, 1)
}

fn code_json(code: &CodeObject, depth: usize) -> Value {
    let consts: Vec<Value> = code
        .consts
        .iter()
        .map(|c| match c {
            Const::Code(inner) if depth < JSON_MAX_CODE_DEPTH => code_json(inner, depth + 1),
            other => Value::String(const_repr(other)),
        })
        .collect();
    let instructions: Vec<Value> = instructions(code)
        .into_iter()
        .map(|i| {
            json!({
                "offset": i.offset,
                "opname": i.opname,
                "arg": i.arg,
                "argrepr": i.argrepr,
                "line": i.line,
            })
        })
        .collect();
    let names = |names: &[Arc<str>]| names.iter().map(|n| n.to_string()).collect::<Vec<_>>();
    json!({
        "co_name": &*code.name,
        "co_qualname": &*code.qualname,
        "co_argcount": code.argcount,
        "co_posonlyargcount": code.posonlyargcount,
        "co_kwonlyargcount": code.kwonlyargcount,
        "co_nlocals": code.nlocals(),
        "co_flags": code.flags,
        "co_varnames": names(&code.varnames),
        "co_cellvars": names(&code.cellvars),
        "co_freevars": names(&code.freevars),
        "co_firstlineno": code.firstlineno,
        "co_names": names(&code.names),
        "co_stacksize": code.stacksize,
        "co_consts": consts,
        "instructions": instructions,
    })
}

/// Python's `repr` of a constant.
///
/// A frozenset's items are shown in the order the compiler stored them; CPython shows
/// them in hash-table order, which for strings depends on the hash seed.
pub fn const_repr(c: &Const) -> String {
    enum Work<'a> {
        Const(&'a Const),
        Text(&'static str),
    }
    let mut out = String::new();
    let mut stack = vec![Work::Const(c)];
    while let Some(work) = stack.pop() {
        let c = match work {
            Work::Text(text) => {
                out.push_str(text);
                continue;
            }
            Work::Const(c) => c,
        };
        let (items, close) = match c {
            Const::Tuple(items) => {
                out.push('(');
                (items, if items.len() == 1 { ",)" } else { ")" })
            }
            Const::FrozenSet(items) if items.is_empty() => {
                out.push_str("frozenset()");
                continue;
            }
            Const::FrozenSet(items) => {
                out.push_str("frozenset({");
                (items, "})")
            }
            Const::None => {
                out.push_str("None");
                continue;
            }
            Const::Bool(b) => {
                out.push_str(if *b { "True" } else { "False" });
                continue;
            }
            Const::Ellipsis => {
                out.push_str("Ellipsis");
                continue;
            }
            Const::Int(i) => {
                out.push_str(&i.to_string());
                continue;
            }
            Const::BigInt(digits) => {
                out.push_str(digits);
                continue;
            }
            Const::Float(x) => {
                out.push_str(&float_repr(*x));
                continue;
            }
            Const::Complex { real, imag } => {
                out.push_str(&complex_repr(*real, *imag));
                continue;
            }
            Const::Str(s) => {
                out.push_str(&str_repr(s));
                continue;
            }
            Const::Bytes(b) => {
                out.push_str(&bytes_repr(b));
                continue;
            }
            Const::Code(code) => {
                out.push_str(&code.to_string());
                continue;
            }
        };
        // Items go on the stack last first, separated, so they come off in order.
        stack.push(Work::Text(close));
        for (i, item) in items.iter().enumerate().rev() {
            stack.push(Work::Const(item));
            if i > 0 {
                stack.push(Work::Text(", "));
            }
        }
    }
    out
}

/// Python's `repr(float)`: the shortest digits that read back as `x`, positioned as
/// CPython's `float_repr_style = 'short'` does.
pub fn float_repr(x: f64) -> String {
    format_float(x, true, false)
}

/// Python's `repr(complex)`: `2j`, `(1+2j)`, `(-0-1j)`, `(nan+infj)`.
pub fn complex_repr(real: f64, imag: f64) -> String {
    if real == 0.0 && real.is_sign_positive() {
        format!("{}j", format_float(imag, false, false))
    } else {
        format!("({}{}j)", format_float(real, false, false), format_float(imag, false, true))
    }
}

/// CPython's `PyOS_double_to_string(x, 'r', 0, flags)`: `add_dot_0` is
/// `Py_DTSF_ADD_DOT_0` (write `1.0`, not `1`), `sign` is `Py_DTSF_SIGN` (always a sign).
fn format_float(x: f64, add_dot_0: bool, sign: bool) -> String {
    let mut out = String::new();
    // A NaN's sign is never shown.
    if x.is_sign_negative() && !x.is_nan() {
        out.push('-');
    } else if sign {
        out.push('+');
    }
    if x.is_nan() {
        out.push_str("nan");
        return out;
    }
    if x.is_infinite() {
        out.push_str("inf");
        return out;
    }
    let sci = shortest_scientific(x.abs());
    let (mantissa, exponent) = sci.split_once('e').unwrap_or((&sci, "0"));
    let digits: String = mantissa.chars().filter(|c| *c != '.').collect();
    let exponent: i32 = exponent.parse().unwrap_or(0);
    // The decimal point's position counted from the start of `digits`.
    let decpt = exponent + 1;
    if decpt <= -4 || decpt > 16 {
        out.push_str(&digits[..1]);
        if digits.len() > 1 {
            out.push('.');
            out.push_str(&digits[1..]);
        }
        let exp = decpt - 1;
        out.push_str(&format!("e{}{:02}", if exp < 0 { '-' } else { '+' }, exp.unsigned_abs()));
    } else if decpt <= 0 {
        out.push_str("0.");
        out.push_str(&"0".repeat(decpt.unsigned_abs() as usize));
        out.push_str(&digits);
    } else {
        let decpt = decpt as usize;
        if decpt >= digits.len() {
            out.push_str(&digits);
            out.push_str(&"0".repeat(decpt - digits.len()));
            if add_dot_0 {
                out.push_str(".0");
            }
        } else {
            out.push_str(&digits[..decpt]);
            out.push('.');
            out.push_str(&digits[decpt..]);
        }
    }
    out
}

/// The shortest digits that read back as `x` (finite), as "d.ddde[-]x", chosen as David
/// Gay's dtoa mode 0 chooses them for CPython: among the shortest strings, the nearest to
/// `x`, and on an exact tie the one with an even last digit.
fn shortest_scientific(x: f64) -> String {
    // Rust's shortest form has the right length but settles ties upwards
    // (211051046897162.625 -> ...162.63, where Python writes ...162.62).
    let shortest = format!("{x:e}");
    let precision = shortest.split_once('e').map_or(0, |(m, _)| m.len().saturating_sub(2));
    // Formatting with that many digits rounds the exact value, ties to even. At a power of
    // two the nearest string can fall outside the round-trip interval; keep the shortest then.
    let nearest = format!("{x:.precision$e}");
    if nearest != shortest && nearest.parse::<f64>() == Ok(x) {
        nearest
    } else {
        shortest
    }
}

/// Python's `repr(str)`: single quotes unless the text has a single quote and no double
/// one; backslash escapes for the quote, backslashes, `\t \n \r` and characters
/// `str.isprintable()` rejects.
pub fn str_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') { '"' } else { '\'' };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if is_printable(c) => out.push(c),
            c => {
                let cp = c as u32;
                let _ = match cp {
                    0..=0xff => write!(out, "\\x{cp:02x}"),
                    0x100..=0xffff => write!(out, "\\u{cp:04x}"),
                    _ => write!(out, "\\U{cp:08x}"),
                };
            }
        }
    }
    out.push(quote);
    out
}

/// Python's `repr(bytes)`: `b'...'` with the same choice of quote as for strings.
pub fn bytes_repr(b: &[u8]) -> String {
    let quote = if b.contains(&b'\'') && !b.contains(&b'"') { b'"' } else { b'\'' };
    let mut out = String::with_capacity(b.len() + 3);
    out.push('b');
    out.push(quote as char);
    for &byte in b {
        match byte {
            b'\\' => out.push_str("\\\\"),
            b'\t' => out.push_str("\\t"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            _ if byte == quote => {
                out.push('\\');
                out.push(byte as char);
            }
            b' '..=b'~' => out.push(byte as char),
            _ => {
                let _ = write!(out, "\\x{byte:02x}");
            }
        }
    }
    out.push(quote as char);
    out
}

/// Python's `str.isprintable()` for one character (CPython 3.11's Unicode 14.0 tables).
pub fn is_printable(c: char) -> bool {
    if c.is_ascii() {
        return (' '..='~').contains(&c);
    }
    let cp = c as u32;
    printable::NONPRINTABLE
        .binary_search_by(|&(lo, hi)| {
            if hi < cp {
                std::cmp::Ordering::Less
            } else if lo > cp {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .is_err()
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::bytecode::{ExceptionEntry, Instr};
    use Opcode::*;

    /// A code object running `ops` (opcode, arg, line; line 0 = none).
    fn code_object(name: &str, firstlineno: u32, ops: &[(Opcode, u32, u32)]) -> CodeObject {
        CodeObject {
            name: name.into(),
            qualname: name.into(),
            filename: "m.py".into(),
            firstlineno,
            argcount: 0,
            posonlyargcount: 0,
            kwonlyargcount: 0,
            flags: 0,
            varnames: vec![],
            cellvars: vec![],
            freevars: vec![],
            names: vec![],
            consts: vec![],
            stacksize: 0,
            code: ops.iter().map(|&(op, arg, _)| Instr { op, arg }).collect(),
            lines: ops.iter().map(|&(_, _, line)| line).collect(),
            exception_table: vec![],
            cell2arg: vec![],
        }
    }

    fn names(list: &[&str]) -> Vec<Arc<str>> {
        list.iter().map(|&n| n.into()).collect()
    }

    #[test]
    fn listing_has_cpython_columns_and_a_blank_line_before_each_new_line() {
        let mut code = code_object(
            "<module>",
            1,
            &[
                (LOAD_CONST, 0, 1),
                (STORE_NAME, 0, 1),
                (LOAD_NAME, 1, 2),
                (LOAD_NAME, 0, 2),
                (CALL_FUNCTION, 1, 2),
                // No line: neither starts a line nor ends line 2, so the next is no start.
                (POP_TOP, 0, 0),
                (LOAD_CONST, 1, 2),
                (RETURN_VALUE, 0, 3),
            ],
        );
        code.names = names(&["x", "print"]);
        code.consts = vec![Const::Int(1), Const::None];
        let expected = "  1           0 LOAD_CONST               0 (1)
              2 STORE_NAME               0 (x)

  2           4 LOAD_NAME                1 (print)
              6 LOAD_NAME                0 (x)
              8 CALL_FUNCTION            1
             10 POP_TOP
             12 LOAD_CONST               1 (None)

  3          14 RETURN_VALUE
";
        assert_eq!(disassemble(&code), expected);
    }

    #[test]
    fn jump_targets_and_handlers_are_marked_and_the_exception_table_follows() {
        let mut code = code_object(
            "f",
            1,
            &[
                (LOAD_NAME, 0, 1),
                (POP_JUMP_IF_FALSE, 4, 1),
                (LOAD_CONST, 0, 2),
                (RETURN_VALUE, 0, 2),
                (NOP, 0, 3),
                (JUMP_BACKWARD, 0, 3),
                (PUSH_EXC_INFO, 0, 0),
                (RERAISE, 0, 0),
            ],
        );
        code.names = names(&["a"]);
        code.consts = vec![Const::None];
        code.exception_table = vec![
            ExceptionEntry { start: 2, end: 4, target: 6, depth: 0, lasti: true },
            // An empty range marks no target (CPython only marks covered ranges' targets).
            ExceptionEntry { start: 7, end: 7, target: 7, depth: 1, lasti: false },
        ];
        let expected = "  1     >>    0 LOAD_NAME                0 (a)
              2 POP_JUMP_IF_FALSE        4 (to 8)

  2           4 LOAD_CONST               0 (None)
              6 RETURN_VALUE

  3     >>    8 NOP
             10 JUMP_BACKWARD            0 (to 0)
        >>   12 PUSH_EXC_INFO
             14 RERAISE                  0
ExceptionTable:
  4 to 6 -> 12 [0] lasti
  14 to 12 -> 14 [1]
";
        assert_eq!(disassemble(&code), expected);
    }

    #[test]
    fn without_line_numbers_the_line_column_is_omitted() {
        let code = code_object("f", 1, &[(NOP, 0, 0), (RETURN_VALUE, 0, 0)]);
        assert_eq!(disassemble(&code), "          0 NOP\n          2 RETURN_VALUE\n");
    }

    #[test]
    fn line_and_offset_columns_widen_past_999_and_9999() {
        let mut ops = vec![(NOP, 0, 0); 5001];
        ops[0].2 = 1234;
        ops[2].2 = 7;
        let listing = disassemble(&code_object("f", 1, &ops));
        let lines: Vec<&str> = listing.lines().collect();
        assert_eq!(lines[0], "1234            0 NOP");
        assert_eq!(lines[1], "                2 NOP");
        assert_eq!(lines[2], "");
        assert_eq!(lines[3], "   7            4 NOP");
        assert_eq!(lines.last(), Some(&"            10000 NOP"));
        assert_eq!(lines.len(), 5002);
    }

    #[test]
    fn empty_code_lists_nothing() {
        assert_eq!(disassemble(&code_object("f", 1, &[])), "");
    }

    #[test]
    fn operands_are_shown_as_cpython_shows_them() {
        let ops = [
            (LOAD_FAST, 1, 1),
            (LOAD_DEREF, 0, 1),
            (LOAD_CLOSURE, 1, 1),
            (BINARY_OP, 0, 1),
            (BINARY_OP, 13, 1),
            (BINARY_OP, 4, 1),
            (COMPARE_OP, 4, 1),
            (COMPARE_OP, 3, 1),
            (IS_OP, 1, 1),
            (CONTAINS_OP, 0, 1),
            (MAKE_FUNCTION, 0, 1),
            (MAKE_FUNCTION, 9, 1),
            (MAKE_FUNCTION, 15, 1),
            (FORMAT_VALUE, 0, 1),
            (FORMAT_VALUE, 1, 1),
            (FORMAT_VALUE, 3, 1),
            (FORMAT_VALUE, 4, 1),
            (FORMAT_VALUE, 6, 1),
            (UNPACK_EX, 258, 1),
            (BUILD_TUPLE, 3, 1),
            (POP_TOP, 0, 1),
            (LOAD_ATTR, 0, 1),
            (FOR_ITER, 300, 1),
            (LOAD_CONST, 99, 1),
            (LOAD_DEREF, 2, 1),
            (BINARY_OP, 26, 1),
        ];
        let mut code = code_object("f", 1, &ops);
        code.varnames = names(&["a", "b"]);
        code.cellvars = names(&["c"]);
        code.freevars = names(&["d"]);
        code.names = names(&["attr"]);
        let shown: Vec<(Option<u32>, String)> =
            instructions(&code).into_iter().map(|i| (i.arg, i.argrepr)).collect();
        let expected = [
            (Some(1), "b"),
            (Some(0), "c"),
            (Some(1), "d"),
            (Some(0), "+"),
            (Some(13), "+="),
            (Some(4), "@"),
            (Some(4), ">"),
            (Some(3), "!="),
            (Some(1), ""),
            (Some(0), ""),
            (Some(0), ""),
            (Some(9), "defaults, closure"),
            (Some(15), "defaults, kwdefaults, annotations, closure"),
            (Some(0), ""),
            (Some(1), "str"),
            (Some(3), "ascii"),
            (Some(4), "with format"),
            (Some(6), "repr, with format"),
            (Some(258), ""),
            (Some(3), ""),
            (None, ""),
            (Some(0), "attr"),
            (Some(300), "to 600"),
            (Some(99), "<invalid operand 99>"),
            (Some(2), "<invalid operand 2>"),
            (Some(26), "<invalid operand 26>"),
        ];
        let expected: Vec<(Option<u32>, String)> =
            expected.iter().map(|&(arg, repr)| (arg, repr.to_string())).collect();
        assert_eq!(shown, expected);

        // An operand without an argrepr shows no parentheses; an operand-less opcode no arg.
        let listing = disassemble(&code);
        let lines: Vec<&str> = listing.lines().collect();
        assert_eq!(lines[8], "             16 IS_OP                    1");
        assert_eq!(lines[13], "             26 FORMAT_VALUE             0");
        assert_eq!(lines[17], "             34 FORMAT_VALUE             6 (repr, with format)");
        assert_eq!(lines[20], "             40 POP_TOP");
        // A jump to an instruction that does not exist marks nothing.
        assert!(!listing.contains(">>"));
    }

    #[test]
    fn nested_code_objects_follow_depth_first_in_constant_order() {
        let mut g = code_object("g", 3, &[(LOAD_CONST, 0, 4), (RETURN_VALUE, 0, 4)]);
        g.consts = vec![Const::Int(2)];
        let g = Arc::new(g);
        let mut f = code_object("f", 2, &[(LOAD_CONST, 0, 3), (RETURN_VALUE, 0, 5)]);
        f.consts = vec![Const::Code(g.clone())];
        let f = Arc::new(f);
        let mut c = code_object("C", 7, &[(LOAD_CONST, 0, 8), (RETURN_VALUE, 0, 8)]);
        c.consts = vec![Const::None];
        let c = Arc::new(c);
        let mut module =
            code_object("<module>", 1, &[(LOAD_CONST, 0, 1), (LOAD_CONST, 2, 7), (RETURN_VALUE, 0, 9)]);
        module.consts = vec![Const::Code(f.clone()), Const::None, Const::Code(c.clone())];

        let f_repr = format!("<code object f at {:#x}, file \"m.py\", line 2>", Arc::as_ptr(&f) as usize);
        assert_eq!(const_repr(&Const::Code(f.clone())), f_repr);
        assert_eq!(f.to_string(), f_repr);
        let expected = format!(
            "  1           0 LOAD_CONST               0 ({f})

  7           2 LOAD_CONST               2 ({c})

  9           4 RETURN_VALUE

Disassembly of {f}:
  3           0 LOAD_CONST               0 ({g})

  5           2 RETURN_VALUE

Disassembly of {g}:
  4           0 LOAD_CONST               0 (2)
              2 RETURN_VALUE

Disassembly of {c}:
  8           0 LOAD_CONST               0 (None)
              2 RETURN_VALUE
"
        );
        assert_eq!(disassemble(&module), expected);
    }

    #[test]
    fn constants_repr_as_python() {
        let s = |text: &str| Const::Str(text.into());
        let t = |items: Vec<Const>| Const::Tuple(items.into());
        let cases = [
            (Const::None, "None"),
            (Const::Bool(true), "True"),
            (Const::Bool(false), "False"),
            (Const::Ellipsis, "Ellipsis"),
            (Const::Int(-42), "-42"),
            (Const::BigInt("-123456789012345678901234567890".into()), "-123456789012345678901234567890"),
            (Const::Float(1.0), "1.0"),
            (Const::Float(-0.0), "-0.0"),
            (Const::Float(1e16), "1e+16"),
            (Const::Float(1e15), "1000000000000000.0"),
            (Const::Float(0.0001), "0.0001"),
            (Const::Float(0.00001), "1e-05"),
            (Const::Float(1.5e-7), "1.5e-07"),
            (Const::Float(0.1), "0.1"),
            (Const::Float(1.0 / 3.0), "0.3333333333333333"),
            (Const::Float(5e-324), "5e-324"),
            (Const::Float(f64::MAX), "1.7976931348623157e+308"),
            (Const::Float(123456789012345680.0), "1.2345678901234568e+17"),
            // An exact tie between two shortest strings goes to the even digit.
            (Const::Float(211051046897162.0 + 0.625), "211051046897162.62"),
            (Const::Float(f64::INFINITY), "inf"),
            (Const::Float(f64::NEG_INFINITY), "-inf"),
            (Const::Float(-f64::NAN), "nan"),
            (Const::Complex { real: 0.0, imag: 2.0 }, "2j"),
            (Const::Complex { real: 0.0, imag: -1.0 }, "-1j"),
            (Const::Complex { real: -0.0, imag: 1.0 }, "(-0+1j)"),
            (Const::Complex { real: 1.0, imag: f64::NAN }, "(1+nanj)"),
            (Const::Complex { real: f64::NAN, imag: f64::NEG_INFINITY }, "(nan-infj)"),
            (Const::Complex { real: 1e16, imag: 2.5 }, "(1e+16+2.5j)"),
            (Const::Complex { real: 0.0, imag: 1e22 }, "1e+22j"),
            (s("abc"), "'abc'"),
            (s("it's"), "\"it's\""),
            (s("'\""), "'\\'\"'"),
            (s("a\\b\t\n\r\x00\x1f\x7f"), "'a\\\\b\\t\\n\\r\\x00\\x1f\\x7f'"),
            (s("\u{80}\u{a0}\u{ad}é\u{2028}\u{3000}"), "'\\x80\\xa0\\xad\u{e9}\\u2028\\u3000'"),
            (s("\u{1f600}\u{e0001}\u{10ffff}"), "'\u{1f600}\\U000e0001\\U0010ffff'"),
            (Const::Bytes(b"a'b".as_slice().into()), "b\"a'b\""),
            (
                Const::Bytes(b"\x00'\"\\\x7f\x80\xff~ \t".as_slice().into()),
                "b'\\x00\\'\"\\\\\\x7f\\x80\\xff~ \\t'",
            ),
            (t(vec![]), "()"),
            (t(vec![Const::Int(1)]), "(1,)"),
            (t(vec![Const::Int(1), s("a"), t(vec![Const::None])]), "(1, 'a', (None,))"),
            (Const::FrozenSet(vec![].into()), "frozenset()"),
            (Const::FrozenSet(vec![Const::Int(1), t(vec![])].into()), "frozenset({1, ()})"),
        ];
        for (c, expected) in cases {
            assert_eq!(const_repr(&c), expected, "{c:?}");
        }
    }

    #[test]
    fn printable_follows_unicode_14() {
        assert!(is_printable('a') && is_printable(' ') && is_printable('é') && is_printable('\u{1f600}'));
        assert!(!is_printable('\n') && !is_printable('\u{a0}') && !is_printable('\u{ad}'));
        // U+1FAE9 was assigned in Unicode 15, after CPython 3.11's database.
        assert!(!is_printable('\u{1fae9}'));
        assert!(is_printable('\u{1fae0}'));
    }

    #[test]
    fn deep_constants_and_code_objects_do_not_recurse() {
        let mut nested = Const::Int(0);
        for _ in 0..5000 {
            nested = Const::Tuple(vec![nested].into());
        }
        assert_eq!(const_repr(&nested), format!("{}0{}", "(".repeat(5000), ",)".repeat(5000)));

        let depth = 2 * JSON_MAX_CODE_DEPTH;
        let mut code = code_object("f0", 1, &[(RETURN_VALUE, 0, 1)]);
        for i in 1..depth {
            let mut outer = code_object(&format!("f{i}"), 1, &[(LOAD_CONST, 0, 1)]);
            outer.consts = vec![Const::Code(Arc::new(code))];
            code = outer;
        }
        assert_eq!(disassemble(&code).matches("Disassembly of").count(), depth - 1);

        let json = to_json(&code);
        // serde_json recurses to print and to drop; the cut keeps that within a test thread.
        assert!(serde_json::to_string_pretty(&json).is_ok_and(|text| text.len() > 1000));
        let mut level = &json;
        let mut objects = 1;
        while let Some(inner) = level["co_consts"].get(0).filter(|c| c.is_object()) {
            level = inner;
            objects += 1;
        }
        assert_eq!(objects, JSON_MAX_CODE_DEPTH);
        let cut = level["co_consts"][0].as_str().unwrap_or_default();
        assert!(cut.starts_with("<code object f"), "{cut}");
    }

    #[test]
    fn code_info_lists_the_fields_as_cpython() {
        let mut code = code_object("f", 3, &[(LOAD_CONST, 0, 3), (RETURN_VALUE, 0, 3)]);
        code.argcount = 2;
        code.posonlyargcount = 1;
        code.kwonlyargcount = 1;
        code.stacksize = 4;
        code.flags = flags::OPTIMIZED | flags::NEWLOCALS | flags::VARARGS | flags::NESTED | 0x20000;
        code.consts = vec![Const::None, Const::Str("doc".into())];
        code.names = names(&["print"]);
        code.varnames = names(&["a", "b", "c", "args", "x"]);
        code.cellvars = names(&["x"]);
        code.freevars = names(&["y", "z"]);
        let expected = "Name:              f
Filename:          m.py
Argument count:    2
Positional-only arguments: 1
Kw-only arguments: 1
Number of locals:  5
Stack size:        4
Flags:             OPTIMIZED, NEWLOCALS, VARARGS, NESTED, 0x20000
Constants:
   0: None
   1: 'doc'
Names:
   0: print
Variable names:
   0: a
   1: b
   2: c
   3: args
   4: x
Free variables:
   0: y
   1: z
Cell variables:
   0: x";
        assert_eq!(code_info(&code), expected);
        assert_eq!(pretty_flags(0), "0x0");
        assert_eq!(pretty_flags(flags::GENERATOR | flags::NOFREE), "GENERATOR, NOFREE");
    }

    #[test]
    fn json_has_the_code_fields_constants_and_instructions() {
        let inner = Arc::new(code_object("g", 2, &[(RETURN_VALUE, 0, 0)]));
        let mut code = code_object("f", 1, &[(LOAD_CONST, 1, 1), (POP_TOP, 0, 0), (JUMP_BACKWARD, 0, 2)]);
        code.qualname = "C.f".into();
        code.argcount = 1;
        code.flags = 3;
        code.varnames = names(&["self"]);
        code.names = names(&["n"]);
        code.consts = vec![Const::Str("s".into()), Const::Code(inner.clone()), Const::Float(2.0)];
        let expected = json!({
            "co_name": "f",
            "co_qualname": "C.f",
            "co_argcount": 1,
            "co_posonlyargcount": 0,
            "co_kwonlyargcount": 0,
            "co_nlocals": 1,
            "co_flags": 3,
            "co_varnames": ["self"],
            "co_cellvars": [],
            "co_freevars": [],
            "co_firstlineno": 1,
            "co_names": ["n"],
            "co_stacksize": 0,
            "co_consts": [
                "'s'",
                {
                    "co_name": "g",
                    "co_qualname": "g",
                    "co_argcount": 0,
                    "co_posonlyargcount": 0,
                    "co_kwonlyargcount": 0,
                    "co_nlocals": 0,
                    "co_flags": 0,
                    "co_varnames": [],
                    "co_cellvars": [],
                    "co_freevars": [],
                    "co_firstlineno": 2,
                    "co_names": [],
                    "co_stacksize": 0,
                    "co_consts": [],
                    "instructions": [
                        {"offset": 0, "opname": "RETURN_VALUE", "arg": null, "argrepr": "", "line": null},
                    ],
                },
                "2.0",
            ],
            "instructions": [
                {"offset": 0, "opname": "LOAD_CONST", "arg": 1, "argrepr": inner.to_string(), "line": 1},
                {"offset": 2, "opname": "POP_TOP", "arg": null, "argrepr": "", "line": null},
                {"offset": 4, "opname": "JUMP_BACKWARD", "arg": 0, "argrepr": "to 0", "line": 2},
            ],
        });
        assert_eq!(to_json(&code), expected);
    }
}
