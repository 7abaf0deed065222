# A decorated function's or class's co_firstlineno is the line of its first decorator.
def trace(label):
    def decorate(fn):
        def wrapper(*args, **kwargs):
            return label + ":" + str(fn(*args, **kwargs))
        wrapper.wrapped = fn
        return wrapper
    return decorate


def identity(x):
    return x


@trace("one")
def single(a):
    return a + 1


@identity
@trace("two")

def double(a):
    return a * 2


@identity
class Decorated:
    @staticmethod
    def s():
        return "static"

    @property
    def p(self):
        return "property"

    @identity
    def m(self):
        return "method"


print(single(1), double(2))
print(single.wrapped.__code__.co_firstlineno, double.wrapped.__code__.co_firstlineno)
print(Decorated.s(), Decorated().p, Decorated().m())
print(Decorated.m.__code__.co_firstlineno, Decorated.__dict__["s"].__func__.__code__.co_firstlineno)
print(trace.__code__.co_cellvars, trace("x").__code__.co_cellvars, trace("x").__code__.co_freevars)
w = trace("x")(identity)
print(w.__code__.co_freevars, w.__code__.co_flags, w.__qualname__)
