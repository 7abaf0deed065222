# Exceptions and generators: errors raised inside, PEP 479, throw(), close(), finally
# blocks, re-entry, and the handled exception (sys.exc_info()) kept per generator.
import sys


def failing():
    yield 1
    raise ValueError("boom")


g = failing()
print(next(g))
try:
    next(g)
except ValueError as e:
    print(type(e).__name__, e)
print(g.gi_frame, next(g, "exhausted"))


# PEP 479: StopIteration raised inside a generator becomes RuntimeError.
def leaks_stop():
    yield 1
    raise StopIteration("leaked")


try:
    list(leaks_stop())
except RuntimeError as e:
    print(type(e).__name__, e, "| cause:", repr(e.__cause__), e.__suppress_context__)


def leaks_next():
    it = iter([])
    yield next(it)


try:
    for _ in leaks_next():
        pass
except RuntimeError as e:
    print(type(e).__name__, e, type(e.__cause__).__name__)

try:
    list(next(iter([])) for _ in range(1))
except RuntimeError as e:
    print("genexpr:", e)


# finally blocks run when the generator finishes or is closed.
def with_finally(log):
    try:
        log.append("start")
        yield 1
        log.append("middle")
        yield 2
    finally:
        log.append("finally")


log = []
for v in with_finally(log):
    log.append(v)
print(log)

log = []
g = with_finally(log)
next(g)
g.close()
print(log, g.gi_frame)
g.close()
print(next(g, "closed"))

g = with_finally([])
g.close()
print("closed before start:", next(g, "nothing"))


# close(): a generator that ignores GeneratorExit.
def stubborn():
    try:
        yield "still here"
    except GeneratorExit:
        print("ignoring GeneratorExit")
    yield "again"


s = stubborn()
next(s)
try:
    s.close()
except RuntimeError as e:
    print(type(e).__name__, e)


def catches_exit():
    try:
        yield 1
    except GeneratorExit:
        print("cleaning up")
        return "ignored value"


c = catches_exit()
next(c)
print("close returns", c.close())


def raises_on_exit():
    try:
        yield 1
    except GeneratorExit:
        raise KeyError("during close")


r = raises_on_exit()
next(r)
try:
    r.close()
except KeyError as e:
    print("close raised", type(e).__name__, e)


# throw(): raised at the yield, handled or not.
def catcher():
    while True:
        try:
            x = yield
            print("got", x)
        except ValueError as e:
            print("caught", e)
            yield "after catch"


c = catcher()
next(c)
c.send(1)
print(c.throw(ValueError("first")))
print(next(c))
print(c.throw(ValueError, "second"))
next(c)
print(c.throw(ValueError, ValueError("third")))
try:
    c.throw(KeyError("uncaught"))
except KeyError as e:
    print("propagated", repr(e))
print(next(c, "finished"))

fresh = catcher()
try:
    fresh.throw(IndexError("before start"))
except IndexError as e:
    print("thrown into a new generator:", e, next(fresh, "finished"))

for bad in [1, "x", None]:
    try:
        catcher().throw(bad)
    except TypeError as e:
        print(type(e).__name__, e)
try:
    catcher().throw(ValueError("v"), 1)
except TypeError as e:
    print(type(e).__name__, e)


# throw() through yield from: the innermost generator sees the exception first.
def inner_handles():
    try:
        yield "inner"
    except KeyError as e:
        print("inner handled", e)
        yield "inner after"
    return "inner done"


def outer_delegates():
    r = yield from inner_handles()
    print("outer got", r)
    try:
        yield "outer"
    except KeyError as e:
        print("outer handled", e)
        yield "outer after"


o = outer_delegates()
print(next(o))
print(o.throw(KeyError("k1")))
print(next(o))
print(o.throw(KeyError("k2")))


def inner_lets_go():
    yield "inner"


def outer_catches():
    try:
        yield from inner_lets_go()
    except ValueError as e:
        print("outer caught", e)
        yield "recovered"


o = outer_catches()
next(o)
print(o.throw(ValueError("from outside")))


# close() through yield from closes the innermost generator first.
def leaf(name, log):
    try:
        yield name
    finally:
        log.append("close " + name)


def node(depth, log):
    try:
        if depth == 0:
            yield from leaf("leaf", log)
        else:
            yield from node(depth - 1, log)
    finally:
        log.append("close node %d" % depth)


log = []
n = node(3, log)
print(next(n))
n.close()
print(log)


# A generator cannot be re-entered while it runs.
def reentrant():
    yield me.gi_running
    next(me)


me = reentrant()
print(next(me))
try:
    next(me)
except ValueError as e:
    print(type(e).__name__, e)


def sends_to_itself():
    yield
    me2.send(1)


me2 = sends_to_itself()
next(me2)
try:
    me2.send(None)
except ValueError as e:
    print(type(e).__name__, e)


# sys.exc_info() inside and outside generators.
def exc_state():
    try:
        raise KeyError("inside")
    except KeyError:
        yield sys.exc_info()[0].__name__
        yield sys.exc_info()[0].__name__
    yield sys.exc_info()[0]


e = exc_state()
print(next(e), sys.exc_info())
try:
    raise IndexError("outside")
except IndexError:
    print(next(e), sys.exc_info()[0].__name__)
print(next(e), sys.exc_info())


def sees_caller():
    yield sys.exc_info()[0]


try:
    raise TypeError("caller's")
except TypeError:
    print(next(sees_caller()))


# An exception raised in a generator chains to what it was handling.
def chained():
    try:
        yield 1
        raise ValueError("first")
    except ValueError:
        raise TypeError("second")


try:
    list(chained())
except TypeError as e:
    print(repr(e), repr(e.__context__))


# Exceptions propagate through for loops and comprehensions over generators.
def partial():
    yield 1
    yield 2
    raise OSError("disk")


try:
    [x for x in partial()]
except OSError as e:
    print(type(e).__name__, e)

# A return in finally swallows the exception: the generator just ends.


def swallow():
    try:
        yield 1
        raise ValueError
    finally:
        return "swallowed"


print(list(swallow()))


# Wrong arguments to the generator methods, and operations generators do not support.
def plain():
    yield


p = plain()
calls = [
    lambda: p.send(),
    lambda: p.send(1, 2),
    lambda: p.throw(),
    lambda: p.throw(1, 2, 3, 4),
    lambda: p.close(1),
    lambda: p.send(a=1),
    lambda: len(p),
    lambda: p[0],
    lambda: p + 1,
]
for call in calls:
    try:
        call()
    except TypeError as e:
        print(type(e).__name__, e)
