# Every combination of parameter kinds, and the co_varnames order: positional-only,
# positional-or-keyword, keyword-only, then *args and **kwargs, then other locals.
def p0():
    pass


def p1(a, b=2):
    local = a
    return local


def p2(a, /, b, *, c):
    return a, b, c


def p3(*args):
    return args


def p4(**kwargs):
    return kwargs


def p5(a, *args, b, **kwargs):
    x = 1
    return a, args, b, kwargs, x


def p6(a, b, /, c=3, *args, d, e=5, **kwargs):
    return a, b, c, args, d, e, kwargs


def p7(*, only):
    return only


def p8(a, /):
    return a


def p9(a, b=1, /, c=2):
    return a, b, c


def p10(a, *, b, **kw):
    def inner():
        return kw, b
    return inner


for fn in (p0, p1, p2, p3, p4, p5, p6, p7, p8, p9, p10):
    c = fn.__code__
    print(fn.__name__, c.co_argcount, c.co_posonlyargcount, c.co_kwonlyargcount, c.co_nlocals,
          c.co_flags, c.co_varnames, c.co_cellvars)

print(p2(1, 2, c=3), p5(1, 2, 3, b=4, z=5), p6(1, 2, d=4), p9(1), p10(1, b=2, k=3)())
print(p1.__defaults__, p6.__defaults__, sorted(p6.__kwdefaults__.items()))
try:
    p8(a=1)
except TypeError as e:
    print("TypeError:", e)
try:
    p7(1)
except TypeError as e:
    print("TypeError:", e)
try:
    p2(1, 2, 3)
except TypeError as e:
    print("TypeError:", e)
