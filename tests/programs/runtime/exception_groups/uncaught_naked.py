"""A naked exception caught by except* and re-raised with a bare raise leaves as the
ExceptionGroup it was wrapped in."""

try:
    raise KeyError("naked")
except* KeyError:
    raise
