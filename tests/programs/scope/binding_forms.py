# Every statement that binds a name makes it local to the function.
import math


def binders(seq):
    for item in seq:
        pass
    with open_ctx() as handle:
        pass
    try:
        raise ValueError("v")
    except ValueError as err:
        caught = str(err)
    import sys
    import math as m
    from math import pi, tau as full_turn
    if (walrus := len(seq)) > 1:
        pass
    total: int = 0
    declared_only: str
    total += walrus
    def fn():
        pass
    class Cls:
        pass
    del fn
    [first, *rest] = seq
    a = b = 1
    obj = Cls()
    obj.attr = 1            # attribute targets bind nothing
    seq_copy = list(seq)
    seq_copy[0] = 9         # neither do subscripts
    return item, handle, caught, sys.maxsize > 0, m.floor(pi), round(full_turn, 2), walrus, total, first, rest, a + b


class open_ctx:
    def __enter__(self):
        return "ctx"

    def __exit__(self, *exc):
        return False


print(binders([1, 2, 3]))
code = binders.__code__
print(code.co_varnames)
print(sorted(code.co_names))


def annotated_only():
    x: int
    try:
        return x
    except NameError as e:
        return type(e).__name__ + ": " + str(e)


print(annotated_only(), annotated_only.__code__.co_varnames)


def except_name_is_deleted():
    e = "before"
    try:
        1 / 0
    except ZeroDivisionError as e:
        pass
    try:
        return e
    except NameError as ne:
        return type(ne).__name__ + ": " + str(ne)


print(except_name_is_deleted())


def except_name_cell():
    try:
        raise KeyError("k")
    except KeyError as exc:
        get = lambda: exc
        inside = repr(get())
    try:
        get()
    except NameError as ne:
        return inside, str(ne)


print(except_name_cell(), except_name_cell.__code__.co_cellvars)
print(math.floor(2.5))
