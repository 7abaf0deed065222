# co_varnames lists the fast locals in the order code generation first touches them: code
# that is never executed still counts (constant-false branches, code after return), but a
# local that generates no code at all (a bare annotation) is left out.
def dead_code():
    if 0:
        a = 1
    if False:
        b = 1
    while 0:
        c = 1
    return 1
    d = 1


def bare_annotation():
    x: int
    y: int = 2
    def h():
        pass
    del h


def dead_nested_def():
    if 0:
        def inner():
            return q
    q = 1
    return q


def lambda_reads_later_local():
    lambda: zz
    zz = 1


def used_before_bound(flag):
    if flag:
        return later
    later = 1
    early = 2
    return early


for fn in (dead_code, bare_annotation, dead_nested_def, lambda_reads_later_local, used_before_bound):
    code = fn.__code__
    children = [c.co_name for c in code.co_consts if hasattr(c, "co_name")]
    print(fn.__name__, code.co_varnames, code.co_nlocals, code.co_cellvars, children)
print(dead_code(), dead_nested_def(), used_before_bound(False))
try:
    used_before_bound(True)
except UnboundLocalError as e:
    print("UnboundLocalError:", e)
