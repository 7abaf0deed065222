# str.join, split, rsplit, splitlines, partition, rpartition: results and errors.


def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


class Items:
    def __iter__(self):
        return iter(["x", "y", "z"])


show("join list", lambda: "-".join(["a", "b", "c"]))
show("join tuple", lambda: ", ".join(("one",)))
show("join empty", lambda: "-".join([]))
show("join str", lambda: ".".join("abc"))
show("join map", lambda: "+".join(map(str, range(5))))
show("join iterable", lambda: "".join(Items()))
show("join dict", lambda: "/".join({"k1": 1, "k2": 2}))
show("join unicode", lambda: "\u00e9".join(["\u4e2d", "\U0001f600"]))
show("join bad item", lambda: "-".join(["a", 1, "c"]))
show("join none item", lambda: "-".join([None]))
show("join not iterable", lambda: "-".join(5))
show("join no args", lambda: "-".join())
show("join keyword", lambda: "-".join(iterable=[]))

s = "  The quick\tbrown\n fox  "
show("split ws", lambda: s.split())
show("split ws max0", lambda: s.split(None, 0))
show("split ws max1", lambda: s.split(None, 1))
show("split ws max2", lambda: s.split(maxsplit=2))
show("rsplit ws", lambda: s.rsplit())
show("rsplit ws max1", lambda: s.rsplit(None, 1))
show("rsplit ws max0", lambda: s.rsplit(maxsplit=0))
show("split empty", lambda: "".split())
show("split blank", lambda: "   ".split())
show("split empty sep", lambda: "".split(","))
show("split sep", lambda: "a,b,,c,".split(","))
show("split sep max", lambda: "a,b,,c,".split(",", 2))
show("split sep neg", lambda: "a,b,c".split(",", -1))
show("split multi", lambda: "a<>b<>c".split("<>"))
show("split overlap", lambda: "aaaa".split("aa"))
show("rsplit overlap", lambda: "aaa".rsplit("aa"))
show("rsplit sep max", lambda: "a,b,,c,".rsplit(",", 2))
show("split kw", lambda: "a b c".split(sep=" ", maxsplit=1))
show("split unicode ws", lambda: "a\u3000b\u2028c\x1cd\x85e\u00a0f".split())
show("split unicode sep", lambda: "\u00e9x\u00e9y\u00e9".split("\u00e9"))
show("split empty sep err", lambda: "abc".split(""))
show("rsplit empty sep err", lambda: "abc".rsplit(""))
show("split bad sep", lambda: "abc".split(1))
show("split bad max", lambda: "abc".split(",", "2"))
show("split float max", lambda: "abc".split(",", 1.0))
show("split huge max", lambda: "abc".split(",", 2 ** 100))
show("split too many", lambda: "abc".split(",", 1, 2))
show("split bad kw", lambda: "abc".split(x=1))
show("split dup kw", lambda: "abc".split(",", sep=","))
show("split too many kw", lambda: "abc".split(sep=",", maxsplit=1, x=3))

lines = "one\ntwo\r\nthree\rfour\x0bfive\x0csix\x1cseven\x1deight\x1enine\x85ten\u2028eleven\u2029end"
show("splitlines", lambda: lines.splitlines())
show("splitlines keep", lambda: lines.splitlines(True))
show("splitlines kw", lambda: "a\n\nb\n".splitlines(keepends=True))
show("splitlines trailing", lambda: "a\nb\n".splitlines())
show("splitlines empty", lambda: "".splitlines())
show("splitlines crlf", lambda: "\r\n\r\n".splitlines(1))
show("splitlines lone cr", lambda: "a\r".splitlines(keepends=False))
show("splitlines float", lambda: "a".splitlines(1.5))
show("splitlines str", lambda: "a".splitlines("x"))
show("splitlines huge", lambda: "a".splitlines(2 ** 40))
show("splitlines too many", lambda: "a".splitlines(True, False))

show("partition", lambda: "key=value=x".partition("="))
show("partition missing", lambda: "key".partition("="))
show("rpartition", lambda: "key=value=x".rpartition("="))
show("rpartition missing", lambda: "key".rpartition("="))
show("partition unicode", lambda: "\u00e9\u4e2d\u00e9".partition("\u4e2d"))
show("partition empty sep", lambda: "abc".partition(""))
show("partition bad", lambda: "abc".partition(None))
show("rpartition bad", lambda: "abc".rpartition(1))
show("partition no args", lambda: "abc".partition())
