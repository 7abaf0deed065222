# A name assigned anywhere in a function is local everywhere in it.
x = "global"


def reads_before_assign():
    try:
        print(x)
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
    x = "local"
    return x


print(reads_before_assign())


def augmented():
    try:
        x += "!"
    except UnboundLocalError as e:
        return "UnboundLocalError: " + str(e)


print(augmented())


def conditional(flag):
    if flag:
        y = 1
    return y


print(conditional(True))
try:
    conditional(False)
except UnboundLocalError as e:
    print("UnboundLocalError:", e)


def free_before_assign():
    def inner():
        return late
    try:
        inner()
    except NameError as e:
        print(type(e).__name__ + ":", e)
    late = 1
    return inner()


print(free_before_assign())


def cell_before_assign():
    try:
        print(early)
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
    early = 2
    return lambda: early


print(cell_before_assign()())
