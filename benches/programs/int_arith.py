# Integer arithmetic in a loop (small ints, with a modulus to stay small).
def run(n):
    acc = 0
    for i in range(n):
        acc = (acc * 31 + i * 7 - (i // 3)) % 1_000_003
        acc ^= i & 255
    return acc


print(run(5_000_000))
