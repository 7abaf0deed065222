# testNonLocalClass: `nonlocal` in a class body rebinds the enclosing function's variable and
# does not create a class attribute.
def f(x):
    class c:
        nonlocal x
        x += 1

        def get(self):
            return x
    return c()


c = f(0)
print(c.get(), "x" in c.__class__.__dict__)
