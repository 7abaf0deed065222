"""except* ExceptionGroup is a TypeError at run time."""

try:
    raise ExceptionGroup("g", [ValueError()])
except* ExceptionGroup:
    print("not reached")
