# Finalizers of objects in reference cycles run once the cycle is unreachable; every object
# of the cycle is still intact while they run.
import gc

log = []


class Node:
    def __init__(self, name):
        self.name = name
        self.other = None

    def __del__(self):
        log.append((self.name, self.other.name if self.other is not None else None))


def make_pair(a, b):
    x = Node(a)
    y = Node(b)
    x.other = y
    y.other = x


make_pair("a", "b")
make_pair("c", "d")
gc.collect()
print(sorted(log))


def closure_cycle():
    n = Node("closure")

    def get():
        return get, n
    n.other = Node("inner")
    n.fn = get


log.clear()
closure_cycle()
gc.collect()
print(sorted(log, key=lambda t: t[0]))


class Self:
    def __del__(self):
        log.append(self.me is self)


log.clear()
s = Self()
s.me = s
del s
gc.collect()
print(log)
