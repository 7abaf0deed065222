# testUnoptimizedNamespaces: `from ... import *` inside a function is a compile-time error,
# wherever the ambiguous name would be resolved.
sources = [
    """if 1:
    def unoptimized_clash1(strip):
        def f(s):
            from sys import *
            return getrefcount(s)
        return f
""",
    """if 1:
    def unoptimized_clash2():
        from sys import *
        def f(s):
            return getrefcount(s)
        return f
""",
    """if 1:
    def unoptimized_clash2():
        from sys import *
        def g():
            def f(s):
                return getrefcount(s)
            return f
""",
    """if 1:
    def f():
        def g():
            from sys import *
            return getrefcount
""",
]
for src in sources:
    try:
        compile(src, "<test>", "exec")
    except SyntaxError as e:
        print(type(e).__name__, e.msg, e.lineno, e.offset)
    else:
        print("compiled")
