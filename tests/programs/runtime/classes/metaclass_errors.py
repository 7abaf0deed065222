"""The class creation protocol's errors, with CPython's messages."""


def show(f):
    try:
        return repr(f())
    except Exception as e:
        return type(e).__name__ + ": " + str(e)


def define(src):
    return lambda: exec(src, {})


class M1(type):
    pass


class M2(type):
    pass


class A(metaclass=M1):
    pass


class B(metaclass=M2):
    pass


print(show(lambda: type("C", (A, B), {})))
print(show(define("class A(metaclass=M1): pass\nclass B(metaclass=M2): pass\nclass C(A, B): pass".replace("M1", "type('M1', (type,), {})").replace("M2", "type('M2', (type,), {})"))))
print(show(lambda: type()))
print(show(lambda: type(1, 2)))
print(show(lambda: type(1, 2, 3, 4)))
print(show(lambda: type(1, x=2)))
print(show(lambda: type(1, (), {})))
print(show(lambda: type("A", 1, {})))
print(show(lambda: type("A", (), 1)))
print(show(lambda: type("A", (1,), {})))
print(show(lambda: type("A", (bool,), {})))
print(show(lambda: type("A", (int, int), {})))
print(show(lambda: type("A", (), {}, x=2)))
print(show(lambda: type.__new__(type, 1)))
print(show(lambda: type.__new__(1, "a", (), {})))
print(show(lambda: type.__new__(int, "a", (), {})))
print(show(lambda: type.__new__()))
print(show(lambda: type.__init__(int, 1, 2)))
print(show(lambda: type.__init__(int, 1, x=2)))
print(show(lambda: type.__init__(int, 1, 2, 3, x=2)))
print(show(lambda: type.__init__(1, 1, 2, 3)))
print(show(lambda: type.__call__(1)))
print(show(lambda: M1(1)))
print(show(lambda: M1("X", (), {}, y=1)))
print(show(lambda: object.__init_subclass__(1)))
print(show(lambda: object.__init_subclass__(x=1)))
print(show(define("class A(x=1): pass")))
print(show(define("class A:\n  def __init_subclass__(cls): pass\nclass B(A, x=1): pass")))
print(show(define("class A(1): pass")))
print(show(define("class A(metaclass=1): pass")))
print(show(define("class M(type):\n  @classmethod\n  def __prepare__(m, n, b): return 1\nclass A(metaclass=M): pass")))
print(show(define("def prepare(n, b): return []\nprepare.__prepare__ = prepare\nclass A(metaclass=1): pass")))
print(show(define("class M(type):\n  def __new__(m, n, b, ns): ns.pop('__classcell__'); return super().__new__(m, n, b, ns)\nclass A(metaclass=M):\n  def f(self): return __class__")))
print(show(define("class M(type):\n  def __new__(m, n, b, ns): return 42\nclass A(metaclass=M):\n  def f(self): return __class__")))
print(show(define("class F:\n  def __set_name__(self, owner, name): raise ValueError('no')\nclass A:\n  f = F()")))
print(show(define("class M(type):\n  def __init__(cls, *a): return 1\nclass A(metaclass=M): pass")))
