//! A canonical text dump of the AST, the same as `tools/ast_dump.py` prints for CPython's
//! `ast` module, so the two parsers can be compared: one node per line, indented, with its
//! scalar fields and its location, then its child fields.

use std::fmt::Write;

use crate::ast::*;

/// The dump of a module.
pub fn dump(module: &Module<'_>) -> String {
    let mut d = Dumper { out: String::new(), indent: 0 };
    d.line("Module", "", None);
    d.indent += 1;
    d.stmts("body", module.body);
    d.out
}

struct Dumper {
    out: String,
    indent: usize,
}

/// Python's `repr` of a str, in the dump's own escaping: printable ASCII as is (`\` and `'`
/// escaped), anything else `\x{hex}`.
fn quote(s: &str) -> String {
    let mut q = String::with_capacity(s.len() + 2);
    q.push('\'');
    for c in s.chars() {
        match c {
            '\\' => q.push_str("\\\\"),
            '\'' => q.push_str("\\'"),
            ' '..='~' => q.push(c),
            _ => {
                let _ = write!(q, "\\x{{{:x}}}", c as u32);
            }
        }
    }
    q.push('\'');
    q
}

fn quote_bytes(b: &[u8]) -> String {
    let mut q = String::from("b'");
    for &c in b {
        match c {
            b'\\' => q.push_str("\\\\"),
            b'\'' => q.push_str("\\'"),
            b' '..=b'~' => q.push(c as char),
            _ => {
                let _ = write!(q, "\\x{c:02x}");
            }
        }
    }
    q.push('\'');
    q
}

/// Python's `repr` of a float: the shortest digits that read back the same, in fixed
/// notation when the decimal point falls within 16 digits, else exponent notation.
pub(crate) fn py_float_repr(x: f64) -> String {
    if x.is_nan() {
        return "nan".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf".into() } else { "-inf".into() };
    }
    let sci = format!("{:e}", x.abs());
    let (mantissa, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
    let digits: String = mantissa.chars().filter(|c| c.is_ascii_digit()).collect();
    let exp: i32 = exp.parse().unwrap_or(0);
    let decpt = exp + 1;
    let n = digits.len() as i32;
    let sign = if x.is_sign_negative() { "-" } else { "" };
    let body = if -4 < decpt && decpt <= 16 {
        if decpt <= 0 {
            format!("0.{}{}", "0".repeat((-decpt) as usize), digits)
        } else if decpt >= n {
            format!("{}{}.0", digits, "0".repeat((decpt - n) as usize))
        } else {
            format!("{}.{}", &digits[..decpt as usize], &digits[decpt as usize..])
        }
    } else {
        let rest = if n > 1 { format!(".{}", &digits[1..]) } else { String::new() };
        let e = decpt - 1;
        format!("{}{}e{}{:02}", &digits[..1], rest, if e < 0 { '-' } else { '+' }, e.abs())
    };
    format!("{sign}{body}")
}

fn constant(c: &Constant<'_>) -> String {
    match c {
        Constant::None => "None".into(),
        Constant::Bool(true) => "True".into(),
        Constant::Bool(false) => "False".into(),
        Constant::Ellipsis => "Ellipsis".into(),
        Constant::Int(v) => format!("int {v}"),
        Constant::BigInt(d) => format!("bigint {d}"),
        Constant::Float(v) => format!("float {}", py_float_repr(*v)),
        Constant::Imaginary(v) => format!("complex {}", py_float_repr(*v)),
        Constant::Str(s) => format!("str {}", quote(s)),
        Constant::Bytes(b) => format!("bytes {}", quote_bytes(b)),
    }
}

fn operator(op: Operator) -> &'static str {
    match op {
        Operator::Add => "Add",
        Operator::BitAnd => "BitAnd",
        Operator::FloorDiv => "FloorDiv",
        Operator::LShift => "LShift",
        Operator::MatMult => "MatMult",
        Operator::Mult => "Mult",
        Operator::Mod => "Mod",
        Operator::BitOr => "BitOr",
        Operator::Pow => "Pow",
        Operator::RShift => "RShift",
        Operator::Sub => "Sub",
        Operator::Div => "Div",
        Operator::BitXor => "BitXor",
    }
}

