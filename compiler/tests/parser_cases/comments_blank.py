# comment

x = 1  # trailing


# more
def f():
    # inside
    x = 1

    # blank above

    return x
    # after return



class A:

    x = 1
    # end
if x:
    pass
    # trailing in block
# dedent comment
y = 2
