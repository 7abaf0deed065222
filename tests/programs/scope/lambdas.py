# Lambdas are functions named <lambda>; defaults are evaluated where the lambda is written.
add = lambda a, b=2: a + b
print(add(1), add(1, 5), add.__name__, add.__qualname__, add.__code__.co_varnames)

curry = lambda x: lambda y: lambda z: x + y + z
print(curry(1)(2)(3))
inner = curry(1)(2)
print(inner.__qualname__, inner.__code__.co_freevars)


def make_multipliers():
    return [lambda x, i=i: x * i for i in range(4)]


print([m(10) for m in make_multipliers()])


def late_binding():
    return [lambda x: x * i for i in range(4)]


print([m(10) for m in late_binding()])
print(late_binding()[0].__code__.co_freevars, late_binding()[0].__qualname__)

kw = lambda *args, key=None, **rest: (args, key, sorted(rest))
print(kw(1, 2, key=3, z=4), kw.__code__.co_varnames, kw.__code__.co_flags)


def outer(n):
    return (lambda: (lambda: n * 2)())()


print(outer(21))
default_from_closure = (lambda k: (lambda v=k: v))(7)
print(default_from_closure(), default_from_closure.__code__.co_freevars)
print((lambda: (yield 1))().__next__())
