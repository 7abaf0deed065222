# The methods of set and frozenset: normal use, edge cases and CPython's errors. Sets of
# ints print in CPython's table order (int hashes do not depend on the hash seed).


def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


s = {3, 1, 2}
s.add(4)
s.add(1)
s.add((1, 2))
print(s, len(s))
s.remove((1, 2))
s.discard(4)
s.discard(99)
print(s)
show("remove missing", lambda: s.remove(99))
show("remove missing tuple", lambda: s.remove((1, 2)))
show("remove unhashable", lambda: s.remove([1]))
show("discard unhashable", lambda: s.discard({}))
show("add unhashable", lambda: s.add([]))
show("remove set key", lambda: s.remove({1}))
fs = {frozenset({1}), frozenset()}
fs.remove({1})
fs.discard(set())
print(fs, len({frozenset({2})}), {1} in {frozenset({1})})

p = {5, 3, 8}
print(p.pop(), p.pop(), p.pop())
show("pop empty", lambda: p.pop())
show("pop arg", lambda: {1}.pop(1))

q = {1, 2, 3}
c = q.copy()
c.add(4)
print(q, c, q.copy() is q)
q.clear()
print(q, len(q))
fz = frozenset({1, 2})
print(fz.copy() is fz, frozenset().copy())

u = {1, 2}
u.update({3}, [4, 5], (6,), {7: "x"}, range(8, 10))
u.update()
print(u)
u.intersection_update({1, 2, 3, 4, 5, 100}, [2, 3, 4, 5])
print(u)
u.intersection_update()
print(u)
u.difference_update([2], {3})
print(u)
u.difference_update()
u.symmetric_difference_update({4, 10})
print(u)
u.symmetric_difference_update([5, 11, 11])
print(u)
u.symmetric_difference_update({20: 0, 10: 1})
print(u)
u.symmetric_difference_update(u)
print(u)
v = {1, 2, 3}
v.difference_update(v)
print(v)
w = {1, 2}
w.update(w)
w.intersection_update(w)
print(w)

a, b = {1, 2, 3, 4}, {3, 4, 5}
print(a.union(b), a.union(), a.union([9], (8,), {7}), a.union(a))
print(a.intersection(b), a.intersection(), a.intersection(b, [4, 3]), a.intersection(a))
print(a.difference(b), a.difference(), a.difference([1], {2}), a.difference(a))
print(a.symmetric_difference(b), a.symmetric_difference([1, 9]), a.symmetric_difference(a))
print(a.issubset(b), {3, 4}.issubset(b), {3}.issubset([3]), set().issubset(set()))
print(a.issuperset({1, 2}), a.issuperset([1, 9]), a.issuperset(()), b.issuperset(b))
print(a.isdisjoint(b), a.isdisjoint({9}), a.isdisjoint([9, 4]), set().isdisjoint(set()), a.isdisjoint(a))
print(a, b)

fa = frozenset([1, 2, 3])
print(fa.union([4]), fa.intersection({2, 3, 4}), fa.difference([1]), fa.symmetric_difference({3, 4}))
print(fa.issubset({1, 2, 3}), fa.issuperset([1]), fa.isdisjoint({5}))
print(type(fa.union(set())).__name__, type(set().union(fa)).__name__)
print(type(fa | set()).__name__, type(set() | fa).__name__, type(fa & {1}).__name__)

show("union not iterable", lambda: a.union(1))
show("union second not iterable", lambda: frozenset().union([1], 2))
show("issubset not iterable", lambda: a.issubset(1))
show("issubset unhashable", lambda: {1}.issubset([[1]]))
show("issuperset unhashable", lambda: {1}.issuperset([[1]]))
show("isdisjoint unhashable", lambda: {1}.isdisjoint([[1]]))
show("isdisjoint no args", lambda: set().isdisjoint())
show("symmetric_difference no args", lambda: {1}.symmetric_difference())
show("symmetric_difference two", lambda: {1}.symmetric_difference([1], [2]))
show("symmetric_difference_update no args", lambda: set().symmetric_difference_update())
show("add no args", lambda: set().add())
show("update keyword", lambda: set().update(x=1))
show("descriptor", lambda: set.add(1, 2))
show("frozenset descriptor", lambda: frozenset.union(set()))
show("set descriptor on frozenset", lambda: set.union(frozenset(), [1]))
show("copy on frozenset", lambda: set.copy(frozenset()))
show("unbound", lambda: set.union())
show("frozenset has no add", lambda: frozenset().add(1))

# Which of equal keys is kept: the first added, or the one from the iterated operand.
print({1} & {1.0}, {1.0} & {1, 2}, {1}.intersection([1.0]), {1} | {1.0}, {True, 1, 1.0})
print({1, 2} - {2.0}, {1.0, 2} ^ {1}, set([1.0]) | {True})

print({1, 2} < {1, 2, 3}, {1, 2} <= {1, 2}, {1, 2} > {1}, {1} >= {1, 2}, {1} == frozenset({1}))
show("set < list", lambda: set() < [1])
show("set - list", lambda: set() - [1])
show("list & set", lambda: [1] & set())

x = {1, 2, 3}
y = x
y |= {4}
y &= {1, 2, 4, 5}
y -= {2}
y ^= {7, 1}
print(x, y, x is y)
fx = frozenset({1, 2})
fy = fx
fy |= {3}
print(fx, fy, fx is fy)

it = iter({1, 2, 3})
print(next(it))
z = {1, 2}
it2 = iter(z)
next(it2)
z.add(3)
show("changed during iteration", lambda: next(it2))
