# `yield from`: delegation to generators and other iterators, return values, send and
# throw passed through, deep chains.


def inner():
    x = yield "inner-1"
    print("inner got", x)
    y = yield "inner-2"
    print("inner got", y)
    return "inner-result"


def middle():
    r = yield from inner()
    print("middle got result", r)
    z = yield "middle"
    return (r, z)


def outermost():
    r = yield from middle()
    print("outermost got", r)


g = outermost()
print(next(g))
print(g.send("a"))
print(type(g.gi_yieldfrom).__name__, g.gi_yieldfrom.gi_yieldfrom.__name__)
print(g.send("b"))
print(g.gi_yieldfrom.gi_yieldfrom)
try:
    g.send("c")
except StopIteration as e:
    print("outermost finished", e.value)
print(g.gi_yieldfrom)


# yield from over iterators that are not generators.
def from_iterables():
    yield from [1, 2]
    yield from (3, 4)
    yield from range(5, 7)
    yield from "ab"
    yield from {"k": 1}
    r = yield from []
    print("empty yields", r)


print(list(from_iterables()))


class Countdown:
    """An iterator whose StopIteration carries a value."""

    def __init__(self, n):
        self.n = n

    def __iter__(self):
        return self

    def __next__(self):
        if self.n == 0:
            raise StopIteration("liftoff")
        self.n -= 1
        return self.n


def from_custom():
    r = yield from Countdown(3)
    yield r


print(list(from_custom()))


class Receiver:
    """An iterator with send(), used by yield from for non-None values."""

    def __init__(self):
        self.log = []

    def __iter__(self):
        return self

    def __next__(self):
        return "next"

    def send(self, v):
        self.log.append(v)
        if v == "stop":
            raise StopIteration(len(self.log))
        return "sent " + v


def delegate(rec):
    result = yield from rec
    yield "result %s" % result


rec = Receiver()
d = delegate(rec)
print(next(d), d.send("x"), d.send("y"), d.send("stop"), rec.log)


def not_iterable():
    yield from 5


try:
    list(not_iterable())
except TypeError as e:
    print(type(e).__name__, e)


# A chain of delegation as deep as the recursion limit allows in CPython and cellvm alike.
def chain(n):
    if n == 0:
        yield "bottom"
        return 0
    depth = yield from chain(n - 1)
    return depth + 1


def run_chain(n):
    total = yield from chain(n)
    yield total


print(list(run_chain(400)))

# Sending values down a deep chain.


def accumulate(n):
    if n == 0:
        total = 0
        while True:
            v = yield total
            if v is None:
                return total
            total += v
    return (yield from accumulate(n - 1))


acc = accumulate(200)
next(acc)
for v in range(1, 6):
    print(acc.send(v), end=" ")
print()
try:
    acc.send(None)
except StopIteration as e:
    print("accumulated", e.value)

# yield from a generator that was already started or finished.
src = (i for i in range(4))
print(next(src))


def rest(it):
    yield from it


print(list(rest(src)), list(rest(src)))
