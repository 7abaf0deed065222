None
True
False
x
_
__x__
()
(1,)
(1, 2)
(1, 2,)
[]
[1]
[1, 2,]
[*a, *b]
{}
{1}
{1, 2,}
{*a, 1}
{1: 2}
{1: 2, 3: 4,}
{**a}
{**a, 1: 2, **b}
{a: b for a in c}
{a for a in b}
[a for a in b]
(a for a in b)
[a for a in b if c]
[a for a in b if c if d]
[a for b in c for a in b]
[a for b in c if b for a in b if a]
[(a, b) for a, b in c]
[a for a, in b]
[a for (a, b) in c]
[a for [a, b] in c]
[a for a.b in c]
[a for a[0] in c]
[a for *a, b in c]
[x for x in a or b]
[x for x in (yield)]
{x: y for x, y in z}
{k: v for k in a for v in b if k}
[x := 1 for y in z]
[[a for a in b] for b in c]
f((a for a in b), c)
