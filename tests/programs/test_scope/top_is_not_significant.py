# testTopIsNotSignificant: a parameter in one function and a `global` of the same name in
# another compile independently.
def top(a):
    pass


def b():
    global a


print(top(1), b(), top.__code__.co_varnames, b.__code__.co_varnames, b.__code__.co_names)
