# Deleting a cell variable empties the cell: closures then see an unbound free variable.
def delete_then_call():
    x = 1

    def inner():
        return x

    del x
    try:
        return inner()
    except NameError as e:
        return type(e).__name__ + ": " + str(e)


print(delete_then_call())


def delete_then_read():
    y = 1

    def inner():
        return y

    del y
    try:
        return y
    except NameError as e:
        return type(e).__name__ + ": " + str(e)


print(delete_then_read())


def rebind_after_delete():
    z = "first"

    def inner():
        return z

    del z
    z = "second"
    return inner()


print(rebind_after_delete())


def delete_free_via_nonlocal():
    w = 5

    def deleter():
        nonlocal w
        del w

    deleter()
    try:
        return w
    except NameError as e:
        return type(e).__name__ + ": " + str(e)


print(delete_free_via_nonlocal())

# An empty cell's cell_contents raises ValueError.
def empty_cell():
    def inner():
        return v
    cell = inner.__closure__[0]
    try:
        cell.cell_contents
    except ValueError as e:
        print("ValueError:", e)
    v = 3
    print(cell.cell_contents)


empty_cell()
