# SyntaxError objects: what compile(), exec() and eval() raise, what a program makes
# itself, their str(), their attributes, and their subclasses.


def show(e):
    print(type(e).__name__, "|", e, "|", repr(e))
    print("  ", e.msg, e.filename, e.lineno, e.offset, repr(e.text), e.end_lineno, e.end_offset)
    print("  ", e.args, e.print_file_and_line)


for source, mode in [
    ("x = (", "exec"),
    ("1 +", "eval"),
    ("def f():\nreturn 1", "exec"),
    ("if x:\n\tpass\n        pass", "exec"),
    ("a b", "single"),
]:
    try:
        compile(source, "dir/file.py", mode)
    except SyntaxError as e:
        show(e)

try:
    exec("y = 1\nz = y +")
except SyntaxError as e:
    show(e)

try:
    eval("(1, 2")
except SyntaxError as e:
    show(e)

# Made by the program: the second argument is (filename, lineno, offset, text[, end_lineno, end_offset]).
show(SyntaxError())
show(SyntaxError("just a message"))
show(SyntaxError("m", ("f.py", 3, 4, "text\n")))
show(SyntaxError("m", ["/a/b/c.py", 3, 4, "text\n", 3, 6]))
show(SyntaxError("m", (None, 7, None, None)))
show(SyntaxError("m", ("name", None, None, None)))
show(SyntaxError("one", "two", "three"))
show(IndentationError("bad indent", ("f.py", 1, 1, " x\n")))
show(TabError("tabs"))

e = SyntaxError("m", ("f.py", 3, 4, "text\n"))
e.lineno = 10
e.msg = "changed"
print(e, e.args)


class MySyntaxError(SyntaxError):
    pass


class Quiet(SyntaxError):
    def __init__(self, what):
        self.what = what


show(MySyntaxError("mine", ("m.py", 2, 1, "m\n")))
q = Quiet("x")
print(q.what, q.msg, q.lineno, q.args, str(q))

# A bad location tuple is a TypeError, as CPython's argument parsing reports it.
for info in [(1, 2), (1, 2, 3, 4, 5, 6, 7), 5]:
    try:
        SyntaxError("m", info)
    except TypeError as err:
        print("TypeError:", err)
