"""An uncaught group wider than 15 and deeper than 10 (CPython truncates both), with notes,
raised while another exception is handled."""

eg = ExceptionGroup("wide", [ValueError(i) for i in range(20)])
for i in range(12):
    eg = ExceptionGroup(f"level {i}", [eg, KeyError(i)])
eg.add_note("a note on the group")
eg.add_note("two\nlines")
try:
    raise LookupError("first")
except LookupError:
    try:
        raise eg
    except* KeyError as k:
        k.add_note("added in the handler")
        raise
