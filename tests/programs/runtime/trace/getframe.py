# sys._getframe and frame objects: f_code, f_lineno, f_back, f_globals, f_builtins, f_locals
# (locals, cells and frees, a namespace for module and class bodies), identity, frames that
# have returned, and the attributes that cannot be set.
import builtins
import sys


def outer(a, b):
    x = 1

    def inner(c):
        y = 2
        f = sys._getframe()
        print(f.f_code.co_name, f.f_lineno, sorted(f.f_locals), f.f_locals["c"], f.f_locals["x"])
        print(f.f_back.f_code.co_name, f.f_back.f_lineno, f.f_back is sys._getframe(1))
        print(sys._getframe(2).f_code.co_name, sys._getframe(2).f_back)
        return x + a

    inner(5)
    print(sorted(sys._getframe().f_locals))
    return sys._getframe()


done = outer(3, 4)
print("returned:", done.f_code.co_name, done.f_lineno, done.f_back.f_code.co_name)
here = sys._getframe()
print(here.f_locals is here.f_globals, here.f_globals is globals(), here.f_back)
print(here.f_builtins is builtins.__dict__, here is sys._getframe(0), here is sys._getframe(-1))
print(type(here).__name__, here.f_trace, here.f_trace_lines)
print(repr(here).startswith("<frame at 0x"), repr(here).endswith(", code <module>>"))
line = here.f_lineno
print(line, here.f_lineno)


class K:
    ns = sys._getframe().f_locals
    print(sorted(ns), sys._getframe().f_back is here)


f_locals = sys._getframe().f_locals
print(f_locals is sys._getframe().f_locals)


def frame_of_dead():
    v = 10
    fr = sys._getframe()
    v = 11
    return fr


d = frame_of_dead()
print(d.f_code.co_name, d.f_back is here)

for name in ["f_code", "f_back", "f_locals", "f_globals", "f_lasti", "f_builtins"]:
    try:
        setattr(here, name, 1)
    except AttributeError as e:
        print("AttributeError:", e)
try:
    here.foo = 1
except AttributeError as e:
    print("AttributeError:", e)
try:
    here.f_trace_lines = 1
except TypeError as e:
    print("TypeError:", e)
here.f_trace = print
print(here.f_trace is print)
del here.f_trace
print(here.f_trace)
try:
    print(here.nothing)
except AttributeError as e:
    print("AttributeError:", e)
