# A local used by a nested function becomes a cell; the nested function sees it as free.
def outer():
    a = 1
    b = 2
    unused_by_inner = 3

    def inner():
        return a + b

    a = 10  # the closure sees the cell's current value
    return inner


f = outer()
print(f())
print(outer.__code__.co_cellvars, outer.__code__.co_varnames)
print(f.__code__.co_freevars, f.__code__.co_varnames)
print([c.cell_contents for c in f.__closure__])


def passes_through():
    secret = "deep"

    def middle():
        def innermost():
            return secret
        return innermost

    return middle


m = passes_through()
print(m()(), passes_through.__code__.co_cellvars)
print(m.__code__.co_freevars, m.__code__.co_cellvars, m().__code__.co_freevars)
