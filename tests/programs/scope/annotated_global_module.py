# At module level an annotated name may be declared global (annotations of a module are
# stored in __annotations__); in a function it is a SyntaxError.
global y
y: int = 3
print(y, __annotations__)
