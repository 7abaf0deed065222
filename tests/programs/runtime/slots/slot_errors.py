"""Slot wrappers called wrongly: CPython's TypeErrors."""


def show(f):
    try:
        return repr(f())
    except Exception as e:
        return type(e).__name__ + ": " + str(e)


print(show(lambda: int.__add__("a", 1)))
print(show(lambda: int.__add__()))
print(show(lambda: int.__add__(1)))
print(show(lambda: int.__add__(1, 2, 3)))
print(show(lambda: (1).__add__(x=1)))
print(show(lambda: int.__neg__()))
print(show(lambda: int.__neg__(1, 2)))
print(show(lambda: int.__repr__("a")))
print(show(lambda: bool.__and__(1, 1)))
print(show(lambda: list.__len__((1, 2))))
print(show(lambda: str.__getitem__(b"ab", 0)))
print(show(lambda: set.__or__(frozenset(), set())))
print(show(lambda: dict.__setitem__({})))
print(show(lambda: (5).__pow__(2, 3, 4)))
print(show(lambda: (5).__pow__()))
print(show(lambda: "a".__add__(1)))
print(show(lambda: b"a".__add__(1)))
print(show(lambda: [1].__add__((1,))))
print(show(lambda: (1,).__add__([1])))
print(show(lambda: "a".__mul__("b")))
print(show(lambda: [1].__mul__(1.5)))
print(show(lambda: [1].__iadd__(5)))
print(show(lambda: (1).__truediv__(0)))
print(show(lambda: {}.__getitem__(1)))
print(show(lambda: (1).__hash__(1)))
print(show(lambda: [].__hash__()))
print(list.__hash__, dict.__hash__, set.__hash__, slice.__hash__)

# The wrappers themselves.
print(int.__add__, list.__len__, type(int.__add__).__name__, type((1).__add__).__name__)
print((1).__add__.__name__, int.__add__.__qualname__, (1).__add__.__self__, int.__add__.__objclass__)
print(int.__add__(1, 2), (1).__add__(1.5), (1.5).__radd__(1), True.__and__(False), True & 3)
print("__add__" in dir(int), "__len__" in dir([]), hasattr(1, "__iter__"), hasattr("", "__iter__"))
print(object.__lt__(1, 2), object.__ge__(1, 1), object.__eq__(1, 1), issubclass(bool, int), bool.__mro__)


# super() reaches a built-in type's slot wrappers.
class Pair(tuple):
    pass


class Meters:
    def __init__(self, n):
        self.n = n

    def __add__(self, other):
        return Meters(int.__add__(self.n, other.n))

    def __eq__(self, other):
        return super().__eq__(other)

    def __lt__(self, other):
        return super().__lt__(other)


m = Meters(2) + Meters(3)
print(m.n, m == m, m.__eq__(Meters(5)), m.__lt__(m), show(lambda: m < m))
print(show(lambda: int.__add__(Pair(), 1)))
print(int.__add__(5, True))
