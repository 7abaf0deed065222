def foo():
    m=3
    n=5
    def bar():
        a=4
        return m+n+a
    return bar

# The article's interactive session: >>>bar =  foo() and >>>bar() showing 12.
bar =  foo()
print(bar())
# >>> bar.__closure__ shows two cells holding m and n; their addresses vary, so the
# contents are shown.
print([c.cell_contents for c in bar.__closure__]) # [3, 5]
print(foo.__code__.co_cellvars, bar.__code__.co_freevars, bar.__code__.co_varnames)
