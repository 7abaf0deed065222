# round (ints and floats, ties to even, decimal digits rounded exactly), divmod and pow
# (two and three arguments, negative exponents and modular inverses).


def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


print(round(0.5), round(1.5), round(2.5), round(-0.5), round(-1.5), round(2.675), round(-2.5000001))
print(round(1e20), round(-1e20), round(4503599627370497.0), round(2.0 ** 63), round(123456789.49999999))
print(round(2.675, 2), round(0.125, 2), round(0.375, 2), round(1.005, 2), round(-1.005, 2))
print(round(2.5, 0), round(-0.4, 0), round(0.5, 0), round(-0.5, 0), round(1.5, None))
print(round(123.456, -1), round(125.0, -1), round(135.0, -1), round(-125.0, -1), round(1234.5678, -2))
print(round(1e-320, 323), round(5e-324, 324), round(1.5e-323, 323), round(1e-300, 5), round(-1e-300, 5))
print(round(1e300, -300), round(5e307, -307), round(1e308, -308), round(123.0, -400), round(-123.0, -400))
print(round(0.1, 1), round(0.1, 20), round(0.1, 400), round(1 / 3, 5), round(2 / 3, 10), round(1e22, 5))
print(round(float("inf"), 2), round(float("-inf"), -2), round(float("nan"), 0))
print(round(3.14159, True), round(2.5, False), round(1.5, 2 ** 100), round(1.5, -2 ** 100))
print(round(15), round(15, 1), round(15, -1), round(25, -1), round(-25, -1), round(35, -1))
print(round(149, -2), round(150, -2), round(250, -2), round(251, -2), round(10 ** 30 + 5 * 10 ** 10, -11))
print(round(123, -1000), round(-5, -1), round(5, -1), round(True), round(True, -1), round(False, 3))
print(round(2 ** 100 + 1, -5), round(-(2 ** 100), -30), round(7, 0))
show("round no args", lambda: round())
show("round str", lambda: round("a"))
show("round list", lambda: round([1.5]))
show("round str digits", lambda: round(1.5, "a"))
show("round float digits", lambda: round(1.5, 1.0))
show("round int float digits", lambda: round(15, 1.0))
show("round nan", lambda: round(float("nan")))
show("round inf", lambda: round(float("inf")))
show("round -inf", lambda: round(float("-inf")))
show("round overflow", lambda: round(1.7976931348623157e308, -308))
show("round keywords", lambda: round(number=1.25, ndigits=1))
show("round ndigits keyword", lambda: round(1, ndigits=2))
show("round bad keyword", lambda: round(1.5, x=1))
show("round twice", lambda: round(1.5, number=1))
show("round too many", lambda: round(1, 2, 3))


class Roundable:
    def __round__(self, n=None):
        return ("rounded", n)


print(round(Roundable()), round(Roundable(), 3))

print(divmod(7, 2), divmod(-7, 2), divmod(7, -2), divmod(-7, -2), divmod(0, 5), divmod(True, 2))
print(divmod(7.5, 2), divmod(-7.5, 2), divmod(7, -2.0), divmod(-0.0, 1), divmod(1e308, 1e-308))
print(divmod(2 ** 100, 7), divmod(-2 ** 100, 7), divmod(7, 2 ** 100), divmod(-7, 2 ** 100))
print(divmod(5, float("inf")), divmod(-5, float("inf")), divmod(float("inf"), 2))
show("divmod zero", lambda: divmod(7, 0))
show("divmod big zero", lambda: divmod(2 ** 100, 0))
show("divmod float zero", lambda: divmod(7.0, 0))
show("divmod zero float", lambda: divmod(7, 0.0))
show("divmod str", lambda: divmod("a", 1))
show("divmod list", lambda: divmod(1, [1]))
show("divmod no args", lambda: divmod())
show("divmod one arg", lambda: divmod(1))
show("divmod overflow", lambda: divmod(10 ** 400, 1.5))

print(pow(2, 10), pow(2, -2), pow(-2, 3), pow(2.0, 3), pow(4, 0.5), pow(0, 0), pow(2, 100))
print(pow(2, 3, 5), pow(-2, 3, 5), pow(2, 3, -5), pow(-2, 3, -5), pow(3, 0, 7), pow(5, 3, 1), pow(5, 3, -1))
print(pow(2, -1, 5), pow(38, -1, 97), pow(3, -2, 7), pow(-3, -1, 7), pow(3, -1, -7), pow(2, -1, 1))
print(pow(12345678901234567890, 98765, 10 ** 20 + 39), pow(7, -3, 2 ** 61 - 1), pow(True, 5, 3))
print(pow(base=2, exp=3, mod=5), pow(2, 3, None), pow(2, exp=5), pow(10, 20), pow(-1, 10 ** 30))
show("pow no args", lambda: pow())
show("pow one arg", lambda: pow(2))
show("pow zero mod", lambda: pow(2, 3, 0))
show("pow float mod", lambda: pow(2, 3, 5.0))
show("pow float base", lambda: pow(2.0, 3, 5))
show("pow float exp", lambda: pow(2, 3.0, 5))
show("pow str mod", lambda: pow(2, 3, "5"))
show("pow str exp", lambda: pow(2, "a", 3))
show("pow str base", lambda: pow("a", 2))
show("pow not invertible", lambda: pow(2, -1, 4))
show("pow zero not invertible", lambda: pow(0, -1, 5))
show("pow zero negative", lambda: pow(0, -1))
show("pow float zero negative", lambda: pow(0.0, -1))
show("pow twice", lambda: pow(2, 3, base=1))
show("pow too many", lambda: pow(1, 2, 3, 4))

print(hex(255), hex(-255), hex(0), hex(2 ** 70), hex(True), oct(8), oct(-8), oct(0), bin(5), bin(-5), bin(0))


class Seven:
    def __index__(self):
        return 7


print(hex(Seven()), oct(Seven()), bin(Seven()), [10, 20, 30, 40, 50, 60, 70, 80][Seven()] if False else 0)
show("hex float", lambda: hex(1.5))
show("hex str", lambda: hex("a"))
show("hex no args", lambda: hex())
show("bin none", lambda: bin(None))
