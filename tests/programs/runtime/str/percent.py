# printf-style formatting: str % args.


def show(fmt, args):
    try:
        print(repr(fmt), repr(args), repr(fmt % args))
    except Exception as e:
        print(repr(fmt), repr(args), type(e).__name__, e)


class Idx:
    def __repr__(self):
        return "Idx()"

    def __index__(self):
        return 7


class AsFloat:
    def __repr__(self):
        return "AsFloat()"

    def __float__(self):
        return 2.5


class AsInt:
    def __repr__(self):
        return "AsInt()"

    def __int__(self):
        return 3


class Mapping:
    def __repr__(self):
        return "Mapping()"

    def __getitem__(self, key):
        return key.upper()


show("%s", ())
show("%s %s", (1,))
show("%s", (1, 2))
show("abc", 5)
show("abc", ())
show("abc", {})
show("abc", [1])
show("abc", "x")
show("%s", [1, 2])
show("%s", {"a": 1})
show("%s", (1,))
show("%s", ((1, 2),))
show("%(a)s %(b)r", {"a": 1, "b": "x"})
show("%(a)s %s", {"a": 1})
show("%s %(a)s", {"a": 1})
show("%(a)s", (1,))
show("%(a)s", 5)
show("%(a)s", {})
show("%(a", {"a": 1})
show("%(a", 5)
show("%((a))s", {"(a)": 2})
show("%(a)s", [1])
show("%(name)s-%(name)s", Mapping())
show("%(x)d %(y)s", {"x": 1.5, "y": [1]})
show("%(x)*d", {"x": 1})
show("%5%", ())
show("%%", ())
show("100%%", ())
show("%", ())
show("abc%", ())
show("%5", 1)
show("%.", 1)
show("%(a)", {"a": 1})
show("%(a)%", {"a": 1})
show("%5%", (1,))
show("%*d", (5, 3))
show("%-*d|", (5, 3))
show("%*d|", (-5, 3))
show("%.*f", (2, 3.14159))
show("%.*f", (-2, 3.14159))
show("%*d", ("x", 3))
show("%*d", (5,))
show("%*.*f|", (8, 2, 3.14159))
show("%*d", (2 ** 70, 3))
show("%.*d", (2 ** 40, 3))
show("%99999999999999999999d", 1)
show("%.99999999999d", 1)
for fmt in ["%d", "%i", "%u", "%x", "%X", "%o", "%#x", "%#X", "%#o", "%5d|", "%-5d|", "%05d", "%+d", "% d", "%+ d",
            "% +d", "%.3d", "%5.3d|", "%05.3d", "%#.3x", "%#5x|", "%#05x", "%-#8x|", "%-05d|", "%0-5d|", "%-+5d|",
            "%ld", "%hd", "%Ld"]:
    for v in [42, -42, 0, True, 10 ** 30, 3.9, -3.9]:
        show(fmt, v)
for v in ["x", float("inf"), float("nan"), Idx(), AsInt(), AsFloat(), None]:
    show("%d", v)
    show("%x", v)
show("%i", "x")
show("%c", 65)
show("%c", "\u00e9")
show("%c", "ab")
show("%c", -1)
show("%c", 0x110000)
show("%c", 2 ** 70)
show("%c", 3.0)
show("%c", Idx())
show("%5c|", "x")
show("%-5c|", "x")
show("%05c|", "x")
for fmt in ["%f", "%.2f", "%e", "%.0e", "%#.0e", "%g", "%#g", "%G", "%E", "%F", "%010.2f", "%-10.2f|", "%+.2f",
            "% .2f", "%010f", "%.0f", "%#.0f", "%#5.2e", "%.3g", "%10.4g|", "%lf", "%.20f", "%.1f"]:
    for v in [3.14159, -2.675, 0.0001, 1e-05, 12345.678, 1.0, float("inf"), float("-inf"), float("nan"), 0.125, 2]:
        show(fmt, v)
show("%f", "x")
show("%f", AsFloat())
show("%f", Idx())
show("%f", 10 ** 400)
show("%.100f", 1.0)
show("%5.1s|", "abc")
show("%-5s|", "ab")
show("%05s|", "ab")
show("%.0s|", "ab")
show("%.2s", "\u00e9\u4e2d\u00e9")
show("%r", "a")
show("%a", "\u00e9")
show("%5r|", 1)
show("%s", None)
show("%q", 1)
show("%\x01", 1)
show("%\u00e9", 1)
show("ab%yc", 1)
show("%q", ())
show("%.2s %d", ("abc", 1))
show("%s %s %s", (1, 2))
show("%d %d", (1, "x"))
show("\u00e9%s\u00e9", "\u4e2d")
