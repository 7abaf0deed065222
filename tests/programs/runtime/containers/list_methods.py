# The methods of list and tuple: normal use, edge cases and CPython's errors.


def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


a = [1, 2, 3]
a.append(4)
a.append([5])
print(a)
a.extend((6, 7))
a.extend(range(8, 10))
a.extend("ab")
a.extend([x * 10 for x in range(2)])
print(a)
b = [1, 2]
b.extend(b)
print(b)
b += b
print(b)

c = ["x", "y", "z"]
c.insert(0, "first")
c.insert(2, "mid")
c.insert(100, "last")
c.insert(-1, "before-last")
c.insert(-100, "very-first")
print(c)

d = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3]
d.remove(1)
print(d)
d.remove(5)
print(d)
show("remove missing", lambda: d.remove(42))
print(d.pop(), d.pop(0), d.pop(-2), d)
show("pop empty", lambda: [].pop())
show("pop empty index", lambda: [].pop(3))
show("pop out of range", lambda: [1, 2].pop(2))
show("pop out of range neg", lambda: [1, 2].pop(-3))
show("pop str", lambda: [1].pop("0"))
show("pop float", lambda: [1].pop(1.0))
show("pop huge", lambda: [1].pop(2 ** 100))
show("pop bool", lambda: [10, 20].pop(True))

e = [1, 2, 3, 2, 1]
print(e.index(2), e.index(2, 2), e.index(1, -2), e.index(3, 0, 3), e.index(1, -100, 100))
show("index missing", lambda: e.index(7))
show("index str", lambda: e.index("a"))
show("index window", lambda: e.index(3, 3))
show("index stop", lambda: e.index(3, 0, 2))
show("index bad start", lambda: e.index(1, "a"))
show("index huge start", lambda: e.index(1, 2 ** 100))
show("index huge negative start", lambda: e.index(1, -2 ** 100))
show("index no args", lambda: e.index())
show("index too many", lambda: e.index(1, 2, 3, 4))
print(e.count(1), e.count(2), e.count(9), [1, 1.0, True].count(1), [[1], [1]].count([1]))
nan = float("nan")
print([nan, nan].count(nan), [nan].index(nan))

f = [1, 2, 3]
g = f.copy()
g.append(4)
print(f, g, f.copy() == f, f.copy() is f)
f.reverse()
print(f)
f.clear()
print(f, len(f))
empty = []
empty.reverse()
print(empty)

show("append no args", lambda: [].append())
show("append two args", lambda: [].append(1, 2))
show("append keyword", lambda: [].append(x=1))
show("extend int", lambda: [].extend(1))
show("extend no args", lambda: [].extend())
show("insert one arg", lambda: [].insert(1))
show("insert str", lambda: [].insert("a", 1))
show("insert huge", lambda: [].insert(2 ** 100, 1))
show("count no args", lambda: [].count())
show("reverse arg", lambda: [].reverse(1))
show("copy arg", lambda: [].copy(1))
show("clear arg", lambda: [].clear(1))
show("descriptor", lambda: list.append(1, 2))
show("unbound", lambda: list.append())
show("through type", lambda: list.count([1, 1, 2], 1))

t = (1, 2, 3, 2)
print(t.index(2), t.index(2, 2), t.count(2), t.count(5), ().count(1))
show("tuple index missing", lambda: t.index(9))
show("tuple index window", lambda: t.index(1, 1))
show("tuple count no args", lambda: t.count())
show("tuple index no args", lambda: t.index())
show("tuple descriptor", lambda: tuple.index([1], 1))


class Index:
    def __init__(self, n):
        self.n = n

    def __index__(self):
        return self.n


h = [10, 20, 30, 40]
print(h.pop(Index(1)), h)
h.insert(Index(0), 5)
print(h, h.index(30, Index(1)))
show("bad __index__", lambda: h.pop(Index("x")))


class Noisy:
    def __init__(self, name):
        self.name = name

    def __eq__(self, other):
        print("eq", self.name, getattr(other, "name", other))
        return isinstance(other, Noisy) and self.name == other.name


n = [Noisy("a"), Noisy("b"), Noisy("c")]
print(n.index(Noisy("b")))
print(n.count(Noisy("c")))
n.remove(Noisy("a"))
print([x.name for x in n])
