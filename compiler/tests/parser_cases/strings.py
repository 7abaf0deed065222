''
""
'a'
"a"
'''a'''
"""a"""
'''a
b'''
"""
multi
line
"""
'a' 'b'
'a' "b" '''c''' """d"""
('a'
 'b')
r'\n'
R'\n'
u'a'
U'a'
b'a'
B'a'
br'\x'
rb'\x'
Rb'\x'
bR'\x'
b'a' b'b'
b'a' rb'\x'
'\n\t\r\\\'\"\a\b\f\v\0'
'\x41\x62'
'\u0041\U0001F600'
'\101\7\77\777'
'\N{LATIN SMALL LETTER A}'
'\N{latin small letter a}'
'\N{EMPTY SET}'
'\N{LINE FEED}'
'\N{BYTE ORDER MARK}'
'\N{HANGUL SYLLABLE GAG}'
'\N{CJK UNIFIED IDEOGRAPH-4E00}'
'\d\e\g\q\z'
'\8\9'
'a\
b'
'''a\
b'''
b'\n\t\r\\\'\"\a\b\f\v\0'
b'\x41\xff\x00'
b'\101\7\77\777'
b'\d\u0041\N{x}'
b'a\
b'
'é'
'é\n'
'日本語'
'😀'
'\é'
'ab' 'é\x41'
"it's"
'say "hi"'
'''it's "quoted"'''
r'\\'
r'a\'b'
'\x7f\x80\xff'
'\u00e9\u2028\uffff'
