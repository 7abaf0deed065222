# testGlobalInParallelNestedFunctions: a `global` in one nested function does not leak to a
# sibling nested function.
def f():
    y = 1

    def g():
        global y
        return y

    def h():
        return y + 1
    return g, h


y = 9
g, h = f()
result9 = g()
result2 = h()
print(result9, result2)
print(f.__code__.co_cellvars, g.__code__.co_freevars, h.__code__.co_freevars)

# The same through exec with separate globals and locals, as the test does.
global_ns = {}
local_ns = {}
exec("""if 1:
    def f():
        y = 1
        def g():
            global y
            return y
        def h():
            return y + 1
        return g, h
    y = 9
    g, h = f()
    result9 = g()
    result2 = h()
""", global_ns, local_ns)
print(local_ns["result9"], local_ns["result2"])
