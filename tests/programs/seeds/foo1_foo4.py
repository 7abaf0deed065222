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
