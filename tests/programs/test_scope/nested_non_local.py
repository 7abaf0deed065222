# testNestedNonLocal: `nonlocal` through two levels of functions.
def f(x):
    def g():
        nonlocal x
        x -= 2

        def h():
            nonlocal x
            x += 4
            return x
        return h
    return g


g = f(1)
h = g()
print(h())
print(g.__code__.co_freevars, g.__code__.co_cellvars, h.__code__.co_freevars)
