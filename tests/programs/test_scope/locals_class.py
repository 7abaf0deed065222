# testLocalsClass: locals() in a class body does not add the free variables the class body
# passes through to its methods.
def f(x):
    class C:
        x = 12

        def m(self):
            return x
        locals()
    return C


print(f(1).x, f(1)().m())


def f(x):
    class C:
        y = x

        def m(self):
            return x
        z = list(locals())
    return C


varnames = f(1).z
print("x" in varnames, "y" in varnames, sorted(varnames))
