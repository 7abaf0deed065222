

# co_firstlineno of every kind of code object: the module is line 1 even after blank lines,
# a decorated definition starts at its first decorator, a comprehension or lambda at its first
# token, a definition whose header spans lines at the `def` line.
def deco(f):
    return f


@deco

@deco
def decorated():
    pass


def long_header(
    a,
    b=(lambda: 1),
):
    return a


class C:
    z = [x for x in range(2)]
    lam = lambda: 0
    gen = (
        x
        for x in range(3)
    )

    @deco
    class Inner:
        pass


spread = (lambda
          v: v)
print(decorated.__code__.co_firstlineno, long_header.__code__.co_firstlineno,
      long_header.__defaults__[0].__code__.co_firstlineno)
print(C.lam.__code__.co_firstlineno, C.gen.gi_code.co_firstlineno, C.lam.__qualname__,
      C.gen.__qualname__, spread.__code__.co_firstlineno)
