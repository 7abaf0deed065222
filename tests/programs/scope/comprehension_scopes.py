# Comprehension scopes in detail: class bodies, lambdas, nested functions and generators.
class InClass:
    values = [1, 2, 3]
    # Only the outermost iterable is evaluated in the class scope.
    doubled = [v * 2 for v in values]
    pairs = [(a, b) for a in values for b in range(a) if b]
    gen_sum = sum(v for v in values)
    try:
        broken = [v + len(values) for v in range(2)]
    except NameError as e:
        broken = "NameError: " + str(e)


print(InClass.doubled, InClass.pairs, InClass.gen_sum, InClass.broken)


def lambda_in_comprehension():
    return [(lambda: i)() for i in range(3)], [f() for f in [lambda: j for j in range(3)]]


print(lambda_in_comprehension())


def comprehension_in_lambda(n):
    f = lambda: [n * k for k in range(3)]
    return f()


print(comprehension_in_lambda(2))
lam = comprehension_in_lambda.__code__.co_consts[1]
print(lam.co_name, lam.co_freevars, lam.co_cellvars)


def comprehension_cell():
    # The comprehension's own variable captured by lambdas: a cell of the comprehension.
    fns = [lambda: x for x in range(3)]
    return [f() for f in fns]


print(comprehension_cell())
comp = [c for c in comprehension_cell.__code__.co_consts if hasattr(c, "co_name")][0]
print(comp.co_name, comp.co_cellvars, comp.co_varnames, comp.co_freevars)


def three_levels(rows):
    return [[[r, c, d] for d in range(1)] for r in rows for c in range(r)]


print(three_levels([1, 2]))


def iteration_var_shadows_parameter(x):
    return [x for x in range(x)], x


print(iteration_var_shadows_parameter(3))


def generator_in_generator():
    return list(list(y for y in range(x)) for x in range(3))


print(generator_in_generator())


def dict_comprehension_order():
    return {k: v for k, v in (("b", 1), ("a", 2), ("b", 3))}


print(dict_comprehension_order())
