# testCellIsArgAndEscapes: an argument whose value is itself a cell object still gets wrapped
# in a new cell when the argument escapes into a closure.
def external():
    value = 42

    def inner():
        return value
    cell, = inner.__closure__
    return cell


cell_ext = external()


def spam(arg):
    def eggs():
        return arg
    return eggs


eggs = spam(cell_ext)
cell_closure, = eggs.__closure__
cell_eggs = eggs()
print(cell_eggs is cell_ext, cell_eggs is not cell_closure, cell_closure.cell_contents is cell_ext)
print(cell_eggs.cell_contents)
