def get_func():
    value = "inner"

    def func():
        print(value)
    return func

show_value = get_func()
show_value()
