# A `global` declaration applies only to the function that makes it; functions nested inside
# it that use the name see the global too (they find no enclosing function binding).
x = "global x"


def outer():
    x = "outer x"

    def declares():
        global x

        def nested_reader():
            return x

        return nested_reader()

    def plain_reader():
        return x

    return declares(), plain_reader()


print(outer())
print(outer.__code__.co_cellvars)
declares = outer.__code__.co_consts
for c in declares:
    if hasattr(c, "co_name"):
        print(c.co_name, c.co_freevars, c.co_cellvars, c.co_names)
