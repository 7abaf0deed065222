# The interpreter's int / float / list / tuple fast paths against the general protocol:
# every operator on boundary values (2**53, i64 limits, signed zeros, inf, nan).
vals = [0, 1, -1, 7, -7, 3, -3, 2**53, -2**53, 2**53+1, 2**62, -2**63, 2**63-1, 0.0, -0.0, 1.5, -2.5, 1e308, float('inf'), float('nan')]
for a in vals:
    for b in vals:
        for op in ('+', '-', '*', '/', '//', '%'):
            try:
                r = eval(f"a {op} b")
            except Exception as e:
                r = type(e).__name__ + ": " + str(e)
            print(repr(a), op, repr(b), '=', repr(r))
        print(a < b, a <= b, a == b, a != b, a > b, a >= b)
l = [1, 2, 3]; t = (4, 5, 6)
for i in range(-4, 4):
    try: print(l[i], t[i])
    except IndexError as e: print(e)
    try:
        l[i] = i; print(l)
    except IndexError as e: print(e)
x, y, z = l; print(x, y, z)
try:
    x, y = l
except ValueError as e: print(e)
