"""The less common forms: multi-name global and nonlocal, star targets everywhere, finally
with control flow, PEP 646 star subscripts, return and yield of starred tuples."""
a = b = 0


def set_both():
    global a, b
    a, b = 1, 2


set_both()
print(a, b)


def counters():
    x = y = 0

    def bump():
        nonlocal x, y
        x += 1
        y += 2
    bump()
    return x, y


print(counters())

for first, *others in [(1, 2, 3), (4,)]:
    print(first, others)
for single, in [(1,), (2,)]:
    print(single)
with open.__class__ if False else type("C", (), {"__enter__": lambda s: (1, 2), "__exit__": lambda s, *a: None})() as (p, q):
    print(p, q)
del (a, b)
c = d = 1
del [c, d]
print("a" in globals(), "c" in globals())
s = list(range(10))
s[::3] = ["x"] * 4
print(s)


def starred_return(*rest):
    return 0, *rest


def starred_yield(*rest):
    yield 0, *rest


print(starred_return(1, 2), next(starred_yield(3)))


def finally_overrides():
    try:
        return "try"
    finally:
        return "finally"


def finally_in_loop():
    out = []
    for i in range(4):
        try:
            if i == 1:
                continue
            if i == 3:
                break
            out.append(i)
        finally:
            out.append("f%d" % i)
    return out


def nested_try():
    try:
        try:
            raise ValueError("inner")
        except ValueError:
            raise KeyError("from handler")
        finally:
            print("inner finally")
    except KeyError as e:
        return "outer got " + str(e) + " with context " + type(e.__context__).__name__


print(finally_overrides(), finally_in_loop(), nested_try())


class Star:
    def __getitem__(self, key):
        return key


st = Star()
args = (1, 2)
print(st[*args], st[0, *args], st[*args, 9])
print(*args, sep="-", end="!\n")
print(f(*args) if (f := lambda *v: sum(v)) else None)


def bare_raise_outside_handler():
    try:
        raise
    except RuntimeError as e:
        return "RuntimeError: " + str(e)


print(bare_raise_outside_handler())
x = 5
print(0 < x < 10 != 11, (x > 1) + (x > 2), -x ** 2, (-x) ** 2, not x == 5, x if x else -x)
print([lambda: 1][0](), (lambda *a, **k: (a, k))(1, k=2), (lambda a, /, b, *, c: a + b + c)(1, 2, c=3))
print(type(...).__name__, [1, 2][-1:], "abc"[::-1], {**{}}, [*()], (*(),))
