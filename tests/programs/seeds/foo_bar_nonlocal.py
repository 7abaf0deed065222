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
