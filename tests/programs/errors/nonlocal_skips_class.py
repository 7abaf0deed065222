def f():
    class C:
        x = 1
        def m(self):
            nonlocal x
            x = 2
    return C
