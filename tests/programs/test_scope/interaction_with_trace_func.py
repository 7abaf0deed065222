# testInteractionWithTraceFunc: a lambda with a free variable created while a trace function
# is active.
import sys


def tracer(a, b, c):
    return tracer


def adaptgetter(name, klass, getter):
    kind, des = getter
    if kind == 1:
        if des == "":
            des = "_%s__%s" % (klass.__name__, name)
        return lambda obj: getattr(obj, des)


class TestClass:
    _TestClass__foo = "mangled attribute"


sys.settrace(tracer)
getter = adaptgetter("foo", TestClass, (1, ""))
sys.settrace(None)
print(getter(TestClass()))
print(adaptgetter.__code__.co_cellvars, getter.__code__.co_freevars)
try:
    sys.settrace()
except TypeError as e:
    print("TypeError:", e)
