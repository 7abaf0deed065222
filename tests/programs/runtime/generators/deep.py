# Deep generator structures: long-lived generators resumed many times, chains of
# delegation near and beyond the recursion limit, pipelines of generators.
import sys


def chain(n):
    if n == 0:
        yield "bottom"
        return 0
    depth = yield from chain(n - 1)
    return depth + 1


def collect(n):
    result = yield from chain(n)
    yield result


print(list(collect(300)))

# Beyond the recursion limit: a RecursionError, after which everything still works.
try:
    list(collect(sys.getrecursionlimit() * 2))
except RecursionError:
    print("RecursionError")
print(list(collect(10)))


def recursive_gen(n):
    yield n
    if n > 0:
        for x in recursive_gen(n - 1):
            yield x


print(sum(recursive_gen(200)))
try:
    for _ in recursive_gen(5000):
        pass
except RecursionError:
    print("RecursionError in nested for loops")


# A pipeline of generator stages, each pulling from the previous one.
def numbers(n):
    for i in range(n):
        yield i


def add_one(source):
    for x in source:
        yield x + 1


pipeline = numbers(1000)
for _ in range(100):
    pipeline = add_one(pipeline)
print(sum(pipeline))

# Many resumptions of one generator.


def forever():
    i = 0
    while True:
        yield i
        i += 1


f = forever()
total = 0
for _ in range(100000):
    total += next(f)
print(total)

# A generator left suspended in deep recursion can be resumed later.
chained = collect(500)
print(next(chained))
print(next(chained))
print(next(chained, "exhausted"))
