# A class body nested in a function reads the function's locals through their cells
# (LOAD_CLASSDEREF): the class namespace first, then the cell.
def make(x):
    class K:
        a = x            # free in the class body
        x_seen = x * 2

        def get(self):
            return x

    return K


K = make(5)
print(K.a, K.x_seen, K().get())


def class_shadows():
    v = "function v"

    class C:
        # v is assigned in this class body, so it is a class-local name: reads use the class
        # namespace then the globals (LOAD_NAME), never the function's cell.
        try:
            first = v
        except NameError as e:
            first = "NameError: " + str(e)
        v = "class v"
        second = v       # now the class namespace

        def m(self):
            return v     # methods skip the class: the function's v

    return C.first, C.second, C().m()


print(class_shadows())


def rebinding_after_class():
    n = 1

    class C:
        def get(self):
            return n

    n = 2
    return C().get()


print(rebinding_after_class())
code = make.__code__
print(code.co_cellvars, code.co_varnames)
body = [c for c in code.co_consts if hasattr(c, "co_name")][0]
print(body.co_name, body.co_qualname, body.co_freevars, body.co_cellvars, body.co_flags,
      body.co_varnames)
