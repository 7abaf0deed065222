def f(a, b):
    global b
    return b
