# testLeaks: cells and closures do not keep their values alive after the call.
import gc


class Foo:
    count = 0

    def __init__(self):
        Foo.count += 1

    def __del__(self):
        Foo.count -= 1


def f1():
    x = Foo()

    def f2():
        return x
    f2()


for i in range(100):
    f1()

gc.collect()
print(Foo.count)
