# An uncaught complex division by zero ends the program with CPython's traceback and
# status 1.
values = [1 + 1j, 2j, 0j]
for v in values:
    print(1 / v)
