# Parameters captured by nested functions are both in co_varnames (their argument slot) and
# in co_cellvars; the call prologue moves the argument into the cell.
def positional(a, b, c):
    def inner():
        return a + c
    return inner


def posonly(a, /, b):
    return lambda: (a, b)


def kwonly(*, key="default"):
    def inner():
        return key
    return inner


def varargs(*args, **kwargs):
    def inner():
        return args, sorted(kwargs.items())
    return inner


def rebinding(x):
    def get():
        return x
    x = x * 2
    return get


for fn in (positional, posonly, kwonly, varargs, rebinding):
    c = fn.__code__
    print(fn.__name__, c.co_varnames, c.co_cellvars, c.co_argcount, c.co_posonlyargcount,
          c.co_kwonlyargcount, c.co_nlocals, c.co_flags)

print(positional(1, 2, 3)())
print(posonly(1, 2)())
print(kwonly()(), kwonly(key="given")())
print(varargs(1, 2, z=3, y=4)())
print(rebinding(21)())
