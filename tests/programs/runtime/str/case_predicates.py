# upper/lower/casefold/capitalize/title/swapcase and the is*() predicates, ASCII and not.

words = [
    "",
    "hello world",
    "Hello World",
    "HELLO",
    "hELLO wORLD",
    "they're bill's friends from the UK",
    "ǆemal ﬁne ßx ǅ",
    "ΟΔΟΣ ΣΑΣ Σ ΑΣ. ΑΣ'Σ",
    "İstanbul ǈ ﬃ ŉ",
    "straße Groß",
    "123abc ABC123",
    "\u01c5ungla \u1f88 \u0345x",
    "mIxEd\u00c9\u00e9",
    "a1b2_c3",
    "\U0001d400\U0001d41a \U00010400\U00010428",
]
for w in words:
    print(repr(w))
    print("  upper", repr(w.upper()), "lower", repr(w.lower()), "casefold", repr(w.casefold()))
    print("  capitalize", repr(w.capitalize()), "title", repr(w.title()), "swapcase", repr(w.swapcase()))
    print("  isupper", w.isupper(), "islower", w.islower(), "istitle", w.istitle())

samples = [
    "",
    "abc",
    "ABC",
    "abc123",
    "123",
    "\u0663\u0664",
    "\u00b2\u00b3",
    "\u2155",
    "\u4e00\u4e8c",
    "\u2167",
    "1.5",
    "-1",
    " ",
    " \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u200a\u2028\u2029\u202f\u205f\u3000",
    "\u200b",
    "\u00e9t\u00e9",
    "na\u00efve caf\u00e9",
    "_private",
    "2fast",
    "\u00e9l\u00e8ve",
    "class",
    "a-b",
    "\u2118x",
    "x\u00b7y",
    "tab\there",
    "bell\x07",
    "\u00ad",
    "\U0001f600",
    "\u0378",
    "\ue000",
    "ascii only~",
    "\x7f",
    "\u01c5",
    "\u1e9e",
    "\u02b0",
]
for s in samples:
    print(
        repr(s),
        "digit", s.isdigit(),
        "alpha", s.isalpha(),
        "alnum", s.isalnum(),
        "space", s.isspace(),
        "decimal", s.isdecimal(),
        "numeric", s.isnumeric(),
        "ident", s.isidentifier(),
        "ascii", s.isascii(),
        "printable", s.isprintable(),
        "upper", s.isupper(),
        "lower", s.islower(),
        "title", s.istitle(),
    )

for name in ["upper", "isdigit", "title"]:
    m = getattr("abc", name)
    try:
        m(1)
    except TypeError as e:
        print(name, type(e).__name__, e)
    try:
        getattr(str, name)(1)
    except TypeError as e:
        print(name, type(e).__name__, e)
    try:
        getattr(str, name)()
    except TypeError as e:
        print(name, type(e).__name__, e)
print(str.upper("x"), str.isdigit("5"))
