# complex arithmetic as CPython 3.11 computes it: + - * / ** with ints, bools, floats and
# complex numbers, Smith's division, integral powers by repeated multiplication, the polar
# form for the others, unary operators, abs, comparisons, hashing and truth.


def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


inf = float("inf")
nan = float("nan")
a, b = 3 + 4j, 1 - 2j

# Mixed operands: ints, bools and floats take part as complex(x, 0.0).
print(a + b, a - b, a * b, a / b, a ** 2, b ** -1)
print(a + 1, 1 + a, a - 1, 1 - a, a * 2, 2 * a, a / 2, 2 / a, a ** 0, 0 ** b.real)
print(a + 1.5, 1.5 + a, a - 0.5, 0.5 - a, a * 0.5, 0.5 * a, a / 0.5, 0.5 / a)
print(a + True, True + a, a * False, False * a, a / True, True / a, a ** True, True ** a)
print(1j * 1j, 1j ** 2, (-1) ** 0.5, (-8) ** (1 / 3), (-8.0) ** 0.5, (-2) ** 1.5, 2 ** 0.5j)
print(2 ** 100 + 1j, 1j * 2 ** 60, (1 + 1j) * 10 ** 20, 1j - 2 ** 53)
print(-a, +a, -(0j), -(-0j), +0j, -(1 - 1j), -(complex(0, 0)))
print(0j + 0j, 0j - 0j, -0j + 0j, 0.0 * 1j, -0.0 * 1j, 1j * -0.0, (-0.0 - 0j) * 1)

# Division (divide by whichever part of the divisor is larger) and its edge cases.
print((1 + 2j) / (3 - 1j), (1 + 2j) / (1e300 + 1e300j), (1 + 1j) / (1e-300 + 1j))
print(1j / 3, 1 / 1j, 1 / (1 + 1j), -1 / (1 - 1j), 5 / (3 + 4j), (3 + 4j) / (3 + 4j))
print(1 / complex(0, inf), 1 / complex(inf, inf), complex(inf, 1) / 2, complex(1, 2) / complex(nan, 1))
print(1j / complex(1, nan), complex(inf, 0) / complex(1, 1), 1e308j / 1e-308)

# Powers: small integral exponents multiply, the others go through polar form.
print((1 + 1j) ** 10, (1 + 1j) ** -10, (2 - 3j) ** 3, (2 - 3j) ** 3.0, (1 + 2j) ** 0.5)
print((1 + 1j) ** 100, (1 + 1j) ** 101, (1 + 1j) ** -100, (1 + 1j) ** -101, 1j ** 1j)
print((1 + 1j) ** (2 + 0j), (1 + 1j) ** (2 - 1j), 0j ** 0, 0j ** 0j, 0j ** 1, 0j ** 2.5, 0 ** (1 + 0j))
print(1j ** 4, 1j ** -4, 1j ** 1e10, (-1) ** 0.25, 1 ** 1j, complex(nan, 1) ** 2, complex(1, 1) ** nan)
print(pow(1j, 2), pow(2, 1j), pow(1 + 1j, -2), pow(0.5j, 3))
x = 2 + 2j
x **= 2
x += 1
x -= 1j
x *= 2
x /= 4
print(x)

# abs, truth, real/imag/conjugate.
print(abs(3 + 4j), abs(-3 - 4j), abs(1e300 + 1e300j), abs(complex(inf, nan)), abs(complex(nan, -inf)))
print(abs(complex(nan, 1)), abs(0j), abs(-0j), abs(5e-324j), abs(complex(1e308, 1e308) / 10))
print(bool(0j), bool(-0j), bool(1j), bool(complex(0, nan)), bool(complex(1e-320, 0)), not 0j)
print(a.real, a.imag, a.conjugate(), (1j).conjugate(), (0j).conjugate(), complex.conjugate(b))
print((1.5).conjugate(), (7).conjugate(), True.conjugate(), (2.5).imag, (7).imag, True.real)

# Equality with ints (exactly), floats and complex numbers; no ordering.
print(1 + 0j == 1, 1 == 1 + 0j, 1 + 0j == 1.0, 1.0 == 1 + 0j, 1j == 1, 1 + 0j != 1, 1 + 1j != 1 + 1j)
print(complex(2 ** 53 + 1, 0) == 2 ** 53 + 1, complex(2 ** 53, 0) == 2 ** 53, 0j == False, 1 + 0j == True)
print(complex(nan, 0) == complex(nan, 0), complex(nan, 0) != complex(nan, 0), 1j == "1j", 1j != None)
c = complex(nan, nan)
print(c == c, c != c, c is c, [c] == [c], c in [c], {c: 1}[c], 1j in [1j], 2 in [2 + 0j])
print({1: "one"}[1 + 0j], {1.5 + 0j: "x"}[1.5], {1j: "j"}[complex(0, 1)], len({1, 1.0, 1 + 0j}))
show("lt", lambda: 1j < 2j)
show("le", lambda: 1j <= 1)
show("gt", lambda: 1 > 1j)
show("ge float", lambda: 1.5 >= 1j)
show("lt nan", lambda: 1j < nan)
show("nan lt", lambda: nan < 1j)
show("lt str", lambda: 1j < "a")
show("sorted", lambda: sorted([1j, 2j]))
show("max", lambda: max(1j, 2j))

