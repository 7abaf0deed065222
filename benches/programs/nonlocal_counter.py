# A nonlocal counter: LOAD_DEREF / STORE_DEREF in a hot loop.
def counter():
    count = 0

    def bump():
        nonlocal count
        count += 1
        return count

    return bump


def run(n):
    bump = counter()
    last = 0
    for _ in range(n):
        last = bump()
    return last


print(run(3_000_000))
