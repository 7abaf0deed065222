# bytes(): empty, a count of zero bytes, the ints of an iterable, a str with an encoding,
# __bytes__, and every bad argument with CPython's message.
def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)
class B:
    def __bytes__(self): return b'B!'
class BadB:
    def __bytes__(self): return 'x'
class I:
    def __index__(self): return 3
class BI:
    def __bytes__(self): return b'bytes wins'
    def __index__(self): return 2
show("empty", lambda: bytes())
show("int", lambda: bytes(3))
show("zero", lambda: bytes(0))
show("true", lambda: bytes(True))
show("neg", lambda: bytes(-1))
show("huge", lambda: bytes(10**20))
show("list", lambda: bytes([1, 2, 255]))
show("tuple", lambda: bytes((65, 66)))
show("range", lambda: bytes(range(65, 70)))
show("gen", lambda: bytes(x for x in [97, 98]))
show("bytes", lambda: bytes(b'ab'))
show("list bad", lambda: bytes([256]))
show("list neg", lambda: bytes([-1]))
show("list str", lambda: bytes(['a']))
show("list float", lambda: bytes([1.5]))
show("list index", lambda: bytes([I()]))
show("str", lambda: bytes('abc'))
show("str enc", lambda: bytes('abcé', 'utf-8'))
show("str enc kw", lambda: bytes('abcé', encoding='latin-1'))
show("str enc err", lambda: bytes('abcé', 'ascii', 'replace'))
show("str enc strict", lambda: bytes('abcé', 'ascii'))
show("str errors only", lambda: bytes('abc', errors='strict'))
show("int errors only", lambda: bytes(3, errors='strict'))
show("int enc", lambda: bytes(3, 'utf-8'))
show("no source enc", lambda: bytes(encoding='utf-8'))
show("no source err", lambda: bytes(errors='strict'))
show("enc not str", lambda: bytes('a', 1))
show("err not str", lambda: bytes('a', 'utf-8', 1))
show("bad enc", lambda: bytes('a', 'nope'))
show("float", lambda: bytes(1.5))
show("none", lambda: bytes(None))
show("obj", lambda: bytes(object()))
show("dunder", lambda: bytes(B()))
show("bad dunder", lambda: bytes(BadB()))
show("index obj", lambda: bytes(I()))
show("bytes wins", lambda: bytes(BI()))
show("four", lambda: bytes(1, 2, 3, 4))
show("kw", lambda: bytes(x=1))
show("source kw", lambda: bytes(source=2))
show("dict", lambda: bytes({1: 2}))
show("type", lambda: type(bytes(2)))
show("complex", lambda: bytes(1j))
show("memory", lambda: bytes(2 ** 62))
