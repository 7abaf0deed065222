class C:
    def m(self):
        pass
  x = 1
