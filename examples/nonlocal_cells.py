# co_cellvars and co_freevars hold the same names, seen from the two sides: the outer
# function lists the locals that inner functions use (its cells), the inner function lists
# the outer variables it uses (its free variables). Both are sorted here; `nonlocal` makes a
# name free even when the inner function only declares it.
# From the first seed article (000).
def foo():
    name = "古明地觉"
    age = 16
    gender = "female"

    def bar():
        nonlocal name
        nonlocal age
        print(gender)
    return bar

print(foo.__code__.co_cellvars) # ('age', 'gender', 'name')
print(foo().__code__.co_freevars) # ('age', 'gender', 'name')
print(foo.__code__.co_freevars) # ()
print(foo().__code__.co_cellvars) # ()
