# add(x) returns a do_add that remembers x: x is a cell of add and a free variable of
# do_add. Each call of add makes a new cell, so add_5 and add_10 do not interfere.
# From the third seed article (002), whose Python 2 code is written here in Python 3.
def add(x):
    def do_add(value):
        return x + value
    return do_add

add_5 = add(5)
print(add_5(1)) # 6
print(add_5(2)) # 7
add_10 = add(10)
print(add_10(1), add_5(1)) # 11 6
print(add.__code__.co_cellvars, add_5.__code__.co_freevars) # ('x',) ('x',)
