if True:
	x = "tab indented"
	if x:
		print(x)

def f():
  	  return 1 # spaces, tab, spaces
print(f())
x = 1; y = 2; print(x + y)
z = [1,
  2,
      3]
print(z)
