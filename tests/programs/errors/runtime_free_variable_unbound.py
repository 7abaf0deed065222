# An uncaught NameError for a free variable whose cell is empty.
def outer():
    def inner():
        return late
    print("calling inner")
    inner()
    late = 1


outer()
