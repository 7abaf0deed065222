# testNestingGlobalNoFree: a name no enclosing function binds is a global, however deep.
def make_adder4():
    def nest():
        def nest():
            def adder(y):
                return global_x + y
            return adder
        return nest()
    return nest()


global_x = 1
adder = make_adder4()
print(adder(1))
global_x = 10
print(adder(-2))
print(adder.__code__.co_freevars, adder.__code__.co_names, adder.__qualname__)
