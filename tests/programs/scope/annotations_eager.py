# Without the future import, annotations are evaluated when the def statement runs, in the
# enclosing scope: a name used in a parameter annotation is read by the enclosing function.
def outer():
    local_type = int
    ret = str

    def annotated(a: local_type, *args: local_type, k: ret = "d", **kw: dict) -> ret:
        return a

    return annotated


f = outer()
print(sorted((k, v.__name__) for k, v in f.__annotations__.items()))
print(outer.__code__.co_varnames, outer.__code__.co_cellvars, f.__code__.co_freevars)
print(hex(outer.__code__.co_flags))


class C:
    attr: int = 1
    other: str

    def m(self) -> "C":
        return self


print(C.__annotations__, C.attr, "other" in C.__dict__)
module_level: int = 5
print(__annotations__, module_level)


def local_annotation():
    x: undefined_but_never_evaluated = 1
    return x


print(local_annotation())
