# A trace function that is not callable: the first call event raises TypeError out of the new
# frame, uncaught.
import sys


def f():
    return 1


sys.settrace("not a function")
print("set")
f()
print("not reached")
