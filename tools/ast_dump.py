#!/usr/bin/env python3
"""Dump a Python file's AST as CPython 3.11's `ast` module parses it, in the canonical text
form that cellvm's `parser::dump` prints (compiler/src/parser/dump.rs), so the two parsers
can be compared: one node per line, indented, with its scalar fields and its location, then
its child fields. No expression contexts, typed constants.

    python3 tools/ast_dump.py FILE.py            # print the dump
    python3 tools/ast_dump.py --eval FILE.py     # the file is one expression (eval mode)
    python3 tools/ast_dump.py --write FILE.py... # write FILE.ast next to each file
"""

import ast
import sys

# The fields printed for each node, in order; the scalar ones go on the node's line.
SCALARS = {
    "FunctionDef": ["name"],
    "ClassDef": ["name"],
    "AugAssign": ["op"],
    "AnnAssign": ["simple"],
    "ImportFrom": ["module", "level"],
    "Global": ["names"],
    "Nonlocal": ["names"],
    "BoolOp": ["op"],
    "BinOp": ["op"],
    "UnaryOp": ["op"],
    "Compare": ["ops"],
    "FormattedValue": ["conversion"],
    "Constant": ["value"],
    "Attribute": ["attr"],
    "Name": ["id"],
    "ExceptHandler": ["name"],
    "arg": ["arg"],
    "keyword": ["arg"],
    "alias": ["name", "asname"],
}
CHILDREN = {
    "Module": ["body"],
    "FunctionDef": ["args", "body", "decorator_list", "returns"],
    "ClassDef": ["bases", "keywords", "body", "decorator_list"],
    "Return": ["value"],
    "Delete": ["targets"],
    "Assign": ["targets", "value"],
    "AugAssign": ["target", "value"],
    "AnnAssign": ["target", "annotation", "value"],
    "For": ["target", "iter", "body", "orelse"],
    "While": ["test", "body", "orelse"],
    "If": ["test", "body", "orelse"],
    "With": ["items", "body"],
    "Raise": ["exc", "cause"],
    "Try": ["body", "handlers", "orelse", "finalbody"],
    "TryStar": ["body", "handlers", "orelse", "finalbody"],
    "Assert": ["test", "msg"],
    "Import": ["names"],
    "ImportFrom": ["names"],
    "Global": [],
    "Nonlocal": [],
    "Expr": ["value"],
    "Pass": [],
    "Break": [],
    "Continue": [],
    "BoolOp": ["values"],
    "NamedExpr": ["target", "value"],
    "BinOp": ["left", "right"],
    "UnaryOp": ["operand"],
    "Lambda": ["args", "body"],
    "IfExp": ["test", "body", "orelse"],
    "Dict": ["keys", "values"],
    "Set": ["elts"],
    "ListComp": ["elt", "generators"],
    "SetComp": ["elt", "generators"],
    "DictComp": ["key", "value", "generators"],
    "GeneratorExp": ["elt", "generators"],
    "Await": ["value"],
    "Yield": ["value"],
    "YieldFrom": ["value"],
    "Compare": ["left", "comparators"],
    "Call": ["func", "args", "keywords"],
    "FormattedValue": ["value", "format_spec"],
    "JoinedStr": ["values"],
    "Constant": [],
    "Attribute": ["value"],
    "Subscript": ["value", "slice"],
    "Starred": ["value"],
    "Name": [],
    "List": ["elts"],
    "Tuple": ["elts"],
    "Slice": ["lower", "upper", "step"],
    "comprehension": ["target", "iter", "ifs"],
    "ExceptHandler": ["type", "body"],
    "arguments": ["posonlyargs", "args", "vararg", "kwonlyargs", "kw_defaults", "kwarg", "defaults"],
    "arg": ["annotation"],
    "keyword": ["value"],
    "alias": [],
    "withitem": ["context_expr", "optional_vars"],
}


def quote(s):
    out = ["'"]
    for c in s:
        if c == "\\":
            out.append("\\\\")
        elif c == "'":
            out.append("\\'")
        elif " " <= c <= "~":
            out.append(c)
        else:
            out.append("\\x{%x}" % ord(c))
    out.append("'")
    return "".join(out)


def quote_bytes(b):
    out = ["b'"]
    for c in b:
        if c == 0x5C:
            out.append("\\\\")
        elif c == 0x27:
            out.append("\\'")
        elif 0x20 <= c <= 0x7E:
            out.append(chr(c))
        else:
            out.append("\\x%02x" % c)
    out.append("'")
    return "".join(out)


def constant(v):
    if v is None or v is True or v is False:
        return repr(v)
    if v is Ellipsis:
        return "Ellipsis"
    if isinstance(v, int):
        return ("int %d" if -(2**63) <= v < 2**63 else "bigint %d") % v
    if isinstance(v, float):
        return "float " + repr(v)
    if isinstance(v, complex):
        return "complex " + repr(v.imag)
    if isinstance(v, str):
        return "str " + quote(v)
    if isinstance(v, bytes):
        return "bytes " + quote_bytes(v)
    raise TypeError(type(v))


def scalar(node, field):
    v = getattr(node, field)
    if field == "value":
        return constant(v)
    if field == "ops":
        return "[" + ", ".join(type(op).__name__ for op in v) + "]"
    if field == "names":
        return "[" + ", ".join(quote(n) for n in v) + "]"
    if field == "op":
        return type(v).__name__
    if field in ("simple", "level", "conversion"):
        return str(v)
    return "None" if v is None else quote(v)


def dump(node, out, indent=0, prefix=""):
    name = type(node).__name__
    head = name + "".join(" %s=%s" % (f, scalar(node, f)) for f in SCALARS.get(name, []))
    if hasattr(node, "end_col_offset") and name != "arguments":
        head += " @%d:%d-%d:%d" % (node.lineno, node.col_offset, node.end_lineno, node.end_col_offset)
    out.append("  " * indent + prefix + head)
    for field in CHILDREN[name]:
        value = getattr(node, field)
        pad = "  " * (indent + 1)
        if value is None:
            out.append(pad + field + "=None")
        elif isinstance(value, list):
            if not value:
                out.append(pad + field + "=[]")
                continue
            out.append(pad + field + "=[")
            for item in value:
                if item is None:
                    out.append("  " * (indent + 2) + "None")
                else:
                    dump(item, out, indent + 2)
            out.append(pad + "]")
        else:
            dump(value, out, indent + 1, field + "=")


def dump_source(source, filename="<unknown>", mode="exec"):
    tree = ast.parse(source, filename, mode)
    if mode == "eval":
        # cellvm returns an expression as a module of one expression statement.
        body = tree.body
        stmt = ast.Expr(value=body)
        ast.copy_location(stmt, body)
        stmt.end_lineno, stmt.end_col_offset = body.end_lineno, body.end_col_offset
        tree = ast.Module(body=[stmt], type_ignores=[])
    out = []
    dump(tree, out)
    return "\n".join(out) + "\n"


def main(argv):
    mode = "exec"
    write = False
    files = []
    for a in argv:
        if a == "--eval":
            mode = "eval"
        elif a == "--write":
            write = True
        else:
            files.append(a)
    for path in files:
        with open(path, "rb") as f:
            source = f.read()
        text = dump_source(source, path, mode)
        if write:
            with open(path[: -len(".py")] + ".ast", "w", encoding="utf-8", newline="\n") as f:
                f.write(text)
        else:
            sys.stdout.write(text)


if __name__ == "__main__":
    main(sys.argv[1:])
