f = lambda q, q: q
