(lambda: 0)()
