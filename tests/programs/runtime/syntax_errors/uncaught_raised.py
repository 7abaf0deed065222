# A SyntaxError the program raises itself, with a location: printed as the compiler's are.
def check(line):
    raise SyntaxError("bad thing", ("config.txt", 4, 3, line, 4, 6))


check("a = bad\n")
