# `nonlocal` rebinds a variable of the nearest enclosing function that binds it.
def make_counter():
    count = 0

    def increment(step=1):
        nonlocal count
        count += step
        return count

    def read():
        return count

    return increment, read


inc, read = make_counter()
inc()
inc(5)
print(read())
print(make_counter.__code__.co_cellvars)
print(inc.__code__.co_freevars, inc.__code__.co_varnames)


def skips_a_level():
    value = "outermost"

    def middle():
        def inner():
            nonlocal value
            value = "changed by inner"
        inner()
        return value

    return middle(), value


print(skips_a_level())


def nearest_wins():
    v = "outer"

    def middle():
        v = "middle"

        def inner():
            nonlocal v
            v = "inner wrote middle"
        inner()
        return v

    return middle(), v


print(nearest_wins())


def nonlocal_param(n):
    def bump():
        nonlocal n
        n += 1
    bump()
    bump()
    return n


print(nonlocal_param(40))
print(nonlocal_param.__code__.co_varnames, nonlocal_param.__code__.co_cellvars)
