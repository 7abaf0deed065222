f = lambda: nonlocal x