fn cmp_op(op: CmpOp) -> &'static str {
    match op {
        CmpOp::Eq => "Eq",
        CmpOp::NotEq => "NotEq",
        CmpOp::Lt => "Lt",
        CmpOp::LtE => "LtE",
        CmpOp::Gt => "Gt",
        CmpOp::GtE => "GtE",
        CmpOp::Is => "Is",
        CmpOp::IsNot => "IsNot",
        CmpOp::In => "In",
        CmpOp::NotIn => "NotIn",
    }
}

fn opt_name(s: Option<&str>) -> String {
    s.map_or_else(|| "None".into(), quote)
}

impl Dumper {
    /// One node's line: `prefix` is `field=` (empty for list items).
    fn line(&mut self, head: &str, prefix: &str, loc: Option<Loc>) {
        for _ in 0..self.indent {
            self.out.push_str("  ");
        }
        self.out.push_str(prefix);
        self.out.push_str(head);
        if let Some(l) = loc {
            let _ = write!(self.out, " @{}:{}-{}:{}", l.lineno, l.col, l.end_lineno, l.end_col);
        }
        self.out.push('\n');
    }

    fn none(&mut self, field: &str) {
        self.line("None", &format!("{field}="), None);
    }

    fn list<T>(&mut self, field: &str, items: &[T], mut each: impl FnMut(&mut Self, &T)) {
        if items.is_empty() {
            self.line("[]", &format!("{field}="), None);
            return;
        }
        self.line("[", &format!("{field}="), None);
        self.indent += 1;
        for item in items {
            each(self, item);
        }
        self.indent -= 1;
        self.line("]", "", None);
    }

