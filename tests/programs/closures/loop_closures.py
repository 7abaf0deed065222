# Closures made in a loop all see the loop variable's final value (one cell per call of the
# enclosing function); a default argument or an extra function level captures each value.
def late():
    fns = []
    for i in range(3):
        fns.append(lambda: i)
    return [f() for f in fns]


def early_default():
    fns = []
    for i in range(3):
        fns.append(lambda i=i: i)
    return [f() for f in fns]


def early_factory():
    def make(v):
        return lambda: v
    return [make(i)() for i in range(3)]


def while_loop():
    fns = []
    n = 0
    while n < 3:
        def show():
            return n
        fns.append(show)
        n += 1
    return [f() for f in fns]


print(late(), early_default(), early_factory(), while_loop())
print(late.__code__.co_cellvars, early_default.__code__.co_cellvars, while_loop.__code__.co_cellvars)
