#!/usr/bin/env python3
"""Write compiler/tests/parser_errors.tsv: for each source of tools/parser_error_sources.txt,
the SyntaxError CPython 3.11 raises for it, compiled as a file is (from bytes, no coding
cookie), which compiler/tests/parser_errors.rs checks cellvm's parser against.

Sources CPython compiles are left out, and so are errors its compiler (not its parser)
raises, except those cellvm's parser raises itself because its AST has no node for them
(`await`, asynchronous comprehensions).

    python3 tools/gen_parser_errors.py          # rewrite the table
    python3 tools/gen_parser_errors.py --check  # only say whether it is up to date
"""

import ast
import os
import sys
import warnings

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SOURCES = os.path.join(ROOT, "tools", "parser_error_sources.txt")
TABLE = os.path.join(ROOT, "compiler", "tests", "parser_errors.tsv")

# Compile-time errors cellvm's parser raises (CPython's compiler raises them).
PARSER_RAISED = (
    "'await' outside function",
    "'await' outside async function",
    "asynchronous comprehension outside of an asynchronous function",
    "'async for' outside async function",
    "'async with' outside async function",
)


def unescape(line):
    out, i = [], 0
    while i < len(line):
        c = line[i]
        if c == "\\" and i + 1 < len(line):
            n = line[i + 1]
            if n == "n":
                out.append("\n")
                i += 2
                continue
            if n == "t":
                out.append("\t")
                i += 2
                continue
            if n == "\\":
                out.append("\\")
                i += 2
                continue
            if line[i + 1 : i + 4] == "x00":
                out.append("\x00")
                i += 4
                continue
        out.append(c)
        i += 1
    return "".join(out)


def escape(text):
    return text.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t").replace("\x00", "\\x00")


def error_of(source):
    data = source.encode("utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            compile(data, "<test>", "exec", dont_inherit=True)
        except SyntaxError as e:
            try:
                ast.parse(data)
            except SyntaxError:
                pass
            else:
                if e.msg not in PARSER_RAISED:
                    return None
            end = e.end_offset if e.end_offset is not None and e.end_offset > 0 else 0
            return (type(e).__name__, e.lineno or 0, max(e.offset or 0, 0), e.end_lineno or 0, end, e.msg)
        except (ValueError, MemoryError, RecursionError):
            return None
    return None


def rows():
    out = []
    for line in open(SOURCES, encoding="utf-8"):
        line = line.rstrip("\n")
        if not line or line.startswith("##"):
            continue
        source = unescape(line)
        err = error_of(source)
        if err is None:
            continue
        kind, lineno, offset, end_lineno, end_offset, msg = err
        out.append("\t".join([escape(source), kind, str(lineno), str(offset), str(end_lineno), str(end_offset), escape(msg)]))
    return out


def main(argv):
    text = "\n".join(rows()) + "\n"
    if "--check" in argv:
        current = open(TABLE, encoding="utf-8").read() if os.path.exists(TABLE) else ""
        print("up to date" if current == text else "out of date")
        return 0 if current == text else 1
    with open(TABLE, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    print("%d rows" % text.count("\n"))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
