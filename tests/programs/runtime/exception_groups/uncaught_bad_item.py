"""An uncaught ValueError from the constructor."""

print(ExceptionGroup("ok", [ValueError()]))
ExceptionGroup("bad", [ValueError(), "not an exception"])
