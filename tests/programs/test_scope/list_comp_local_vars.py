# testListCompLocalVars: the variables of a comprehension in a function do not leak into the
# module.
try:
    print(bad)
except NameError as e:
    print("NameError:", e)


def x():
    return [bad for s in "a b" for bad in s.split()]


print(x())
try:
    print(bad)
except NameError as e:
    print("NameError:", e)
print(x.__code__.co_varnames, x.__code__.co_consts[1].co_varnames)
