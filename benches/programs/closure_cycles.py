# Reference cycles through closures, made and dropped a million times: a nested function
# that reaches itself through its own cell, two closures whose cells point at each other,
# and cycles through a list and a dict.
import gc


def self_cycle():
    def f():
        return f
    return f


def mutual_cycle():
    a = None
    b = None

    def fa():
        return b

    def fb():
        return a

    a, b = fa, fb
    return fa


def container_cycle(i):
    box = []
    d = {}

    def get():
        return box, d

    box.append(get)
    d["get"] = get
    return i


def run(n):
    total = 0
    for i in range(n):
        self_cycle()
        mutual_cycle()
        total += container_cycle(i)
    return total


print(run(1_000_000))
gc.collect()
print("done")
