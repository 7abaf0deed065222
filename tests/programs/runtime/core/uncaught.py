# An uncaught exception: CPython's traceback on stderr, exit status 1.
def inner(d):
    return d["key"]

def outer():
    return inner({})

print("before")
outer()
print("not reached")
