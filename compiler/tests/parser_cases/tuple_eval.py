x, y


