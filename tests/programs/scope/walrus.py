# Assignment expressions in comprehensions bind in the enclosing function (or module),
# which makes the name a cell of the function and free in the comprehension.
def last_positive(values):
    [last := v for v in values if v > 0]
    return last


print(last_positive([3, -1, 4, -5]))
code = last_positive.__code__
print(code.co_cellvars, code.co_varnames)
comp = [c for c in code.co_consts if hasattr(c, "co_name")][0]
print(comp.co_name, comp.co_freevars, comp.co_varnames)


def running_total(values):
    total = 0
    sums = [total := total + v for v in values]
    return sums, total


print(running_total([1, 2, 3]))


def nested_comprehension():
    [[found := (i, j) for j in range(2)] for i in range(3)]
    return found


print(nested_comprehension())
outer = [c for c in nested_comprehension.__code__.co_consts if hasattr(c, "co_name")][0]
inner = [c for c in outer.co_consts if hasattr(c, "co_name")][0]
print(outer.co_freevars, outer.co_cellvars, inner.co_freevars)

# At module level the target is a global.
[module_last := x for x in "xyz"]
print(module_last)


def in_generator():
    g = (seen := x for x in range(3))
    before = "unset"
    try:
        before = seen
    except NameError as e:
        before = type(e).__name__
    list(g)
    return before, seen


print(in_generator())


def walrus_plain(n):
    if (half := n // 2) > 1:
        return half
    return (doubled := n * 2), doubled


print(walrus_plain(10), walrus_plain(2), walrus_plain.__code__.co_varnames)


def walrus_in_lambda():
    f = lambda: (y := 5) + y
    return f(), f.__code__.co_varnames


print(walrus_in_lambda())
