# Special methods of user classes: arithmetic (reflected, in-place, NotImplemented),
# unary operators, comparisons, hashing and equality in dicts and sets, truth, len,
# containers (__getitem__, __setitem__, __delitem__, __contains__, __iter__, __next__),
# __call__, __repr__/__str__, context managers.


class Vec:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __repr__(self):
        return "Vec(%r, %r)" % (self.x, self.y)

    def __add__(self, other):
        if isinstance(other, Vec):
            return Vec(self.x + other.x, self.y + other.y)
        return NotImplemented

    def __sub__(self, other):
        return Vec(self.x - other.x, self.y - other.y)

    def __mul__(self, k):
        if isinstance(k, (int, float)):
            return Vec(self.x * k, self.y * k)
        return NotImplemented

    def __rmul__(self, k):
        return self.__mul__(k)

    def __truediv__(self, k):
        return Vec(self.x / k, self.y / k)

    def __floordiv__(self, k):
        return Vec(self.x // k, self.y // k)

    def __mod__(self, k):
        return Vec(self.x % k, self.y % k)

    def __pow__(self, k):
        return Vec(self.x**k, self.y**k)

    def __matmul__(self, other):
        return self.x * other.x + self.y * other.y

    def __neg__(self):
        return Vec(-self.x, -self.y)

    def __pos__(self):
        return self

    def __invert__(self):
        return Vec(self.y, self.x)

    def __abs__(self):
        return (self.x**2 + self.y**2) ** 0.5

    def __eq__(self, other):
        return isinstance(other, Vec) and (self.x, self.y) == (other.x, other.y)

    def __hash__(self):
        return hash((self.x, self.y))

    def __bool__(self):
        return bool(self.x or self.y)

    def __lt__(self, other):
        return abs(self) < abs(other)

    def __le__(self, other):
        return abs(self) <= abs(other)


v, w = Vec(1, 2), Vec(3, 4)
print(v + w, w - v, v * 3, 3 * v, w / 2, w // 2, w % 2, v**2, v @ w)
print(-v, +v, ~v, abs(w), bool(Vec(0, 0)), bool(v), not v)
print(v == Vec(1, 2), v != Vec(1, 2), v == 1, v < w, w <= v, w > v, v >= w)
print({v: "v", Vec(1, 2): "same key"}, len({v, Vec(1, 2), w}), Vec(3, 4) in {w})
for bad in ["v + 1", "1 + v", "v * 'a'", "v < 1", "v & w", "-Vec"]:
    try:
        eval(bad)
    except TypeError as e:
        print(type(e).__name__, e)


# In-place operators: __iadd__ when defined, else the binary operator.
class Acc:
    def __init__(self):
        self.items = []

    def __iadd__(self, item):
        self.items.append(item)
        return self

    def __add__(self, item):
        print("__add__ called")
        return NotImplemented


acc = Acc()
same = acc
acc += 1
acc += 2
print(acc is same, acc.items)
v2 = v
v2 += w
print(v2, v, v2 is v)
try:
    acc -= 1
except TypeError as e:
    print(type(e).__name__, e)


# Reflected operators: a subclass's __radd__ goes first.
class Num:
    def __init__(self, n):
        self.n = n

    def __add__(self, other):
        return "Num.__add__"

    def __radd__(self, other):
        return "Num.__radd__"


class SubNum(Num):
    def __radd__(self, other):
        return "SubNum.__radd__"


print(Num(1) + Num(2), Num(1) + SubNum(2), 5 + Num(1), Num(1) + 5, SubNum(1) + Num(2))


# Comparisons fall back to the reflected operation, == to identity.
class Ordered:
    def __init__(self, k):
        self.k = k

    def __gt__(self, other):
        return self.k > other.k


a, b = Ordered(1), Ordered(2)
print(b > a, a < b, a == a, a == b, a != b)
try:
    a <= b
except TypeError as e:
    print(type(e).__name__, e)


# Containers.
class Grid:
    def __init__(self):
        self.cells = {}

    def __getitem__(self, key):
        if key not in self.cells:
            raise KeyError(key)
        return self.cells[key]

    def __setitem__(self, key, value):
        self.cells[key] = value

    def __delitem__(self, key):
        del self.cells[key]

    def __contains__(self, key):
        return key in self.cells

    def __len__(self):
        return len(self.cells)

    def __iter__(self):
        return iter(sorted(self.cells))


g = Grid()
g[0, 0] = "origin"
g[1, 2] = "point"
print(g[0, 0], len(g), (1, 2) in g, (5, 5) in g, list(g), bool(g))
del g[0, 0]
print(len(g), list(g))
try:
    g[9, 9]
except KeyError as e:
    print(type(e).__name__, e)


class Squares:
    """The old sequence protocol: __getitem__ until IndexError."""

    def __getitem__(self, i):
        if i >= 4:
            raise IndexError(i)
        return i * i


print(list(Squares()), 9 in Squares(), [x for x in Squares()])


class Countdown:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        return self

    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n


print(list(Countdown(3)), sum(Countdown(5)), [i for i in Countdown(2)])
it = Countdown(1)
print(next(it), next(it, "end"), iter(it) is it)


class BadIter:
    def __iter__(self):
        return 5


class NoLen:
    pass


class BadLen:
    def __len__(self):
        return "long"


for thunk in [lambda: iter(BadIter()), lambda: len(NoLen()), lambda: len(BadLen()), lambda: NoLen()[0], lambda: iter(NoLen())]:
    try:
        thunk()
    except TypeError as e:
        print(type(e).__name__, e)


class Sized:
    def __len__(self):
        return 0


print(bool(Sized()), len(Sized()))


# Callable instances.
class Adder:
    def __init__(self, n):
        self.n = n

    def __call__(self, x, scale=1):
        return (x + self.n) * scale


add5 = Adder(5)
print(add5(1), add5(1, scale=2), list(map(add5, [1, 2])), callable(add5), callable(Vec(0, 0)))
try:
    Vec(0, 0)()
except TypeError as e:
    print(type(e).__name__, e)


# __repr__ and __str__ in printing, containers and formatting.
class Named:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return "Named(" + repr(self.name) + ")"

    def __str__(self):
        return "<" + self.name + ">"


n = Named("x")
print(n, repr(n), str(n), [n], (n,), {"k": n}, f"{n} {n!r}", "%s %r" % (n, n))


class OnlyRepr:
    def __repr__(self):
        return "OnlyRepr()"


print(OnlyRepr(), str(OnlyRepr()), [OnlyRepr()])


class BadRepr:
    def __repr__(self):
        return 42


try:
    repr(BadRepr())
except TypeError as e:
    print(type(e).__name__, e)


# Context managers.
class Managed:
    def __init__(self, name, swallow=False):
        self.name = name
        self.swallow = swallow

    def __enter__(self):
        print("enter", self.name)
        return "entered " + self.name

    def __exit__(self, typ, value, tb):
        print("exit", self.name, typ.__name__ if typ else None, value)
        return self.swallow


with Managed("a") as res:
    print("inside", res)
with Managed("b", swallow=True):
    raise ValueError("swallowed")
try:
    with Managed("c"):
        raise KeyError("propagates")
except KeyError as e:
    print("caught", repr(e))
with Managed("outer"), Managed("inner") as inner:
    print("both", inner)
try:
    with 5:
        pass
except TypeError as e:
    print(type(e).__name__, e)


# Unhashable: defining __eq__ without __hash__.
class EqOnly:
    def __eq__(self, other):
        return True


print(EqOnly.__hash__, EqOnly() == 1)
try:
    {EqOnly()}
except TypeError as e:
    print(type(e).__name__, e)
