# global and nonlocal in a class body.
x = "global x"


class G:
    global x
    x = "set by class G"
    y = x


print(x, G.y, "x" in G.__dict__)


def f():
    v = 0

    class C:
        nonlocal v
        v += 1
        seen = v

        def get(self):
            return v

    v += 10
    return C.seen, C().get(), "v" in C.__dict__, v


print(f())
body = [c for c in f.__code__.co_consts if hasattr(c, "co_name")][0]
print(body.co_name, body.co_freevars, body.co_cellvars, body.co_names, f.__code__.co_cellvars)


def class_global_in_function():
    g = "function g"

    class D:
        global g

        def m(self):
            return g

        read = g

    return D.read, D().m()


g = "module g"
print(class_global_in_function())
