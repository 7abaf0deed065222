"""Numbers, strings, bytes and f-strings."""
# Integers.
print(0, 7, 1_000_000, 0x1F, 0X_ff, 0o17, 0O7, 0b1011, 0B_1_0, 00, 0_0)
print(123456789012345678901234567890, -2 ** 64, 0xFFFFFFFFFFFFFFFFFFFF, 9223372036854775808)
# Floats.
print(1.5, .5, 5., 1e3, 1E-3, 1_0.0_1, 1.5e+10, 3.14e-2, 1e308 * 10, 0.1 + 0.2, 1e16, 1.0)
print(2.5e-05, 1e22, 123456789.123456789, float("inf") > 1e308)
# Imaginary.
print(1j, 2.5j, 1e2j, 3 + 4j, (1 + 2j) * (3 - 1j), 0j)

# Strings.
print('single', "double", '''triple
single''', """triple
double""")
print('it\'s', "say \"hi\"", 'tab\there', 'newline\\n', 'bell\x07'.encode(), 'nul\0'.encode())
print('\x41\u00e9\U0001F600\N{GREEK SMALL LETTER ALPHA}\101\7'.encode("utf-8"))
print(r'raw\n', R"raw\t", rb'raw\x00', Rb"\d", br'\w', BR"\s")
print('implicit' " concatenation" '''of''' "strings")
print("line \
continued")
print("unicode: 古明地觉, café, 𝔘𝔫𝔦")
print(u"u prefix", U"U prefix")
print(len("\N{LATIN SMALL LETTER E WITH ACUTE}"), "\u00e9" == "é")
print('unknown escape \q kept' if False else 'escapes ok', '\\q')

# Bytes.
print(b'bytes', B"BYTES", b'\x00\xff\n', b'a' b'b', bytes(3), b'\101')

# f-strings.
name = "world"
width = 10
value = 3.14159
items = [1, 2]
print(f"hello {name}", F"{name!r}", f"{name!s}", f"{name!a}", f"{'café'!a}")
print(f"{value:.2f}", f"{value:{width}.{2}f}|", f"{name:>{width}}|", f"{42:#x} {42:08b} {42:,}")
print(f"{name=}", f"{value = :.1f}", f"{1 + 1 = }", f"{items[0]=!r}")
print(f"{{literal braces}}", f"{'nested ' + f'{name}'}", f"{ {'k': 1}['k'] }", f'{"double" }')
print(f"{(lambda: 'lambda')()}", f"{[x for x in range(3)]}", f"{name if name else 'no'}")
print(f"multi {name} and {value!r:>12} and {items}", rf"raw {name}\n", fr"\{name}")
print(f"""triple {name}
second line""", f"{3:{'>'}{5}}", f"{'a' 'b'}", f"")
print(f"{1000000:_}", f"{0.5:%}", f"{-1:+d}", f"{'x':*^7}", f"{12345.678:e}")
