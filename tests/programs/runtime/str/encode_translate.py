# str.encode with the standard codecs and error handlers; translate and maketrans.


def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


text = "ab\u00e9\u00e9\u20acx\U0001f600"
show("default", lambda: text.encode())
show("utf-8", lambda: text.encode("utf-8"))
show("ascii ok", lambda: "plain".encode("ascii"))
show("latin-1 ok", lambda: "caf\u00e9".encode("latin-1"))
for enc in ["UTF8", "utf_8", "U8", "utf", "UTF-8-SIG", "latin", "latin1", "L1", "iso-8859-1", "ISO8859_1", "8859", "cp819", "us-ascii", "646", "US", " utf-8 ", "ascii"]:
    show("alias " + repr(enc), lambda: "x\u00e9".encode(enc, "replace"))
for errors in ["strict", "ignore", "replace", "backslashreplace", "xmlcharrefreplace", "surrogateescape", "bogus"]:
    show("ascii " + errors, lambda: text.encode("ascii", errors))
    show("latin-1 " + errors, lambda: text.encode("latin-1", errors=errors))
show("utf-8 bogus handler", lambda: text.encode("utf-8", "bogus"))
show("unknown", lambda: "x".encode("no-such-codec"))
show("unknown dotted", lambda: "x".encode(".utf-8"))
show("bad encoding type", lambda: "x".encode(1))
show("bad errors type", lambda: "x".encode("ascii", None))
show("too many", lambda: "x".encode("ascii", "strict", 1))
show("bad kw", lambda: "x".encode(encoding="ascii", bogus=1))
try:
    "a\u00e9\u00e8b\u4e2d".encode("ascii")
except UnicodeEncodeError as e:
    print("attrs", e.encoding, repr(e.object), e.start, e.end, e.reason)
    print("args", e.args)
try:
    "\u20ac".encode("latin-1")
except ValueError as e:
    print("caught as ValueError:", e)
try:
    "\U0001f600".encode("ascii")
except UnicodeError as e:
    print("caught as UnicodeError:", e)

table = str.maketrans("abc", "xyz", "d")
print("table", table)
show("translate", lambda: "abcdabcd".translate(table))
show("translate dict", lambda: "hello".translate({ord("l"): "L", ord("o"): None, ord("h"): 0x4e2d}))
show("translate str value", lambda: "ab".translate({97: "xyz", 98: ""}))
show("translate unicode", lambda: "\u00e9t\u00e9".translate({0xe9: "e"}))
show("translate list", lambda: "abc".translate(["A", "B"] * 50))
show("translate bad value", lambda: "ab".translate({97: 2.0}))
show("translate big value", lambda: "ab".translate({97: 0x110000}))
show("translate neg value", lambda: "ab".translate({97: -1}))
show("translate not subscriptable", lambda: "ab".translate(5))
show("maketrans dict", lambda: str.maketrans({"a": 1, 98: "x", "c": None}))
show("maketrans long key", lambda: str.maketrans({"ab": 1}))
show("maketrans bad key", lambda: str.maketrans({1.5: 1}))
show("maketrans one str", lambda: str.maketrans("a"))
show("maketrans unequal", lambda: str.maketrans("ab", "x"))
show("maketrans bad first", lambda: str.maketrans(1, "x"))
show("maketrans bad second", lambda: str.maketrans("a", None))
show("maketrans bad third", lambda: str.maketrans("a", "b", 3))
show("maketrans none", lambda: str.maketrans())
