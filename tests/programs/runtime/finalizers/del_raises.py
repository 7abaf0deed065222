# An exception raised in __del__ is printed to stderr ("Exception ignored in: ...") and
# otherwise ignored: the program goes on, and the exit status stays 0.
import gc

log = []


class Bad:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        log.append(self.name)
        raise ValueError("boom in " + self.name)


class Worse:
    def __del__(self):
        log.append("worse")
        {}["missing"]


b = Bad("first")
del b
print(log)
w = Worse()
w = None
gc.collect()
print(log)
try:
    raise KeyError("handled")
except KeyError:
    x = Bad("inside except")
    del x
    print(log[-1])
print("still running")
