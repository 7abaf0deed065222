# `c[k] op= v` and plain subscripts run through fused handlers when the container is a list
# (or a tuple, for loads) and the key an int in range; every other case must behave exactly
# as the unfused COPY / BINARY_SUBSCR / SWAP / STORE_SUBSCR sequence: other containers,
# negative and out-of-range indexes, bools as indexes, errors on the right line, and the
# order in which the container, key and value are evaluated.

xs = [1, 2.5, "a", [4]]
xs[0] += 10
xs[1] *= 2
xs[2] += "b"
xs[3] += [5]
xs[-1] += [6]
xs[True] -= 1
print(xs)

d = {"n": 1, 2: 3}
d["n"] += 1
d[2] **= 3
print(d)

grid = [[0.0] * 3 for _ in range(3)]
for i in range(3):
    for j in range(3):
        grid[i][j] += i * 3 + j
        grid[i][j] *= 0.5
print(grid)

t = (1, 2, 3)
print(t[0], t[-1], t[True])
try:
    t[0] += 1
except TypeError as e:
    print("TypeError:", e)

trace = []


def seq():
    trace.append("container")
    return xs


def key(k):
    trace.append("key")
    return k


def val(v):
    trace.append("value")
    return v


seq()[key(0)] += val(100)
print(xs[0], trace)

for bad in (10, -10, "0", 1.0, None):
    try:
        xs[bad] += 1
    except (IndexError, TypeError) as e:
        print(type(e).__name__ + ":", e)
try:
    xs[0] += "text"
except TypeError as e:
    print("TypeError:", e)


class Box:
    def __init__(self):
        self.items = [1, 2]

    def __getitem__(self, k):
        return self.items[k] * 10

    def __setitem__(self, k, v):
        self.items[k] = v


b = Box()
b[0] += 1
b.items[1] += 5
print(b.items)


def fails():
    ys = [1]
    ys[5] += 1


fails()
