# Sibling closures share the same cell; each call of the outer function makes new cells.
def pair():
    value = 0

    def get():
        return value

    def set_(v):
        nonlocal value
        value = v

    return get, set_


get1, set1 = pair()
get2, set2 = pair()
set1(5)
print(get1(), get2())
set2("two")
print(get1(), get2())
print(get1.__closure__[0] is set1.__closure__[0], get1.__closure__[0] is get2.__closure__[0])
print(get1.__closure__ == set1.__closure__)
