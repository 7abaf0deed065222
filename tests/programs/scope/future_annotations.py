from __future__ import annotations

# With postponed evaluation, annotations are strings and are never evaluated, so a name used
# only in an annotation is neither free nor a cell; the future flag is in every co_flags.


def outer():
    local_type = int

    def annotated(a: local_type, b: "quoted" = 1) -> Undefined:
        return a

    return annotated


f = outer()
print(f.__annotations__)
print(outer.__code__.co_cellvars, f.__code__.co_freevars)
print(hex(outer.__code__.co_flags), hex(f.__code__.co_flags))


class C:
    attr: list[int] = []
    other: SomeUndefinedName

    def m(self, x: C) -> C:
        return self


print(C.__annotations__, C.m.__annotations__)
print(hex(C.m.__code__.co_flags))
value: dict[str, int] = {}
print(__annotations__)
