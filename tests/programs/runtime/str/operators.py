# The str operators: repetition, concatenation, comparison, membership, indexing, slicing.


def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


u = "h\u00e9llo w\u00f6rld \U0001f600!"
show("repeat", lambda: "ab" * 3)
show("repeat left", lambda: 3 * "ab")
show("repeat zero", lambda: "ab" * 0)
show("repeat neg", lambda: "ab" * -2)
show("repeat bool", lambda: "ab" * True)
show("repeat empty", lambda: "" * 1000)
show("repeat unicode", lambda: "\u00e9\U0001f600" * 2)
show("repeat float", lambda: "ab" * 2.0)
show("repeat str", lambda: "ab" * "c")
show("concat", lambda: "ab" + "\u00e9")
show("concat int", lambda: "ab" + 1)
show("concat rev", lambda: 1 + "ab")
show("concat none", lambda: "ab" + None)
x = "ab"
x += "cd"
x *= 2
show("augmented", lambda: x)
show("eq", lambda: ("abc" == "abc", "abc" == "abd", "a" == 1, "a" != "b"))
show("order", lambda: ("abc" < "abd", "ab" < "abc", "" < "a", "Z" < "a", "\u00e9" > "z", "\U0001f600" > "\uffff"))
show("order le ge", lambda: ("a" <= "a", "b" >= "a", "a" > "a"))
show("order bad", lambda: "a" < 1)
show("order bad rev", lambda: 1 >= "a")
show("in", lambda: ("ll" in u, "\U0001f600!" in u, "" in "", "x" not in u))
show("in bad", lambda: None in "abc")
show("len", lambda: (len(u), len(""), len("\U0001f600")))
show("index", lambda: (u[0], u[1], u[-1], u[-2], u[12]))
show("index out", lambda: u[100])
show("index neg out", lambda: u[-100])
show("index bad", lambda: u["a"])
show("index float", lambda: u[1.0])
show("slice", lambda: (u[1:5], u[-3:], u[:-3], u[::2], u[::-1], u[5:1], u[100:], u[-100:2]))
show("slice step", lambda: (u[1:10:3], u[10:1:-3], "abcdef"[::-2]))
show("slice zero step", lambda: u[::0])
show("iterate", lambda: [c for c in "a\u00e9\U0001f600"])
show("hash equal", lambda: hash("abc" + "d") == hash("abcd"))
show("str()", lambda: (str(), str(5), str("x"), str(None), str([1, "a"])))
show("repr", lambda: [repr(s) for s in ["a'b", 'a"b', "a'\"b", "\n\t\\", "\x00\x7f\x80", "\u00e9\u200b\U0001f600"]])
show("ascii", lambda: ascii("\u00e9\u200b\U0001f600"))
show("ord chr", lambda: (ord("\u00e9"), chr(0x4e2d), ord("\U0001f600")))
show("bool", lambda: (bool(""), bool(" ")))
show("f-string", lambda: f"{u!r} {len(u)=}")
