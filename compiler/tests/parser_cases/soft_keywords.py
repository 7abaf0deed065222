match = 1
match.x = 2
match[0] = 3
match(x)
match = match
print(match)
case = 1
_ = case
match, case = 1, 2
match: int = 1
match += 1
match - 1
match * 2
match or x
match if x else y
def match(): pass
class case: pass
x.match = 1
match
match; case
[match for match in case]
