def f():
    pass

class C:
    nonlocal y
