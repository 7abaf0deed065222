# Deep recursion: RecursionError at the limit, and a raised limit works.
import sys

def depth(n):
    if n == 0:
        return 0
    return 1 + depth(n - 1)

print(sys.getrecursionlimit())
print(depth(900))
try:
    depth(10000)
except RecursionError as e:
    print("RecursionError:", e)
sys.setrecursionlimit(50000)
print(depth(40000))
