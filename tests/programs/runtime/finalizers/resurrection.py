# PEP 442: a finalizer may resurrect its object; the object stays alive, and its __del__
# never runs again, even when it becomes unreachable once more.
import gc

saved = []
calls = []


class Phoenix:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        calls.append(self.name)
        saved.append(self)


p = Phoenix("p")
del p
print(calls, [s.name for s in saved])
saved[0].name = "reborn"
print(saved[0].name)
saved.clear()
gc.collect()
gc.collect()
print(calls)


class Keeper:
    def __del__(self):
        global kept
        kept = self
        calls.append("keeper")


k = Keeper()
del k
print(type(kept).__name__, calls)
kept = None
gc.collect()
print(calls)
