//! Expressions back to source text, as CPython's `Python/ast_unparse.c` writes them: the
//! strings that annotations become under `from __future__ import annotations`.

use crate::ast::{
    Arguments, BoolOp, CmpOp, Comprehension, Constant, Expr, ExprKind, Keyword, Operator, UnaryOp,
};
use crate::dis::{bytes_repr, complex_repr, float_repr, str_repr};

// CPython's precedence levels (`PR_*`).
const TUPLE: u8 = 0;
const TEST: u8 = 1;
const OR: u8 = 2;
const AND: u8 = 3;
const NOT: u8 = 4;
const CMP: u8 = 5;
const BOR: u8 = 6;
const BXOR: u8 = 7;
const BAND: u8 = 8;
const SHIFT: u8 = 9;
const ARITH: u8 = 10;
const TERM: u8 = 11;
const FACTOR: u8 = 12;
const POWER: u8 = 13;
const ATOM: u8 = 15;

/// `_PyAST_ExprAsUnicode`: the text of an annotation.
pub fn expr_as_str(e: &Expr) -> String {
    let mut out = String::new();
    expr(&mut out, e, TEST);
    out
}

fn open(out: &mut String, cond: bool) {
    if cond {
        out.push('(');
    }
}

fn close(out: &mut String, cond: bool) {
    if cond {
        out.push(')');
    }
}

fn join(out: &mut String, items: &[Expr], level: u8) {
    for (i, e) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        expr(out, e, level);
    }
}

