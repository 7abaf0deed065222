# The methods of dict: normal use, edge cases and CPython's errors.


def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


d = {"a": 1, "b": 2}
print(d.get("a"), d.get("z"), d.get("z", 0), d.get(1.0, "none"))
print(d.setdefault("a", 100), d.setdefault("c", 3), d.setdefault("n"), d)
print(d.pop("n"), d.pop("zz", "default"), d)
show("pop missing", lambda: d.pop("zz"))
show("pop missing tuple", lambda: d.pop((1, 2)))
show("pop unhashable", lambda: d.pop([]))
show("pop unhashable default", lambda: d.pop([], 0))
show("pop empty unhashable", lambda: {}.pop([]))
show("pop empty unhashable default", lambda: {}.pop([], "d"))
show("get unhashable", lambda: d.get([]))
show("setdefault unhashable", lambda: d.setdefault({}))

e = {1: "one", 2: "two", 3: "three"}
print(e.popitem(), e.popitem(), e)
e[4] = "four"
print(e.popitem(), e)
show("popitem empty", lambda: {}.popitem())
show("popitem arg", lambda: {}.popitem(1))

f = {"x": 1}
f.update({"y": 2, "x": 10})
f.update([("z", 3), ["w", 4]])
f.update(k=5, x=0)
f.update({"m": 6}, n=7)
f.update(["ab", "cd"])
f.update()
f.update({})
f.update(f)
print(f)
g = {}
g.update(zip(range(3), "abc"))
g.update(dict.fromkeys([7, 8]))
g.update(g.items())
print(g)
show("update int", lambda: {}.update(1))
show("update not pairs", lambda: {}.update([1]))
show("update short pair", lambda: {}.update([(1,)]))
show("update long pair", lambda: {}.update([(1, 2), (1, 2, 3)]))
show("update two args", lambda: {}.update({}, {}))
h = {}
show("update partial", lambda: h.update([(1, 2), (3, 4), 5]))
print(h)


class Mapping:
    def keys(self):
        return ["p", "q"]

    def __getitem__(self, key):
        return key * 2


m = {}
m.update(Mapping())
print(m, dict(Mapping()))

c = {"a": [1], "b": 2}
c2 = c.copy()
c2["b"] = 3
c2["a"].append(2)
print(c, c2, c2 is c)
c.clear()
print(c, len(c), c2)
show("copy arg", lambda: {}.copy(1))
show("clear arg", lambda: {}.clear(1))
show("keys arg", lambda: {}.keys(1))
show("get no args", lambda: {}.get())
show("get too many", lambda: {}.get(1, 2, 3))
show("setdefault no args", lambda: {}.setdefault())
show("pop no args", lambda: {}.pop())
show("pop too many", lambda: {}.pop(1, 2, 3))
show("descriptor", lambda: dict.get(1, 2))
show("unbound", lambda: dict.keys())
show("through type", lambda: dict.get({1: 2}, 1))

print(dict.fromkeys("abc"), dict.fromkeys([1, 2], 0), dict.fromkeys(()), {}.fromkeys(range(3), "x"))
shared = dict.fromkeys([1, 2], [])
shared[1].append("same")
print(shared)
print(dict.fromkeys({3: 0, 1: 0, 2: 0}), dict.fromkeys([1, 1.0, True, 2]))
show("fromkeys no args", lambda: dict.fromkeys())
show("fromkeys not iterable", lambda: dict.fromkeys(1))
show("fromkeys unhashable", lambda: dict.fromkeys([[1]]))
show("fromkeys too many", lambda: dict.fromkeys([], 1, 2))

r = {"one": 1, "two": 2, "three": 3}
print(list(reversed(r)), list(reversed({})))
del r["two"]
r["four"] = 4
print(list(reversed(r)), list(r))
it = reversed(r)
print(next(it))
r["five"] = 5
show("reversed changed", lambda: next(it))
show("reversed changed again", lambda: next(it))

k = {1: 1, 2: 2}
it2 = iter(k)
print(next(it2))
k[3] = 3
show("iteration changed", lambda: next(it2))
