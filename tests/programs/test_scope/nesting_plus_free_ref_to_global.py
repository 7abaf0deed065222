# testNestingPlusFreeRefToGlobal: `global` in the outer function makes the inner function's
# read a global read too.
def make_adder6(x):
    global global_nest_x

    def adder(y):
        return global_nest_x + y
    global_nest_x = x
    return adder


inc = make_adder6(1)
plus10 = make_adder6(10)
print(inc(1), plus10(-2))
print(make_adder6.__code__.co_cellvars, inc.__code__.co_freevars, inc.__code__.co_names)
