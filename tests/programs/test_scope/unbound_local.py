# testUnboundLocal: reading a local (or a cell) before it is assigned raises
# UnboundLocalError; reading a free variable whose cell is still empty raises NameError.
def errorInOuter():
    print(y)

    def inner():
        return y
    y = 1


def errorInInner():
    def inner():
        return y
    inner()
    y = 1


for fn in (errorInOuter, errorInInner):
    try:
        fn()
    except NameError as e:
        print(type(e).__name__ + ":", e)
