a + b - c
a * b / c // d % e @ f
a ** b ** c
-a ** -b
-a ** b
+a
~a
not a
not not a
- - - a
a | b ^ c & d << e >> f + g
(a | b) ^ (c & d)
a < b
a < b <= c > d >= e == f != g
a in b
a not in b
a is b
a is not b
a if b else c
a if b else c if d else e
(a if b else c) if d else e
a and b
a or b
a and b or c and d
a or b or c
not a and not b
(x := 1)
f(x := 1)
[y := 1, y ** 2]
x = (a + b) * c
x = a + (b * c)
x = (((a)))
x = ((a, b))
(a)
(a).b
(a)(b)
(a)[b]
(a) + (b)
-(a)
await_ = 1
*a, b
a, *b
x = *a, *b
f(*a, **b)
f(a, *b, c, **d, e=f)
f(a=1, *b)
f(**a, b=1, **c)
f()
f(a)(b)(c)
f(x for x in y)
a.b.c.d
a[b][c]
a[b:c]
a[b:c:d]
a[:]
a[::]
a[:b]
a[b:]
a[::c]
a[b, c]
a[b:c, d]
a[b, c:d, ::e]
a[b,]
a[*b]
a[b, *c]
a[x := 1]
a[(x := 1)]
...
a[...]
a[..., 0]
x = a if b else lambda: c
x = (yield)
