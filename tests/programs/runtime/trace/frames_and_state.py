# sys.settrace: exceptions through frames, throw()/close(), class bodies and exec, f_trace set
# on a frame, a local trace function returning None, f_trace_lines, f_locals written back,
# sys.gettrace, settrace inside the tracer, recursion, lambdas and closures.
import sys

def show(frame, event, arg):
    if event == "exception":
        arg = (arg[0].__name__, str(arg[1]))
    elif not isinstance(arg, (int, str, type(None), tuple, list)):
        arg = type(arg).__name__
    print(f"  {event:9} {frame.f_code.co_name}:{frame.f_lineno} {arg!r}")
    return show

def a(n):
    if n == 0:
        raise KeyError(n)
    return a(n - 1)

def b():
    try:
        a(2)
    except KeyError:
        return "caught"

print("propagate")
sys.settrace(show)
b()
sys.settrace(None)

def g():
    try:
        yield 1
        yield 2
    except ValueError:
        yield "v"
    finally:
        print("  finally")

print("throw/close")
sys.settrace(show)
it = g()
next(it)
it.throw(ValueError)
it.close()
sys.settrace(None)

print("class body and exec")
sys.settrace(show)
class C:
    x = 1
    def m(self):
        return self.x
C().m()
exec("y = 1\nz = 2")
sys.settrace(None)

print("f_trace on the caller")
def local(frame, event, arg):
    print(f"  local {event} {frame.f_lineno}")
    return local
def glob(frame, event, arg):
    print(f"  glob {event} {frame.f_code.co_name}")
    return None
def work():
    sys._getframe().f_trace = local
    sys.settrace(glob)
    x = 1
    y = 2
    helper()
    sys.settrace(None)
    z = 3
def helper():
    return 1
work()

print("returning None keeps f_trace")
def lt(frame, event, arg):
    print(f"  lt {event} {frame.f_lineno}")
    return None
def gt(frame, event, arg):
    return lt
def two():
    p = 1
    q = 2
sys.settrace(gt)
two()
sys.settrace(None)

print("f_trace_lines")
def nolines(frame, event, arg):
    frame.f_trace_lines = False
    print(f"  {event} {frame.f_code.co_name}")
    return nolines
def three():
    r = 1
    return r
sys.settrace(nolines)
three()
sys.settrace(None)

print("f_locals written back")
def changer(frame, event, arg):
    if event == "line" and frame.f_code.co_name == "vals" and "v" in frame.f_locals:
        frame.f_locals["v"] = 100
    return changer
def vals():
    v = 1
    w = v + 1
    return w
sys.settrace(changer)
print(" ", vals())
sys.settrace(None)

print("gettrace")
sys.settrace(show)
t = sys.gettrace()
sys.settrace(None)
print(" ", t is show, sys.gettrace())

print("settrace in the tracer")
def once(frame, event, arg):
    print(f"  once {event} {frame.f_code.co_name}")
    sys.settrace(None)
    return once
def four():
    s = 1
    return s
sys.settrace(once)
four()
four()
print(" ", sys.gettrace())

print("recursion")
def rec(n):
    return n if n == 0 else rec(n - 1)
def counting(frame, event, arg):
    return None
sys.settrace(counting)
print(" ", rec(50))
sys.settrace(None)

print("lambda, comprehension, nested")
sys.settrace(show)
f = lambda q: q + 1
f(1)
[i for i in range(2)]
def outer():
    v = 1
    def inner():
        return v
    return inner()
outer()
sys.settrace(None)
