"""Exception groups given what they refuse: CPython's errors and messages."""


def attempt(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "->", type(e).__name__ + ":", e)
    else:
        print(label, "->", repr(r))


attempt("one argument", lambda: ExceptionGroup("m"))
attempt("three arguments", lambda: ExceptionGroup("m", [ValueError()], 3))
attempt("no arguments", lambda: ExceptionGroup())
attempt("message not str", lambda: ExceptionGroup(1, [ValueError()]))
attempt("message None", lambda: BaseExceptionGroup(None, [ValueError()]))
attempt("set", lambda: ExceptionGroup("m", {ValueError()}))
attempt("dict", lambda: ExceptionGroup("m", {1: ValueError()}))
attempt("int", lambda: ExceptionGroup("m", 5))
attempt("generator", lambda: ExceptionGroup("m", (e for e in [ValueError()])))
attempt("empty list", lambda: ExceptionGroup("m", []))
attempt("empty tuple", lambda: BaseExceptionGroup("m", ()))
attempt("item 0", lambda: ExceptionGroup("m", [1]))
attempt("item 2", lambda: ExceptionGroup("m", [ValueError(), TypeError(), "x"]))
attempt("a class, not an instance", lambda: ExceptionGroup("m", [ValueError]))
attempt("str", lambda: ExceptionGroup("m", "ab"))
attempt("BaseException in ExceptionGroup", lambda: ExceptionGroup("m", [ValueError(), KeyboardInterrupt()]))
attempt("keywords", lambda: ExceptionGroup("m", [ValueError()], x=1))
attempt("only keywords", lambda: ExceptionGroup(message="m", exceptions=[ValueError()]))
attempt("__new__ BaseException", lambda: BaseExceptionGroup.__new__(ExceptionGroup, "m", [SystemExit()]))


class Sub(ExceptionGroup):
    pass


attempt("BaseException in a subclass", lambda: Sub("m", [GeneratorExit()]))

eg = ExceptionGroup("eg", [ValueError(), TypeError()])
attempt("split()", lambda: eg.split())
attempt("split(a, b)", lambda: eg.split(ValueError, TypeError))
attempt("split(keyword)", lambda: eg.split(ValueError, x=1))
attempt("split(1)", lambda: eg.split(1))
attempt("split(instance)", lambda: eg.split(ValueError()))
attempt("split(tuple with int)", lambda: eg.split((ValueError, 1)))
attempt("split(nested tuple)", lambda: eg.split((ValueError, (TypeError,))))
attempt("split(list)", lambda: eg.split([ValueError]))
attempt("split(builtin)", lambda: eg.split(len))
attempt("split(int type)", lambda: eg.split(int))
attempt("subgroup()", lambda: eg.subgroup())
attempt("subgroup(str)", lambda: eg.subgroup("ValueError"))
attempt("predicate raises", lambda: eg.split(lambda e: 1 / 0))
attempt("predicate arity", lambda: eg.subgroup(lambda: True))
attempt("derive()", lambda: eg.derive())
attempt("derive(a, b)", lambda: eg.derive([ValueError()], 2))
attempt("derive([1])", lambda: eg.derive([1]))
attempt("derive(5)", lambda: eg.derive(5))
attempt("split on a ValueError", lambda: ExceptionGroup.split(ValueError(), ValueError))
attempt("__str__ of a ValueError", lambda: BaseExceptionGroup.__str__(ValueError()))
attempt("set message", lambda: setattr(eg, "message", "other"))
attempt("set exceptions", lambda: setattr(eg, "exceptions", ()))
attempt("del message", lambda: delattr(eg, "message"))
attempt("no message on ValueError", lambda: ValueError().message)
attempt("add_note(3)", lambda: ValueError().add_note(3))
attempt("add_note()", lambda: ValueError().add_note())


def notes_not_a_list():
    e = ValueError()
    e.__notes__ = ("t",)
    e.add_note("x")


attempt("add_note to a tuple", notes_not_a_list)


class BadDerive(ExceptionGroup):
    def derive(self, excs):
        return ValueError("not a group")


attempt("derive returns a ValueError", lambda: BadDerive("bd", [ValueError(), TypeError()]).split(ValueError))
attempt("derive not called for a full match", lambda: type(BadDerive("bd", [ValueError()]).split(Exception)[0]))


def star(t):
    result = "not caught"
    try:
        raise ExceptionGroup("g", [ValueError()])
    except* t:
        result = "caught"
    return result


for t in (int, (ValueError, int), "ValueError", ValueError(), ExceptionGroup, BaseExceptionGroup,
          (ValueError, ExceptionGroup), Sub):
    attempt("except* " + repr(t), lambda: star(t))


def deep():
    eg = ValueError("leaf")
    for i in range(3000):
        eg = ExceptionGroup("", [eg])
    return eg


d = deep()
attempt("split of a deep group", lambda: d.split(TypeError))
attempt("subgroup of a deep group", lambda: d.subgroup(TypeError))
