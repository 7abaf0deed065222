# testEvalExecFreeVars: eval() and exec() refuse a code object that has free variables.
def f(x):
    return lambda: x + 1


g = f(3)
try:
    eval(g.__code__)
except TypeError as e:
    print("TypeError:", e)
try:
    exec(g.__code__, {})
except TypeError as e:
    print("TypeError:", e)
else:
    print("exec should have failed, because code contained free vars")
print(g())
