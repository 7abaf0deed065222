# testCellIsLocalAndEscapes: a local holding a cell object is wrapped in a new cell when it
# escapes into a closure.
def external():
    value = 42

    def inner():
        return value
    cell, = inner.__closure__
    return cell


cell_ext = external()


def spam(arg):
    cell = arg

    def eggs():
        return cell
    return eggs


eggs = spam(cell_ext)
cell_closure, = eggs.__closure__
cell_eggs = eggs()
print(cell_eggs is cell_ext, cell_eggs is not cell_closure, cell_eggs.cell_contents)
print(spam.__code__.co_varnames, spam.__code__.co_cellvars)
