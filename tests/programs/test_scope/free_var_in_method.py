# testFreeVarInMethod: a method's free variable skips the class namespace, even when the
# class defines a method of the same name; names the class binds are not visible to methods.
def test():
    method_and_var = "var"

    class Test:
        def method_and_var(self):
            return "method"

        def test(self):
            return method_and_var

        def actual_global(self):
            return str("global")

        def str(self):
            return str(self)

    return Test()


t = test()
print(t.test(), t.method_and_var(), t.actual_global())

method_and_var = "var"


class Test:
    # At module level the rules differ: the method's read is a global read.
    def method_and_var(self):
        return "method"

    def test(self):
        return method_and_var

    def actual_global(self):
        return str("global")

    def str(self):
        return str(self)


t = Test()
print(t.test(), t.method_and_var(), t.actual_global())
print(Test.test.__code__.co_names, Test.test.__code__.co_freevars)
