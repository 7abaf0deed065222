# How every str method reports a wrong call: argument counts, keywords, the receiver.

names = [
    "join", "split", "rsplit", "splitlines", "strip", "lstrip", "rstrip", "replace", "find",
    "rfind", "index", "rindex", "count", "startswith", "endswith", "upper", "lower",
    "casefold", "capitalize", "title", "swapcase", "center", "ljust", "rjust", "zfill",
    "isdigit", "isalpha", "isalnum", "isspace", "isupper", "islower", "istitle",
    "isidentifier", "isdecimal", "isnumeric", "isascii", "isprintable", "partition",
    "rpartition", "expandtabs", "encode", "format", "format_map", "translate",
    "removeprefix", "removesuffix", "__format__",
]


def attempt(label, f):
    try:
        print("   ", label, repr(f()))
    except Exception as e:
        print("   ", label, type(e).__name__, e)


for name in names:
    print(name)
    unbound = getattr(str, name)
    attempt("five args", lambda: getattr("abc", name)(1, 2, 3, 4, 5))
    attempt("no args", lambda: getattr("abc", name)())
    attempt("one int", lambda: getattr("abc", name)(1))
    attempt("bad keyword", lambda: eval("'abc'.%s(x=1)" % name))
    attempt("wrong receiver", lambda: unbound(1))
    attempt("no receiver", lambda: unbound())
    attempt("through type", lambda: unbound("a b", " ") if name not in ("format_map", "translate") else None)

print("direct calls")
attempt("find kw", lambda: "abc".find(sub="a"))
attempt("upper kw", lambda: "abc".upper(x=1))
attempt("strip kw", lambda: "abc".strip(chars="a"))
attempt("startswith kw", lambda: "abc".startswith("a", start=0))
attempt("maketrans", lambda: str.maketrans("ab", "xy"))
attempt("maketrans from str", lambda: "q".maketrans("ab", "xy"))
