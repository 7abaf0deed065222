# User exception classes: hierarchies, custom __init__/__str__/__repr__, attributes,
# args, matching in except clauses, chaining, and exceptions used as ordinary objects.


class AppError(Exception):
    pass


class ConfigError(AppError):
    def __init__(self, key, reason="missing"):
        super().__init__(key, reason)
        self.key = key
        self.reason = reason

    def __str__(self):
        return "config key %r is %s" % (self.key, self.reason)


class RetryError(AppError):
    def __init__(self, attempts):
        self.attempts = attempts

    def __repr__(self):
        return "RetryError(attempts=%d)" % self.attempts


class Quiet(ValueError):
    """Inherits str() and repr() from BaseException."""


for exc in [AppError("plain"), ConfigError("port"), ConfigError("host", reason="invalid"), RetryError(3), Quiet("q", 1), AppError()]:
    print(type(exc).__name__, "|", str(exc), "|", repr(exc), "|", exc.args)

try:
    raise ConfigError("user")
except AppError as e:
    print("caught as AppError:", type(e).__name__, e, e.key, isinstance(e, Exception))

try:
    raise RetryError(5)
except (ConfigError, RetryError) as e:
    print("caught in tuple:", repr(e), e.attempts, e.args)

try:
    raise Quiet("not really")
except ValueError as e:
    print("caught as ValueError:", e)

try:
    raise AppError
except AppError as e:
    print("raised the class:", repr(e))

print(issubclass(ConfigError, Exception), issubclass(ConfigError, BaseException), ConfigError.__mro__[1].__name__)
print([c.__name__ for c in Quiet.__mro__])


# Keyword arguments are fine with a user __init__, not without one.
class WithKw(Exception):
    def __init__(self, msg, *, code=0):
        super().__init__(msg)
        self.code = code


e = WithKw("failed", code=7)
print(e, e.code, e.args)
try:
    AppError("x", code=1)
except TypeError as err:
    print(type(err).__name__, err)


# Exception attributes: custom ones, args reassignment, __cause__ and __context__.
class Detailed(Exception):
    def __init__(self, *details):
        super().__init__(*details)
        self.count = len(details)


d = Detailed("a", "b")
d.extra = "set later"
print(d.count, d.extra, d.args, str(d))
d.args = ("replaced",)
print(d, repr(d))

try:
    try:
        {}["missing"]
    except KeyError as inner:
        raise ConfigError("missing") from inner
except ConfigError as outer:
    print(type(outer.__cause__).__name__, outer.__cause__, outer.__suppress_context__)

try:
    try:
        raise RetryError(1)
    except RetryError:
        raise AppError("during handling")
except AppError as outer:
    print(repr(outer.__context__), outer.__cause__)


# Exceptions with properties and methods.
class HttpError(Exception):
    def __init__(self, status):
        super().__init__(status)
        self.status = status

    @property
    def is_client_error(self):
        return 400 <= self.status < 500

    def describe(self):
        return "HTTP %d%s" % (self.status, " (client)" if self.is_client_error else "")


class NotFound(HttpError):
    def __init__(self):
        super().__init__(404)


for err in [HttpError(500), NotFound()]:
    try:
        raise err
    except HttpError as caught:
        print(caught.describe(), caught.is_client_error, caught.args)

# A user __str__ that fails, and one that returns a non-string.


class BadStr(Exception):
    def __str__(self):
        return 5


try:
    str(BadStr())
except TypeError as e:
    print(type(e).__name__, e)


# Exceptions are ordinary objects: stored, compared, raised later.
errors = [ConfigError("a"), RetryError(2)]
for err in errors:
    try:
        raise err
    except AppError as caught:
        print("raised from a list:", caught is err)
print(errors[0] == errors[0], errors[0] == ConfigError("a"))


# raise with something that is not an exception.
class NotAnException:
    pass


for bad in [NotAnException, NotAnException(), 5]:
    try:
        raise bad
    except TypeError as e:
        print(type(e).__name__, e)
try:
    try:
        pass
    except NotAnException:
        pass
    raise AppError("checked lazily")
except AppError as e:
    print(e)
try:
    try:
        raise AppError("x")
    except NotAnException:
        pass
except TypeError as e:
    print(type(e).__name__, e)
