# testSimpleAndRebinding: the closure sees the value the cell holds when it is called, after
# the defining function rebound it.
def make_adder3(x):
    def adder(y):
        return x + y
    x = x + 1
    return adder


inc = make_adder3(0)
plus10 = make_adder3(9)
print(inc(1), plus10(-2))
