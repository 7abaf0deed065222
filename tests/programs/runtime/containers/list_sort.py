# list.sort and sorted: stability, key=, reverse=, failing comparisons and key functions,
# and lists changed during the sort.


def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


print(sorted([5, 2, 9, 1, 5, 6]))
print(sorted([5, 2, 9, 1, 5, 6], reverse=True))
print(sorted("hello world"))
print(sorted((3.5, 1, -2, 2.25, True)))
print(sorted([]), sorted([1]), sorted(range(5, 0, -1)))
print(sorted({3: "c", 1: "a", 2: "b"}))
print(sorted(["bb", "a", "ccc", "dd"], key=len))
print(sorted(["bb", "a", "ccc", "dd"], key=len, reverse=True))
print(sorted([(1, "b"), (0, "z"), (1, "a"), (0, "y")]))

# Stability: equal keys keep their order, also with reverse=True.
pairs = [(i % 3, i) for i in range(12)]
print(sorted(pairs, key=lambda p: p[0]))
print(sorted(pairs, key=lambda p: p[0], reverse=True))

# Longer lists exercise the runs and the merges.
seed = 12345
items = []
for _ in range(300):
    seed = (seed * 1103515245 + 12345) % 2 ** 31
    items.append(seed % 1000)
s = sorted(items)
print(s[:10], s[-10:], len(s), all([s[i] <= s[i + 1] for i in range(len(s) - 1)]))
keyed = sorted(range(300), key=lambda i: items[i] % 7)
print(keyed[:12])
print(all([items[keyed[i]] % 7 < items[keyed[i + 1]] % 7 or
           (items[keyed[i]] % 7 == items[keyed[i + 1]] % 7 and keyed[i] < keyed[i + 1])
           for i in range(len(keyed) - 1)]))
desc = sorted(items, reverse=True)
print(desc[:5], desc == s[::-1])
print(sorted(list(range(100)) + list(range(100, 0, -1)))[95:105])
runs = list(range(50)) + list(range(70, 50, -1)) + list(range(200, 120, -3))
print(sorted(runs) == sorted(runs, key=lambda x: x), sorted(runs)[40:60])

a = [3, 1, 2]
print(a.sort(), a)
a.sort(reverse=True)
print(a)
a.sort(key=lambda x: -x, reverse=True)
print(a)
a.sort(key=None, reverse=False)
print(a)

# Comparison errors: every item stays in the list.
b = [3, 1, "x", 2]
show("mixed", lambda: b.sort())
print(sorted(b, key=str))
show("mixed sorted", lambda: sorted([1, "a"]))
show("mixed reverse", lambda: sorted(["a", 1], reverse=True))
show("none", lambda: sorted([None, None]))
show("one item is not compared", lambda: sorted([None]))


class Key:
    calls = 0

    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        Key.calls += 1
        if self.v == 13 or other.v == 13:
            raise ValueError("unlucky " + str(Key.calls))
        return self.v < other.v

    def __repr__(self):
        return "Key(%d)" % self.v


keys = [Key(v) for v in [5, 3, 8, 1]]
keys.sort()
print(keys, Key.calls)
Key.calls = 0
bad = [Key(v) for v in [5, 3, 13, 1, 7]]
show("raising __lt__", lambda: bad.sort())
print(len(bad), sorted([k.v for k in bad]))


def failing_key(x):
    if x == 3:
        raise KeyError(x)
    return -x


c = [1, 2, 3, 4]
show("raising key", lambda: c.sort(key=failing_key))
print(c)

# Changing the list from a key function.
d = [3, 1, 2]


def grow(x):
    d.append(x)
    return x


show("modified", lambda: d.sort(key=grow))
print(d)
e = [3, 1, 2]
seen = []


def look(x):
    seen.append(len(e))
    return x


e.sort(key=look)
print(e, seen)

show("sort positional", lambda: [].sort(1))
show("sort bad keyword", lambda: [].sort(foo=1))
show("sort too many", lambda: [].sort(1, 2, 3))
show("sort key not callable", lambda: [2, 1].sort(key=1))
show("sort empty key not called", lambda: [].sort(key=1))
show("reverse None", lambda: [].sort(reverse=None))
show("reverse float", lambda: [].sort(reverse=1.5))
show("reverse huge", lambda: [].sort(reverse=2 ** 40))
show("sorted no args", lambda: sorted())
show("sorted two args", lambda: sorted([], 1))
show("sorted keyword iterable", lambda: sorted(iterable=[1]))
show("sorted not iterable", lambda: sorted(1))
show("sorted bad keyword", lambda: sorted([], foo=1))
print(sorted([3, 1, 2], reverse=5), sorted([3, 1, 2], reverse=False))
print(sorted([1, 2, 3], key=lambda x: x % 2))
print(sorted([-3, 2, -1], key=abs), sorted([1.5, 1, 0.5, True]))
