"""except* at run time: matching, re-raising the unhandled rest with its structure,
exceptions raised in handlers, naked exceptions, nesting, generators."""

import sys


def raise_group():
    raise ExceptionGroup("several", [ValueError(1), TypeError(2), ExceptionGroup("inner", [ValueError(3), KeyError(4)])])


# Each clause gets its part; the handled exception is that part.
try:
    raise_group()
except* ValueError as e:
    print("values:", repr(e), sys.exc_info()[1] is e)
except* TypeError as e:
    print("types:", repr(e))
except* KeyError as e:
    print("keys:", repr(e))
print("after:", sys.exc_info())

# The unhandled rest is re-raised with the original's structure.
try:
    try:
        raise_group()
    except* TypeError:
        print("handled the TypeError")
except ExceptionGroup as rest:
    print("rest:", repr(rest))

# Nothing matches: an equal group goes on.
orig = ExceptionGroup("orig", [ValueError("o")])
try:
    try:
        raise orig
    except* OSError:
        print("not reached")
except ExceptionGroup as g:
    print("unmatched:", repr(g), g is orig)

# The whole group matches: the clause gets the group itself.
whole = ExceptionGroup("whole", [ValueError(1), ValueError(2)])
try:
    raise whole
except* ValueError as e:
    print("whole:", e is whole)

# A tuple of types.
try:
    raise_group()
except* (ValueError, KeyError) as e:
    print("tuple:", repr(e))
except* TypeError:
    print("tuple: and the TypeError")

# A bare raise keeps a part where it was; raised exceptions come first, beside it.
try:
    try:
        raise ExceptionGroup("multi", [ValueError(1), TypeError(2), KeyError(3), OSError(4)])
    except* ValueError as e:
        raise RuntimeError("raised in a handler")
    except* TypeError:
        raise
    except* KeyError as e:
        raise e
except ExceptionGroup as g:
    print("combined:", repr(g))
    for x in g.exceptions:
        print("  ", repr(x), "context:", repr(x.__context__))

# Only re-raised parts: the original's structure, without what was handled.
try:
    try:
        raise_group()
    except* ValueError:
        raise
    except* KeyError:
        pass
except ExceptionGroup as g:
    print("reraised:", repr(g))

# One exception raised in a handler, nothing else left: it is raised alone.
try:
    try:
        raise ExceptionGroup("one", [ValueError()])
    except* ValueError:
        raise KeyError("alone")
except KeyError as k:
    print("alone:", repr(k), repr(k.__context__))

# raise ... from ... in a handler.
try:
    try:
        raise ExceptionGroup("caused", [ValueError("v")])
    except* ValueError as e:
        raise TypeError("new") from e
except TypeError as t:
    print("from:", repr(t), repr(t.__cause__))

# A naked exception is wrapped for the clause, and raised as itself when unhandled.
try:
    raise KeyError("naked")
except* KeyError as e:
    print("wrapped:", type(e).__name__, repr(e), e.message == "")
try:
    try:
        raise KeyError("naked")
    except* TypeError:
        pass
except KeyError as k:
    print("naked passes:", repr(k))
try:
    try:
        raise KeyError("naked")
    except* KeyError:
        raise
except ExceptionGroup as g:
    print("naked re-raised:", repr(g))
try:
    try:
        raise KeyError("naked")
    except* KeyError:
        raise ValueError("replaced")
except ValueError as v:
    print("naked replaced:", repr(v), repr(v.__context__))

# BaseExceptionGroup with BaseExceptions.
try:
    raise BaseExceptionGroup("base", [KeyboardInterrupt(), ValueError()])
except* KeyboardInterrupt as e:
    print("keyboard:", type(e).__name__, repr(e))
except* ValueError as e:
    print("value:", type(e).__name__, repr(e))


# In functions, nested in a handler, with else and finally.
def nested():
    try:
        raise ExceptionGroup("outer", [ValueError("o")])
    except* ValueError:
        try:
            raise ExceptionGroup("inner", [TypeError("i")])
        except* TypeError as t:
            print("inner:", repr(t), repr(t.exceptions[0].__context__))
    return "nested done"


print(nested())


def with_else_finally(fail):
    log = []
    try:
        if fail:
            raise ExceptionGroup("f", [ValueError()])
    except* ValueError:
        log.append("handler")
    else:
        log.append("else")
    finally:
        log.append("finally")
    return log


print(with_else_finally(True), with_else_finally(False))


def loop():
    caught = []
    for i in range(3):
        try:
            raise ExceptionGroup("loop", [ValueError(i), TypeError(i)])
        except* ValueError as v:
            caught.append(v.exceptions[0].args[0])
        except* TypeError as t:
            caught.append(-t.exceptions[0].args[0])
    return caught


print(loop())


# Generators.
def gen():
    try:
        yield 1
        raise ExceptionGroup("g", [ValueError("in generator")])
    except* ValueError as e:
        yield repr(e)
    yield "end"


print(list(gen()))

# except* without a name.
try:
    raise ExceptionGroup("unnamed", [OSError(5)])
except* OSError:
    print("unnamed:", repr(sys.exc_info()[1]))

# A group subclass is split with its derive().


class Tagged(ExceptionGroup):
    def derive(self, excs):
        return Tagged(self.message + "'", excs)


try:
    try:
        raise Tagged("tagged", [ValueError(), TypeError()])
    except* ValueError as e:
        print("tagged match:", type(e).__name__, repr(e))
except Tagged as t:
    print("tagged rest:", type(t).__name__, repr(t))
