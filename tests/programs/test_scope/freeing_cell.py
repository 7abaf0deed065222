# testFreeingCell: a class whose finalizer calls a function that reads a cell; defining it
# (the test never instantiates it) must work, and so does finalizing an instance while the
# cell is alive.
def make():
    log = []

    def nestedcell_get():
        log.append("finalizer ran")
        return log

    class Special:
        def __del__(self):
            nestedcell_get()

    s = Special()
    del s
    return log


print(make())
