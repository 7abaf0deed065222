"""Every kind of pattern in a match statement."""


class Point:
    __match_args__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y


class Color:
    RED = "red"
    GREEN = "green"


def classify(subject):
    match subject:
        case 0 | 1 | 2:
            return "small int literal"
        case -3:
            return "negative literal"
        case 1.5 | 2j | -1 + 2j:
            return "float or complex literal"
        case "text" | b"bytes":
            return "string or bytes literal"
        case None:
            return "None"
        case True:
            return "True"
        case Color.RED:
            return "value pattern"
        case []:
            return "empty sequence"
        case [x]:
            return f"one element {x}"
        case [1, *_]:
            return "starts with 1"
        case (x, y, *rest) if len(rest) > 2:
            return f"long sequence {x} {y} +{len(rest)}"
        case [[a, b], c]:
            return f"nested {a} {b} {c}"
        case {"type": "point", "x": px, **others}:
            return f"mapping point x={px} others={sorted(others)}"
        case {}:
            return "empty mapping pattern matches any mapping"
        case Point(0, 0):
            return "origin"
        case Point(x=0, y=yy):
            return f"on y axis {yy}"
        case Point(xx, y=0):
            return f"on x axis {xx}"
        case int(n) if n > 100:
            return f"big int {n}"
        case str() as s:
            return f"some string {s!r}"
        case (1 | 2) as small:
            return f"never reached {small}"
        case [*_, last]:
            return f"sequence ending {last}"
        case _:
            return "wildcard"


for subject in (0, -3, 1.5, -1 + 2j, "text", b"bytes", None, True, "red", [], [9], [1, 2, 3],
                (4, 5, 6, 7, 8), [[1, 2], 3], {"type": "point", "x": 1, "z": 2}, {"q": 1},
                Point(0, 0), Point(0, 5), Point(7, 0), 101, "other", 3.5, [5, 6], Point(1, 1)):
    print(repr(subject) if not isinstance(subject, Point) else "Point", "->", classify(subject))


def capture_scope(cmd):
    match cmd.split():
        case ["go", direction]:
            return direction
        case ["take", *objs]:
            return objs
    return None


print(capture_scope("go north"), capture_scope("take a b"), capture_scope("nothing"))
print(capture_scope.__code__.co_varnames)
match_ = "match is a soft keyword"
match = 1
case = 2
print(match_, match, case)
