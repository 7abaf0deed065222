# co_varnames: parameters first, then the other locals in the order the compiler first meets
# them (a read before the first assignment counts).
def f(a, b):
    if a:
        print(d) if False else None
    c = a + b
    d = c * 2
    for e in range(2):
        c += e
    return c, d


def g():
    del_me = 1
    del del_me
    z = y = 3
    (p, q), r = (1, 2), 3
    return z + y + p + q + r


def h(x):
    x = x + 1
    return x


for fn in (f, g, h):
    code = fn.__code__
    print(fn.__name__, code.co_varnames, code.co_nlocals, code.co_argcount)
print(f(1, 2), g(), h(41))
