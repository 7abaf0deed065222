# testNestingThroughClass: a method reads a local of the function enclosing its class.
def make_adder5(x):
    class Adder:
        def __call__(self, y):
            return x + y
    return Adder()


inc = make_adder5(1)
plus10 = make_adder5(10)
print(inc(1), plus10(-2))
print(type(inc).__call__.__code__.co_freevars)
