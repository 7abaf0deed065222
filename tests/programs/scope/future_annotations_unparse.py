from __future__ import annotations

# Under postponed evaluation an annotation is the text CPython's unparser writes for it:
# normalised spacing, parentheses only where precedence needs them, constants as repr.


def f(
    a: "quoted",
    b: dict[str,   int],
    c: list[tuple[int, ...]] | None,
    d: (1 + 2) * 3,
    e: -x ** -y,
    g: lambda x, *, y=1: x,
    h: a if b else c,
    i: not a and (b or c),
    j: x[1:2, ::3],
    k: f(*args, key=1, **kw),
    l: {1: 'a', **d},
    m: [i for i in range(3) if i],
    n: (yield),
    o: f(x for x in y),
    p: 1 .real,
    q: 1e400,
    r: b'bytes',
    s: (1,),
    t: (),
    u: f"{x!r:>{width}} {{lit}}",
    v: a < b <= c is not d,
    w: ~a << 2 | b & c ^ d,
    x: (a := 1),
    y: {a, b},
    z: 2j,
) -> Callable[[int], str]:
    pass


for name, text in f.__annotations__.items():
    print(name, text)
