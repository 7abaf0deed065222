print(y)
global y
