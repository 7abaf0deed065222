# testLocalsFunction: locals() in a function includes its cells and free variables.
def f(x):
    def g(y):
        def h(z):
            return y + z
        w = x + y
        y += 3
        return locals()
    return g


d = f(2)(4)
print("h" in d)
del d["h"]
print(sorted(d.items()))
