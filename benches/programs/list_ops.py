# List workload: append, index, slice, sort, comprehension.
def run(n):
    xs = []
    for i in range(n):
        xs.append((i * 7919) % 10007)
    ys = [x * 2 for x in xs if x % 3]
    ys.sort()
    total = 0
    for i in range(0, len(ys), 7):
        total += ys[i]
    return total, len(ys), ys[:3]


print(run(1_000_000))
