# testComplexDefinitions: *args and **kwargs parameters as cells.
def makeReturner(*lst):
    def returner():
        return lst
    return returner


print(makeReturner(1, 2, 3)())


def makeReturner2(**kwargs):
    def returner():
        return kwargs
    return returner


print(makeReturner2(a=11)()["a"])
print(makeReturner.__code__.co_cellvars, makeReturner2.__code__.co_cellvars,
      makeReturner.__code__.co_flags, makeReturner2.__code__.co_flags)
