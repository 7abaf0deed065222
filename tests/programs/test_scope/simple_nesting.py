# testSimpleNesting: an inner function reads a parameter of the function that made it.
def make_adder(x):
    def adder(y):
        return x + y
    return adder


inc = make_adder(1)
plus10 = make_adder(10)
print(inc(1), plus10(-2))
