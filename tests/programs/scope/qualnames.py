# __qualname__ and co_qualname: dotted paths with <locals> for function scopes.
def outer():
    def inner():
        def innermost():
            pass
        return innermost
    return inner


class A:
    def method(self):
        def helper():
            pass
        return helper

    class B:
        def deep(self):
            class Local:
                def m(self):
                    pass
            return Local

    lam = lambda self: None


def factory():
    class Made:
        def m(self):
            return [x for x in ()]
    return Made


print(outer.__qualname__, outer().__qualname__, outer()().__qualname__)
print(A.method.__qualname__, A().method().__qualname__)
print(A.B.__qualname__, A.B.deep.__qualname__)
Local = A.B().deep()
print(Local.__qualname__, Local.m.__qualname__)
print(A.lam.__qualname__)
Made = factory()
print(Made.__qualname__, Made.m.__qualname__)
print([c.co_qualname for c in Made.m.__code__.co_consts if hasattr(c, "co_qualname")])
print(outer.__code__.co_qualname, outer().__code__.co_qualname)
gen = (x for x in ())
print(gen.__qualname__, gen.gi_code.co_qualname)


# global declared names are qualified from the module.
def defines_global():
    global made_global

    def made_global():
        pass
    return made_global


print(defines_global().__qualname__)


class WithGlobal:
    global gfunc

    def gfunc():
        pass


print(gfunc.__qualname__)
