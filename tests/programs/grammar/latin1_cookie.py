# -*- coding: latin-1 -*-
s = "café"
print(s, len(s), s.encode("utf-8"))
