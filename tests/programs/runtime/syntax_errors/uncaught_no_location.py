# A SyntaxError without a location prints like any exception: its str() is the message.
raise IndentationError("no location at all")
