# complex(): numbers, two arguments (parts that are themselves complex), keywords,
# __complex__ / __float__ / __index__, strings with CPython's grammar and messages; and
# where complex numbers are refused: int(), float(), math, indexes.
import math


def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


# Numbers and two-argument forms.
print(complex(), complex(1), complex(2.5), complex(True), complex(False, True), complex(-0.0))
print(complex(0, -0.0), complex(-0.0, 0), complex(1, 2), complex(1.5, -2.5), complex(2 ** 60, 2 ** -60))
print(complex(1j), complex(1j, 2), complex(1j, 1j), complex(1 + 2j, 3 + 4j), complex(2, 1 + 1j))
print(complex(-0.0, -0.0j), complex(0j, -0.0), complex(-0.0j), complex(complex(-0.0, -0.0)))
print(complex(real=1, imag=2), complex(imag=2), complex(real=1.5), complex(1, imag=-1))
x = 3 + 4j
print(complex(x) is x, complex(x, 0) is x, complex(x) == x, type(complex(1)))


class WithComplex:
    def __complex__(self):
        return 3 + 4j


class WithFloat:
    def __float__(self):
        return 2.5


class WithIndex:
    def __index__(self):
        return 7


class WithBoth:
    def __complex__(self):
        return 1j

    def __float__(self):
        return 9.0


print(complex(WithComplex()), complex(WithFloat()), complex(WithIndex()), complex(WithBoth()))
print(complex(WithComplex(), 1), complex(WithFloat(), WithFloat()), complex(1, WithIndex()), complex(WithBoth(), 2))

# Strings: <float>, <float>j, <float><signed-float>j, and <float><sign>j, <sign>j, j; in
# parentheses or not, with spaces (any Unicode space) around, digits of any script.
for s in ["1", "1j", "1+2j", "1-2j", "-1.5-2.5J", "+1e3+1e-3j", ".5j", "5.j", "1.j", "j", "J", "+j",
          "-j", "1+j", "1-J", "(1+2j)", " ( 1+2j ) ", "\t1+2j\n", "(j)", "inf", "-inf", "infj", "-infj",
          "nan", "nanj", "NaN+NaNj", "Infinity-INFINITYj", "inf+nanj", "1e999", "1e999j", "-1e-999j",
          "-0", "-0j", "-0-0j", "0-0j", "1_000", "1_0.0_1j", "1e1_0", "1.5e+1_0-2_0j", "00012j",
          "\u0661+\u0662j", "\uff11\uff12j", "\xa01+2j\u2003", "0.1+0.2j", "123456789012345678901234567890"]:
    print(repr(s), repr(complex(s)))

# Malformed strings.
for s in ["", " ", "()", "(", ")", "1+", "1-", "+", "-", "jj", "1jj", "1+2jj", "j1", "1j+1", "1j1",
          "1 + 2j", "1+ 2j", "(1+2j", "1+2j)", "((1+2j))", "1e", "1e+", "1.5e+j", "1.2.3", "..5",
          "0x1", "0b1", "1+0x1j", "++1", "--1j", "1++1j", "1+-1j", "1j+", "i", "1i", "in", "infinit",
          "nann", "n", "1+inf", "infinityj1", "1,5", "1\x00", "1\x00_", "\x00", "\u00e9", "1\u00e9",
          "1\x7f", "1\u2063", "\u0661\u00e9"]:
    show(repr(s), lambda: complex(s))

# Misplaced underscores (a message naming the string).
for s in ["_1", "1_", "1__0", "1_j", "1_.5", "1._5", "1e_1", "1_e1", "1+_2j", "1_+2j", "_", "1_0\x00",
          "1_\u00e9", "(1_)", "1_0_"]:
    show(repr(s), lambda: complex(s))

# Bad arguments.
show("three", lambda: complex(1, 2, 3))
show("bad keyword", lambda: complex(x=1))
show("twice", lambda: complex(1, real=2))
show("str and imag", lambda: complex("1", 2))
show("str and imag keyword", lambda: complex("1", imag=0))
show("imag str", lambda: complex(1, "2"))
show("imag str only", lambda: complex(imag="2"))
show("bytes", lambda: complex(b"1"))
show("none", lambda: complex(None))
show("list", lambda: complex([1]))
show("object", lambda: complex(object()))
show("imag none", lambda: complex(1, None))
show("imag list", lambda: complex(1j, []))
show("imag with complex", lambda: complex(1, WithComplex()))
show("big", lambda: complex(10 ** 400))
show("big imag", lambda: complex(1, -10 ** 400))
show("big complex imag", lambda: complex(1j, 10 ** 400))


class BadComplex:
    def __complex__(self):
        return 3


class BadFloat:
    def __float__(self):
        return 2


class Raises:
    def __complex__(self):
        raise RuntimeError("no complex")


show("bad __complex__", lambda: complex(BadComplex()))
show("bad __float__", lambda: complex(BadFloat()))
show("bad __float__ imag", lambda: complex(1, BadFloat()))
show("raising __complex__", lambda: complex(Raises()))

# Where complex numbers are not accepted.
show("int", lambda: int(1j))
show("int zero", lambda: int(0j))
show("float", lambda: float(1j))
show("float real", lambda: float(1 + 0j))
show("int base", lambda: int(1j, 10))
show("index", lambda: [1, 2, 3][x])
show("slice", lambda: [1, 2, 3][1j:])
show("hex", lambda: hex(1j))
show("chr", lambda: chr(1j))
show("bool arg", lambda: bool(1j, 2))
show("math.sqrt", lambda: math.sqrt(-1 + 0j))
show("math.floor", lambda: math.floor(1j))
show("math.ceil", lambda: math.ceil(1.5 + 0j))
show("math.trunc", lambda: math.trunc(1j))
show("math.isnan", lambda: math.isnan(complex(1, 0)))
show("math.fabs", lambda: math.fabs(3 + 4j))
show("math.exp", lambda: math.exp(1j))
show("math.log", lambda: math.log(1j))
show("math.log base", lambda: math.log(10, 1j))
show("math.atan2", lambda: math.atan2(1, 1j))
show("math.pow", lambda: math.pow(1j, 2))
show("math.hypot", lambda: math.hypot(1, 1j))
show("math.gcd", lambda: math.gcd(1j, 2))
show("math.factorial", lambda: math.factorial(1j))
show("math.pow negative", lambda: math.pow(-8, 1 / 3))
show("math.sqrt negative", lambda: math.sqrt(-1))
show("range", lambda: range(0, 1j))
show("repeat", lambda: "ab" * 1j)
show("round", lambda: round(1j))
show("sorted", lambda: sorted([2j, 1j]))
show("bin", lambda: bin(2j))
show("divmod", lambda: divmod(1j, 1j))
