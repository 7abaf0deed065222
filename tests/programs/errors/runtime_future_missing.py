# __future__ at run time: an unknown feature is an AttributeError of the module; an unknown
# future statement in compiled source is a SyntaxError.
import __future__

try:
    compile("from __future__ import braces", "<s>", "exec")
except SyntaxError as e:
    print(e.msg)
try:
    compile("from __future__ import nope", "<s>", "exec")
except SyntaxError as e:
    print(e.msg)
try:
    __future__.annotations.getOptionalRelease(1)
except TypeError as e:
    print(e)
print(__future__.nope)
