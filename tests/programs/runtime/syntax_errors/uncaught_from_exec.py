# An uncaught SyntaxError from exec(): the traceback, then the error's own File block with
# the marked line, then "SyntaxError: msg" (the message, not str() with its location).
print("before")
exec("y = 1\nz = y +")
print("not reached")
