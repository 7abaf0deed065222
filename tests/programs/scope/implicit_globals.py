# Names a function reads but never binds are globals, resolved at call time; builtins come
# after the module's globals.
counter = 10


def read_counter():
    return counter + len([1, 2])


print(read_counter())
counter = 20
print(read_counter())


def shadow_len():
    return len("abc")


len = lambda s: 99
print(shadow_len())
del len
print(shadow_len())


def undefined():
    return not_defined_anywhere


try:
    undefined()
except NameError as e:
    print("NameError:", e)
print(read_counter.__code__.co_names, read_counter.__code__.co_varnames)