fn expr(out: &mut String, e: &Expr, level: u8) {
    match &e.kind {
        ExprKind::BoolOp { op, values } => {
            let (pr, text) = match op {
                BoolOp::And => (AND, " and "),
                BoolOp::Or => (OR, " or "),
            };
            open(out, level > pr);
            for (i, v) in values.iter().enumerate() {
                if i > 0 {
                    out.push_str(text);
                }
                expr(out, v, pr + 1);
            }
            close(out, level > pr);
        }
        ExprKind::NamedExpr { target, value } => {
            open(out, level > TUPLE);
            expr(out, target, ATOM);
            out.push_str(" := ");
            expr(out, value, ATOM);
            close(out, level > TUPLE);
        }
        ExprKind::BinOp { left, op, right } => {
            let (pr, text) = binop(*op);
            let rassoc = *op == Operator::Pow;
            open(out, level > pr);
            expr(out, left, pr + rassoc as u8);
            out.push_str(text);
            expr(out, right, pr + !rassoc as u8);
            close(out, level > pr);
        }
        ExprKind::UnaryOp { op, operand } => {
            let (pr, text) = match op {
                UnaryOp::Invert => (FACTOR, "~"),
                UnaryOp::Not => (NOT, "not "),
                UnaryOp::UAdd => (FACTOR, "+"),
                UnaryOp::USub => (FACTOR, "-"),
            };
            open(out, level > pr);
            out.push_str(text);
            expr(out, operand, pr);
            close(out, level > pr);
        }
        ExprKind::Lambda { args, body } => {
            open(out, level > TEST);
            let mut params = String::new();
            arguments(&mut params, args);
            if params.is_empty() {
                out.push_str("lambda");
            } else {
                out.push_str("lambda ");
                out.push_str(&params);
            }
            out.push_str(": ");
            expr(out, body, TEST);
            close(out, level > TEST);
        }
        ExprKind::IfExp { test, body, orelse } => {
            open(out, level > TEST);
            expr(out, body, TEST + 1);
            out.push_str(" if ");
            expr(out, test, TEST + 1);
            out.push_str(" else ");
            expr(out, orelse, TEST);
            close(out, level > TEST);
        }
        ExprKind::Dict { keys, values } => {
            out.push('{');
            for (i, (k, v)) in keys.iter().zip(values.iter()).enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                match k {
                    Some(k) => {
                        expr(out, k, TEST);
                        out.push_str(": ");
                        expr(out, v, TEST);
                    }
                    None => {
                        out.push_str("**");
                        expr(out, v, BOR);
                    }
                }
            }
            out.push('}');
        }
        ExprKind::Set(elts) => {
            out.push('{');
            join(out, elts, TEST);
            out.push('}');
        }
        ExprKind::ListComp { elt, generators } => {
            out.push('[');
            expr(out, elt, TEST);
            comprehensions(out, generators);
            out.push(']');
        }
        ExprKind::SetComp { elt, generators } => {
            out.push('{');
            expr(out, elt, TEST);
            comprehensions(out, generators);
            out.push('}');
        }
        ExprKind::DictComp { key, value, generators } => {
            out.push('{');
            expr(out, key, TEST);
            out.push_str(": ");
            expr(out, value, TEST);
            comprehensions(out, generators);
            out.push('}');
        }
        ExprKind::GeneratorExp { elt, generators } => {
            out.push('(');
            expr(out, elt, TEST);
            comprehensions(out, generators);
            out.push(')');
        }
        ExprKind::Yield(value) => match value {
            None => out.push_str("(yield)"),
            Some(v) => {
                out.push_str("(yield ");
                expr(out, v, TEST);
                out.push(')');
            }
        },
        ExprKind::YieldFrom(v) => {
            out.push_str("(yield from ");
            expr(out, v, TEST);
            out.push(')');
        }
        ExprKind::Compare { left, ops, comparators } => {
            open(out, level > CMP);
            expr(out, left, CMP + 1);
            for (op, c) in ops.iter().zip(comparators.iter()) {
                out.push_str(cmpop(*op));
                expr(out, c, CMP + 1);
            }
            close(out, level > CMP);
        }
        ExprKind::Call { func, args, keywords } => {
            expr(out, func, ATOM);
            if let ([g @ Expr { kind: ExprKind::GeneratorExp { .. }, .. }], []) = (args, keywords) {
                // A lone generator expression brings its own parentheses.
                expr(out, g, TEST);
                return;
            }
            out.push('(');
            join(out, args, TEST);
            for (i, k) in keywords.iter().enumerate() {
                if i > 0 || !args.is_empty() {
                    out.push_str(", ");
                }
                keyword(out, k);
            }
            out.push(')');
        }
        ExprKind::FormattedValue { .. } | ExprKind::JoinedStr(_) => {
            out.push('f');
            let mut body = String::new();
            fstring_element(&mut body, e, false);
            out.push_str(&str_repr(&body));
        }
        ExprKind::Constant(c) => constant(out, c),
        ExprKind::Attribute { value, attr } => {
            expr(out, value, ATOM);
            // `1 .real`: a dot right after an int would read as a float.
            let int = matches!(value.kind, ExprKind::Constant(Constant::Int(_) | Constant::BigInt(_)));
            out.push_str(if int { " ." } else { "." });
            out.push_str(attr);
        }
        ExprKind::Subscript { value, slice } => {
            expr(out, value, ATOM);
            out.push('[');
            expr(out, slice, TUPLE);
            out.push(']');
        }
        ExprKind::Starred(v) => {
            out.push('*');
            expr(out, v, BOR);
        }
        ExprKind::Name(id) => out.push_str(id),
        ExprKind::List(elts) => {
            out.push('[');
            join(out, elts, TEST);
            out.push(']');
        }
        ExprKind::Tuple(elts) => {
            if elts.is_empty() {
                out.push_str("()");
                return;
            }
            open(out, level > TUPLE);
            join(out, elts, TEST);
            if elts.len() == 1 {
                out.push(',');
            }
            close(out, level > TUPLE);
        }
        ExprKind::Slice { lower, upper, step } => {
            if let Some(l) = lower {
                expr(out, l, TEST);
            }
            out.push(':');
            if let Some(u) = upper {
                expr(out, u, TEST);
            }
            if let Some(s) = step {
                out.push(':');
                expr(out, s, TEST);
            }
        }
    }
}

fn binop(op: Operator) -> (u8, &'static str) {
    match op {
        Operator::Add => (ARITH, " + "),
        Operator::Sub => (ARITH, " - "),
        Operator::Mult => (TERM, " * "),
        Operator::MatMult => (TERM, " @ "),
        Operator::Div => (TERM, " / "),
        Operator::Mod => (TERM, " % "),
        Operator::FloorDiv => (TERM, " // "),
        Operator::LShift => (SHIFT, " << "),
        Operator::RShift => (SHIFT, " >> "),
        Operator::BitOr => (BOR, " | "),
        Operator::BitXor => (BXOR, " ^ "),
        Operator::BitAnd => (BAND, " & "),
        Operator::Pow => (POWER, " ** "),
    }
}

fn cmpop(op: CmpOp) -> &'static str {
    match op {
        CmpOp::Eq => " == ",
        CmpOp::NotEq => " != ",
        CmpOp::Lt => " < ",
        CmpOp::LtE => " <= ",
        CmpOp::Gt => " > ",
        CmpOp::GtE => " >= ",
        CmpOp::Is => " is ",
        CmpOp::IsNot => " is not ",
        CmpOp::In => " in ",
        CmpOp::NotIn => " not in ",
    }
}

