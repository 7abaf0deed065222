# Generators: co_flags has CO_GENERATOR (0x20); closures inside generators work as usual.
def count_up(n):
    i = 0
    while i < n:
        yield i
        i += 1


def delegating(n):
    yield "start"
    result = yield from count_up(n)
    yield result


def gen_closure(base):
    def add(v):
        return base + v
    for i in range(3):
        yield add(i)
    base = 100
    yield add(0)


def returns_value():
    yield 1
    return "done"


print(list(count_up(3)), list(delegating(2)), list(gen_closure(10)))
g = returns_value()
print(next(g))
try:
    next(g)
except StopIteration as e:
    print("StopIteration", e.value)
for fn in (count_up, delegating, gen_closure, returns_value):
    c = fn.__code__
    print(fn.__name__, c.co_flags, c.co_varnames, c.co_cellvars)


def send_values():
    total = 0
    while True:
        got = yield total
        if got is None:
            return
        total += got


s = send_values()
next(s)
print(s.send(5), s.send(6))
nested_gen = (x * y for x in range(3) for y in (1, 2))
print(list(nested_gen))


def lambda_gen():
    return lambda: (yield "from lambda")


print(next(lambda_gen()()), lambda_gen().__code__.co_flags)
