# slice() and range() called as constructors: arguments, and CPython's messages for bad ones.
s = list(range(10))
print(s[slice(2, 4)], s[slice(None, None, -2)], slice(3), slice(1, 2, 3), slice('a', [1]))
print(list(range(3)), list(range(1, 7, 2)))
for make in (slice, range):
    for args in [(), (1, 2, 3, 4)]:
        try:
            make(*args)
        except TypeError as e:
            print(type(e).__name__, e)
    try:
        make(stop=3)
    except TypeError as e:
        print(type(e).__name__, e)
