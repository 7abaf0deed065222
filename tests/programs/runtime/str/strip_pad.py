# strip/lstrip/rstrip, replace, removeprefix/removesuffix, center/ljust/rjust/zfill, expandtabs.


def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


class Width:
    def __index__(self):
        return 7


class BadWidth:
    def __index__(self):
        return "7"


s = " \t\n hello world \x0b\x1f\u3000"
show("strip", lambda: s.strip())
show("lstrip", lambda: s.lstrip())
show("rstrip", lambda: s.rstrip())
show("strip none", lambda: s.strip(None))
show("strip chars", lambda: "xxhixyx".strip("xy"))
show("lstrip chars", lambda: "xxhixyx".lstrip("xy"))
show("rstrip chars", lambda: "xxhixyx".rstrip("xy"))
show("strip all", lambda: "aaaa".strip("a"))
show("strip empty chars", lambda: "  a  ".strip(""))
show("strip unicode chars", lambda: "\u00e9\u00e8a\u00e9".strip("\u00e9\u00e8"))
show("strip many chars", lambda: "0123456789abcdefghijklmnopqrstuvwxyz\u00e9HELLO\u00e9zyx".strip("abcdefghijklmnopqrstuvwxyz0123456789\u00e9"))
show("strip empty", lambda: "".strip())
show("strip bad", lambda: "a".strip(1))
show("lstrip bad", lambda: "a".lstrip([]))
show("rstrip too many", lambda: "a".rstrip("a", "b"))
show("strip keyword", lambda: "a".strip(chars="a"))

show("replace", lambda: "one two one two".replace("one", "1"))
show("replace count", lambda: "one two one two".replace("one", "1", 1))
show("replace count0", lambda: "aaa".replace("a", "b", 0))
show("replace neg", lambda: "aaa".replace("a", "bb", -1))
show("replace empty old", lambda: "abc".replace("", "-"))
show("replace empty old count", lambda: "abc".replace("", "-", 2))
show("replace empty both", lambda: "".replace("", "x"))
show("replace grow", lambda: "a.b.c".replace(".", "..."))
show("replace shrink", lambda: "a...b...c".replace("...", ""))
show("replace unicode", lambda: "\u00e9t\u00e9".replace("\u00e9", "\U0001f600"))
show("replace missing", lambda: "abc".replace("x", "y"))
show("replace one arg", lambda: "abc".replace("a"))
show("replace bad old", lambda: "abc".replace(1, "x"))
show("replace bad new", lambda: "abc".replace("a", None))
show("replace bad count", lambda: "abc".replace("a", "b", "c"))
show("replace float count", lambda: "abc".replace("a", "b", 1.0))
show("replace huge count", lambda: "abc".replace("a", "b", 2 ** 100))
show("replace kw", lambda: "abc".replace("a", "b", count=1))

show("removeprefix", lambda: "prefix-body".removeprefix("prefix-"))
show("removeprefix miss", lambda: "prefix-body".removeprefix("body"))
show("removeprefix empty", lambda: "abc".removeprefix(""))
show("removesuffix", lambda: "file.tar.gz".removesuffix(".gz"))
show("removesuffix whole", lambda: "abc".removesuffix("abc"))
show("removesuffix bad", lambda: "abc".removesuffix(None))

show("center odd", lambda: "abc".center(6))
show("center even", lambda: "abc".center(7, "*"))
show("center 2-5", lambda: "ab".center(5, "-"))
show("center 2-6", lambda: "ab".center(6, "-"))
show("center narrow", lambda: "abc".center(2))
show("center negative", lambda: "abc".center(-5))
show("center unicode fill", lambda: "x".center(4, "\u00e9"))
show("center index", lambda: "x".center(Width(), "."))
show("center bad index", lambda: "x".center(BadWidth()))
show("center fill long", lambda: "x".center(5, "ab"))
show("center fill empty", lambda: "x".center(5, ""))
show("center fill int", lambda: "x".center(5, 1))
show("center width str", lambda: "x".center("5"))
show("center width float", lambda: "x".center(5.0))
show("center width huge", lambda: "x".center(2 ** 100))
show("center no args", lambda: "x".center())
show("ljust", lambda: "abc".ljust(6, "."))
show("ljust bool", lambda: "abc".ljust(True))
show("rjust", lambda: "abc".rjust(6, "."))
show("rjust unicode", lambda: "\u4e2d\u6587".rjust(5))
show("ljust bad fill", lambda: "x".ljust(3, None))
show("zfill", lambda: "42".zfill(5))
show("zfill neg", lambda: "-42".zfill(5))
show("zfill plus", lambda: "+42".zfill(5))
show("zfill sign only", lambda: "-".zfill(3))
show("zfill short", lambda: "12345".zfill(3))
show("zfill empty", lambda: "".zfill(3))
show("zfill text", lambda: "abc".zfill(6))
show("zfill bad", lambda: "1".zfill("3"))
show("zfill no args", lambda: "1".zfill())

show("expandtabs", lambda: "a\tbc\tdef\tg".expandtabs())
show("expandtabs 4", lambda: "a\tbc\td\r\tx\n\ty".expandtabs(4))
show("expandtabs kw", lambda: "\t|".expandtabs(tabsize=2))
show("expandtabs 0", lambda: "a\tb".expandtabs(0))
show("expandtabs neg", lambda: "a\tb".expandtabs(-1))
show("expandtabs unicode", lambda: "\u00e9\t\u4e2d\tx".expandtabs(3))
show("expandtabs none", lambda: "no tabs".expandtabs(3))
show("expandtabs bad", lambda: "a\tb".expandtabs("2"))
show("expandtabs huge", lambda: "a\tb".expandtabs(2 ** 40))
show("expandtabs bad kw", lambda: "a".expandtabs(size=2))
