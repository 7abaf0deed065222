nonlocal x
x = (
