# testMixedFreevarsAndCellvars: one function with both free variables and cells, some of them
# parameters.
def identity(x):
    return x


def f(x, y, z):
    def g(a, b, c):
        a = a + x

        def h():
            return identity(z * (b + y))
        y = c + z
        return h
    return g


g = f(1, 2, 3)
h = g(2, 4, 6)
print(h())
print(f.__code__.co_cellvars, f.__code__.co_varnames)
print(g.__code__.co_cellvars, g.__code__.co_freevars, g.__code__.co_varnames)
print(h.__code__.co_freevars, h.__code__.co_names)
