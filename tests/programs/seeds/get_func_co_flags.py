def get_func():
    value = "inner"

    def func():
        print(value)
    return func

show_value = get_func()
print(show_value.__code__.co_flags) # 19
print(0x0001 | 0x0002 | 0x0010) # 19
# 因此闭包包含CO_NESTED
