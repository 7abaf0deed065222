# An uncaught UnboundLocalError: the output before it, then exit status 1.
def f():
    print("before")
    print(x)
    x = 1


f()
