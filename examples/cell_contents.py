# How a closure carries its environment: the outer function stores `value` in a cell,
# MAKE_FUNCTION puts a tuple of cells in the inner function's __closure__, and the inner
# function reads the cell's contents. A nested function's co_flags include CO_NESTED (19 =
# OPTIMIZED | NEWLOCALS | NESTED), and cell_contents can even be written from outside.
# From the first seed article (000), the get_func / show_value examples.
def get_func():
    value = "inner"

    def func():
        print(value)
    return func

show_value = get_func()
show_value() # inner
print(show_value.__code__.co_flags) # 19

print(get_func.__closure__) # None
print(len(show_value.__closure__)) # 1: one cell, for value
print(show_value.__closure__[0].cell_contents) # inner

show_value.__closure__[0].cell_contents = "内层函数"
show_value() # 内层函数
