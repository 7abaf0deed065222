# testCellLeak: `self = None` in a method whose `self` is a cell (a lambda mentions it, in
# dead code) must still let the instance be freed.
import gc

freed = []


class Tester:
    def dig(self):
        if 0:
            lambda: self
        try:
            1 / 0
        except Exception as exc:
            self.exc = exc
        self = None

    def __del__(self):
        freed.append("tester")


tester = Tester()
tester.dig()
del tester
gc.collect()
print(freed)
print(Tester.dig.__code__.co_cellvars, Tester.dig.__code__.co_varnames)
