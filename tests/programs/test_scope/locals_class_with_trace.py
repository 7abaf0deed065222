# testLocalsClass_WithTrace: with a trace function installed, a class body whose method reads
# a variable of the enclosing function does not disturb that variable.
import sys


def run():
    sys.settrace(lambda a, b, c: None)
    x = 12

    class C:
        def f(self):
            return x

    sys.settrace(None)
    return x, C().f()


print(run())
