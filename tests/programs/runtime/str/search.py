# find/rfind/index/rindex/count/startswith/endswith with start/end windows.


def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


class Pos:
    def __index__(self):
        return 2


s = "abcabcabc"
u = "\u00e9\u4e2d\u00e9x\u00e9\U0001f600\u00e9"
for sub in ["abc", "c", "", "x", "cab", "abcabcabcabc"]:
    show("find " + sub, lambda: s.find(sub))
    show("rfind " + sub, lambda: s.rfind(sub))
    show("count " + sub, lambda: s.count(sub))
for start, end in [(1, None), (None, 5), (-4, None), (-100, 100), (3, 3), (4, 2), (9, None), (10, None), (2, -1), (None, -100)]:
    w = " %r:%r" % (start, end)
    show("find" + w, lambda: s.find("abc", start, end))
    show("rfind" + w, lambda: s.rfind("abc", start, end))
    show("find empty" + w, lambda: s.find("", start, end))
    show("rfind empty" + w, lambda: s.rfind("", start, end))
    show("count" + w, lambda: s.count("a", start, end))
    show("count empty" + w, lambda: s.count("", start, end))
    show("startswith" + w, lambda: s.startswith("abc", start, end))
    show("startswith empty" + w, lambda: s.startswith("", start, end))
    show("endswith" + w, lambda: s.endswith("abc", start, end))
    show("endswith empty" + w, lambda: s.endswith("", start, end))
show("unicode find", lambda: u.find("\u00e9", 1))
show("unicode rfind", lambda: u.rfind("\u00e9", 0, -1))
show("unicode find emoji", lambda: u.find("\U0001f600\u00e9"))
show("unicode index", lambda: u.index("x"))
show("unicode rindex", lambda: u.rindex("\u00e9", 0, 3))
show("unicode count", lambda: u.count("\u00e9"))
show("unicode count window", lambda: u.count("\u00e9", 1, -1))
show("unicode startswith", lambda: u.startswith("\u4e2d", 1))
show("unicode endswith", lambda: u.endswith("x", 0, 4))
show("index", lambda: s.index("ca"))
show("rindex", lambda: s.rindex("ca"))
show("index missing", lambda: s.index("z"))
show("rindex missing", lambda: s.rindex("z"))
show("index window", lambda: s.index("a", 4, 6))
show("index window missing", lambda: s.index("a", 4, 6 - 2))
show("find bool", lambda: s.find("b", True))
show("find index obj", lambda: s.find("a", Pos()))
show("find none", lambda: s.find("a", None, None))
show("find huge", lambda: s.find("a", 2 ** 100))
show("find huge neg", lambda: s.find("a", -(2 ** 100)))
show("find float", lambda: s.find("a", 1.0))
show("find str start", lambda: s.find("a", "1"))
show("find bad sub", lambda: s.find(1))
show("find no args", lambda: s.find())
show("find too many", lambda: s.find("a", 1, 2, 3))
show("find keyword", lambda: s.find(sub="a"))
show("count bad", lambda: s.count(None))
show("startswith tuple", lambda: s.startswith(("x", "ab")))
show("startswith tuple none", lambda: s.startswith(("x", "y")))
show("startswith empty tuple", lambda: s.startswith(()))
show("endswith tuple", lambda: s.endswith(("bc", "x"), 0, 6))
show("startswith bad", lambda: s.startswith(["a"]))
show("startswith bad item", lambda: s.startswith(("a", 1)))
show("startswith first match wins", lambda: s.startswith(("a", 1)))
show("endswith bad item", lambda: s.endswith(("x", None)))
show("endswith none", lambda: s.endswith(None))
show("startswith no args", lambda: s.startswith())
show("contains", lambda: ("bca" in s, "" in s, "x" in s, "\u4e2d" in u))
show("contains bad", lambda: 1 in s)
show("bad sub and start", lambda: s.find(1, "x"))
show("bad sub and end", lambda: s.count(None, 0, 1.5))
show("bad sep and maxsplit", lambda: s.split(1, "x"))
