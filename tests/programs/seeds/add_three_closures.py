# The article's last example; the calls at the end are added so that it prints something.
def add(x, y):
    def do_add(value):
        return x + value
    def do_add2(value):
        return y + value
    def do_add3(value):
        return x + y + value
    return do_add

f = add(1, 10)
print(f(100)) # 101
print(add.__code__.co_cellvars, f.__code__.co_freevars) # ('x', 'y') ('x',)
print(add.__code__.co_varnames) # ('x', 'y', 'do_add', 'do_add2', 'do_add3')
