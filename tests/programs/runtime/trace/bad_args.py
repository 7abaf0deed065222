# sys.settrace / sys.gettrace / sys._getframe with bad arguments; a trace function that cannot
# be called is accepted and fails at the first call event.
import sys

print("non-callable tracer")
sys.settrace(42)
print("  gettrace:", sys.gettrace())
def plain():
    return 1
try:
    plain()
except TypeError as e:
    print("  caught:", e)
print("  gettrace:", sys.gettrace())

print("bad arguments")
for call in [lambda: sys.settrace(), lambda: sys.settrace(1, 2), lambda: sys.settrace(function=None),
             lambda: sys.gettrace(1), lambda: sys._getframe(1, 2), lambda: sys._getframe("0"),
             lambda: sys._getframe(1.0), lambda: sys._getframe(10**30), lambda: sys._getframe(depth=0),
             lambda: sys._getframe(1000)]:
    try:
        call()
    except Exception as e:
        print(" ", type(e).__name__, e)