fn comprehensions(out: &mut String, generators: &[Comprehension]) {
    for g in generators {
        out.push_str(" for ");
        expr(out, g.target, TUPLE);
        out.push_str(" in ");
        expr(out, g.iter, TEST + 1);
        for cond in g.ifs {
            out.push_str(" if ");
            expr(out, cond, TEST + 1);
        }
    }
}

fn keyword(out: &mut String, k: &Keyword) {
    match k.arg {
        Some(name) => {
            out.push_str(name);
            out.push('=');
        }
        None => out.push_str("**"),
    }
    expr(out, k.value, TEST);
}

/// A lambda's parameters (`append_ast_args`).
fn arguments(out: &mut String, a: &Arguments) {
    let mut first = true;
    let mut sep = |out: &mut String| {
        if !first {
            out.push_str(", ");
        }
        first = false;
    };
    let positional: Vec<_> = a.posonlyargs.iter().chain(a.args.iter()).collect();
    let n = positional.len();
    for (i, arg) in positional.iter().enumerate() {
        sep(out);
        out.push_str(arg.arg);
        if let Some(di) = (i + a.defaults.len()).checked_sub(n) {
            out.push('=');
            expr(out, &a.defaults[di], TEST);
        }
        if !a.posonlyargs.is_empty() && i + 1 == a.posonlyargs.len() {
            out.push_str(", /");
        }
    }
    if a.vararg.is_some() || !a.kwonlyargs.is_empty() {
        sep(out);
        out.push('*');
        if let Some(v) = a.vararg {
            out.push_str(v.arg);
        }
    }
    let n = a.kwonlyargs.len();
    for (i, arg) in a.kwonlyargs.iter().enumerate() {
        sep(out);
        out.push_str(arg.arg);
        if let Some(di) = (i + a.kw_defaults.len()).checked_sub(n) {
            if let Some(d) = &a.kw_defaults[di] {
                out.push('=');
                expr(out, d, TEST);
            }
        }
    }
    if let Some(k) = a.kwarg {
        sep(out);
        out.push_str("**");
        out.push_str(k.arg);
    }
}

fn constant(out: &mut String, c: &Constant) {
    match c {
        Constant::None => out.push_str("None"),
        Constant::Bool(true) => out.push_str("True"),
        Constant::Bool(false) => out.push_str("False"),
        Constant::Ellipsis => out.push_str("..."),
        Constant::Int(i) => out.push_str(&i.to_string()),
        Constant::BigInt(digits) => out.push_str(digits),
        // Infinities cannot be written as literals: CPython writes 1e309 (which overflows).
        Constant::Float(f) => out.push_str(&float_repr(*f).replace("inf", "1e309")),
        Constant::Imaginary(f) => out.push_str(&complex_repr(0.0, *f).replace("inf", "1e309")),
        Constant::Str(s) => out.push_str(&str_repr(s)),
        Constant::Bytes(b) => out.push_str(&bytes_repr(b)),
    }
}

/// One part of an f-string's body (`append_fstring_element`).
fn fstring_element(out: &mut String, e: &Expr, is_format_spec: bool) {
    match &e.kind {
        ExprKind::Constant(Constant::Str(s)) => {
            for ch in s.chars() {
                match ch {
                    '{' => out.push_str("{{"),
                    '}' => out.push_str("}}"),
                    c => out.push(c),
                }
            }
        }
        ExprKind::JoinedStr(values) => {
            if is_format_spec {
                for v in *values {
                    fstring_element(out, v, true);
                }
            } else {
                // A nested f-string, written as its own literal.
                let mut body = String::new();
                for v in *values {
                    fstring_element(&mut body, v, false);
                }
                out.push('f');
                out.push_str(&str_repr(&body));
            }
        }
        ExprKind::FormattedValue { value, conversion, format_spec } => {
            let mut inner = String::new();
            expr(&mut inner, value, TEST + 1);
            out.push_str(if inner.starts_with('{') { "{ " } else { "{" });
            out.push_str(&inner);
            if let Some(c) = conversion {
                out.push('!');
                out.push(*c);
            }
            if let Some(spec) = format_spec {
                out.push(':');
                fstring_element(out, spec, true);
            }
            out.push('}');
        }
        _ => expr(out, e, TEST + 1),
    }
}
