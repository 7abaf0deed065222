# The last line of stderr is the final exception, after the chained ones.
def fail():
    try:
        {}["missing"]
    except KeyError as e:
        raise RuntimeError("while handling") from e


print("start")
fail()
