# Comprehensions and generator expressions are nested functions: their code objects take
# the outermost iterable as the argument `.0`.
def all_four(n):
    lst = [i * i for i in range(n)]
    st = {i % 3 for i in range(n)}
    dct = {i: str(i) for i in range(n)}
    gen = (i + 1 for i in range(n))
    return lst, sorted(st), dct, list(gen)


print(all_four(4))
for c in all_four.__code__.co_consts:
    if hasattr(c, "co_name"):
        print(c.co_name, c.co_qualname, c.co_varnames, c.co_argcount, c.co_flags, c.co_freevars)

# Nested comprehensions: the inner one is a child of the outer one.
def matrix(rows, cols):
    return [[r * cols + c for c in range(cols)] for r in range(rows)]


print(matrix(2, 3))

# The loop variable of the outer comprehension is a cell of the outer comprehension when the
# inner one reads it.
outer_comp = matrix.__code__.co_consts[1]
print(outer_comp.co_name, outer_comp.co_cellvars, outer_comp.co_varnames)
inner_comp = [c for c in outer_comp.co_consts if hasattr(c, "co_name")][0]
print(inner_comp.co_name, inner_comp.co_freevars, inner_comp.co_varnames)


# A comprehension iterating a free variable: the outermost iterable is evaluated in the
# enclosing function, but inner iterables and the element expression run inside.
def closure_iter():
    data = [1, 2, 3]
    factor = 10

    def inner():
        return [x * factor for x in data for _ in data[:1]]

    return inner


f = closure_iter()
print(f(), f.__code__.co_freevars)

# Comprehension variables do not leak.
x = "module x"
print([x for x in "abc"], x)

# Multiple for and if clauses.
print([(a, b) for a in range(4) if a % 2 for b in range(a) if b != 1])

# Module-level comprehension reading a global.
scale = 3
print([scale * v for v in range(3)])
print({k: v for k, v in zip("ab", (1, 2))})

# Generator expression: the first iterable is evaluated immediately.
def first_iterable_eager():
    try:
        g = (v for v in undefined_name)
    except NameError as e:
        return "NameError at creation: " + str(e)
    return "not raised"


print(first_iterable_eager())
g = (i for i in range(3))
print(next(g), list(g))
