class C:
    from math import *
