# compile(..., 'single') refuses more than one statement and empty input with CPython's
# errors; a broken displayhook is CPython's RuntimeError.
import sys

bad = [
    "",
    "\n",
    "# only a comment\n",
    "x = 1\ny = 2",
    "1\n2\n",
    "x = (1,\n2)\n3",
    "1 #c\n 2",
    "if 1:\n  pass\nx",
    "def f():\n  return 1\n\nf()",
    "if 1: pass",
    "1 +",
    "  1",
    "f(**)",
]
for src in bad:
    try:
        compile(src, "<s>", "single")
        print(repr(src), "compiled")
    except SyntaxError as e:
        print(repr(src), type(e).__name__, e.msg, e.lineno, e.offset, e.end_lineno, repr(e.text))

try:
    sys.displayhook()
except TypeError as e:
    print(e)
try:
    sys.displayhook(1, 2)
except TypeError as e:
    print(e)


class Bad:
    def __repr__(self):
        raise ValueError("no repr")


try:
    exec(compile("b", "<s>", "single"), {"b": Bad()})
except ValueError as e:
    print("ValueError", e)
try:
    compile("1", "<s>", "singel")
except ValueError as e:
    print(e)
del sys.displayhook
exec(compile("1", "<s>", "single"))
