# sys.settrace: the line events of statements (multi-line expressions, if/elif, loops with
# break/continue/else, while True, with, assert, del, try/finally, except clauses, global).
import sys

def show(frame, event, arg):
    if event == "line":
        print(f"  {frame.f_code.co_name}:{frame.f_lineno}")
    elif event == "exception":
        print(f"  {event} {frame.f_code.co_name}:{frame.f_lineno} {arg[0].__name__}")
    else:
        print(f"  {event} {frame.f_code.co_name}:{frame.f_lineno}")
    return show

def multiline(a,
              b):
    x = max(a,
            b)
    d = {
        "k": a,
        "j": b,
    }
    s = (a
         + b)
    return (x,
            d, s)

def branches(n):
    if n == 0:
        r = "zero"
    elif n == 1:
        r = "one"
    else:
        r = "many"
    for i in range(3):
        if i == 1:
            continue
        if i == 2:
            break
    else:
        r += "!"
    while True:
        n += 1
        if n > 3:
            break
    return r

def withs():
    class M:
        def __enter__(self):
            return self
        def __exit__(self, *a):
            return True
    with M() as m:
        raise ValueError
    with M():
        pass
    return 1

def conds(x):
    y = x if x else 0
    z = x and y or 3
    assert z
    del y
    return [a for a in range(2) if a], {k: 1 for k in "ab"}

def nested_loops():
    t = 0
    for i in range(2):
        for j in range(2):
            t += j
    return t

def one_line_loop():
    for i in range(3): pass
    n = 3
    while n: n -= 1

def tryfinally():
    try:
        return 1
    finally:
        print("  fin")

def except_as():
    try:
        {}["x"]
    except KeyError as e:
        pass
    except (TypeError, ValueError):
        pass
    try:
        pass
    except Exception:
        pass
    else:
        q = 1

def unpack():
    a, b = 1, 2
    a, *b = [1, 2, 3]
    a += 1
    global G
    G = 1
    return a

for f in [lambda: multiline(1, 2), lambda: branches(0), lambda: branches(5), withs, lambda: conds(1),
          nested_loops, one_line_loop, tryfinally, except_as, unpack]:
    sys.settrace(show)
    f()
    sys.settrace(None)
    print("--")
