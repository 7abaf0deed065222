# A method that uses super() or __class__ (or just the name `super`) gets the implicit
# __class__ cell, created by the class body and filled in when the class is built.
class Base:
    def greet(self):
        return "Base.greet"


class Derived(Base):
    def greet(self):
        return "Derived+" + super().greet()

    def cls(self):
        return __class__.__name__

    def names_super_only(self):
        s = super
        return s is super

    def no_cell(self):
        return 1

    def nested(self):
        def inner():
            return __class__.__name__
        return inner()

    @staticmethod
    def static_class():
        return __class__.__name__

    @classmethod
    def class_method(cls):
        return super().greet(cls) if False else cls.__name__


d = Derived()
print(d.greet(), d.cls(), d.names_super_only(), d.nested(), Derived.static_class(),
      Derived.class_method())
for name in ("greet", "cls", "names_super_only", "no_cell", "nested"):
    code = getattr(Derived, name).__code__
    print(name, code.co_freevars, code.co_cellvars, code.co_flags, code.co_varnames)
print(Derived.nested.__code__.co_consts[1].co_freevars if False else
      [c.co_freevars for c in Derived.nested.__code__.co_consts if hasattr(c, "co_freevars")])
print(Derived.cls.__closure__[0].cell_contents is Derived)


class Sub(Derived):
    def greet(self):
        return "Sub+" + super().greet()


print(Sub().greet())
