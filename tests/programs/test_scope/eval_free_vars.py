# testEvalFreeVars: eval() inside a closure sees the free variable the closure mentions.
def f(x):
    def g():
        x
        return eval("x + 1")
    return g


print(f(4)())
print(f.__code__.co_cellvars, f(4).__code__.co_freevars, f(4).__code__.co_names)


def h(y):
    def k():
        return eval("y")
    return k


try:
    h(1)()
except NameError as e:
    print("NameError:", e)
