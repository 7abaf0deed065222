"""BaseExceptionGroup and ExceptionGroup: construction, message, exceptions, split(),
subgroup(), derive(), str and repr, and what split() copies to its parts."""


def show(label, e):
    print(label, type(e).__name__, repr(e))


print(ExceptionGroup.__mro__)
print(BaseExceptionGroup.__mro__)
print(issubclass(ExceptionGroup, Exception), issubclass(BaseExceptionGroup, Exception))

eg = ExceptionGroup("top", [ValueError(1), ExceptionGroup("mid", [TypeError(2), ValueError(3)]), KeyError(4)])
print(eg.message, eg.exceptions, eg.args)
print(str(eg), "|", str(ExceptionGroup("one", [ValueError()])), "|", str(ExceptionGroup("", (OSError(),))))
show("repr", eg)
print(type(eg.exceptions).__name__, type(ExceptionGroup("t", (ValueError(),)).args[1]).__name__)

# BaseExceptionGroup of nothing but Exceptions is an ExceptionGroup.
show("base of exceptions", BaseExceptionGroup("b", [ValueError()]))
show("base of base", BaseExceptionGroup("b", [KeyboardInterrupt(), ValueError()]))
print(isinstance(BaseExceptionGroup("b", [ValueError()]), ExceptionGroup))

# split by a type, a tuple of types, a predicate.
match, rest = eg.split(ValueError)
show("match", match)
show("rest", rest)
print(match.exceptions[0] is eg.exceptions[0], rest.exceptions[1] is eg.exceptions[2])
show("tuple", eg.split((TypeError, KeyError))[0])
show("predicate", eg.split(lambda e: isinstance(e, TypeError))[0])
show("predicate on groups", eg.split(lambda e: isinstance(e, ExceptionGroup) and e.message == "mid")[0])
print("everything:", eg.split(Exception)[0] is eg, eg.split(Exception)[1])
print("nothing:", eg.split(OSError)[0], eg.split(OSError)[1] is eg)
print("predicate true:", eg.split(lambda e: True) == (eg, None))
print("predicate false:", eg.split(lambda e: False)[0])


def is_odd(e):
    return isinstance(e.args[0], int) and e.args[0] % 2 == 1


print(eg.split(is_odd))

# subgroup: the matching part only.
show("subgroup", eg.subgroup(ValueError))
show("subgroup tuple", eg.subgroup((KeyError, TypeError)))
print(eg.subgroup(OSError), eg.subgroup(BaseException) is eg)
show("subgroup predicate", eg.subgroup(lambda e: not isinstance(e, ValueError)))

# derive: BaseExceptionGroup(self.message, excs).
show("derive", eg.derive([OSError("o")]))
show("derive base", eg.derive([KeyboardInterrupt()]))
print(eg.derive([ValueError()]).__cause__, eg.derive((ValueError(),)).args)

# A BaseExceptionGroup of BaseExceptions splits into parts of the right kind.
beg = BaseExceptionGroup("mixed", [KeyboardInterrupt(), ValueError("v"), SystemExit(3)])
m, r = beg.split(Exception)
show("exceptions of mixed", m)
show("rest of mixed", r)

# Each part gets the original's cause, context and traceback, its context suppressed.
try:
    try:
        raise OSError("context")
    except OSError:
        raise ExceptionGroup("g", [ValueError(1), TypeError(2)]) from KeyError("cause")
except ExceptionGroup as g:
    m, r = g.split(ValueError)
    print(repr(m.__cause__), repr(m.__context__), m.__suppress_context__)
    print(m.__cause__ is g.__cause__, r.__context__ is g.__context__, r.__suppress_context__)
plain = ExceptionGroup("plain", [ValueError(), TypeError()])
print(plain.split(ValueError)[0].__suppress_context__, plain.__suppress_context__)

# Notes are copied, each part with its own list.
noted = ExceptionGroup("noted", [ValueError(), TypeError()])
noted.add_note("a note")
a, b = noted.split(ValueError)
a.__notes__.append("only on a")
print(a.__notes__, b.__notes__, noted.__notes__)


# A subclass's derive() makes the parts.
class CodedGroup(ExceptionGroup):
    def __new__(cls, message, excs, code):
        obj = super().__new__(cls, message, excs)
        obj.code = code
        return obj

    def derive(self, excs):
        return CodedGroup(self.message, excs, self.code)


cg = CodedGroup("coded", [ValueError("a"), TypeError("b")], 42)
a, b = cg.split(ValueError)
print(type(a).__name__, a.code, a.args, type(b).__name__, b.code, b.exceptions)
print(type(cg.subgroup(TypeError)).__name__)


class PlainSub(ExceptionGroup):
    pass


ps = PlainSub("sub", [ValueError(), TypeError()])
print(type(ps).__name__, type(ps.split(ValueError)[0]).__name__, ps.split(Exception)[0] is ps)


class BaseSub(BaseExceptionGroup):
    pass


print(type(BaseSub("s", [ValueError()])).__name__, isinstance(BaseSub("s", [ValueError()]), Exception))


class Seq:
    def __getitem__(self, i):
        if i < 3:
            return ValueError(i)
        raise IndexError(i)


print(ExceptionGroup("from a sequence", Seq()).exceptions)
print(BaseExceptionGroup.__str__(eg), BaseException.__str__(ExceptionGroup("m", [ValueError()])))
