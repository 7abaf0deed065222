# `nonlocal __class__` in a method is allowed: it rebinds the implicit __class__ cell that
# every method of the class shares.
class C:
    def m(self):
        nonlocal __class__
        old = __class__
        __class__ = "replaced"
        return old.__name__, __class__

    def n(self):
        return __class__
c = C()
print(c.m())
print(c.n())
print(C.m.__code__.co_freevars)
