# Creating closures in a loop: a cell per call, MAKE_FUNCTION with a closure tuple.
def make_adder(n):
    def add(x):
        return x + n
    return add


def run(count):
    total = 0
    for i in range(count):
        total += make_adder(i)(1)
    return total


print(run(1_000_000))
