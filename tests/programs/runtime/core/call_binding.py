# Argument binding and CPython's TypeError for every mismatch.
def f(a, b=2, *args, c, d=4, **kw):
    return (a, b, args, c, d, kw)

print(f(1, c=3))
print(f(1, 2, 3, 4, c=5, e=6))
print(f(a=1, c=3, d=5))

def g(a, b, /, c, *, d):
    return a, b, c, d

print(g(1, 2, 3, d=4))
print(g(1, 2, c=3, d=4))

def h(x, y):
    return x + y

def k():
    return 0

def m(a, b=1):
    return a

def kw_only(*, a, b):
    return a

cases = [
    lambda: h(1),
    lambda: h(),
    lambda: h(1, 2, 3),
    lambda: h(1, x=2),
    lambda: h(1, z=2),
    lambda: k(1),
    lambda: m(1, 2, 3),
    lambda: m(),
    lambda: g(1, b=2, c=3, d=4),
    lambda: g(1, 2, 3),
    lambda: kw_only(),
    lambda: kw_only(1, a=2, b=3),
    lambda: f(),
    lambda: f(1),
]
for case in cases:
    try:
        case()
    except TypeError as e:
        print("TypeError:", e)

def three(a, b, c):
    return a

try:
    three()
except TypeError as e:
    print(e)

print(h(*[1, 2]), h(**{"x": 1, "y": 2}), f(*(1, 2), **{"c": 3}))
try:
    h(*[1], **{"x": 2})
except TypeError as e:
    print(e)
