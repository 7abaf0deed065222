# super(): the zero-argument form (the __class__ cell and the first argument), the two-
# argument form, cooperative multiple inheritance, super in class methods, and its errors.


class Base:
    def __init__(self, name):
        self.name = name
        print("Base.__init__", name)

    def greet(self):
        return "Base greets " + self.name

    @classmethod
    def create(cls, name):
        print("Base.create for", cls.__name__)
        return cls(name)

    @staticmethod
    def helper():
        return "Base.helper"


class Child(Base):
    def __init__(self, name, age=0):
        super().__init__(name)
        self.age = age
        print("Child.__init__", age)

    def greet(self):
        return "Child then " + super().greet()

    @classmethod
    def create(cls, name):
        print("Child.create")
        return super().create(name)

    @staticmethod
    def helper():
        return "Child.helper over " + super(Child, Child).helper()


c = Child("c", 3)
print(c.greet(), c.name, c.age)
c2 = Child.create("d")
print(type(c2).__name__, c2.name, Child.helper())
print(super(Child, c).greet(), super(Base, c).__init__ is not None)


# Diamond: every class's method runs once, in MRO order.
class Root:
    def __init__(self):
        print("Root")
        super().__init__()

    def trace(self):
        return ["Root"]


class Left(Root):
    def __init__(self):
        print("Left")
        super().__init__()

    def trace(self):
        return ["Left"] + super().trace()


class Right(Root):
    def __init__(self):
        print("Right")
        super().__init__()

    def trace(self):
        return ["Right"] + super().trace()


class Bottom(Left, Right):
    def __init__(self):
        print("Bottom")
        super().__init__()

    def trace(self):
        return ["Bottom"] + super().trace()


bt = Bottom()
print(bt.trace())
print(super(Left, bt).trace(), super(Right, bt).trace())


# Keyword arguments threaded through cooperative __init__s.
class Shape:
    def __init__(self, **kwargs):
        if kwargs:
            print("leftover", sorted(kwargs))
        super().__init__()


class Colored(Shape):
    def __init__(self, color="red", **kwargs):
        self.color = color
        super().__init__(**kwargs)


class Sized(Shape):
    def __init__(self, size=1, **kwargs):
        self.size = size
        super().__init__(**kwargs)


class Widget(Colored, Sized):
    pass


w = Widget(color="blue", size=5, extra=1)
print(w.color, w.size)


# super() of a property and of attributes defined only in a base.
class P:
    kind = "P-kind"

    @property
    def value(self):
        return 10


class Q(P):
    @property
    def value(self):
        return super().value + 1

    def kinds(self):
        return super().kind


q = Q()
print(q.value, q.kinds())
try:
    super(Q, q).missing
except AttributeError as e:
    print(type(e).__name__, e)


# super() with a cell for self (self used in a closure) and in a generator method.
class Cell(Base):
    def __init__(self):
        super().__init__("cell")
        get = lambda: self.name
        print("closure sees", get())

    def gen(self):
        yield super().greet()
        yield "done"


print(list(Cell().gen()))

# The super object itself.
s = super(Child, c)
print(type(s).__name__, s.__thisclass__.__name__, s.__self__ is c, s.__self_class__.__name__)
print(repr(s))

# Errors.
try:
    super()
except RuntimeError as e:
    print(type(e).__name__, e)


def no_class_cell(self):
    return super().greet()


try:
    no_class_cell(c)
except RuntimeError as e:
    print(type(e).__name__, e)


class Bad:
    def method():
        return super().x


try:
    Bad.method()
except RuntimeError as e:
    print(type(e).__name__, e)
for args in [(1, c), (Child, 1), (Base, Child), (Child, Base)]:
    try:
        print(super(*args))
    except TypeError as e:
        print(type(e).__name__, e)


# object.__init__ with arguments.
class Plain:
    def __init__(self, x):
        super().__init__(x)


try:
    Plain(1)
except TypeError as e:
    print(type(e).__name__, e)
