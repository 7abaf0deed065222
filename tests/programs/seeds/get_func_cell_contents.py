def get_func():
    value = "inner"

    def func():
        print(value)
    return func

show_value = get_func()
show_value() # inner

show_value.__closure__[0].cell_contents = "内层函数"
show_value() # 内层函数
