"""Import forms with the modules the corpus may use."""
import sys
import gc, math
import math as mathematics
from math import sqrt, floor as fl
from math import (
    ceil,
    tau,
)


def local_imports():
    import math
    from sys import maxsize as big
    from math import pi
    return math.floor(pi), big > 0


def global_import():
    global gc_module
    import gc as gc_module
    return gc_module is gc


print(mathematics.sqrt(16), sqrt(9), fl(2.7), ceil(2.1), round(tau, 2), gc.isenabled())
print(local_imports(), local_imports.__code__.co_varnames, local_imports.__code__.co_names)
print(global_import(), gc_module.isenabled(), global_import.__code__.co_names)
print(type(sys).__name__, sys.__name__, math.__name__)
