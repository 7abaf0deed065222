# testNearestEnclosingScope: the nearest enclosing binding masks outer ones.
def f(x):
    def g(y):
        x = 42

        def h(z):
            return x + z
        return h
    return g(2)


test_func = f(10)
print(test_func(5))
print(f.__code__.co_cellvars, f.__code__.co_varnames)
