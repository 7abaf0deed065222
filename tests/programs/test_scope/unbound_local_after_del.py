# testUnboundLocal_AfterDel: a cell variable may be deleted; reading it afterwards is an
# UnboundLocalError in the owner and a NameError in the closure.
def errorInOuter():
    y = 1
    del y
    print(y)

    def inner():
        return y


def errorInInner():
    def inner():
        return y
    y = 1
    del y
    inner()


for fn in (errorInOuter, errorInInner):
    try:
        fn()
    except NameError as e:
        print(type(e).__name__ + ":", e)
print(errorInOuter.__code__.co_cellvars, errorInInner.__code__.co_cellvars)
