# The article's Python 2 code (print statements, func_code) in Python 3 spelling.
def add(x):
    def do_add(value):
        return x + value
    return do_add
add_5 = add(5)
print(add_5(1)) # 6
print(add_5(2)) # 7
