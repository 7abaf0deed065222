# The order of co_cellvars and co_freevars: cells that are parameters come first, in
# parameter order, then the other cells sorted by code point; free variables are sorted.
def outer(zeta, alpha, mid):
    omega = 1
    beta = 2
    def inner():
        return zeta, omega, beta, alpha, mid
    def inner2():
        def deeper():
            return mid, zeta, beta
        return deeper
    return inner, inner2
print(outer.__code__.co_cellvars, outer.__code__.co_varnames)
i, i2 = outer(1,2,3)
print(i.__code__.co_freevars, i2.__code__.co_freevars, i2().__code__.co_freevars)
class K:
    def m(self):
        z = 1
        def f():
            return z, __class__, self
        return f
print(K.m.__code__.co_cellvars, K.m.__code__.co_freevars, K().m().__code__.co_freevars)
def g():
    B = 1; a = 2; _c = 3
    return lambda: (B, a, _c)
print(g.__code__.co_cellvars)


def params_out_of_order(c, b, a, *args, kw, **rest):
    return lambda: (a, b, c, args, kw, rest, later)
    later = 0


print(params_out_of_order.__code__.co_cellvars, params_out_of_order.__code__.co_varnames)
print(params_out_of_order(1, 2, 3, kw=4).__code__.co_freevars)
