# testNonLocalGenerator: a generator updating an enclosing variable through `nonlocal`.
def f(x):
    def g(y):
        nonlocal x
        for i in range(y):
            x += 1
            yield x
    return g


g = f(0)
print(list(g(5)))
print(g.__code__.co_flags, g.__code__.co_freevars, g.__code__.co_varnames)
