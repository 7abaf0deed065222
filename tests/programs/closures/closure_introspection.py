# __closure__, cell_contents (readable, writable, deletable), and code fields of closures.
def no_free():
    return 1


print(no_free.__closure__, no_free.__code__.co_freevars, no_free.__code__.co_flags)


def outer():
    a = "a"
    b = "b"

    def inner():
        return a + b
    return inner


f = outer()
print(len(f.__closure__), [c.cell_contents for c in f.__closure__], f())
f.__closure__[1].cell_contents = "B"
print(f())
del f.__closure__[0].cell_contents
try:
    f()
except NameError as e:
    print("NameError:", e)
try:
    f.__closure__[0].cell_contents
except ValueError as e:
    print("ValueError:", e)
f.__closure__[0].cell_contents = "A"
print(f())
print(f.__code__.co_flags, outer.__code__.co_flags)

