# gc.collect() finds objects with finalizers, runs the finalizers and frees them in the same
# call, so it reports them and a second call finds nothing more of them.
import gc

log = []


class F:
    def __init__(self, i):
        self.i = i
        self.me = self

    def __del__(self):
        log.append(self.i)


for i in range(10):
    F(i)
print(gc.collect() > 0)
print(sorted(log))
print(gc.collect() < 10)


class G:
    def __del__(self):
        log.append("g")
        gc.collect()


log.clear()
g = G()
g.me = g
g = None
n = gc.collect()
print(log, n > 0)
print(type(gc.collect()).__name__)
