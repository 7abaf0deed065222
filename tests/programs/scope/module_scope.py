# At module level every name is a global: loops, imports, functions and classes bind module
# names, and `del` removes them.
for i in range(3):
    pass
print(i)

import math
print("math" in globals())


def f():
    return i * 10


print(f())
del i
try:
    f()
except NameError as e:
    print("NameError:", e)

if True:
    conditional = "defined in if"
else:
    never = 0
print(conditional, "never" in globals())


def redefine():
    return 1


first = redefine


def redefine():
    return 2


print(first(), redefine())

try:
    raise ValueError("module level")
except ValueError as err:
    print(err)
print("err" in globals())

with open.__class__ if False else type("Ctx", (), {"__enter__": lambda s: "entered", "__exit__": lambda s, *a: None})() as managed:
    pass
print(managed)
[comprehension_var for comprehension_var in range(2)]
print("comprehension_var" in globals())
print(__name__)
