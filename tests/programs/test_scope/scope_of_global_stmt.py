# testScopeOfGlobalStmt: how `global` in one function affects the functions nested in it.

# I: the global declaration in g hides f's x from h.
x = 7
def f():
    x = 1
    def g():
        global x
        def i():
            def h():
                return x
            return h()
        return i()
    return g()
print("I", f(), x)

# II: the nearest binding is g's local.
x = 7
def f():
    x = 1
    def g():
        x = 2
        def i():
            def h():
                return x
            return h()
        return i()
    return g()
print("II", f(), x)

# III: g assigns the global.
x = 7
def f():
    x = 1
    def g():
        global x
        x = 2
        def i():
            def h():
                return x
            return h()
        return i()
    return g()
print("III", f(), x)

# IV: the same with another value in f.
x = 7
def f():
    x = 3
    def g():
        global x
        x = 2
        def i():
            def h():
                return x
            return h()
        return i()
    return g()
print("IV", f(), x)

# A global statement in a class body does not affect its methods.
x = 12
class Global:
    global x
    x = 13
    def set(self, val):
        x = val
    def get(self):
        return x

g = Global()
print(g.get())
g.set(15)
print(g.get())
