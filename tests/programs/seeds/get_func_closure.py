def get_func():
    value = "inner"

    def func():
        print(value)
    return func


show_value = get_func()
# func_closure指的是内层函数的func_closure, 所以:
print(get_func.__closure__) # None
# The article prints the tuple itself: (<cell at 0x00000....>,); addresses vary from run to
# run, so its type and length are shown instead.
print(type(show_value.__closure__).__name__, len(show_value.__closure__)) # tuple 1
print(type(show_value.__closure__[0]).__name__) # cell

# 我们看到外层函数的__closure__为None
# 内层函数的__closure__则不是None
# 因此相当于将所有的cell对象(指针)拷贝了一份, 存在了free区域
print(show_value.__closure__[0].cell_contents) # inner
