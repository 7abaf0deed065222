#!/usr/bin/env python3
"""Regenerate the expected results of the test corpus from CPython 3.11.

For every tests/programs/**/NAME.py this writes, beside it:

  NAME.code.json  the module's code-object tree as CPython compiles it (the fields cellvm must
                  reproduce exactly), or {"error": {...}} when CPython refuses to compile it;
  NAME.stdout     what `python3 NAME.py` prints, run from the repository root with the path
                  relative to it (so tracebacks and __file__ name the same path);
  NAME.exit       only when the exit status is not 0: the status, then the last line of
                  stderr (the exception line).

Run it by hand after adding or changing a program; the tests only read its output:

    python3 tools/gen_expected.py            # (re)write every expected file
    python3 tools/gen_expected.py --check    # fail if a committed file is missing or stale
    python3 tools/gen_expected.py FILE...    # only these programs

A program whose output differs between two runs (the second with another PYTHONHASHSEED) is
refused: the runtime is compared with these files byte for byte, so an expected output must
not depend on chance or on hash order.
"""

import argparse
import json
import os
import subprocess
import sys
import types
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROGRAMS = ROOT / "tests" / "programs"
TIMEOUT_SECONDS = 30

# The code-object fields cellvm must reproduce, with the attribute that holds each.
CODE_FIELDS = (
    "co_name",
    "co_qualname",
    "co_argcount",
    "co_posonlyargcount",
    "co_kwonlyargcount",
    "co_nlocals",
    "co_flags",
    "co_varnames",
    "co_cellvars",
    "co_freevars",
    "co_firstlineno",
    "co_names",
)


def code_tree(code):
    """The fields of `code` and, under "children", of the code objects in its co_consts."""
    tree = {}
    for field in CODE_FIELDS:
        value = getattr(code, field)
        tree[field] = list(value) if isinstance(value, tuple) else value
    tree["children"] = [code_tree(c) for c in code.co_consts if isinstance(c, types.CodeType)]
    return tree


def compile_result(path, rel):
    """The code tree of the program, or the error CPython's compile() raises for it.

    The source is passed as bytes so that compile() decodes it as running the file does
    (BOM, coding cookie, invalid UTF-8)."""
    source = path.read_bytes()
    try:
        code = compile(source, rel, "exec", dont_inherit=True)
    except SyntaxError as e:  # IndentationError and TabError are subclasses
        return {
            "error": {
                "type": type(e).__name__,
                "msg": e.msg,
                "lineno": e.lineno,
                "offset": e.offset,
                "end_lineno": e.end_lineno,
                "end_offset": e.end_offset,
            }
        }
    except (ValueError, MemoryError, RecursionError) as e:
        # Null bytes (ValueError) and over-deep nesting: no position to report.
        return {
            "error": {
                "type": type(e).__name__,
                "msg": str(e),
                "lineno": None,
                "offset": None,
                "end_lineno": None,
                "end_offset": None,
            }
        }
    return code_tree(code)


def run_program(rel, hash_seed="0"):
    """(stdout bytes, exit status, last line of stderr) of `python3 REL` run from the root."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env["PYTHONHASHSEED"] = hash_seed
    env["PYTHONUTF8"] = "1"
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    proc = subprocess.run(
        [sys.executable, rel],
        cwd=ROOT,
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        timeout=TIMEOUT_SECONDS,
    )
    lines = proc.stderr.decode("utf-8", "replace").splitlines()
    last = lines[-1] if lines else ""
    return proc.stdout, proc.returncode, last


def encode_json(tree):
    return (json.dumps(tree, sort_keys=True, indent=1, ensure_ascii=False) + "\n").encode("utf-8")


def expected_files(path):
    """{Path: bytes or None} for one program; None means the file must not exist."""
    rel = path.relative_to(ROOT).as_posix()
    compiled = compile_result(path, rel)
    first = run_program(rel)
    # The second run uses another hash seed, so output that depends on the iteration order
    # of sets or dicts of strings (which cellvm's will not reproduce) is caught too.
    second = run_program(rel, hash_seed="1")
    if first != second:
        raise Nondeterministic(rel)
    stdout, status, last_stderr = first
    base = path.with_suffix("")
    files = {
        base.with_name(base.name + ".code.json"): encode_json(compiled),
        base.with_name(base.name + ".stdout"): stdout,
        base.with_name(base.name + ".exit"): None,
    }
    if status != 0:
        files[base.with_name(base.name + ".exit")] = f"{status}\n{last_stderr}\n".encode("utf-8")
    warn_if_inconsistent(rel, compiled, status, last_stderr)
    return files


def warn_if_inconsistent(rel, compiled, status, last_stderr):
    """compile() reads a string and `python3 FILE` reads a file; their errors should agree."""
    error = compiled.get("error")
    if error is None:
        return
    line = f"{error['type']}: {error['msg']}" if error["msg"] else error["type"]
    if status == 0 or last_stderr != line:
        print(f"warning: {rel}: compile() says {line!r} but running it ends with "
              f"{last_stderr!r} (status {status})", file=sys.stderr)


class Nondeterministic(Exception):
    pass


def all_programs():
    return sorted(PROGRAMS.rglob("*.py"))


def stale_files(programs):
    """Expected files whose program no longer exists."""
    stems = {p.with_suffix("") for p in programs}
    stale = []
    for f in sorted(PROGRAMS.rglob("*")):
        for suffix in (".code.json", ".stdout", ".exit"):
            if f.name.endswith(suffix) and f.with_name(f.name[: -len(suffix)]) not in stems:
                stale.append(f)
    return stale


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true",
                        help="verify that the committed files are up to date; write nothing")
    parser.add_argument("programs", nargs="*", type=Path,
                        help="only these programs (default: all of tests/programs)")
    args = parser.parse_args()

    if sys.version_info[:2] != (3, 11):
        sys.exit(f"gen_expected.py needs CPython 3.11 (the oracle), not {sys.version.split()[0]}")

    programs = [p.resolve() for p in args.programs] if args.programs else all_programs()
    if not programs:
        sys.exit(f"no programs under {PROGRAMS}")

    problems = []
    written = 0
    for path in programs:
        rel = path.relative_to(ROOT).as_posix()
        try:
            files = expected_files(path)
        except Nondeterministic:
            problems.append(f"{rel}: output differs between two runs (nondeterministic)")
            continue
        except subprocess.TimeoutExpired:
            problems.append(f"{rel}: did not finish within {TIMEOUT_SECONDS} s")
            continue
        for target, content in files.items():
            current = target.read_bytes() if target.exists() else None
            if current == content:
                continue
            if args.check:
                what = "missing" if current is None else ("should not exist" if content is None else "stale")
                problems.append(f"{target.relative_to(ROOT).as_posix()}: {what}")
            elif content is None:
                target.unlink()
            else:
                target.write_bytes(content)
                written += 1
    if not args.programs:
        for f in stale_files(programs):
            if args.check:
                problems.append(f"{f.relative_to(ROOT).as_posix()}: no program for it")
            else:
                f.unlink()
                print(f"removed {f.relative_to(ROOT).as_posix()}")

    for p in problems:
        print(p, file=sys.stderr)
    if problems:
        sys.exit(1)
    if args.check:
        print(f"{len(programs)} programs: expected files up to date")
    else:
        print(f"{len(programs)} programs: {written} files written")


if __name__ == "__main__":
    main()
