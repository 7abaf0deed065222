# testClassNamespaceOverridesClosure: a class body reads a free variable from its namespace
# first when the name is there (LOAD_CLASSDEREF), and `del` of a class-local name does not
# touch the enclosing function's variable.
def run():
    x = 42

    class X:
        locals()["x"] = 43
        y = x

    print(X.y)

    class X:
        locals()["x"] = 43
        del x

    print(hasattr(X, "x"), x)


run()
