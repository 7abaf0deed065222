# sys.settrace: generators traced (send, yield from, throw into a chain, generator
# expressions) and gi_frame, the frame object sys._getframe() gives inside the generator.
import sys

def show(frame, event, arg):
    if event == "exception":
        arg = (arg[0].__name__, str(arg[1]))
    elif not isinstance(arg, (int, str, type(None), tuple, list)):
        arg = type(arg).__name__
    print(f"  {event:9} {frame.f_code.co_name}:{frame.f_lineno} {arg!r}")
    return show

def inner():
    try:
        x = yield 1
        print("  got", x)
        yield 2
    except KeyError:
        yield "k"
    return "inner done"

def outer():
    r = yield from inner()
    print("  r =", r)

print("send and yield from")
sys.settrace(show)
g = outer()
next(g)
g.send("s")
try:
    next(g)
except StopIteration:
    pass
sys.settrace(None)

print("throw into a chain")
g = outer()
next(g)
sys.settrace(show)
g.throw(KeyError)
g.close()
sys.settrace(None)

print("generator expression and gi_frame")
sys.settrace(show)
total = sum(x * x for x in range(3))
sys.settrace(None)
def counter():
    yield 1
    yield 2
c = counter()
print(c.gi_frame.f_lineno, c.gi_frame.f_code.co_name)
next(c)
print(c.gi_frame.f_lineno, c.gi_frame.f_back)
fr = c.gi_frame
next(c)
print(fr.f_lineno, fr is c.gi_frame)
for _ in c:
    pass
print(c.gi_frame)
