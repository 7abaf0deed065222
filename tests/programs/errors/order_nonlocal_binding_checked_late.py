def f():
    nonlocal q

def g(p):
    global p
