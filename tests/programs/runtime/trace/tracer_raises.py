# sys.settrace: a trace function that raises at a call, line, return or exception event (and at
# the yield of a generator) is removed and its exception propagates: out of the frame for call
# and return, from the instruction for line (a handler of the frame can catch it).
import sys

def make(kind, when):
    def tracer(frame, event, arg):
        print(f"  {event} {frame.f_code.co_name}:{frame.f_lineno}")
        if event == kind and frame.f_code.co_name == when:
            raise RuntimeError(f"tracer failed at {event}")
        return tracer
    return tracer

def target():
    x = 1
    try:
        y = 2
    except RuntimeError as e:
        print("  caught inside:", e)
    return x

def raising():
    x = 1
    raise ValueError("v")

def gen():
    yield 1
    yield 2

for kind, fn in [("call", target), ("line", target), ("return", target), ("exception", raising), ("return", gen)]:
    print(kind, fn.__name__)
    sys.settrace(make(kind, fn.__name__))
    try:
        r = fn()
        if fn is gen:
            print("  next:", next(r))
            print("  next:", next(r))
    except Exception as e:
        print("  caught:", type(e).__name__, e)
    print("  gettrace:", sys.gettrace())
    sys.settrace(None)

print("tracer raising at a line of the frame that set it")
def self_traced():
    seen = []

    def t(frame, event, arg):
        seen.append(frame.f_lineno)
        print("  line", len(seen))
        if len(seen) == 2:
            raise KeyError("k")
        return t
    sys._getframe().f_trace = t
    sys.settrace(lambda *a: None)
    try:
        z = 1
    except KeyError as e:
        print("  caught", repr(e))
    print("  gettrace:", sys.gettrace())
self_traced()

