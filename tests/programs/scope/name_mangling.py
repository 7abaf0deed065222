# Names that start with two underscores are mangled inside a class: in attributes, in local
# variables, in globals and in free variables.
class Account:
    __count = 0

    def __init__(self):
        self.__balance = 10
        Account.__count += 1

    def balance(self):
        __local = self.__balance
        return __local

    def closure(self):
        __shared = 5

        def inner():
            return __shared
        return inner

    def reads_global(self):
        return __module_private


_Account__module_private = "mangled global"
a = Account()
print(a.balance(), a.closure()(), a.reads_global(), Account._Account__count)
print(sorted(k for k in vars(a)))
print(Account.balance.__code__.co_varnames, Account.balance.__code__.co_names)
print(Account.closure.__code__.co_cellvars, a.closure().__code__.co_freevars)
print(Account.reads_global.__code__.co_names, Account.__init__.__code__.co_names)


class _Under:
    def m(self):
        __x = 1
        return __x


print(_Under.m.__code__.co_varnames)


class ___:
    def m(self):
        __y = 1
        return __y


print(___.m.__code__.co_varnames)


class Dunder:
    def __not_mangled__(self):
        __z__ = 1
        return __z__


print(Dunder.__not_mangled__.__code__.co_varnames)
