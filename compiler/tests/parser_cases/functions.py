def f(): pass
def f(a): pass
def f(a, b): pass
def f(a, b,): pass
def f(a=1): pass
def f(a, b=1, c=2): pass
def f(*args): pass
def f(**kwargs): pass
def f(*args, **kwargs): pass
def f(a, *, b): pass
def f(a, *, b=1, c): pass
def f(*, a=1, b=2,): pass
def f(a, /): pass
def f(a, /, b): pass
def f(a, b, /, c, d=1, *e, f, g=2, **h): pass
def f(a=1, /, b=2): pass
def f(a, b=1, /, c=2): pass
def f(a, /, *, b): pass
def f(a: int, b: "str" = "x", *c: tuple, d: list = [], **e: dict) -> None: pass
def f(*args: *Ts): pass
def f(a, /,): pass
def f(
    a,
    b: int = 1,
    *args,
    **kwargs,
) -> int:
    return 0
lambda: 0
lambda x: x
lambda x, y: x + y
lambda x=1: x
lambda *a: a
lambda **k: k
lambda *a, **k: 0
lambda a, *, b: 0
lambda a, /, b: 0
lambda a, b=1, /, c=2, *d, e, f=3, **g: 0
lambda x,: x
lambda *, a: a
lambda: (yield)
x = lambda: lambda: 0
f(lambda x: x, key=lambda y: -y)
