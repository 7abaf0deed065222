//! Targets of assignments, `for`, `with ... as` and `del`: which expressions may stand
//! there, and CPython's names for those that may not ("cannot assign to function call").

use crate::ast::{Constant, Expr, ExprKind};

/// Where a target stands, which decides CPython's rules and messages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Targets {
    /// An assignment or `with ... as` target.
    Star,
    /// The target of a `for` (which CPython's error rule reads as `target in iterable`).
    For,
    /// A `del` target.
    Del,
}

/// Whether `e`, parsed as an expression, has the shape of an assignment target.
pub(crate) fn is_target_shape(e: &Expr<'_>) -> bool {
    match &e.kind {
        ExprKind::Name(_) | ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => true,
        ExprKind::Starred(inner) => !matches!(inner.kind, ExprKind::Starred(_)) && is_target_shape(inner),
        ExprKind::Tuple(elts) | ExprKind::List(elts) => elts.iter().all(is_target_shape),
        _ => false,
    }
}

/// Whether `e` has the shape of a `del` target (no starred parts).
pub(crate) fn is_del_target_shape(e: &Expr<'_>) -> bool {
    match &e.kind {
        ExprKind::Name(_) | ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => true,
        ExprKind::Tuple(elts) | ExprKind::List(elts) => elts.iter().all(is_del_target_shape),
        _ => false,
    }
}

/// CPython's `_PyPegen_get_invalid_target`: the first part of `e` that cannot be a target
/// of kind `kind`, or `None` when there is none.
pub(crate) fn invalid_target<'e, 'a>(e: &'e Expr<'a>, kind: Targets) -> Option<&'e Expr<'a>> {
    match &e.kind {
        ExprKind::List(elts) | ExprKind::Tuple(elts) => elts.iter().find_map(|e| invalid_target(e, kind)),
        ExprKind::Starred(value) => {
            if kind == Targets::Del {
                Some(e)
            } else {
                invalid_target(value, kind)
            }
        }
        // `for a in b` reads as a comparison: look at its left side only.
        ExprKind::Compare { left, ops, .. } => {
            if kind == Targets::For {
                if ops.first() == Some(&crate::ast::CmpOp::In) {
                    return invalid_target(left, kind);
                }
                return None;
            }
            Some(e)
        }
        ExprKind::Name(_) | ExprKind::Subscript { .. } | ExprKind::Attribute { .. } => None,
        _ => Some(e),
    }
}

/// CPython's `_PyPegen_get_expr_name`: what an expression is called in messages.
pub(crate) fn expr_name(e: &Expr<'_>) -> &'static str {
    match &e.kind {
        ExprKind::Attribute { .. } => "attribute",
        ExprKind::Subscript { .. } => "subscript",
        ExprKind::Starred(_) => "starred",
        ExprKind::Name(_) => "name",
        ExprKind::List(_) => "list",
        ExprKind::Tuple(_) => "tuple",
        ExprKind::Lambda { .. } => "lambda",
        ExprKind::Call { .. } => "function call",
        ExprKind::BoolOp { .. } | ExprKind::BinOp { .. } | ExprKind::UnaryOp { .. } => "expression",
        ExprKind::GeneratorExp { .. } => "generator expression",
        ExprKind::Yield(_) | ExprKind::YieldFrom(_) => "yield expression",
        ExprKind::ListComp { .. } => "list comprehension",
        ExprKind::SetComp { .. } => "set comprehension",
        ExprKind::DictComp { .. } => "dict comprehension",
        ExprKind::Dict { .. } => "dict literal",
        ExprKind::Set(_) => "set display",
        ExprKind::JoinedStr(_) | ExprKind::FormattedValue { .. } => "f-string expression",
        ExprKind::Constant(c) => match c {
            Constant::None => "None",
            Constant::Bool(false) => "False",
            Constant::Bool(true) => "True",
            Constant::Ellipsis => "ellipsis",
            _ => "literal",
        },
        ExprKind::Compare { .. } => "comparison",
        ExprKind::IfExp { .. } => "conditional expression",
        ExprKind::NamedExpr { .. } => "named expression",
        ExprKind::Slice { .. } => "slice",
    }
}
