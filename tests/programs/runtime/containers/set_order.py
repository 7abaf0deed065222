# The iteration order of sets of ints after each kind of operation: it is the order of
# CPython's hash table, so it shows whether every operation builds its table the same way
# (probe sequence, resizes, dummies, pop's finger, which operand is iterated).


def lcg(seed, n, modulus):
    out = []
    for _ in range(n):
        seed = (seed * 1103515245 + 12345) % 2 ** 31
        out.append(seed % modulus)
    return out


print({8, 16, 24, 0, 32, 40})
print(set([-1, -2, 1, 2, 2 ** 61 - 1, 2 ** 61, 2 ** 64, -2 ** 63]))
print({1 << 40, 1 << 41, 3 << 40, 7, 7 + (1 << 32)})
print(set(range(20, 0, -1)), set(range(0, 200, 32)))
print(set([(1, 2), (2, 1), (0, 0), ()]), {0.5, 1.5, 1e100, 2.5}, set([0.5, 1.5, -0.25, 1e100]))
print({5, 3, 1, 8, 13, 21, 34, 55, 89}, {1, 2, 3} | {100, 200}, {1, 9, 17, 25, 33, 41})

big = set(lcg(1, 60, 10 ** 6))
print(list(big)[:15], len(big))
for i in range(0, 60, 3):
    big.discard(lcg(1, 60, 10 ** 6)[i])
print(list(big)[:15], len(big))
big.update(range(1000, 1010))
print(list(big)[-15:])

# Removing many keys leaves dummies: adding reuses them; difference_update rebuilds.
r = set(range(64))
for i in range(0, 64, 2):
    r.remove(i)
r.add(1000)
r.add(2)
print(list(r)[:10])
r2 = set(range(64))
r2.difference_update(range(0, 64, 2))
print(list(r2)[:10], r2 == set(range(1, 64, 2)))
r3 = set(range(64)) - set(range(0, 64, 2))
print(list(r3)[:10])
r4 = set(range(64)) - set(range(48))
print(r4)
r5 = set(range(3)) - set(range(100))
print(r5)

# pop scans from where the last pop stopped.
p = {1, 2, 3, 9, 17}
print(p.pop(), p.pop())
p.add(0)
p.add(8)
print(p.pop(), p.pop(), p)
p.clear()
p.update([5, 6, 7])
print(p.pop(), p)
pp = set(range(10))
print([pp.pop() for _ in range(4)], pp)
pp.add(1)
pp.add(100)
print([pp.pop() for _ in range(3)], pp)

# Each operation's result table.
a = set(lcg(7, 30, 500))
b = set(lcg(8, 40, 500))
c = set(lcg(9, 5, 500))
print(list(a | b)[:12])
print(list(b | a)[:12])
print(list(a & b), list(b & a))
print(list(a - b)[:12], list(b - a)[:12])
print(list(a ^ b)[:12], list(b ^ a)[:12])
print(list(a.union(b, c))[:12], list(a.intersection(b, list(a))))
print(list(a.difference(c, [a.copy().pop()]))[:12], list(c.symmetric_difference(a))[:12])
print(list(a.intersection(list(b))), list(a.intersection(range(500)))[:12])
print(list(c - a), list(c - set(range(500))), list(set(range(500)) - a)[:12])
d = dict.fromkeys(lcg(3, 20, 1000))
print(list(set(d))[:12], list(a.union(d))[:12], list(set(a) ^ set(d))[:12])
e = a.copy()
e.symmetric_difference_update(d)
print(list(e)[:12])
e.symmetric_difference_update(lcg(4, 10, 500))
print(list(e)[:12])
f = a.copy()
f &= b
print(list(f))
f = a.copy()
f.intersection_update(b, c)
print(list(f), list(frozenset(a) & b))
g = set()
g.update(a)
g.update(b)
print(list(g)[:12], list(g) == list(a | b))
h = set(lcg(5, 200, 10 ** 9))
print(list(h)[:8], len(h))
h.difference_update(lcg(5, 150, 10 ** 9))
print(list(h)[:8], len(h))
fs = frozenset(lcg(6, 25, 300))
print(list(fs)[:10], list(fs | a)[:10], list(a | fs)[:10])
print(list({x * 8 for x in range(30)})[:10], list(set([x * 8 for x in range(30)][::-1]))[:10])
