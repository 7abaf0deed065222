# The article's Python 2 code (print statements, func_code) in Python 3 spelling.
def add(x): # 外层函数
    # 外层函数, 没有使用了外层作用域变量, 被嵌套函数使用了'x'
    print(add.__code__.co_freevars) # ()
    print(add.__code__.co_cellvars) # ('x',)
    def do_add(value): # 嵌套函数
        return x + value
    # 内层函数, 使用了外层作用域便令'x', 没有嵌套函数故嵌套作用域变量名集合空
    print(do_add.__code__.co_freevars) # ('x',)
    print(do_add.__code__.co_cellvars) # ()
    return do_add

print(add(5)(2)) # 7
