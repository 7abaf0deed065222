def f(args, *args):
    pass
