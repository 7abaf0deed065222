*a = range(5)
