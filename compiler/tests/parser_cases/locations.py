x = (
    1 +
    2
)
f(
    a,
    b=c,
    *d,
    **e,
)
result = some.very.long.chain(
    arg
).method()[
    index
]
if (a and
        b):
    pass
def f(
    a,
):
    return (
        a
    )
class A(
    B,
):
    x = [
        1,
        2,
    ]
    y = {
        'a': 1,
    }
x = \
    1
y = [
    i
    for i in range(3)
    if i
]
z = (
    yield
) if False else None
(a,
 b) = c
with (
    open(x) as f,
    open(y) as g,
):
    pass
try:
    pass
except (A,
        B) as e:
    pass
lambda x: (
    x
)
s = ('a'
     'b'
     'c')
t = """a
b""" + 'c'
x = 1 if (
    y
) else 2
assert (
    x
), "m"
del (
    a
)
