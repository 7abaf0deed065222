# A nested function that calls itself refers to its own name as a free variable.
def outer(n):
    def fact(k):
        return 1 if k <= 1 else k * fact(k - 1)
    return fact(n)


print(outer(10))
print(outer.__code__.co_cellvars, outer.__code__.co_varnames)


def mutual():
    def is_even(n):
        return True if n == 0 else is_odd(n - 1)

    def is_odd(n):
        return False if n == 0 else is_even(n - 1)

    return is_even(10), is_odd(7), is_even.__code__.co_freevars, is_odd.__code__.co_freevars


print(mutual())


def fib_memo():
    cache = {}

    def fib(n):
        if n in cache:
            return cache[n]
        r = n if n < 2 else fib(n - 1) + fib(n - 2)
        cache[n] = r
        return r

    return fib


fib = fib_memo()
print(fib(60), fib.__code__.co_freevars)
