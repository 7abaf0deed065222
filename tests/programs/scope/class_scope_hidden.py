# Names bound in a class body are not visible to the methods, nor to nested functions or
# comprehensions (except the first iterable of a comprehension).
y = "global y"


class C:
    y = "class y"
    items = [1, 2, 3]

    def method(self):
        return y

    doubled = [i * 2 for i in items]
    try:
        tripled = [i * len(items) for i in range(2)]
    except NameError as e:
        tripled = "NameError: " + str(e)

    def uses_class_attr(self):
        return self.y, C.y


print(C().method())
print(C.doubled, C.tripled)
print(C().uses_class_attr())


def f():
    z = "function z"

    class D:
        z = "class z"

        def m(self):
            return z

    return D().m(), D.z


print(f())
