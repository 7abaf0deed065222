# The __future__ module: CPython's _Feature records, importable like any module.
import __future__

print(__future__.all_feature_names)
print(__future__.__all__[:3])
for name in __future__.all_feature_names:
    feature = getattr(__future__, name)
    print(name, feature.getOptionalRelease(), feature.getMandatoryRelease(), hex(feature.compiler_flag))
print(repr(__future__.annotations))
print(type(__future__.division).__name__, type(__future__.division).__module__)
print(__future__.CO_FUTURE_ANNOTATIONS == __future__.annotations.compiler_flag)
print(__future__.__name__, __future__.__doc__.splitlines()[0])

import sys
print(sys.modules["__future__"] is __future__)
ns = __future__.nested_scopes
print(ns.optional < ns.mandatory, ns.optional is ns.getOptionalRelease())
