# `global` makes assignments in a function rebind the module's name.
total = 0


def add(n):
    global total
    total += n
    return total


print(add(3), add(4), total)


def create():
    global created_later
    created_later = "made in create()"


create()
print(created_later)


def remove():
    global created_later
    del created_later


remove()
try:
    print(created_later)
except NameError as e:
    print("NameError:", e)

# `global` at module level is allowed and changes nothing.
global module_level
module_level = 5
print(module_level)


def outer():
    value = "outer local"

    def inner():
        global value
        value = "global from inner"
        return value

    return inner(), value


print(outer(), value)
print(add.__code__.co_varnames, add.__code__.co_names)
print(outer.__code__.co_cellvars, outer.__code__.co_varnames)
