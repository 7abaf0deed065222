# testCellIsKwonlyArg: a keyword-only parameter that is a cell gets its argument (or its
# default) moved into the cell.
def foo(*, a=17):
    def bar():
        return a + 5
    return bar() + 3


print(foo(a=42), foo())
print(foo.__code__.co_varnames, foo.__code__.co_cellvars, foo.__code__.co_kwonlyargcount)
