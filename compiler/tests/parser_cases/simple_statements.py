x = 1
x = y = z = 2
a, b = b, a
a, *b = c
*a, b = c
[a, b] = c
(a, b) = c
[a, [b, *c], (d, e)] = f
a.b = 1
a.b.c = 2
a[0] = 1
a[1:2] = b
a[::2], b[c, d] = e
x = yield_ = 3
x += 1
x -= 1
x *= 2
x @= m
x /= 2
x //= 2
x %= 3
x **= 2
x >>= 1
x <<= 1
x &= 1
x |= 1
x ^= 1
a.b += 1
a[0] -= 1
(x) += 1
x: int
x: int = 1
(x): int = 1
a.b: int
a[0]: int = 3
x: list[int] = []
del x
del x, y
del x,
del (x, y)
del [x, y]
del a.b, a[0], a[1:2]
del (a), (b)
pass
assert x
assert x, "message"
raise
raise E
raise E from e
raise E(1) from None
global g
global g, h
import a
import a.b.c
import a as b
import a.b as c, d
from a import b
from a import b as c, d
from a import (b, c)
from a import (b as c, d,)
from . import x
from .. import y
from .a import b
from ...a.b import c
from .... import d
from a import *
from . import (x)
x = 1; y = 2
x = 1;
print(1); print(2);
