"""The class creation protocol: metaclasses, __prepare__, class keywords, __init_subclass__,
__set_name__, type() with one and three arguments."""

log = []


class Meta(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kwargs):
        log.append(("prepare", name, sorted(kwargs)))
        ns = super().__prepare__(name, bases)
        ns["prepared"] = True
        return ns

    def __new__(mcls, name, bases, ns, **kwargs):
        log.append(("new", mcls.__name__, name, [b.__name__ for b in bases], sorted(kwargs)))
        cls = super().__new__(mcls, name, bases, ns)
        cls.tag = kwargs.get("tag")
        return cls

    def __init__(cls, name, bases, ns, **kwargs):
        log.append(("init", name))
        super().__init__(name, bases, ns)

    def __call__(cls, *args, **kwargs):
        log.append(("call", cls.__name__, args))
        return super().__call__(*args, **kwargs)

    def describe(cls):
        return "class " + cls.__name__ + " of " + type(cls).__name__

    @property
    def upper(cls):
        return cls.__name__.upper()

    meta_attr = "from meta"


class Base(metaclass=Meta, tag="base"):
    def __init__(self, x):
        self.x = x

    def where(self):
        return __class__.__name__


class Child(Base):
    pass


print(log)
log.clear()
c = Child(5)
print(log, c.x, c.where(), Child.prepared, Base.tag, Child.tag)
print(type(Base).__name__, type(Child) is Meta, isinstance(Child, Meta), isinstance(Child, type))
print(Child.describe(), Child.upper, Child.meta_attr, [k.__name__ for k in Meta.__mro__])
try:
    c.meta_attr
except AttributeError as e:
    print("AttributeError:", e)
print(repr(Base).replace(__name__, "M"), type(Meta).__name__, type(type).__name__)


# A metaclass that is a plain function.
def function_meta(name, bases, ns, **kwargs):
    return name, bases, sorted(k for k in ns if not k.startswith("__")), kwargs


class Made(metaclass=function_meta, extra=1):
    value = 3


print(Made)


# The metaclass of the bases wins over type.
class Sub(Base, metaclass=type):
    pass


print(type(Sub).__name__, log[0][:3])


# __repr__ and __str__ of a metaclass.
class Shown(type):
    def __repr__(cls):
        return "<shown " + cls.__name__ + ">"


class S(metaclass=Shown):
    pass


print(S, repr(S), str(S), [S], f"{S!r}")


# type(x), type(name, bases, dict).
T = type("T", (Base,), {"y": 2, "__module__": "mod"})
print(type(T).__name__, T.y, T.__module__, T.__qualname__, [k.__name__ for k in T.__mro__])
print(type(1).__name__, type(type).__name__, type(T(1)).__name__)
E = type("E", (), {})
print(E.__bases__, E.__module__ == __name__, type(E) is type)


# __init_subclass__ with class keywords, and __set_name__.
class Registry:
    subclasses = []

    def __init_subclass__(cls, /, name=None, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.registered_as = name
        Registry.subclasses.append(cls.__name__)


class One(Registry, name="one"):
    pass


class Two(One):
    pass


Three = type("Three", (Registry,), {}, name="three")
print(Registry.subclasses, One.registered_as, Two.registered_as, Three.registered_as)
print(type(Registry.__dict__["__init_subclass__"]).__name__)


class Field:
    def __set_name__(self, owner, name):
        self.where = (owner.__name__, name)


class Record:
    a = Field()
    b = Field()


print(Record.a.where, Record.b.where)


# super().__new__ without __classcell__ propagated, and type.__new__ of another metatype.
class Plain(type):
    def __new__(mcls, name, bases, ns):
        return type.__new__(type, name, bases, ns)


class P(metaclass=Plain):
    def f(self):
        return __class__


print(type(P).__name__, P().f() is P)
