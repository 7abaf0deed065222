# Capture patterns in match statements bind local names.
def describe(value):
    match value:
        case []:
            return "empty"
        case [first, *others]:
            return f"list starting {first} then {len(others)}"
        case {"k": inner, **rest}:
            return f"dict k={inner} rest={sorted(rest)}"
        case Point(x=0, y=py):
            return f"on y axis at {py}"
        case str() as text if len(text) > 2:
            return "long string " + text
        case int(n) | float(n):
            return f"number {n}"
        case _:
            return "other"


class Point:
    __match_args__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y


for v in ([], [1, 2, 3], {"k": 1, "a": 2}, Point(0, 5), "hello", 7, 2.5, None):
    print(describe(v))
print(describe.__code__.co_varnames)


def capture_in_closure(pair):
    match pair:
        case (a, b):
            return lambda: a + b


print(capture_in_closure((1, 2))(), capture_in_closure.__code__.co_cellvars)
