# sys.settrace: the events of calls, lines, loops, returns, exceptions, generators, nested
# functions, __init__, comprehensions and one-line functions, with f_lineno at each.
import sys

def show(frame, event, arg):
    co = frame.f_code
    if event == "exception":
        arg = (arg[0].__name__, str(arg[1]))
    elif event == "return" and not isinstance(arg, (int, str, type(None), tuple, list)):
        arg = type(arg).__name__
    print(f"  {event:9} {co.co_name}:{frame.f_lineno} {arg!r}")
    return show

def loop(n):
    total = 0
    for i in range(n):
        if i % 2:
            total += i
        else:
            pass
    while n > 0:
        n -= 1
    return total

def fails():
    x = 1
    raise ValueError("bad")

def catches():
    try:
        fails()
    except ValueError as e:
        y = str(e)
    finally:
        z = 2
    return y

def gen(n):
    for i in range(n):
        yield i
    return "done"

def uses_gen():
    out = []
    for v in gen(2):
        out.append(v)
    return out

def delegate():
    r = yield from gen(2)
    yield r

def nested():
    a = 1
    def inner(b):
        return a + b
    return inner(2)

class K:
    def __init__(self):
        self.v = 1

def with_class():
    k = K()
    return k.v

def comp():
    return [x * 2 for x in range(2)]

def oneline(): return 7

for f in [lambda: loop(3), catches, uses_gen, lambda: list(delegate()), nested, with_class, comp, oneline]:
    print(f.__name__ if f.__name__ != "<lambda>" else "lambda")
    sys.settrace(show)
    f()
    sys.settrace(None)
