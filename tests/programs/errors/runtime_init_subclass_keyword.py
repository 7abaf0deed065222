class A:
    pass


class B(A, flag=True):
    pass
