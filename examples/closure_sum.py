# The inner function bar reads foo's m and n through cells (LOAD_DEREF) and its own a as a
# plain local (LOAD_FAST).
# From the second seed article (001), an interactive session turned into a script.
def foo():
    m=3
    n=5
    def bar():
        a=4
        return m+n+a
    return bar

bar = foo()
print(bar()) # 12
print([cell.cell_contents for cell in bar.__closure__]) # [3, 5]: the cells of m and n
