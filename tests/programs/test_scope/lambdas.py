# testLambdas: the nesting rules apply to lambdas.
f1 = lambda x: lambda y: x + y
inc = f1(1)
plus10 = f1(10)
print(inc(1), plus10(5))

f2 = lambda x: (lambda: lambda y: x + y)()
inc = f2(1)
plus10 = f2(10)
print(inc(1), plus10(5))

f3 = lambda x: lambda y: global_x + y
global_x = 1
inc = f3(None)
print(inc(2))

f8 = lambda x, y, z: lambda a, b, c: lambda: z * (b + y)
g = f8(1, 2, 3)
h = g(2, 4, 6)
print(h())
print(f8.__code__.co_cellvars, g.__code__.co_cellvars, g.__code__.co_freevars, h.__code__.co_freevars)
