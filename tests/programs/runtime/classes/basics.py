# Classes: instances, attributes, class attributes, methods, inheritance and the MRO,
# isinstance/issubclass, __dict__, __class__, vars(), dir(), type(name, bases, dict).


class Point:
    """A point."""

    dims = 2

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm2(self):
        return self.x * self.x + self.y * self.y

    def moved(self, dx, dy=0):
        return Point(self.x + dx, self.y + dy)


p = Point(3, 4)
print(p.x, p.y, p.norm2(), p.dims, Point.dims, p.moved(1).x, p.moved(1, dy=2).y)
print(type(p) is Point, p.__class__ is Point, type(p).__name__, Point.__qualname__, Point.__doc__)
print(sorted(vars(p).items()), p.__dict__ is vars(p))
p.z = 5
del p.x
print(sorted(p.__dict__))
try:
    p.x
except AttributeError as e:
    print(type(e).__name__, e)
try:
    del p.x
except AttributeError as e:
    print(type(e).__name__, e)
try:
    Point.nothing
except AttributeError as e:
    print(type(e).__name__, e)

# Class attributes are shared until an instance shadows them.
a, b = Point(0, 0), Point(1, 1)
Point.dims = 3
a.dims = 10
print(a.dims, b.dims, Point.dims)
del a.dims
print(a.dims)

# Methods: bound, unbound, stored functions.
m = p.norm2
print(m.__self__ is p, m.__func__ is Point.norm2, Point.norm2(Point(1, 2)))
Point.extra = lambda self: "extra " + str(self.y)
print(p.extra())
p.callback = lambda: "instance attribute, not bound"
print(p.callback())

# Errors calling classes.
try:
    Point(1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    Point(1, 2, 3)
except TypeError as e:
    print(type(e).__name__, e)


class Empty:
    pass


try:
    Empty(1)
except TypeError as e:
    print(type(e).__name__, e)
print(type(Empty()).__name__, Empty.__bases__ == (object,), Empty.__mro__ == (Empty, object))


class BadInit:
    def __init__(self):
        return 5


try:
    BadInit()
except TypeError as e:
    print(type(e).__name__, e)


# Inheritance and the C3 MRO.
class A:
    def who(self):
        return "A"

    def hello(self):
        return "hello from " + self.who()


class B(A):
    def who(self):
        return "B"


class C(A):
    def who(self):
        return "C"

    def only_c(self):
        return "only C"


class D(B, C):
    pass


d = D()
print(d.who(), d.hello(), d.only_c())
print([k.__name__ for k in D.__mro__])
print(isinstance(d, A), isinstance(d, C), isinstance(1, A), issubclass(D, A), issubclass(A, D))
print(issubclass(D, (int, C)), isinstance(d, (int, str)), issubclass(bool, int))
print(D.__bases__ == (B, C), D.__base__ is B)

try:

    class X(A, B):
        pass

except TypeError as e:
    print(type(e).__name__, e)


# type(name, bases, dict)
def method(self):
    return "dynamic " + self.tag


Dyn = type("Dyn", (A,), {"tag": "t", "method": method})
dyn = Dyn()
print(Dyn.__name__, Dyn.__qualname__, Dyn.__module__, dyn.method(), dyn.hello(), isinstance(dyn, A))
print(type("Plain", (), {})().__class__.__name__)
print(type(dyn) is Dyn, type(Dyn) is type, type(type) is type)
for args in [(1, (), {}), ("N", [], {}), ("N", (), [])]:
    try:
        type(*args)
    except TypeError as e:
        print(type(e).__name__, e)


# dir() lists the attributes of the instance and its classes.
class WithDir(B):
    cls_attr = 1

    def __init__(self):
        self.inst_attr = 2


print([n for n in dir(WithDir()) if n[:2] != "__"])
print([n for n in dir(WithDir) if n[:2] != "__"])

# vars() of a class is its namespace.
print(sorted(k for k in vars(WithDir) if k[:2] != "__"))
try:
    vars(1)
except TypeError as e:
    print(type(e).__name__, e)


# Class bodies see their own names; methods do not (they use globals or self).
counter = "global"


class Scope:
    counter = "class"
    doubled = counter * 2

    def get(self):
        return counter


print(Scope.doubled, Scope().get())


# Nested classes and qualified names.
class Outer:
    class Inner:
        def method(self):
            return type(self).__qualname__


print(Outer.Inner().method(), Outer.Inner.__qualname__)


def factory():
    class Local:
        pass

    return Local


print(factory().__qualname__, factory() is factory())

# Instances of user classes as objects: identity, hashing by identity, repr shape.
e1, e2 = Empty(), Empty()
print(e1 == e1, e1 == e2, e1 != e2, len({e1, e2, e1}))
r = repr(e1)
print(r[:28] == "<__main__.Empty object at 0x", r[-1], str(e1) == r)
