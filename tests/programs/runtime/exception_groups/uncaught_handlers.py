"""What except* handlers raise, uncaught: raised exceptions beside the re-raised rest, causes
and contexts inside the boxes."""


def inner():
    raise ExceptionGroup("inner", [KeyError("k"), OSError("os")])


def middle():
    try:
        inner()
    except* KeyError:
        raise RuntimeError("from a handler")


def outer():
    try:
        raise ValueError("context")
    except ValueError:
        try:
            middle()
        except* OSError as e:
            raise TypeError("caused") from e


outer()
