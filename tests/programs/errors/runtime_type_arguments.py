print(type(1).__name__)
type("A", ())
