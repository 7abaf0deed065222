"""Identifiers are NFKC-normalized: ﬁle and file are the same name."""
ﬁle = "normalized"
print(file)

variável = 1
αβγ = 2
名前 = "古明地"


def fünf(ℌ):
    µ = ℌ * 2
    return μ


print(variável, αβγ, 名前, fünf(21), fünf.__code__.co_varnames)