    fn stmts(&mut self, field: &str, body: &[Stmt<'_>]) {
        self.list(field, body, |d, s| d.stmt(s));
    }

    fn exprs(&mut self, field: &str, items: &[Expr<'_>]) {
        self.list(field, items, |d, e| d.expr("", e));
    }

    fn opt_expr(&mut self, field: &str, e: Option<&Expr<'_>>) {
        match e {
            Some(e) => self.expr(&format!("{field}="), e),
            None => self.none(field),
        }
    }

    fn child(&mut self, field: &str, e: &Expr<'_>) {
        self.expr(&format!("{field}="), e);
    }

    fn stmt(&mut self, s: &Stmt<'_>) {
        let loc = Some(s.loc);
        match &s.kind {
            StmtKind::FunctionDef(f) => {
                self.line(&format!("FunctionDef name={}", quote(f.name)), "", loc);
                self.indent += 1;
                self.arguments(f.args);
                self.stmts("body", f.body);
                self.exprs("decorator_list", f.decorators);
                self.opt_expr("returns", f.returns);
                self.indent -= 1;
            }
            StmtKind::ClassDef(c) => {
                self.line(&format!("ClassDef name={}", quote(c.name)), "", loc);
                self.indent += 1;
                self.exprs("bases", c.bases);
                self.list("keywords", c.keywords, |d, k| d.keyword(k));
                self.stmts("body", c.body);
                self.exprs("decorator_list", c.decorators);
                self.indent -= 1;
            }
            StmtKind::Return(v) => {
                self.line("Return", "", loc);
                self.indent += 1;
                self.opt_expr("value", *v);
                self.indent -= 1;
            }
            StmtKind::Delete(targets) => {
                self.line("Delete", "", loc);
                self.indent += 1;
                self.exprs("targets", targets);
                self.indent -= 1;
            }
            StmtKind::Assign { targets, value } => {
                self.line("Assign", "", loc);
                self.indent += 1;
                self.exprs("targets", targets);
                self.child("value", value);
                self.indent -= 1;
            }
            StmtKind::AugAssign { target, op, value } => {
                self.line(&format!("AugAssign op={}", operator(*op)), "", loc);
                self.indent += 1;
                self.child("target", target);
                self.child("value", value);
                self.indent -= 1;
            }
            StmtKind::AnnAssign { target, annotation, value, simple } => {
                self.line(&format!("AnnAssign simple={}", *simple as u8), "", loc);
                self.indent += 1;
                self.child("target", target);
                self.child("annotation", annotation);
                self.opt_expr("value", *value);
                self.indent -= 1;
            }
            StmtKind::For { target, iter, body, orelse } => {
                self.line("For", "", loc);
                self.indent += 1;
                self.child("target", target);
                self.child("iter", iter);
                self.stmts("body", body);
                self.stmts("orelse", orelse);
                self.indent -= 1;
            }
            StmtKind::While { test, body, orelse } | StmtKind::If { test, body, orelse } => {
                let name = if matches!(s.kind, StmtKind::While { .. }) { "While" } else { "If" };
                self.line(name, "", loc);
                self.indent += 1;
                self.child("test", test);
                self.stmts("body", body);
                self.stmts("orelse", orelse);
                self.indent -= 1;
            }
            StmtKind::With { items, body } => {
                self.line("With", "", loc);
                self.indent += 1;
                self.list("items", items, |d, item| {
                    d.line("withitem", "", None);
                    d.indent += 1;
                    d.child("context_expr", item.context_expr);
                    d.opt_expr("optional_vars", item.optional_vars);
                    d.indent -= 1;
                });
                self.stmts("body", body);
                self.indent -= 1;
            }
            StmtKind::Raise { exc, cause } => {
                self.line("Raise", "", loc);
                self.indent += 1;
                self.opt_expr("exc", *exc);
                self.opt_expr("cause", *cause);
                self.indent -= 1;
            }
            StmtKind::Try { body, handlers, orelse, finalbody, star } => {
                self.line(if *star { "TryStar" } else { "Try" }, "", loc);
                self.indent += 1;
                self.stmts("body", body);
                self.list("handlers", handlers, |d, h| {
                    d.line(&format!("ExceptHandler name={}", opt_name(h.name)), "", Some(h.loc));
                    d.indent += 1;
                    d.opt_expr("type", h.typ);
                    d.stmts("body", h.body);
                    d.indent -= 1;
                });
                self.stmts("orelse", orelse);
                self.stmts("finalbody", finalbody);
                self.indent -= 1;
            }
            StmtKind::Assert { test, msg } => {
                self.line("Assert", "", loc);
                self.indent += 1;
                self.child("test", test);
                self.opt_expr("msg", *msg);
                self.indent -= 1;
            }
            StmtKind::Import(names) => {
                self.line("Import", "", loc);
                self.indent += 1;
                self.list("names", names, |d, a| d.alias(a));
                self.indent -= 1;
            }
            StmtKind::ImportFrom { module, names, level } => {
                self.line(&format!("ImportFrom module={} level={}", opt_name(*module), level), "", loc);
                self.indent += 1;
                self.list("names", names, |d, a| d.alias(a));
                self.indent -= 1;
            }
            StmtKind::Global(names) | StmtKind::Nonlocal(names) => {
                let name = if matches!(s.kind, StmtKind::Global(_)) { "Global" } else { "Nonlocal" };
                let names: Vec<String> = names.iter().map(|n| quote(n)).collect();
                self.line(&format!("{name} names=[{}]", names.join(", ")), "", loc);
            }
            StmtKind::Expr(e) => {
                self.line("Expr", "", loc);
                self.indent += 1;
                self.child("value", e);
                self.indent -= 1;
            }
            StmtKind::Pass => self.line("Pass", "", loc),
            StmtKind::Break => self.line("Break", "", loc),
            StmtKind::Continue => self.line("Continue", "", loc),
        }
    }

    fn alias(&mut self, a: &Alias<'_>) {
        self.line(&format!("alias name={} asname={}", quote(a.name), opt_name(a.asname)), "", Some(a.loc));
    }

    fn keyword(&mut self, k: &Keyword<'_>) {
        self.line(&format!("keyword arg={}", opt_name(k.arg)), "", Some(k.loc));
        self.indent += 1;
        self.child("value", k.value);
        self.indent -= 1;
    }

    fn arg(&mut self, prefix: &str, a: &Arg<'_>) {
        self.line(&format!("arg arg={}", quote(a.arg)), prefix, Some(a.loc));
        self.indent += 1;
        self.opt_expr("annotation", a.annotation);
        self.indent -= 1;
    }

    fn arguments(&mut self, a: &Arguments<'_>) {
        self.line("arguments", "args=", None);
        self.indent += 1;
        self.list("posonlyargs", a.posonlyargs, |d, x| d.arg("", x));
        self.list("args", a.args, |d, x| d.arg("", x));
        match a.vararg {
            Some(x) => self.arg("vararg=", x),
            None => self.none("vararg"),
        }
        self.list("kwonlyargs", a.kwonlyargs, |d, x| d.arg("", x));
        self.list("kw_defaults", a.kw_defaults, |d, e| match e {
            Some(e) => d.expr("", e),
            None => d.line("None", "", None),
        });
        match a.kwarg {
            Some(x) => self.arg("kwarg=", x),
            None => self.none("kwarg"),
        }
        self.exprs("defaults", a.defaults);
        self.indent -= 1;
    }

    fn generators(&mut self, generators: &[Comprehension<'_>]) {
        self.list("generators", generators, |d, g| {
            d.line("comprehension", "", None);
            d.indent += 1;
            d.child("target", g.target);
            d.child("iter", g.iter);
            d.exprs("ifs", g.ifs);
            d.indent -= 1;
        });
    }

    fn expr(&mut self, prefix: &str, e: &Expr<'_>) {
        let loc = Some(e.loc);
        let head = |name: &str| name.to_string();
        match &e.kind {
            ExprKind::BoolOp { op, values } => {
                let op = if *op == BoolOp::And { "And" } else { "Or" };
                self.line(&format!("BoolOp op={op}"), prefix, loc);
                self.indent += 1;
                self.exprs("values", values);
                self.indent -= 1;
            }
            ExprKind::NamedExpr { target, value } => {
                self.line("NamedExpr", prefix, loc);
                self.indent += 1;
                self.child("target", target);
                self.child("value", value);
                self.indent -= 1;
            }
            ExprKind::BinOp { left, op, right } => {
                self.line(&format!("BinOp op={}", operator(*op)), prefix, loc);
                self.indent += 1;
                self.child("left", left);
                self.child("right", right);
                self.indent -= 1;
            }
            ExprKind::UnaryOp { op, operand } => {
                let op = match op {
                    UnaryOp::Invert => "Invert",
                    UnaryOp::Not => "Not",
                    UnaryOp::UAdd => "UAdd",
                    UnaryOp::USub => "USub",
                };
                self.line(&format!("UnaryOp op={op}"), prefix, loc);
                self.indent += 1;
                self.child("operand", operand);
                self.indent -= 1;
            }
            ExprKind::Lambda { args, body } => {
                self.line("Lambda", prefix, loc);
                self.indent += 1;
                self.arguments(args);
                self.child("body", body);
                self.indent -= 1;
            }
            ExprKind::IfExp { test, body, orelse } => {
                self.line("IfExp", prefix, loc);
                self.indent += 1;
                self.child("test", test);
                self.child("body", body);
                self.child("orelse", orelse);
                self.indent -= 1;
            }
            ExprKind::Dict { keys, values } => {
                self.line("Dict", prefix, loc);
                self.indent += 1;
                self.list("keys", keys, |d, k| match k {
                    Some(k) => d.expr("", k),
                    None => d.line("None", "", None),
                });
                self.exprs("values", values);
                self.indent -= 1;
            }
            ExprKind::Set(elts) => {
                self.line("Set", prefix, loc);
                self.indent += 1;
                self.exprs("elts", elts);
                self.indent -= 1;
            }
            ExprKind::ListComp { elt, generators }
            | ExprKind::SetComp { elt, generators }
            | ExprKind::GeneratorExp { elt, generators } => {
                let name = match e.kind {
                    ExprKind::ListComp { .. } => "ListComp",
                    ExprKind::SetComp { .. } => "SetComp",
                    _ => "GeneratorExp",
                };
                self.line(name, prefix, loc);
                self.indent += 1;
                self.child("elt", elt);
                self.generators(generators);
                self.indent -= 1;
            }
            ExprKind::DictComp { key, value, generators } => {
                self.line("DictComp", prefix, loc);
                self.indent += 1;
                self.child("key", key);
                self.child("value", value);
                self.generators(generators);
                self.indent -= 1;
            }
            ExprKind::Yield(v) => {
                self.line("Yield", prefix, loc);
                self.indent += 1;
                self.opt_expr("value", *v);
                self.indent -= 1;
            }
            ExprKind::YieldFrom(v) => {
                self.line("YieldFrom", prefix, loc);
                self.indent += 1;
                self.child("value", v);
                self.indent -= 1;
            }
            ExprKind::Compare { left, ops, comparators } => {
                let ops: Vec<&str> = ops.iter().map(|&op| cmp_op(op)).collect();
                self.line(&format!("Compare ops=[{}]", ops.join(", ")), prefix, loc);
                self.indent += 1;
                self.child("left", left);
                self.exprs("comparators", comparators);
                self.indent -= 1;
            }
            ExprKind::Call { func, args, keywords } => {
                self.line("Call", prefix, loc);
                self.indent += 1;
                self.child("func", func);
                self.exprs("args", args);
                self.list("keywords", keywords, |d, k| d.keyword(k));
                self.indent -= 1;
            }
            ExprKind::FormattedValue { value, conversion, format_spec } => {
                let conversion = conversion.map_or(-1, |c| c as i32);
                self.line(&format!("FormattedValue conversion={conversion}"), prefix, loc);
                self.indent += 1;
                self.child("value", value);
                self.opt_expr("format_spec", *format_spec);
                self.indent -= 1;
            }
            ExprKind::JoinedStr(values) => {
                self.line("JoinedStr", prefix, loc);
                self.indent += 1;
                self.exprs("values", values);
                self.indent -= 1;
            }
            ExprKind::Constant(c) => self.line(&format!("Constant value={}", constant(c)), prefix, loc),
            ExprKind::Attribute { value, attr } => {
                self.line(&format!("Attribute attr={}", quote(attr)), prefix, loc);
                self.indent += 1;
                self.child("value", value);
                self.indent -= 1;
            }
            ExprKind::Subscript { value, slice } => {
                self.line("Subscript", prefix, loc);
                self.indent += 1;
                self.child("value", value);
                self.child("slice", slice);
                self.indent -= 1;
            }
            ExprKind::Starred(value) => {
                self.line("Starred", prefix, loc);
                self.indent += 1;
                self.child("value", value);
                self.indent -= 1;
            }
            ExprKind::Name(id) => self.line(&format!("Name id={}", quote(id)), prefix, loc),
            ExprKind::List(elts) | ExprKind::Tuple(elts) => {
                let name = if matches!(e.kind, ExprKind::List(_)) { "List" } else { "Tuple" };
                self.line(&head(name), prefix, loc);
                self.indent += 1;
                self.exprs("elts", elts);
                self.indent -= 1;
            }
            ExprKind::Slice { lower, upper, step } => {
                self.line("Slice", prefix, loc);
                self.indent += 1;
                self.opt_expr("lower", *lower);
                self.opt_expr("upper", *upper);
                self.opt_expr("step", *step);
                self.indent -= 1;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::py_float_repr;

    #[test]
    fn float_repr_is_pythons() {
        let cases = [
            (0.0, "0.0"),
            (1.0, "1.0"),
            (1.5, "1.5"),
            (0.1, "0.1"),
            (1e16, "1e+16"),
            (1e15, "1000000000000000.0"),
            (123456789012345678.0, "1.2345678901234568e+17"),
            (0.0001, "0.0001"),
            (0.00001, "1e-05"),
            (1.5e-10, "1.5e-10"),
            (1e300 * 10.0, "1e+301"),
            (f64::INFINITY, "inf"),
            (2.5e100, "2.5e+100"),
            (5e-324, "5e-324"),
            (1.7976931348623157e308, "1.7976931348623157e+308"),
            (-0.0, "-0.0"),
            (100.0, "100.0"),
            (3.14159, "3.14159"),
        ];
        for (x, want) in cases {
            assert_eq!(py_float_repr(x), want, "{x:e}");
        }
    }
}
