# What the inline caches on built-in types must keep exactly as an uncached lookup: one
# LOAD_METHOD site that sees receivers of many types (built-in ones, instances of classes
# that define the method or shadow it per instance, values without it), and constructors of
# built-in types called with every kind of argument, including bad ones.


class MyList:
    def __init__(self, items):
        self.items = items

    def copy(self):
        return "MyList.copy"


class WithAttr:
    def __init__(self):
        self.copy = lambda: "instance attribute"

    def clear(self):
        return "WithAttr.clear"


receivers = [[1, 2], {"a": 1}, {3, 4}, MyList([5]), WithAttr(), frozenset([6]), [7], {"b": 2}]
for _ in range(3):
    for r in receivers:
        print(type(r).__name__, r.copy())

# The same site with values that have no such method.
for r in [[1], "text", 5, None, (1,), [2]]:
    try:
        print(r.copy())
    except AttributeError as e:
        print("AttributeError:", e)

# str methods at one site, then instances of a class with its own upper().
class Shout:
    def __init__(self, s):
        self.s = s

    def upper(self):
        return "SHOUT " + str.upper(self.s)


for s in ["abc", Shout("def"), "ghi", Shout("jkl")]:
    print(s.upper())

# Constructors of built-in types, through the remembered __new__, and their errors.
for args in [(), (5,), ("12",), ("ff", 16), (3.7,), ("x",), ([],)]:
    try:
        print("int", args, "->", int(*args))
    except (TypeError, ValueError) as e:
        print("int", args, "->", type(e).__name__ + ":", e)
for f in (str, float, list, tuple, dict, set, frozenset, range, bool):
    for args in [(), ("ab",), (1, 2, 3, 4)]:
        try:
            print(f.__name__, args, "->", repr(f(*args)))
        except (TypeError, ValueError) as e:
            print(f.__name__, args, "->", type(e).__name__ + ":", e)
print(str(object=42), dict(a=1, b=2), int("7", base=8))
for call in (
    lambda: str(foo=1),
    lambda: str(5, "utf-8"),
    lambda: str(encoding="utf-8"),
    lambda: str(b"ab", "utf-8"),
    lambda: str(b"ab", encoding="utf-8", errors="strict"),
    lambda: str(1, object=2),
    lambda: float(x=1),
    lambda: list(x=1),
    lambda: frozenset([1], [2]),
):
    try:
        print(repr(call()))
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)

# Dict subscripts by str and int keys, which the subscript handlers look up in place, with
# keys that are equal across types and missing ones.
d = {1.0: "float one", "k": "str", 2: "int two", True: "true"}
print(d[1], d[True], d[1.0], d["k"], d[2], d[2.0])
d[1] = "replaced through int"
d["new"] = 5
d[10**20] = "big"
print(d)
for missing in ("nope", 3, 2**70):
    try:
        print(d[missing])
    except KeyError as e:
        print("KeyError:", e)

# A new function's __module__ is its globals' __name__ when it is made (cached per code
# object): renamed, deleted, and in other globals.
def make():
    def inner():
        pass
    return inner


print(make().__module__)
__name__ = "renamed"
print(make().__module__)
del __name__
print(make().__module__)
__name__ = "back"
print(make().__module__)
for g in ({"__name__": "first"}, {"__name__": "second"}, {}):
    exec("def f(): pass\nresult = f.__module__", g)
    print(g["result"])

# dict.get and list.append have short paths for their usual calls; every other call keeps
# CPython's checks and messages.
d = {"a": 1}
xs = []
for call in (
    lambda: d.get("a"),
    lambda: d.get("b"),
    lambda: d.get("b", 7),
    lambda: d.get(),
    lambda: d.get("a", 1, 2),
    lambda: d.get(key="a"),
    lambda: dict.get(d, "a"),
    lambda: dict.get(5, "a"),
    lambda: d.get([]),
    lambda: xs.append(1),
    lambda: xs.append(),
    lambda: xs.append(1, 2),
    lambda: xs.append(x=1),
    lambda: list.append(xs, 2),
    lambda: list.append((), 2),
):
    try:
        print(repr(call()))
    except TypeError as e:
        print("TypeError:", e)
print(xs)
for call in (lambda: d.setdefault(k=1), lambda: d.pop(k=1), lambda: dict.fromkeys(k=1), lambda: d.pop()):
    try:
        print(repr(call()))
    except TypeError as e:
        print("TypeError:", e)
