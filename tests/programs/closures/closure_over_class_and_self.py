# Closures capturing self and method-local state.
class Counter:
    def __init__(self):
        self.n = 0

    def incrementer(self, step):
        def inc():
            self.n += step
            return self.n
        return inc


c = Counter()
inc2 = c.incrementer(2)
inc3 = c.incrementer(3)
print(inc2(), inc3(), inc2(), c.n)
print(Counter.incrementer.__code__.co_cellvars, inc2.__code__.co_freevars)
print(inc2.__qualname__)


def class_factory(base_value):
    class Made:
        value = base_value

        def get(self):
            return base_value, self.value

        @classmethod
        def make(cls):
            return cls()
    return Made


M = class_factory(7)
print(M.make().get(), M.__qualname__)
