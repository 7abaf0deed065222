# Dict workload: string and int keys, insert, lookup, update, delete.
def run(n):
    d = {}
    for i in range(n):
        d["k" + str(i % 5000)] = i
        d[i % 777] = d.get(i % 777, 0) + 1
    total = 0
    for k in d:
        if isinstance(k, int):
            total += d[k]
    for i in range(0, 777, 2):
        del d[i]
    return total, len(d)


print(run(1_000_000))
