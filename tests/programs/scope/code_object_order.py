# Nested code objects appear in co_consts in the order they are compiled: a function's
# default values, annotations and decorators are compiled before its body, and identical
# lambdas stay separate code objects.
def deco(tag):
    return lambda f: f


@deco(lambda: "decorator argument")
def decorated(x=lambda: "default", *, k=lambda: "kw default") -> (lambda: "annotation"):
    return x() + k()


twins = [lambda: 0, lambda: 0]


class WithMethods:
    attr = (lambda: "class attr")()

    def m(self, d=lambda: "method default"):
        return d()


# (The order itself is checked through this file's .code.json.)
print(decorated.__code__.co_firstlineno, decorated.__annotations__["return"]())
print(decorated(), WithMethods().m(), twins[0] is twins[1], twins[0].__code__ is twins[1].__code__)
