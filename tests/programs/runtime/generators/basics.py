# Generator functions: creation, iteration, return values, send, state attributes.


def count(n):
    i = 0
    while i < n:
        yield i
        i += 1
    return "finished"


print(list(count(4)))
for x in count(3):
    print("for", x)

g = count(2)
print(type(g).__name__, g.__name__, g.__qualname__, g.gi_code.co_name)
print(iter(g) is g, g.gi_running, g.gi_frame is not None)
print(next(g), next(g))
try:
    next(g)
except StopIteration as e:
    print("StopIteration", repr(e), e.value, e.args)
print(g.gi_frame)
print(next(g, "default"))
try:
    next(g)
except StopIteration as e:
    print("again", e.value)


def outer():
    def inner():
        yield 1
    return inner()


r = repr(outer())
print(r[:42], r[-1])


def nothing():
    return 5
    yield


try:
    next(nothing())
except StopIteration as e:
    print("return before yield:", e.value)


def echo():
    received = []
    x = yield "ready"
    while x is not None:
        received.append(x)
        x = yield x * 2
    return received


e = echo()
print(next(e))
print(e.send(1), e.send(2), e.send(3))
try:
    e.send(None)
except StopIteration as stop:
    print("echo returned", stop.value)

e2 = echo()
try:
    e2.send(5)
except TypeError as err:
    print(type(err).__name__, err)
print(e2.send(None))


# Closures and cells inside generators.
def counter_gen():
    total = 0

    def add(k):
        nonlocal total
        total += k
        return total

    for k in range(1, 4):
        yield add(k)
    yield total


print(list(counter_gen()))


# Generator expressions are generators too.
squares = (i * i for i in range(5) if i % 2 == 0)
print(type(squares).__name__, squares.__name__)
print(list(squares), list(squares))
print(list(x + y for x in "ab" for y in "12"))
print(max(len(w) for w in ["a", "abc", "ab"]))
nested = list(list(j for j in range(i)) for i in range(4))
print(nested)


# Many generators alive at once, interleaved.
def gen_letters(s):
    for c in s:
        yield c


gens = [gen_letters("abc"), gen_letters("de"), gen_letters("f")]
out = []
while gens:
    for gg in list(gens):
        try:
            out.append(next(gg))
        except StopIteration:
            gens.remove(gg)
print("".join(out))

# Recursion through generators (an in-order tree walk).


def walk(tree):
    if tree is None:
        return
    left, value, right = tree
    yield from walk(left)
    yield value
    yield from walk(right)


tree = (((None, 1, None), 2, (None, 3, None)), 4, (None, 5, (None, 6, None)))
print(list(walk(tree)))

# Builtins that consume iterables take generators.
print(sorted(count(5), reverse=True), tuple(count(3)), set(count(3)) == {0, 1, 2})
print(dict((k, k * k) for k in range(3)), any(x > 3 for x in count(5)), all(x < 3 for x in count(5)))
print(list(enumerate(count(3))), list(zip(count(3), "xyz")), list(map(str, count(3))))
print(list(filter(None, count(4))), "-".join(str(i) for i in count(4)))
a, b, c = count(3)
print(a, b, c)
first, *rest = count(4)
print(first, rest)
print(3 in count(5), 7 in count(5))
