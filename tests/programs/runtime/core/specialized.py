# What the interpreter's specialised handlers and superinstructions must keep exactly as the
# plain opcodes do: operators on boundary values, compare-and-jump on every kind of operand,
# errors raised in the second instruction of a fused pair (at that instruction's pc, so the
# right handler catches them), and for loops over ranges, lists that change while iterated,
# and other iterators.


def report(f, *args):
    try:
        print(f.__name__, repr(f(*args)))
    except Exception as e:
        print(f.__name__, type(e).__name__ + ":", e)


# Bit operations, shifts and powers, where the fast path stops and the general one starts.
values = [0, 1, -1, 5, -5, 63, 64, 2**62, -2**63, 2**63 - 1, 2**64, True, 2.5]
for a in values:
    for b in values:
        row = []
        for name, f in (
            ("&", lambda a, b: a & b),
            ("|", lambda a, b: a | b),
            ("^", lambda a, b: a ^ b),
            ("<<", lambda a, b: a << b if isinstance(b, int) and b < 100 else a << 0),
            (">>", lambda a, b: a >> b),
        ):
            try:
                row.append(repr(f(a, b)))
            except Exception as e:
                row.append(type(e).__name__ + ": " + str(e))
        print(repr(a), repr(b), " ".join(row))


def inplace(a, b):
    x = a
    x &= b
    y = a
    y |= b
    z = a
    z ^= b
    w = a
    w >>= 3
    v = a
    v <<= 2
    return x, y, z, w, v


print(inplace(12, 10), inplace(-12, 10), inplace(2**62, 3), inplace(-2**63, -1))

for base in (0, 1, -1, 2, -2, 3, 10, 2**31, 1.5, -1.5, 0.0, -0.0, 2.0, 1e200, float("inf"), float("nan")):
    row = []
    for exp in (0, 1, 2, 3, 31, 63, 64, -1, -2, 0.5, 2.0, -0.5, 1e10, float("inf")):
        try:
            r = base**exp
            row.append(repr(r) if not isinstance(r, int) or abs(r) < 10**30 else "big%d" % (r % 1000))
        except Exception as e:
            row.append(type(e).__name__ + ": " + str(e))
    print(repr(base), row)
acc = 2
acc **= 10
print(acc, 2.0**-1074, 10.0**308, 3**40, (-3)**41, 7**0)


# Compare and jump: ints, floats, mixed, NaN, strings, tuples, and operands that cannot be
# ordered (the TypeError comes from the compare half).
def classify(a, b):
    out = []
    if a < b:
        out.append("<")
    if a <= b:
        out.append("<=")
    if a == b:
        out.append("==")
    if a != b:
        out.append("!=")
    if a > b:
        out.append(">")
    if a >= b:
        out.append(">=")
    if not a < b:
        out.append("!<")
    while a > b:
        out.append("while")
        break
    return " ".join(out)


nan = float("nan")
for a, b in [(1, 2), (2, 1), (2, 2), (-2**63, 2**63 - 1), (1.5, 1.5), (-0.0, 0.0), (nan, nan),
             (nan, 1.0), (1, 1.0), (2**53 + 1, 2.0**53), ("a", "b"), ((1, 2), (1, 3)), (True, 1)]:
    print(repr(a), repr(b), classify(a, b))
for a, b in [(1, None), ("a", 1), (None, None), ([1], (1,))]:
    report(classify, a, b)


# An error in the second half of a fused pair is raised at its own instruction: here the
# store of `x` and the load of the unbound `b` are fused, and only the load is in the try.
def second_half_in_try():
    x = 1
    try:
        y = b
    except UnboundLocalError as e:
        print("caught:", e)
    b = 2
    return x


print(second_half_in_try())


def global_then_local():
    try:
        return len(missing_local)
    except UnboundLocalError as e:
        print("caught:", e)
    missing_local = ()


global_then_local()


def unbound_after_const():
    try:
        return 1 + later
    except UnboundLocalError as e:
        print("caught:", e)
    later = 0


unbound_after_const()


# for loops over ranges and lists, and the iterators the specialised FOR_ITER leaves alone.
def loops():
    out = []
    for i in range(5):
        out.append(i)
    for i in range(10, 0, -3):
        out.append(i)
    for i in range(0):
        out.append("never")
    for i in range(2**63 - 3, 2**63 - 1):
        out.append(i)
    for i in range(-2**63, -2**63 + 2):
        out.append(i)
    items = [1, 2, 3]
    for x in items:
        if x < 5:
            items.append(x + 3)
        out.append(x)
    shrinking = [1, 2, 3, 4, 5, 6]
    for x in shrinking:
        shrinking.pop()
        out.append(x)
    for x in (7, 8):
        out.append(x)
    for c in "ab":
        out.append(c)
    for k in {"k": 1}:
        out.append(k)
    for g in (n * n for n in range(3)):
        out.append(g)
    for i in range(3):
        if i == 1:
            break
    else:
        out.append("no break")
    for i in range(2):
        pass
    else:
        out.append("else %d" % i)
    return out


print(loops())
it = iter([1, 2])
for x in it:
    pass
print(list(it), next(iter(range(3))), x)


# Unpacking into locals: tuples and lists of the right length go straight into the locals;
# everything else (and every error) is the plain UNPACK_SEQUENCE.
def unpack(seq):
    try:
        a, b, c = seq
        return a, b, c
    except ValueError as e:
        return "ValueError: " + str(e)
    except TypeError as e:
        return "TypeError: " + str(e)


for seq in [(1, 2, 3), [4, 5, 6], (1, 2), [1, 2, 3, 4], "xyz", range(3), (n for n in (7, 8, 9)), 5, None, {1: 0, 2: 0, 3: 0}]:
    print(unpack(seq))


def twice():
    a, a = 1, 2
    x, y = y, x = 3, 4
    pairs = [(1, "one"), (2, "two")]
    out = []
    for k, v in pairs:
        out.append((v, k))
    return a, x, y, out


print(twice())
