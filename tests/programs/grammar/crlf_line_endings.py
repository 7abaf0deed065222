x = 1
if x:
    y = "crlf"
print(y, """multi
line""")
