# compile(..., 'single'): the interactive mode. An expression statement at the top level of
# the input shows its value through sys.displayhook (None shows nothing; the value is kept
# as builtins._); nested code does not.
import builtins
import sys


def run(src, ns=None):
    exec(compile(src, "<single>", "single"), ns if ns is not None else {})


run("1 + 2")
run("None")
run("'text'")
run("x = 5; x; x * 2")
run("for i in range(3): i\n")
run("if True:\n    [1, 2]\n    None\n")
shared = {}
run("def f():\n    42\n    return 'returned'\n", shared)
run("f()", shared)
run("[i * i for i in range(3)]")
run("# a comment\n\n(1,\n 2)\n\n# trailing comment\n")
print(builtins._)
run("_ * 2")


class R:
    def __repr__(self):
        return "R!"


run("r", {"r": R()})
print(type(builtins._).__name__)


def hook(value):
    print("hook got", repr(value))


sys.displayhook = hook
run("7")
run("None")
sys.displayhook = sys.__displayhook__
run("8")

co = compile("a = 1", "<single>", "single")
print(co.co_name, co.co_names, co.co_consts, hex(co.co_flags))
ns = {}
exec(compile("b: int = 1", "<single>", "single"), ns)
print(ns["__annotations__"], ns["b"])
exec(compile("'not a docstring'", "<single>", "single"), ns)
print(ns.get("__doc__"))
co = compile(b"2 ** 10", "<single>", "single")
exec(co)
eval(compile("3 * 3", "<single>", "single"))
print(eval(compile("4", "<single>", "single")))
