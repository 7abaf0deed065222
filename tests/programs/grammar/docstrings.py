"""The module docstring."""


def documented():
    """The function docstring."""
    return documented.__doc__


class Documented:
    """The class docstring."""

    def method(self):
        "A single-quoted method docstring."


def not_a_docstring():
    x = 1
    "a string after the first statement"
    return x


print(__doc__, documented(), Documented.__doc__, Documented.method.__doc__, not_a_docstring.__doc__)
print(documented.__code__.co_varnames, not_a_docstring.__code__.co_names)
