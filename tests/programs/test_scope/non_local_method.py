# testNonLocalMethod: methods updating a variable of the function enclosing the class.
def f(x):
    class c:
        def inc(self):
            nonlocal x
            x += 1
            return x

        def dec(self):
            nonlocal x
            x -= 1
            return x
    return c()


c = f(0)
print(c.inc(), c.inc(), c.dec(), c.dec())
print(type(c).inc.__code__.co_freevars, type(c).inc.__qualname__)
