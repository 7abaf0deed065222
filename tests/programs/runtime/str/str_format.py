# str.format and str.format_map: numbering, field names, conversions, nested specs, errors.


def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __repr__(self):
        return "Point(%r, %r)" % (self.x, self.y)

    def __str__(self):
        return "(%s, %s)" % (self.x, self.y)


class Money:
    def __format__(self, spec):
        return "$" + format(12.5, spec or ".2f")


class BadFormat:
    def __format__(self, spec):
        return 42


class Lookup:
    def __getitem__(self, key):
        return "<" + str(key) + ">"


p = Point(3, -4)
show("auto", lambda: "{} and {}".format("a", "b"))
show("manual", lambda: "{1} {0} {1}".format("a", "b"))
show("keywords", lambda: "{name} is {age}".format(name="Ann", age=7))
show("mixed kw", lambda: "{} {x} {}".format(1, 2, x="k"))
show("escapes", lambda: "{{}} {{{}}} }}{{".format(5))
show("attribute", lambda: "{0.x},{0.y}".format(p))
show("attr kw", lambda: "{p.x}".format(p=p))
show("index", lambda: "{0[1]} {0[0]}".format(["a", "b"]))
show("key", lambda: "{d[key]} {d[k2]}".format(d={"key": 1, "k2": 2}))
show("int key", lambda: "{d[1]}".format(d={1: "one", "1": "str"}))
show("chain", lambda: "{0[pts][0].x}".format({"pts": [p]}))
show("auto attr", lambda: "{.real} {[0]}".format(5, "xy"))
show("int attr", lambda: "{0.real} {0.imag}".format(3))
show("conversions", lambda: "{0!r} {0!s} {0!a}".format("caf\u00e9"))
show("conversion spec", lambda: "{0!r:>12}|".format("x"))
show("object str repr", lambda: "{} {!r}".format(p, p))
show("nested spec", lambda: "{:{width}.{prec}f}|".format(3.14159, width=10, prec=3))
show("nested auto", lambda: "{:{}}|{:{}}|".format("a", 5, "b", 3))
show("nested fill", lambda: "{:{}^{}}".format("mid", "*", 9))
show("custom format", lambda: "{} {:.1f}".format(Money(), Money()))
show("format spec unicode", lambda: "{:\u00e9^7}".format("x"))
show("unicode index", lambda: "{\u0661}".format("zero", "one"))
show("empty", lambda: "".format(1, 2))
show("no fields", lambda: "plain".format())
show("extra args", lambda: "{}".format(1, 2, 3))
show("colon in index", lambda: "{0[a:b]}".format({"a:b": "ok"}))
show("brace in index", lambda: "{0[{]}".format({"{": "ok"}))
show("format_map", lambda: "{a} {b}".format_map({"a": 1, "b": 2}))
show("format_map obj", lambda: "{x} {y[3]}".format_map(Lookup()))
show("format_map missing", lambda: "{a}".format_map({}))
show("format_map positional", lambda: "{}".format_map({}))
show("format_map numbered", lambda: "{0}".format_map({"0": 1}))
show("format_map not mapping", lambda: "{a}".format_map(5))

errors = [
    "{",
    "}",
    "a { b",
    "x}y",
    "{0",
    "{0:",
    "{0!",
    "{0!r",
    "{0!}",
    "{0!rr}",
    "{!x}",
    "{!\u00e9}",
    "{0[}",
    "{0[0}",
    "{0]}",
    "{0.}",
    "{0[]}",
    "{0..x}",
    "{0[0]x}",
    "{0{}}",
    "{:{:{}}}",
    "{} {0}",
    "{0} {}",
    "{5}",
    "{missing}",
    "{0.nope}",
    "{0[9]}",
    "{0:d}",
    "{0:x<}",
    "{99999999999999999999}",
    "{0:{1}}",
    "{:{}}",
    "{\u00e9",
    "{0\u4e2d",
    "{0[0]\u00e9}",
    "{0!\u00e9",
    "{0.\u00e9}",
    "\u00e9{",
    "\u00e9}",
]
for template in errors:
    show("error " + repr(template), lambda: template.format("s"))
show("bad __format__", lambda: "{}".format(BadFormat()))
show("bad spec type", lambda: "{:d}".format("text"))
show("no args self", lambda: str.format())
