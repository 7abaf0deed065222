# The methods of int and float: bit_length, bit_count, to_bytes, from_bytes, conjugate,
# as_integer_ratio, __index__, is_integer, hex, fromhex.


def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


for n in [0, 1, -1, 7, 8, 255, -256, 2 ** 62, 2 ** 63 - 1, -2 ** 63, 2 ** 100 - 1, -2 ** 100]:
    print(n, n.bit_length(), n.bit_count(), n.conjugate(), n.as_integer_ratio(), n.__index__())
print(True.bit_length(), False.bit_count(), True.conjugate(), True.as_integer_ratio(), True.__index__())
print(int.bit_length(5), int.bit_count(7))
show("descriptor", lambda: int.bit_length("a"))
show("bit_length arg", lambda: (5).bit_length(1))

print((5).to_bytes(), (5).to_bytes(2), (5).to_bytes(2, "little"), (1024).to_bytes(2, "big"))
print((-5).to_bytes(2, "little", signed=True), (-1).to_bytes(3, signed=True), (127).to_bytes(1, signed=True))
print((-128).to_bytes(1, signed=True), (0).to_bytes(0), (0).to_bytes(3), (2 ** 64).to_bytes(9, "big"))
print((65535).to_bytes(length=2, byteorder="little"), (-2 ** 63).to_bytes(8, "big", signed=True))
show("to_bytes overflow", lambda: (300).to_bytes(1, "big"))
show("to_bytes negative unsigned", lambda: (-5).to_bytes(2, "little"))
show("to_bytes signed overflow", lambda: (128).to_bytes(1, signed=True))
show("to_bytes signed overflow neg", lambda: (-129).to_bytes(1, signed=True))
show("to_bytes zero length", lambda: (1).to_bytes(0))
show("to_bytes bad order", lambda: (5).to_bytes(1, "middle"))
show("to_bytes order type", lambda: (5).to_bytes(1, 5))
show("to_bytes negative length", lambda: (5).to_bytes(-1))
show("to_bytes length float", lambda: (5).to_bytes(1.0))
show("to_bytes three positional", lambda: (5).to_bytes(1, "big", True))
show("to_bytes too many", lambda: (5).to_bytes(1, "big", True, 4))
show("to_bytes bad keyword", lambda: (5).to_bytes(1, sign=True))

print(int.from_bytes(b"\x01\x00"), int.from_bytes(b"\x01\x00", "little"), int.from_bytes(b"\xff\xff", "big", signed=True))
print(int.from_bytes([1, 2], "big"), int.from_bytes(b"", "big"), int.from_bytes((255,) * 9, "little"))
print(int.from_bytes(b"\x80", signed=True), int.from_bytes(bytes=b"\x02", byteorder="big"), (5).from_bytes(b"\x01"))
print(bool.from_bytes(b"\x01"), bool.from_bytes(b"\x00\x00"), int.from_bytes(range(3), "big"))
show("from_bytes range", lambda: int.from_bytes([1, 256], "big"))
show("from_bytes str", lambda: int.from_bytes("ab", "big"))
show("from_bytes int", lambda: int.from_bytes(5, "big"))
show("from_bytes float items", lambda: int.from_bytes([1.5], "big"))
show("from_bytes bad order", lambda: int.from_bytes(b"\x01", "x"))
show("from_bytes no args", lambda: int.from_bytes())

for x in [0.0, -0.0, 1.0, 2.5, -2.5, 0.1, 1e300, 5e-324, 2.0 ** 52 + 0.5, 123456789.0]:
    print(x, x.is_integer(), x.as_integer_ratio(), x.hex(), float.fromhex(x.hex()) == x, x.conjugate())
for x in [float("inf"), float("-inf"), float("nan")]:
    print(x, x.is_integer(), x.hex(), x.conjugate())
show("ratio inf", lambda: float("inf").as_integer_ratio())
show("ratio nan", lambda: float("nan").as_integer_ratio())
print((1.7976931348623157e308).hex(), (2.2250738585072014e-308).hex(), (2.225073858507201e-308).hex())
for s in ["0x1.999999999999ap-4", "0x1p-1074", "0x1p-1075", "0x1.8p-1074", "  -0XA.8P+1  ", "inf", "-Infinity",
          "nan", "1", "ff", "0x.8", "0x1.", "1.", ".1", "0X1.8P1", "0x1.00000000000008p0", "0x1.00000000000018p0",
          "0x1.000000000000080001p0", "0x3p-1076", "0x1.fffffffffffff7p1023", "0x0p99999999999999999999",
          "0x1p-99999999999999999999", "-0x1p-99999999999999999999", "0x00000.00001p20"]:
    show(s, lambda: float.fromhex(s))
for s in ["0x1.fffffffffffff8p1023", "0x1p1024", "0x1p+99999999999999999999", "", "0x", "0x1p", "1p", "0x.p1",
          "infi", "0x1_0p0", "0x1 p1", "0x1.1.1", "0xg", "-", " ", "0x1p+", "0x1p-", "in"]:
    show(repr(s), lambda: float.fromhex(s))
show("fromhex int", lambda: float.fromhex(1))
show("fromhex no args", lambda: float.fromhex())
print((2.5).fromhex("0x1p0"), float.fromhex("0x1p3"))
show("float descriptor", lambda: float.is_integer(1))
