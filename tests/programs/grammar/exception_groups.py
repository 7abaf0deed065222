"""except* and exception groups."""


def raise_group():
    raise ExceptionGroup("several", [ValueError("v1"), TypeError("t1"), ValueError("v2")])


try:
    raise_group()
except* ValueError as eg:
    print("values:", [str(e) for e in eg.exceptions])
except* TypeError as eg:
    print("types:", [str(e) for e in eg.exceptions])

try:
    try:
        raise_group()
    except* TypeError:
        print("handled the TypeError only")
except ExceptionGroup as rest:
    print("rest:", rest.message, [str(e) for e in rest.exceptions])

try:
    raise ValueError("naked")
except* ValueError as eg:
    print("naked exception wrapped:", type(eg).__name__, [str(e) for e in eg.exceptions])


def in_function():
    caught = []
    try:
        raise ExceptionGroup("g", [KeyError("k")])
    except* KeyError as group:
        caught.append(len(group.exceptions))
    return caught


print(in_function(), in_function.__code__.co_varnames)
