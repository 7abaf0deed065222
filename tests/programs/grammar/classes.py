"""Class definitions: bases, keywords, metaclasses, decorators, nested classes, properties,
dunder methods, __init_subclass__, __set_name__, slots and class attributes."""


class Meta(type):
    def __new__(mcls, name, bases, ns, **kwargs):
        ns["created_by"] = "Meta" + str(sorted(kwargs))
        return super().__new__(mcls, name, bases, ns)

    def __init__(cls, name, bases, ns, **kwargs):
        super().__init__(name, bases, ns)


class WithMeta(metaclass=Meta, flag=True):
    pass


print(WithMeta.created_by, type(WithMeta).__name__)


class Plugin:
    registry = []

    def __init_subclass__(cls, key=None, **kwargs):
        super().__init_subclass__(**kwargs)
        Plugin.registry.append((cls.__name__, key))


class A(Plugin, key="a"):
    pass


class B(A):
    pass


print(Plugin.registry)


class Named:
    def __set_name__(self, owner, name):
        self.name = owner.__name__ + "." + name

    def __get__(self, obj, objtype=None):
        return self.name


class Holder:
    field = Named()


print(Holder.field, Holder().field)


class Vector:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __add__(self, other):
        return Vector(self.x + other.x, self.y + other.y)

    def __eq__(self, other):
        return (self.x, self.y) == (other.x, other.y)

    def __repr__(self):
        return f"Vector({self.x}, {self.y})"

    def __len__(self):
        return 2

    def __iter__(self):
        yield self.x
        yield self.y

    @property
    def norm2(self):
        return self.x ** 2 + self.y ** 2

    @staticmethod
    def zero():
        return Vector(0, 0)

    @classmethod
    def unit(cls):
        return cls(1, 0)


v = Vector(1, 2) + Vector(3, 4)
print(v, v.norm2, len(v), list(v), Vector.zero() == Vector(0, 0), Vector.unit())


class Outer:
    class Inner:
        class Innermost:
            level = 3

    value = Inner.Innermost.level


print(Outer.value, Outer.Inner.Innermost.__qualname__)


class Diamond(A, B if False else object):
    pass


print([k.__name__ for k in Diamond.__mro__])


def class_with_bases_from_closure(base):
    class Child(base):
        pass
    return Child


print(class_with_bases_from_closure(dict).__mro__[1].__name__)
empty_class = type("Empty", (), {})
print(empty_class.__name__)
