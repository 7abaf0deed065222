# sys.settrace: a trace function hit by RecursionError is removed; a builtin that cannot take
# the arguments, a callable instance with a bound method as local trace function; settrace
# inside a function that goes on untraced.
import sys
def tr(frame, event, arg):
    return tr
def r(n):
    return r(n + 1)
sys.settrace(tr)
try:
    r(0)
except RecursionError as e:
    print("RecursionError", e)
print(sys.gettrace())
sys.settrace(len)
def f():
    return 1
try:
    f()
except TypeError as e:
    print(e)
print(sys.gettrace())
class T:
    def __call__(self, frame, event, arg):
        print("T", event, frame.f_code.co_name)
        return self.local
    def local(self, frame, event, arg):
        print("local", event, frame.f_lineno)
sys.settrace(T())
f()
sys.settrace(None)
def g():
    sys.settrace(tr)
    x = 1
    return x
g()
sys.settrace(None)
print("done")
