# sum, min and max: CPython's accumulation order (an int accumulator, then a double), the
# first of equal extremes, key= and default=, and their errors.


def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


print(sum([]), sum([1, 2, 3]), sum(range(101)), sum([True, True, False]), sum((), 10))
print(sum([1, 2.5, 3]), sum([0.1] * 10), sum([0.1, 0.2, 0.3]), sum([1e16, 1.0, -1e16]))
print(sum([1e308, 1e308, -1e308]), sum([float("inf"), float("-inf")]), sum([float("nan"), 1]))
print(sum([-0.0]), sum([-0.0], -0.0), sum([], -0.0), sum([1.0, True]), sum([2.5, 2 ** 70]))
print(sum([2 ** 63, 2 ** 63]), sum([2 ** 62, 2 ** 62, -2 ** 62]), sum([-2 ** 63, -1]), sum([9223372036854775807, 1]))
print(sum([1, 2], 0.5), sum([1.5, 2], 1), sum([2 ** 64, 0.5]), sum([0.5, 2 ** 64, 1]))
print(sum([[1], [2, 3]], []), sum([(1,), (2,)], ()), sum([1, 2], start=10), sum([1.5], start=True))
print(sum(x * x for x in range(0)) if False else sum([x * x for x in range(10)]))
big = [(i * 7919) % 1000 / 7 for i in range(1000)]
print(sum(big), sum(big[::-1]), sum([i / 3 for i in range(100)], 0.0))
empty = []
print(sum([empty, [1]], empty), empty)
show("no args", lambda: sum())
show("not iterable", lambda: sum(1))
show("strings", lambda: sum(["a", "b"]))
show("string start", lambda: sum([], "a"))
show("bytes start", lambda: sum([b"a"], b""))
show("int and str", lambda: sum([1, "a"]))
show("float and str", lambda: sum([1.5, "a"]))
show("too many", lambda: sum([1], 2, 3))
show("keyword iterable", lambda: sum(iterable=[1]))
show("bad keyword", lambda: sum([1], x=1))
show("too many with keyword", lambda: sum([1], start=1, x=2))
show("start twice", lambda: sum([1], 2, start=3))
show("overflow to float", lambda: sum([1.0, 10 ** 400]))

print(min(3, 1, 2), max(3, 1, 2), min([4, 2, 8]), max((4, 2, 8)), min("hello"), max("hello"))
print(min(1, 1.0, True), max(1, 1.0, True), min([1.0, 1]), max([True, 1]))
print(min([3, -4, 2], key=abs), max([3, -4, 2], key=abs), min("bca", key=None), max(["a", "bb", "cc"], key=len))
print(min([], default=5), max([], default=None), min([7], default=0), max(range(10), key=lambda x: x % 4))
print(min({3: 0, 1: 0}), max([[1, 2], [1, 3], [0, 9]]), min(range(5, 10)), max(2.5, 2))
print(min([float("nan"), 1, 2]), min([1, float("nan"), 0]), max([float("nan"), 5]))
show("min no args", lambda: min())
show("max no args", lambda: max())
show("min empty", lambda: min([]))
show("max empty", lambda: max(()))
show("min not iterable", lambda: min(1))
show("min default with args", lambda: min(1, 2, default=5))
show("min bad key", lambda: min([1, 2], key=1))
show("min key not called on one", lambda: min([1], key=1))
show("min bad keyword", lambda: min([1], foo=1))
show("max mixed", lambda: max([1, "a"]))
show("min mixed", lambda: min(["a", 1]))
show("min keyword only", lambda: min(key=len))


class Rev:
    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        print("lt", self.v, other.v)
        return self.v > other.v

    def __gt__(self, other):
        print("gt", self.v, other.v)
        return self.v < other.v


print(min([Rev(1), Rev(3), Rev(2)]).v)
print(max(Rev(1), Rev(3), Rev(2)).v)
