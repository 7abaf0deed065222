# testUnboundLocal_AugAssign: an augmented assignment makes the name local, so it does not
# read the global.
global_x = 1


def f():
    global_x += 1


try:
    f()
except UnboundLocalError as e:
    print("UnboundLocalError:", e)
else:
    print("scope of global_x not correctly determined")
print(f.__code__.co_varnames, f.__code__.co_names)
