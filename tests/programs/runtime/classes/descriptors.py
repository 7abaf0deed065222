# Attribute lookup with descriptors: property (all forms), staticmethod, classmethod,
# user descriptors (__get__/__set__/__delete__/__set_name__), data vs non-data priority,
# and the attribute hooks __getattr__, __getattribute__, __setattr__, __delattr__.


class Temperature:
    def __init__(self, celsius):
        self._c = celsius

    @property
    def celsius(self):
        "The temperature in degrees Celsius."
        return self._c

    @celsius.setter
    def celsius(self, value):
        if value < -273.15:
            raise ValueError("below absolute zero")
        self._c = value

    @celsius.deleter
    def celsius(self):
        print("deleting")
        del self._c

    @property
    def fahrenheit(self):
        return self._c * 9 / 5 + 32


t = Temperature(100)
print(t.celsius, t.fahrenheit)
t.celsius = 20
print(t.celsius, t.fahrenheit)
try:
    t.celsius = -300
except ValueError as e:
    print(type(e).__name__, e)
try:
    t.fahrenheit = 1
except AttributeError as e:
    print(type(e).__name__, e)
try:
    del t.fahrenheit
except AttributeError as e:
    print(type(e).__name__, e)
del t.celsius
try:
    t.celsius
except AttributeError as e:
    print(type(e).__name__, e)
print(type(Temperature.celsius).__name__, Temperature.celsius.__doc__)
print(Temperature.celsius.fget.__name__, Temperature.fahrenheit.fset)

# A property beats the instance dict, in both directions.
t.__dict__["fahrenheit"] = "shadow"
print(t.__dict__["fahrenheit"], Temperature(0).fahrenheit)


# property() called directly, and its copies.
class Box:
    def _get(self):
        return self._v

    def _set(self, v):
        self._v = v * 2

    value = property(_get, _set, None, "doubled value")
    readonly = property(_get)
    nothing = property()


b = Box()
b.value = 5
print(b.value, Box.value.__doc__, b.readonly)
try:
    b.nothing
except AttributeError as e:
    print(type(e).__name__, e)
p2 = Box.readonly.setter(Box._set)
print(p2.fget is Box._get, p2.fset is Box._set, Box.readonly.fset)


# staticmethod and classmethod.
class Counter:
    count = 0

    def __init__(self):
        Counter.count += 1

    @classmethod
    def make(cls, n):
        return [cls() for _ in range(n)]

    @classmethod
    def how_many(cls):
        return cls.__name__ + ": " + str(cls.count)

    @staticmethod
    def describe(x):
        return "static " + str(x)


class SubCounter(Counter):
    pass


Counter.make(2)
print(Counter.how_many(), SubCounter.how_many(), SubCounter().how_many())
print(Counter.describe(1), Counter().describe(2), SubCounter.describe(3))
print(type(Counter.__dict__["make"]).__name__, type(Counter.__dict__["describe"]).__name__)
print(Counter.__dict__["describe"].__func__(4), Counter.make.__self__ is Counter)
print(SubCounter.make(1)[0].__class__.__name__)
sm = staticmethod(len)
print(sm("abc"), isinstance(sm, staticmethod))


# User descriptors.
class Typed:
    def __set_name__(self, owner, name):
        self.name = "_" + name
        print("set_name", owner.__name__, name)

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.name, None)

    def __set__(self, obj, value):
        if not isinstance(value, int):
            raise TypeError(self.name[1:] + " must be an int")
        setattr(obj, self.name, value)

    def __delete__(self, obj):
        print("delete", self.name)


class Record:
    size = Typed()
    count = Typed()


r = Record()
r.size = 3
print(r.size, r.count, type(Record.size).__name__)
try:
    r.count = "many"
except TypeError as e:
    print(type(e).__name__, e)
del r.size
r.__dict__["size"] = "ignored: data descriptors win"
print(r.size)


class Constant:
    """A non-data descriptor: the instance dict wins."""

    def __init__(self, value):
        self.value = value

    def __get__(self, obj, objtype=None):
        return (self.value, objtype.__name__)


class HasConstant:
    c = Constant(7)


h = HasConstant()
print(h.c, HasConstant.c)
h.c = "instance"
print(h.c)


# Attribute hooks.
class Lazy:
    def __init__(self):
        self.real = 1

    def __getattr__(self, name):
        if name[:4] == "auto":
            return "computed " + name
        raise AttributeError("no " + name)


z = Lazy()
print(z.real, z.auto_x, getattr(z, "autoy"), hasattr(z, "other"), getattr(z, "other", "default"))
try:
    z.missing
except AttributeError as e:
    print(type(e).__name__, e)


class Logged:
    def __init__(self):
        self.log = []

    def __setattr__(self, name, value):
        if name != "log":
            self.log.append(name)
        super().__setattr__(name, value)

    def __delattr__(self, name):
        self.log.append("del " + name)
        object.__delattr__(self, name)

    def __getattribute__(self, name):
        if name == "secret":
            return "intercepted"
        return object.__getattribute__(self, name)


lg = Logged()
lg.a = 1
lg.b = 2
del lg.a
print(lg.log, lg.b, lg.secret, hasattr(lg, "a"))
try:
    object.__getattribute__(lg, "zzz")
except AttributeError as e:
    print(type(e).__name__, e)


# Functions stored on instances are not bound; functions on classes are.
class Holder:
    def method(self):
        return "method"


hd = Holder()
hd.f = Holder.method
print(hd.f(hd), hd.method(), Holder.method(hd))
print(type(Holder.__dict__["method"]).__name__, type(hd.method).__name__)

# __slots__-free classes accept any attribute; setattr/getattr/delattr work.
setattr(hd, "dyn", 42)
print(getattr(hd, "dyn"), "dyn" in vars(hd))
delattr(hd, "dyn")
print(hasattr(hd, "dyn"))
