"""Every simple and compound statement (except match, async and exception groups, which
have files of their own)."""
import sys
import math as m
from math import (pi,
                  e as euler)
from math import *

# Assignments.
a = 1
b = c = 2
d, e2 = 3, 4
(f, g), [h, i] = (5, 6), [7, 8]
first, *middle, last = range(6)
*init, tail = "abc"
x: int = 10
y: "str"
lst = [0] * 5
lst[0] = lst[1] = 1
lst[2:4] = [7, 7]
obj = type("Obj", (), {})()
obj.attr = "attribute"
print(a, b, c, d, e2, f, g, h, i, first, middle, last, init, tail, x, lst, obj.attr)

# Augmented assignment, every operator.
n = 100
n += 5; n -= 3; n *= 2; n //= 3; n %= 50; n **= 2; n <<= 2; n >>= 1
n |= 1; n &= 0xFFF; n ^= 0b101
fl = 7.0
fl /= 2
mat = [1]
mat += [2]
print(n, fl, mat)
lst[0] += 10
obj.attr += "!"
print(lst, obj.attr)

# del in every form.
del a
del b, c
del lst[0], lst[-1:]
del obj.attr
try:
    a
except NameError as exc:
    print("deleted:", exc)
print(lst, hasattr(obj, "attr"))

# pass, if / elif / else.
if n > 1000:
    pass
elif n > 10:
    print("elif branch")
else:
    print("else branch")

# while with break, continue and else.
k = 0
while k < 10:
    k += 1
    if k % 2:
        continue
    if k == 8:
        break
else:
    print("not reached")
print("k", k)
while k > 100:
    pass
else:
    print("while else runs when the loop ends normally")

# for with targets of every shape, and else.
for idx, (p, q) in enumerate([(1, 2), (3, 4)]):
    print(idx, p, q)
else:
    print("for else")
for obj.attr in range(2):
    pass
print(obj.attr)
for lst[0] in range(3):
    pass
print(lst)

# try / except / else / finally.
try:
    1 / 0
except (TypeError, ZeroDivisionError) as err:
    print("caught", type(err).__name__)
else:
    print("no else")
finally:
    print("finally")
try:
    pass
except Exception:
    pass
else:
    print("try else")
try:
    try:
        raise KeyError("inner")
    finally:
        print("inner finally")
except KeyError as err2:
    print("outer caught", err2)
try:
    raise ValueError("bare except")
except:
    print("bare except caught", sys.exc_info()[0].__name__)

# raise forms.
try:
    try:
        raise ValueError
    except ValueError as cause:
        raise RuntimeError("wrapped") from cause
except RuntimeError as err3:
    print(err3, type(err3.__cause__).__name__)
try:
    raise TypeError("no context") from None
except TypeError as err4:
    print(err4.__suppress_context__, err4.__cause__)
try:
    try:
        raise IndexError("first")
    except IndexError:
        raise
except IndexError as err5:
    print("re-raised", err5)

# assert.
assert True
assert 1 + 1 == 2, "math"
try:
    assert False, "assertion message"
except AssertionError as err6:
    print("AssertionError:", err6)


# with, single and multiple items, parenthesized.
class Ctx:
    def __init__(self, name):
        self.name = name

    def __enter__(self):
        print("enter", self.name)
        return self.name

    def __exit__(self, typ, val, tb):
        print("exit", self.name, typ.__name__ if typ else None)
        return typ is KeyError


with Ctx("one") as one:
    print("body", one)
with Ctx("a") as aa, Ctx("b") as bb:
    print("body", aa, bb)
with (Ctx("p1") as p1,
      Ctx("p2")):
    print("parenthesized", p1)
with Ctx("swallow"):
    raise KeyError("swallowed")
print("after swallow")


# def and class, global and nonlocal, return and yield.
def function(arg, *args, kw=1, **kwargs):
    global module_global
    module_global = arg

    def inner():
        nonlocal arg
        arg += 1
        return arg
    return inner()


def generator():
    yield 1
    yield from [2, 3]
    return


class Base:
    pass


class Derived(Base, metaclass=type):
    attr = 1


print(function(1), module_global, list(generator()), Derived.__mro__[1].__name__)
print(m.floor(pi), round(euler, 3), floor(2.5), sys.maxsize > 2 ** 31)

# Semicolons and a body on the same line.
if True: print("one-line if"); print("second statement")
for _ in range(1): print("one-line for")
while False: pass
