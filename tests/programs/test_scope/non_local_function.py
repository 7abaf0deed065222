# testNonLocalFunction: two closures updating the same variable through `nonlocal`.
def f(x):
    def inc():
        nonlocal x
        x += 1
        return x

    def dec():
        nonlocal x
        x -= 1
        return x
    return inc, dec


inc, dec = f(0)
print(inc(), inc(), dec(), dec())
print(f.__code__.co_cellvars, inc.__code__.co_freevars, inc.__code__.co_varnames)
