# However deep the nesting, a free variable binds to the nearest enclosing function that
# assigns it: foo4 prints foo3's x (2), not foo2's (1).
# From the first seed article (000); the indentation, lost in the article's text, is restored
# so that the program prints the 2 the article shows.
def foo1():
    def foo2():
        x = 1
        def foo3():
            x = 2
            def foo4():
                print(x)
            return foo4
        return foo3
    return foo2


foo1()()()()
"""
2
"""
