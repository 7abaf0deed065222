# dict.keys(), values(), items(): live views with reprs, lengths, membership, iteration,
# reversal and, for keys and items, the set operations and comparisons.


def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


d = {"a": 1, "b": 2}
k, v, i = d.keys(), d.values(), d.items()
print(k, v, i)
print(len(k), len(v), len(i), bool(k), bool({}.keys()), bool({}.items()), bool({}.values()))
d["c"] = 3
print(k, v, i)
del d["a"]
print(list(k), list(v), list(i), len(i))
print("b" in k, "a" in k, 2 in v, 5 in v, ("b", 2) in i, ("b", 3) in i, "b" in i, ("b",) in i)
print(list(reversed(k)), list(reversed(v)), list(reversed(i)))
print([x for x in k], [x for x in v], [x for x in i])
print(repr({}.keys()), repr({}.values()), repr({}.items()))
print({1: "a", "b": (2,)}.items())
print(type(k).__name__, type(v).__name__, type(i).__name__)
for it in [iter(k), iter(v), iter(i), reversed(k), reversed(v), reversed(i), reversed(d)]:
    show("len of iterator", lambda: len(it))

show("hash keys", lambda: hash(k))
show("hash items", lambda: hash(i))
show("next on view", lambda: next(k))
show("subscript view", lambda: k[0])
show("unhashable in keys", lambda: [] in k)
show("unhashable pair in items", lambda: ([], 1) in i)
print((1, []) in {1: []}.items(), [] in {1: []}.values())

x = {1: 0, 2: 0, 3: 0}
y = {2: 0, 3: 0, 4: 0}
print(x.keys() | y.keys(), x.keys() & y.keys(), x.keys() - y.keys(), x.keys() ^ y.keys())
print(x.keys() | [9, 1], x.keys() & [3, 3, 9], x.keys() - [1], x.keys() ^ [1, 5])
print([9, 1] | x.keys(), [3, 9] & x.keys(), [1, 5, 6] - x.keys(), (1, 5) ^ x.keys())
print({1, 7} | x.keys(), {1, 7} & x.keys(), {1, 7} - x.keys(), {1, 7} ^ x.keys())
print(frozenset({2}) | x.keys(), type(frozenset({2}) | x.keys()).__name__)
print(x.items() | y.items(), x.items() & {(1, 0), (5, 0)}, x.items() - y.items())
print(x.items() ^ y.items(), {1: 0, 2: 1}.items() ^ {1: 0, 2: 2, 3: 3}.items())
print(x.keys() & y.items(), x.items() | x.keys())
print(type(x.keys() | set()).__name__, type(set() | x.keys()).__name__)
s = {1}
s |= x.keys()
print(s)
kv = x.keys()
kv |= {8}
print(kv, type(kv).__name__)
show("or int", lambda: x.keys() | 1)
show("int or", lambda: 1 | x.keys())
show("values or", lambda: x.values() | {1})
show("values and", lambda: x.values() & x.values())
show("items and unhashable", lambda: {1: []}.items() & {(1, 2)})
show("items or unhashable", lambda: {1: []}.items() | set())
print(x.keys().isdisjoint([5, 6]), x.keys().isdisjoint({3}), x.items().isdisjoint([(1, 0)]))
print({}.keys().isdisjoint([]), x.keys().isdisjoint(x.keys()), x.keys().isdisjoint(y.keys()))
show("isdisjoint no args", lambda: x.keys().isdisjoint())
show("isdisjoint int", lambda: x.keys().isdisjoint(1))

print(x.keys() == {1, 2, 3}, x.keys() == {1, 2}, {1, 2, 3} == x.keys(), x.keys() != {1})
print(x.keys() == y.keys(), x.keys() == {3: 1, 2: 1, 1: 1}.keys(), x.items() == {(1, 0), (2, 0), (3, 0)})
print(x.keys() < {1, 2, 3, 4}, x.keys() <= {1, 2, 3}, x.keys() > {1}, x.keys() >= {1, 2, 3, 4})
print({1} < x.keys(), {1, 2, 3, 4} > x.keys(), frozenset({1, 2, 3}) <= x.keys())
print(x.keys() == [1, 2, 3], x.keys() != [1, 2, 3], x.values() == x.values(), v == v)
show("keys <= list", lambda: x.keys() <= [1])
show("list < keys", lambda: [1] < x.keys())
show("values < values", lambda: x.values() < x.values())

z = {i: i * i for i in range(5)}
it = iter(z.items())
print(next(it))
z[10] = 100
show("items changed", lambda: next(it))
itv = iter(z.values())
print(next(itv))
del z[10]
show("values changed", lambda: next(itv))
iv = iter(z.keys())
z.clear()
show("keys after clear", lambda: next(iv))
show("empty after clear", lambda: list(z.keys()))
