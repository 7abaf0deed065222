# testExtraNesting: a free variable passes through a function that does not use it.
def make_adder2(x):
    def extra():
        def adder(y):
            return x + y
        return adder
    return extra()


inc = make_adder2(1)
plus10 = make_adder2(10)
print(inc(1), plus10(-2))
print(make_adder2.__code__.co_cellvars, make_adder2.__code__.co_consts[1].co_freevars)
