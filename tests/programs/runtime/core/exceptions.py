# try / except / else / finally, raise from, chaining, bare raise, with.
def div(a, b):
    try:
        r = a / b
    except ZeroDivisionError as e:
        print("caught", type(e).__name__, e)
        return None
    else:
        print("no error")
        return r
    finally:
        print("finally", a, b)

print(div(1, 2))
print(div(1, 0))

def chain():
    try:
        {}["missing"]
    except KeyError as e:
        raise ValueError("bad") from e

try:
    chain()
except ValueError as e:
    print(repr(e), repr(e.__cause__), e.__suppress_context__)

def implicit():
    try:
        1 / 0
    except ZeroDivisionError:
        raise TypeError("during")

try:
    implicit()
except TypeError as e:
    print(repr(e), repr(e.__context__), e.__cause__)

def reraise():
    try:
        raise IndexError("first")
    except IndexError:
        raise

try:
    reraise()
except IndexError as e:
    print("reraised", e, e.args)

for exc in (ValueError, KeyError, ZeroDivisionError):
    try:
        raise exc("x")
    except (KeyError, ZeroDivisionError) as e:
        print("tuple caught", type(e).__name__)
    except Exception as e:
        print("generic", type(e).__name__, e)

def finally_return():
    try:
        return "try"
    finally:
        print("finally runs")

print(finally_return())

def loop_break():
    out = []
    for i in range(5):
        try:
            if i == 3:
                break
            out.append(i)
        finally:
            out.append("f%d" % i)
    return out

print(loop_break())

try:
    raise ValueError
except ValueError as e:
    print("class raised:", repr(e))

e = None
try:
    raise KeyError("k")
except KeyError as e:
    pass
try:
    print(e)
except NameError as err:
    print("NameError:", err)

print(str(KeyError("k")), str(KeyError()), str(ValueError(1, 2)), repr(ValueError(1, 2)))
try:
    raise 5
except TypeError as err:
    print(err)
try:
    try:
        pass
    except 5:
        pass
    1 / 0
except ZeroDivisionError as err:
    print("ok", err)