# Hashes: the real part's plus 1000003 times the imaginary part's.
print(hash(1 + 2j), hash(-1j), hash(1j), hash(2.5 + 0j) == hash(2.5), hash(5 + 0j), hash(-1 + 0j))
print(hash(complex(2 ** 61, 3.5)), hash(complex(inf, -inf)), hash(complex(1e300, 1e-300)), hash(0j))

# sum, and the built-in types.
print(sum([1j, 2, 3.5, 1 - 1j]), sum([0.5, 1j]), sum([], 1j), sum((1j for _ in range(3)), 1))
print(type(1j), type(1j).__name__, isinstance(1j, complex), isinstance(1, complex), complex)
print(isinstance(1j, (int, float)), issubclass(complex, object), type(a.real), type(a * 1))

# Errors.
show("div zero", lambda: 1j / 0)
show("div zero float", lambda: (1 + 1j) / 0.0)
show("div zero complex", lambda: 1 / 0j)
show("div -0j", lambda: 1.5 / complex(-0.0, -0.0))
show("zero neg power", lambda: 0j ** -1)
show("zero complex power", lambda: 0j ** 1j)
show("zero neg float power", lambda: 0 ** (-2 + 0j))
show("zero neg power big", lambda: 0j ** -101)
show("inf phase", lambda: (1 + 1j) ** inf)
show("pow overflow", lambda: (1e200 + 1e200j) ** 2)
show("pow overflow polar", lambda: (1e200 + 1j) ** 2.5)
show("pow overflow float", lambda: (-1e200) ** 2.5)
show("pow overflow big", lambda: (2 + 0j) ** 1024)
show("pow inf base", lambda: complex(inf, 0) ** 2)
show("abs overflow", lambda: abs(1e308 + 1e308j))
show("abs overflow neg", lambda: abs(complex(-1.5e308, 1e308)))
show("big int", lambda: 1j + 10 ** 400)
show("big int left", lambda: 10 ** 400 * 1j)
show("big int pow", lambda: 1j ** 10 ** 400)
show("floordiv", lambda: 1j // 2)
show("rfloordiv", lambda: 2 // 1j)
show("mod", lambda: 1j % 2)
show("rmod", lambda: 2.5 % 1j)
show("divmod", lambda: divmod(1j, 2))
show("rdivmod", lambda: divmod(2, 1j))
show("and", lambda: 1j & 1)
show("or", lambda: 1 | 1j)
show("xor", lambda: 1j ^ 1j)
show("lshift", lambda: 1j << 1)
show("rshift", lambda: 1 >> 1j)
show("matmul", lambda: 1j @ 1j)
show("invert", lambda: ~1j)
show("str add", lambda: 1j + "a")
show("add str", lambda: "a" + 1j)
show("list mul", lambda: [1] * 1j)
show("mul list", lambda: 1j * [1])
show("none add", lambda: None + 1j)
show("pow str", lambda: 1j ** "2")
show("pow mod", lambda: pow(1j, 2, 3))
show("pow mod int", lambda: pow(2, 1j, 3))
show("pow mod last", lambda: pow(2, 3, 1j))
show("pow mod float", lambda: pow(2.0, 1j, 3))
show("pow mod float exp", lambda: pow(1j, 2.0, 3))
show("pow mod str", lambda: pow(1j, "a", 3))
show("round", lambda: round(1j))
show("round digits", lambda: round(1 + 1j, 2))
show("floordiv inplace", lambda: exec("y = 1j\ny //= 2"))
show("mod inplace", lambda: exec("y = 1j\ny %= 2"))
show("conjugate args", lambda: (1j).conjugate(1))
show("conjugate wrong", lambda: complex.conjugate(1.5))
show("conjugate none", lambda: complex.conjugate())
show("real set", lambda: setattr(1j, "real", 2))
show("attr", lambda: (1j).foo)
show("len", lambda: len(1j))
show("index", lambda: [1, 2][a])
show("range", lambda: range(1j))
show("iter", lambda: iter(1j))
show("imag set", lambda: setattr(1j, "imag", 2))
show("real del", lambda: delattr(1j, "real"))
show("float real set", lambda: setattr(1.5, "real", 2))
show("float imag del", lambda: delattr(1.5, "imag"))
show("int real set", lambda: setattr(1, "real", 2))
show("bool numerator set", lambda: setattr(True, "numerator", 2))
show("big denominator del", lambda: delattr(2 ** 100, "denominator"))
