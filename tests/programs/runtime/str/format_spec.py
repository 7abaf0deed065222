# format(value, spec): the format-spec mini-language for str, int, bool and float.


def show(value, spec):
    try:
        print(repr(value), repr(spec), repr(format(value, spec)))
    except Exception as e:
        print(repr(value), repr(spec), type(e).__name__, e)


class Plain:
    def __repr__(self):
        return "Plain()"


class Custom:
    def __repr__(self):
        return "Custom()"

    def __format__(self, spec):
        return "custom:" + spec


str_specs = ["", "5", "<5", ">5", "^6", "*^7", "05", "<05", "0=5", ".2", "8.3", "s", "d", "+", " ", "z", "#",
             "=5", ",", "_", ",,", ",_", "_,", "ss", "\x01", "\u00e9", ".", "5.", "99999999999999999999", "\u0665"]
for spec in str_specs:
    show("ab\u00e9", spec)
show("", "3")

int_specs = ["", "d", "5", "<6", "^7", "=+8", "+", " ", "-", "05", "010,", "08,", "09,", "07,", "06,", "0=10,",
             "x=10,", ",", "_", "_x", "_b", "_o", "_X", ",x", "#x", "#X", "#o", "#b", "#d", "#010_x", "#012_b",
             "x", "X", "o", "b", "c", "+c", "#c", "n", ",n", "z", ".2", "s", "e", "E", ".3f", "F", "g", "G",
             "%", ".1%", "q", "\x01", "5,5", ".5,", "020,d", "*<+9,"]
for v in [0, 7, -1234, 255, 10 ** 20]:
    for spec in int_specs:
        show(v, spec)
show(65, "c")
show(0x4E2D, "^5c")
show(-1, "c")
show(0x110000, "c")
show(True, "")
show(True, "d")
show(True, "5")
show(True, "s")
show(False, "#x")
show(10 ** 400, "e")
show(10 ** 30, ",")
show(10 ** 30, "_x")

float_specs = ["", ".0", ".1", ".3", ".17", "10", "010", "+", "-", " ", "z", "z.1f", "z.1", "ze", "zg", "#", "#.0",
               "#.0f", "#.0e", "#g", "#.3g", "g", ".0g", ".2g", "G", "e", "E", ".0e", "f", "F", ".0f", "%", ".0%",
               "#.0%", "n", ".3n", ",", "_", ",.2f", "_.3e", "010,.2f", "012,", "0=12,", "^12", "x^12", "=12",
               "d", "x", "s", "c", ",g", ",e", ",%", ".2,f", "r"]
floats = [1234.5678, -0.0, 0.0, -0.00001, 1e16, 1e-5, 123456789012345678.0, 0.1, float("inf"), float("-inf"),
          float("nan"), 1.0, 1e100, 5e-324, 0.5, 2.5, 0.125, -2.675, 1e22, 9.999999e15, 0.0001]
for spec in float_specs:
    for v in floats:
        show(v, spec)

show(None, "")
show(None, "s")
show([1, 2], "")
show([1, 2], ">10")
show((1,), "")
show(Plain(), "x")
show(Custom(), ">5")
show(Custom(), "")
show(Plain, "")
try:
    format(1, 2)
except TypeError as e:
    print(type(e).__name__, e)
try:
    format()
except TypeError as e:
    print(type(e).__name__, e)
try:
    format(1, "", 3)
except TypeError as e:
    print(type(e).__name__, e)
try:
    format(1, None)
except TypeError as e:
    print(type(e).__name__, e)
print(format(3), format("x"), format(2.5))
print(f"{12:>5}|{'x':*^5}|{3.14159:.2f}|{-7:+05d}|{255:#x}|{1e6:,.0f}|{0.25:%}")
width = 8
print(f"{'nested':{width}}|{3.14159:{width}.{2}f}|{'!r'!r:>6}")
print("abc".__format__(">5"), "abc".__format__(""))
