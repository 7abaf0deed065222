def f():
    break

nonlocal z
