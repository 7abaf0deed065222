"""An uncaught exception group: CPython's group traceback, boxes and all, and exit 1."""


def fail():
    raise ExceptionGroup("several", [ValueError("v1"), TypeError("t1"), ExceptionGroup("inner", [KeyError("k")])])


print("before")
fail()
