# Lists of one kind of value (ints, floats, strs) are sorted without going through the
# general comparison; the result must be CPython's to the last detail: the order of equal
# but distinguishable items (0.0 and -0.0, 1 and True), reverse=True keeping equal items in
# their original order, NaNs, mixed kinds and big ints taking the general path.

import math

ints = [(i * 7919) % 1009 - 500 for i in range(3000)]
print(sorted(ints)[:10], sorted(ints)[-5:], sorted(ints, reverse=True)[:5])
print(sorted([5, -2**63, 2**63 - 1, 0, -1]), sorted([3, 2**70, -2**70, 1]))

zeros = [0.0, -0.0, 1.5, -0.0, 0.0, -1.5, 0.0]
print(sorted(zeros), sorted(zeros, reverse=True))
floats = [((i * 37) % 101) / 7 - 5 for i in range(500)]
print(sorted(floats)[:6], sorted(floats, reverse=True)[:3])
print(sorted([math.inf, 1.0, -math.inf, 0.5]))
# A NaN makes the order depend on the algorithm: CPython's timsort decides.
print(sorted([3.0, math.nan, 1.0, 2.0, math.nan, 0.5]))
print(sorted([1.0, 2.0, math.nan, 0.0], reverse=True))

print(sorted([1, True, 0, False, 1.0, 2]), sorted([True, 1, 1.0], reverse=True))
print(sorted(["b", "a", "é", "z", "", "ab", "A", "\U0001f600", "ü"]))
print(sorted(["pear", "Apple", "apple", "pear", "fig"], reverse=True))
words = ["w%d" % ((i * 13) % 50) for i in range(200)]
print(sorted(words)[:8])

xs = [3, 1, 2]
xs.sort(reverse=True)
print(xs)
for bad in ([1, "a"], ["a", 1.0], [None, None]):
    try:
        print(sorted(bad))
    except TypeError as e:
        print("TypeError:", e)
