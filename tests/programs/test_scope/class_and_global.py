# testClassAndGlobal: a `global` in a class body makes the methods' free name global too;
# implicit globals in a class body are looked up in the class namespace first (LOAD_NAME).
def test(x):
    class Foo:
        global x

        def __call__(self, y):
            return x + y
    return Foo()


x = 0
print(test(6)(2))
x = -1
print(test(3)(2))

looked_up_by_load_name = False


class X:
    locals()["looked_up_by_load_name"] = True
    passed = looked_up_by_load_name


print(X.passed)
