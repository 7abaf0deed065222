# repr and str of complex numbers (each part as a float repr, the imaginary part signed,
# parentheses unless the real part is +0), format() and f-string specs, str.format, and
# %-formatting's errors, as CPython 3.11 writes them.


def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


inf = float("inf")
nan = float("nan")

# repr and str.
print(1j, 2.5j, 1e2j, 3 + 4j, (1 + 2j) * (3 - 1j), 0j, -0j, -1j, 1 - 0j, -(0j))
print(complex(-0.0, -0.0), complex(-0.0, 0.0), complex(0.0, -0.0), complex(1, -0.0), complex(-1, 0))
print(complex(1, nan), complex(nan, 1), complex(nan, nan), complex(inf, -inf), complex(0, inf), complex(-inf, 0))
print(complex(0, -inf), complex(1e16, 2.5), 1e22j, 1e-5j, 1e-4j, 123456789.123456789j, 0.1 + 0.2j)
print(complex(1e16, 1e16), complex(-1e-300, 5e-324), complex(2 ** 53, 1), complex(1.5, 1e300))
print(repr(1 + 2j), str(1 + 2j), [1j, -1j], (1j,), {1j: 2j}, f"{1 + 1j}", f"{1j!r}", f"{2j!s}", ascii(3j))

# format() with no presentation type: str() when the spec is empty, else like it, with
# parentheses kept, or 'g' given a precision.
c = 1.5 + 2.25j
for spec in ["", "<", "20", "<20", "^20", ">20", "*^21", "+", " ", "-", "#", ".1", ".3", ".0",
             "+.2", "15.3", ",", "_", "z", "z.1", "#.3", ">+20.10"]:
    print(repr(spec), repr(format(c, spec)), repr(format(-c, spec)), repr(format(1j, spec)))

# Presentation types e, E, f, F, g, G, n: no parentheses, a real part always written.
for spec in ["e", "E", "f", "F", "g", "G", "n", ".2f", ".0f", "#.0f", "+.3e", " g", "10.2f",
             "<30e", "^30.1E", "*>30g", ",.2f", "_.1f", ".10g", "#g", "z.2f", "%.2f"[1:]]:
    print(repr(spec), repr(format(c, spec)), repr(format(-1e-7j, spec)), repr(format(complex(1234567.5, -0.5), spec)))
for v in [complex(inf, -inf), complex(nan, nan), complex(-0.0, -0.0), complex(0.0, -0.0), complex(1e300, 1e-300)]:
    print(format(v, ""), format(v, "f"), format(v, "F"), format(v, "E"), format(v, ".3g"), format(v, "+"), format(v, "^16"))
print(f"{1 + 2j:.2f}", f"{1 + 2j:>12}", f"{3 - 4j:+.1e}", f"{2j:{'^'}{9}}", "{:.3}".format(1 / 3 + 2j / 3))
print("{0.real} {0.imag} {0!r:>10} {1:g}".format(1 + 2j, 2j), "%s %r %a" % (1j, 1 + 1j, -1j))
print((1 + 2j).__format__(".1f"), complex.__format__(3j, ""), format(1j, "\u00e9^7"))

# Errors.
show("zero pad", lambda: format(1j, "010"))
show("zero fill", lambda: format(1j, "0<10"))
show("zero pad f", lambda: format(1j, "010.2f"))
show("eq align", lambda: format(1j, "=10"))
show("eq align fill", lambda: format(1j, "x=10"))
show("code d", lambda: format(1j, "d"))
show("code x", lambda: format(1j, "x"))
show("code %", lambda: format(1j, "%"))
show("code s", lambda: format(1j, "s"))
show("code c", lambda: format(1j, "c"))
show("code r", lambda: format(1j, "r"))
show("bad spec", lambda: format(1j, "10.2ff"))
show("comma underscore", lambda: format(1j, ",_"))
show("comma n", lambda: format(1j, ",n"))
show("no precision", lambda: format(1j, "."))
show("big precision", lambda: format(1j, ".2147483648f"))
show("big width", lambda: format(1j, "99999999999999999999"))
show("format arg", lambda: (1j).__format__(1))
show("format args", lambda: (1j).__format__())
show("percent d", lambda: "%d" % 1j)
show("percent i", lambda: "%i" % (1j,))
show("percent x", lambda: "%x" % 1j)
show("percent o", lambda: "%o" % 1j)
show("percent f", lambda: "%f" % 1j)
show("percent e", lambda: "%.2e" % 1j)
show("percent g", lambda: "%g" % 1j)
show("percent c", lambda: "%c" % 1j)
show("percent star", lambda: "%*d" % (1j, 1))
show("percent dict", lambda: "%(a)d" % {"a": 1j})
