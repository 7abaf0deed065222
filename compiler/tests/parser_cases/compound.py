if x:
    pass
if x:
    a = 1
elif y:
    a = 2
elif z:
    a = 3
else:
    a = 4
if x: pass
if x: a; b
else: c
while x:
    x -= 1
else:
    pass
while (y := f()):
    break
for x in y:
    continue
for x, y in z:
    pass
for (x, y) in z:
    pass
for [x, y] in z:
    pass
for x, in z:
    pass
for x in y, z:
    pass
for x in *a, *b:
    pass
for x.a in y:
    pass
for x[0] in y:
    pass
for *a, b in c:
    pass
for x in y:
    pass
else:
    pass
try:
    pass
except:
    pass
try:
    pass
except E:
    pass
except (E1, E2) as e:
    pass
except E3 as e:
    pass
else:
    pass
finally:
    pass
try:
    pass
finally:
    pass
try:
    pass
except* E:
    pass
except* (F, G) as e:
    pass
else:
    pass
finally:
    pass
with a:
    pass
with a as b:
    pass
with a as b, c as d, e:
    pass
with a as (b, c):
    pass
with a as [b, c], d as e.f, g as h[0]:
    pass
with (a, b):
    pass
with (a as b, c as d):
    pass
with (a as b, c as d,):
    pass
with (a, b) as c:
    pass
with (a):
    pass
with (yield):
    pass
with f(x) as y: pass
class A:
    pass
class A():
    pass
class A(B):
    x = 1
class A(B, C, metaclass=M, **kw):
    def f(self):
        return self
class A(*bases): pass
@dec
def f():
    pass
@dec
@dec2(1)
@dec3.attr[0]
class C:
    pass
@(lambda f: f)
def g(): pass
@x := y
def h(): pass
def f():
    yield
    yield 1
    yield 1, 2
    x = yield
    y = yield from z
    return
def f(): return 1
if x:
    if y:
        if z:
            pass
        else:
            pass
