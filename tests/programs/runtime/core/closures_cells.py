# Cells: __closure__, cell_contents (read, write, empty), comparisons, NameError messages.
def outer():
    x = 1
    def inner():
        return x
    return inner

f = outer()
print(f.__code__.co_freevars, f.__closure__[0].cell_contents, f())
f.__closure__[0].cell_contents = 42
print(f())

def late():
    def g():
        return y
    c = g.__closure__[0]
    try:
        c.cell_contents
    except ValueError as e:
        print("ValueError:", e)
    try:
        g()
    except NameError as e:
        print("NameError:", e)
    y = 5
    return g()

print(late())

def unbound():
    def g():
        return v
    try:
        print(v)
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
    v = 1
    del v
    try:
        g()
    except NameError as e:
        print("NameError:", e)

unbound()
print(outer().__closure__[0] == outer().__closure__[0])
print(type(f.__closure__[0]).__name__, f.__code__.co_flags, outer.__code__.co_cellvars)
print(f.__name__, f.__qualname__, f.__defaults__, f.__kwdefaults__, f.__module__)
def defaults(a, b=2, *, c=3):
    pass
print(defaults.__defaults__, defaults.__kwdefaults__)
