#!/usr/bin/env python3
"""Compare cellvm's parser with CPython 3.11's on Python sources: the AST dump of valid code
(tools/ast_dump.py's format), or the SyntaxError of invalid code (class, message, line,
offset, end line, end offset). A development tool; the tests in compiler/tests/ hold what
it found.

    python3 tools/parser_diff.py FILE.py...          # whole files
    python3 tools/parser_diff.py --lines FILE        # each line of FILE is a source
                                                     # (\\n and \\t written as escapes)
    python3 tools/parser_diff.py --mutate FILE.py... # token-level mutations of each file

It runs `cargo run --release --example parse_dump` from the repository root.
"""

import io
import json
import os
import random
import subprocess
import sys
import tokenize

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import ast_dump  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def cpython(source, mode="exec"):
    try:
        compile(source, "<pw>", mode, dont_inherit=True)
    except SyntaxError as e:
        end = e.end_offset if e.end_offset is not None else 0
        return {
            "kind": type(e).__name__,
            "msg": e.msg,
            "lineno": e.lineno or 0,
            "offset": max(e.offset or 0, 0),
            "end_lineno": e.end_lineno or 0,
            "end_offset": max(end, 0),
        }
    except (MemoryError, RecursionError) as e:
        return {"kind": type(e).__name__}
    except ValueError as e:
        return {"kind": "ValueError", "msg": str(e)}
    try:
        return {"ok": ast_dump.dump_source(source, "<pw>", mode)}
    except Exception as e:  # an error only the compiler raises
        return {"kind": type(e).__name__, "msg": str(e)}


def cellvm(sources, mode="exec"):
    cmd = ["cargo", "run", "-q", "--release", "-p", "cellvm-compiler", "--example", "parse_dump", "--", "--json"]
    if mode == "eval":
        cmd.append("--eval")
    out = subprocess.run(cmd, input=json.dumps(sources), capture_output=True, text=True, cwd=ROOT)
    if out.returncode != 0:
        sys.stderr.write(out.stderr)
        raise SystemExit("parse_dump failed")
    return json.loads(out.stdout)


def same(a, b):
    if "ok" in a or "ok" in b:
        return a.get("ok") == b.get("ok")
    if a["kind"] in ("MemoryError", "RecursionError"):
        return b["kind"] == a["kind"]
    keys = ("kind", "msg", "lineno", "offset", "end_lineno", "end_offset")
    return all(a.get(k) == b.get(k) for k in keys)


def compile_errors_only(want):
    """Errors CPython's compiler raises after parsing (cellvm's compiler's job)."""
    return want.get("kind") == "SyntaxError" and want.get("msg") in (
        "'return' outside function",
        "'yield' outside function",
        "'break' outside loop",
        "'continue' not properly in loop",
        "nonlocal declaration not allowed at module level",
        "cannot assign to __debug__",
        "cannot delete __debug__",
        "starred assignment target must be in a list or tuple",
        "multiple starred expressions in assignment",
        "can't use starred expression here",
        "'return' with value in async generator",
        "'await' outside function",
    ) or (want.get("msg") or "").startswith(("duplicate argument", "keyword argument repeated", "no binding for nonlocal", "name '"))


def report(sources, mode="exec", quiet=False):
    got = cellvm(sources, mode)
    bad = 0
    for src, have in zip(sources, got):
        want = cpython(src, mode)
        if same(want, have):
            continue
        if "ok" in have and compile_errors_only(want):
            continue
        bad += 1
        if not quiet:
            print("=" * 70)
            print(repr(src[:400]))
            if "ok" in want and "ok" in have:
                wl, hl = want["ok"].splitlines(), have["ok"].splitlines()
                for i, (x, y) in enumerate(zip(wl, hl)):
                    if x != y:
                        print("  line %d\n  cpython: %s\n  cellvm:  %s" % (i + 1, x, y))
                        break
                else:
                    print("  lengths differ", len(wl), len(hl))
            else:
                print("  cpython:", {k: v for k, v in want.items() if k != "ok"} if "ok" not in want else "OK")
                print("  cellvm: ", {k: v for k, v in have.items() if k != "ok"} if "ok" not in have else "OK")
    print("%d sources, %d differ" % (len(sources), bad))
    return bad


def mutations(source, rng, count):
    """Sources made from `source` by deleting, duplicating or swapping tokens."""
    try:
        toks = [t for t in tokenize.generate_tokens(io.StringIO(source).readline)]
    except (tokenize.TokenError, SyntaxError, IndentationError):
        return []
    spans = [(t.start, t.end, t.string) for t in toks if t.type not in (tokenize.ENDMARKER, tokenize.DEDENT, tokenize.INDENT, tokenize.NL, tokenize.NEWLINE, tokenize.COMMENT)]
    if not spans:
        return []
    lines = source.splitlines(keepends=True)
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line))

    def offset(pos):
        return starts[pos[0] - 1] + pos[1]

    inserts = ["(", ")", "[", "]", ":", ",", "=", "*", "**", "if", "else", "for", "in", "lambda", "not", "yield",
               "1", "x", ".", "def", "return", "==", ":=", "{", "}", "'s'", "f'{x}'", "await", "async", "\n", " "]
    out = []
    for _ in range(count):
        s, e, text = spans[rng.randrange(len(spans))]
        a, b = offset(s), offset(e)
        choice = rng.randrange(4)
        if choice == 0:
            new = source[:a] + source[b:]
        elif choice == 1:
            new = source[:a] + text + " " + source[a:]
        elif choice == 2:
            new = source[:a] + rng.choice(inserts) + " " + source[a:]
        else:
            new = source[:a] + rng.choice(inserts) + source[b:]
        out.append(new)
    return out


def main(argv):
    mode = "exec"
    if "--eval" in argv:
        mode = "eval"
        argv = [a for a in argv if a != "--eval"]
    quiet = "--quiet" in argv
    argv = [a for a in argv if a != "--quiet"]
    if argv and argv[0] == "--lines":
        sources = []
        for path in argv[1:]:
            for line in open(path, encoding="utf-8"):
                line = line.rstrip("\n")
                if line and not line.startswith("##"):
                    sources.append(line.replace("\\n", "\n").replace("\\t", "\t"))
        return report(sources, mode, quiet)
    if argv and argv[0] == "--mutate":
        rng = random.Random(int(os.environ.get("SEED", "1")))
        count = int(os.environ.get("COUNT", "200"))
        sources = []
        for path in argv[1:]:
            sources.extend(mutations(open(path, encoding="utf-8").read(), rng, count))
        return report(sources, mode, quiet)
    sources = [open(p, encoding="utf-8").read() for p in argv]
    return report(sources, mode, quiet)


if __name__ == "__main__":
    sys.exit(1 if main(sys.argv[1:]) else 0)
