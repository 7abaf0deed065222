# exec, eval and locals() with explicit and implicit namespaces.
g = {"base": 10}
exec("def f(x):\n    return x + base\nresult = f(5)", g)
print(g["result"], g["f"].__qualname__, g["f"].__code__.co_names)

loc = {}
exec("a = 1\nb = a + 1", {}, loc)
print(sorted(loc.items()))
print(eval("base * 2", g), eval("x + y", {"x": 1}, {"y": 2}))


def function_locals(p):
    q = p * 2

    def uses():
        return q
    snapshot = locals()
    return sorted(k for k in snapshot)


print(function_locals(1))


class Body:
    one = 1
    two = one + 1
    names = sorted(k for k in locals() if not k.startswith("__"))


print(Body.names)

module_names = sorted(k for k in globals() if k in ("g", "loc", "Body", "function_locals"))
print(module_names)

code = compile("value = 6 * 7", "<string>", "exec")
ns = {}
exec(code, ns)
print(ns["value"], code.co_names, code.co_name, code.co_filename)
print(eval(compile("1 + 2", "<expr>", "eval")))


def exec_does_not_create_fast_locals():
    exec("created = 1")
    try:
        return created
    except NameError as e:
        return "NameError: " + str(e)


print(exec_does_not_create_fast_locals())
