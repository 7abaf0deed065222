# Reference cycles through closures are collected: a function stored in the cell it reads.
import gc

finalized = []


class Tracked:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        finalized.append(self.name)


def make_cycle(name):
    obj = Tracked(name)

    def self_ref():
        return self_ref, obj
    obj.fn = self_ref
    return None


for i in range(5):
    make_cycle("cycle%d" % i)
gc.collect()
print(sorted(finalized))


def counter_cycle():
    state = {"n": 0}

    def step():
        state["n"] += 1
        state["fn"] = step
        return state["n"]
    step()
    step()
    return step()


print(counter_cycle())
gc.collect()
print(len(finalized))
