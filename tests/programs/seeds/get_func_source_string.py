s = f"""
def get_func():
    value = "inner"

    def func():
        print(value)
    return func

show_value = get_func()
show_value()
"""

if __name__ == '__main__':
    # The article shows dis.dis() of this code; its listing is CPython's own bytecode, with
    # addresses, so here the code is run and its code objects' names are shown instead.
    code = compile(s, "<file>", "exec")
    print([c.co_name for c in code.co_consts if hasattr(c, "co_name")])
    exec(code)
