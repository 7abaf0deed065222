"""Every expression form."""
import math

a, b = 7, 3
# Binary operators.
print(a + b, a - b, a * b, a / b, a // b, a % b, a ** b, a << b, a >> 1, a & b, a | b, a ^ b)
print(-a // b, -a % b, 2 ** -1, 2 ** 3 ** 2, (2 ** 3) ** 2)


class Mat:
    def __init__(self, v):
        self.v = v

    def __matmul__(self, other):
        return Mat(self.v * other.v)

    def __imatmul__(self, other):
        self.v += other.v
        return self


m1 = Mat(3) @ Mat(4)
m1 @= Mat(1)
print(m1.v)

# Unary operators.
print(-a, +a, ~a, not a, not 0, - - a)

# Comparisons, chained, identity and membership.
print(a < b, a <= b, a == b, a != b, a > b, a >= b)
print(1 < 2 < 3, 1 < 3 < 2, 1 == 1.0 != 2, a is a, a is not None, 3 in [1, 2, 3], 4 not in (1,))

# Boolean operators and short-circuit values.
print(0 or "x", "" or 0, 1 and 2, 0 and 1, None or [] or "last", 1 and 0 or 5)
print(not (a and b) or (a or b))

# Conditional expression, lambda, walrus.
print("yes" if a > b else "no", (lambda q, r=2: q * r)(5), (w := 10) + w)

# Calls with every kind of argument.
def call(*args, **kwargs):
    return args, sorted(kwargs.items())


xs = [1, 2]
kw = {"k": 1}
print(call(), call(1, 2), call(*xs), call(0, *xs, 3, *xs), call(a=1), call(**kw))
print(call(1, *xs, b=2, **kw), call(*xs, **kw, z=0), call(**{"a": 1}, **{"b": 2}))
print(call(x for x in range(3)) [0][0].__class__.__name__)

# Subscripts and slices.
s = list(range(10))
print(s[1], s[-1], s[2:5], s[:3], s[7:], s[::2], s[::-1], s[1:8:3], s[:], s[slice(2, 4)])
d = {(1, 2): "tuple key"}
print(d[1, 2], d[(1, 2)])


class Index:
    def __getitem__(self, key):
        return key


ix = Index()
print(ix[1:2, ::3], ix[...], ix[1:2:None], ix[:, 0], ix[*xs] if False else None)

# Attributes.
print(math.pi.__class__.__name__, "abc".upper().lower(), (1).__add__(2))

# Displays: tuple, list, set, dict, with unpacking.
t = (1,)
print((), t, (1, 2), [], [1, *xs, *t], {1, *xs}, {}, {"a": 1, **kw, "b": 2}, {**kw})
print([*range(3)], (*range(2), 9), {*"ab"} == {"a", "b"})

# Comprehensions in every form.
print([i for i in range(3)], {i % 2 for i in range(4)} == {0, 1}, {i: i * i for i in range(3)})
print(list(i for i in range(3)), sum(i for i in range(4)), [j for i in range(3) for j in range(i)])
print([i if i % 2 else -i for i in range(5) if i != 3])

# Ellipsis and constants.
print(..., Ellipsis is ..., None, True, False, __debug__)

# Starred assignment targets in expressions.
first, *rest = "hello"
print(first, rest)

# Parenthesized expressions spanning lines.
total = (1 +
         2
         + 3)
print(total, [
    1,
    2,
], {
    "k": "v",
})


# yield and await as expressions are in generators.py-style code.
def gen():
    received = yield 1
    yield received
    value = yield from inner()
    yield value


def inner():
    yield "inner"
    return "inner result"


g = gen()
print(next(g), g.send("sent"), next(g), next(g))
