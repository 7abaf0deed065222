# testRecursion: a nested function that calls itself through its free variable.
def f(x):
    def fact(n):
        if n == 0:
            return 1
        else:
            return n * fact(n - 1)
    if x >= 0:
        return fact(x)
    else:
        raise ValueError("x must be >= 0")


print(f(6))
try:
    f(-1)
except ValueError as e:
    print("ValueError:", e)
