# testBoundAndFree: a class body that reads a variable of the enclosing function which its
# method also uses.
def f(x):
    class C:
        def m(self):
            return x
        a = x
    return C


inst = f(3)()
print(inst.a, inst.m(), inst.a == inst.m())
