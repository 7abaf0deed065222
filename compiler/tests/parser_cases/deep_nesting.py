x = ((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((1))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))
y = [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]
z = {{{{{{{{{{{{{{{{{{{{{{{{{{{{{{1}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}
a = b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b
c = ------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------1
d = not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not x
e = 2**2**2**2**2**2**2**2**2**2**2**2**2**2**2**2**2**2**2**2**2**2**2**2**2**2**2**2**2**2**2**2**2**2**2**2**2**2**2**2**2**2**2**2**2**2**2**2**2**2**2**2**2**2**2**2**2**2**2**2**2**2**2**2**2**2**2**2**2**2**2**2**2**2**2**2**2**2**2**2**2**2**2**2**2**2**2**2**2**2**2**2**2**2**2**2**2**2**2**2
f = x.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y.y
g = h()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()
i = j[0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0]
k = lambda: lambda: lambda: lambda: lambda: lambda: lambda: lambda: lambda: lambda: lambda: lambda: lambda: lambda: lambda: lambda: lambda: lambda: lambda: lambda: lambda: lambda: lambda: lambda: lambda: lambda: lambda: lambda: lambda: lambda: lambda: lambda: lambda: lambda: lambda: lambda: lambda: lambda: lambda: lambda: lambda: lambda: lambda: lambda: lambda: lambda: lambda: lambda: lambda: lambda: lambda: lambda: lambda: lambda: lambda: lambda: lambda: lambda: lambda: lambda: lambda: lambda: lambda: lambda: lambda: lambda: lambda: lambda: lambda: lambda: lambda: lambda: lambda: lambda: lambda: lambda: lambda: lambda: lambda: lambda: lambda: lambda: lambda: lambda: lambda: lambda: lambda: lambda: lambda: lambda: lambda: lambda: lambda: lambda: lambda: lambda: lambda: lambda: lambda: lambda: 0
l = v if c else v if c else v if c else v if c else v if c else v if c else v if c else v if c else v if c else v if c else v if c else v if c else v if c else v if c else v if c else v if c else v if c else v if c else v if c else v if c else v if c else v if c else v if c else v if c else v if c else v if c else v if c else v if c else v if c else v if c else v if c else v if c else v if c else v if c else v if c else v if c else v if c else v if c else v if c else v if c else v if c else v if c else v if c else v if c else v if c else v if c else v if c else v if c else v if c else v if c else v if c else v if c else v if c else v if c else v if c else v if c else v if c else v if c else v if c else v if c else v if c else v if c else v if c else v if c else v if c else v if c else v if c else v if c else v if c else v if c else v if c else v if c else v if c else v if c else v if c else v if c else v if c else v if c else v if c else v if c else v if c else v if c else v if c else v if c else v if c else v if c else v if c else v if c else v if c else v if c else v if c else v if c else v if c else v if c else v if c else v if c else v if c else v if c else v if c else v
m = 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's' 's'
n = p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p and p or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q or q
o = r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r < r
s = -(-(-(-(-(-(-(-(-(-(-(-(-(-(-(-(-(-(-(-(-(-(-(-(-(-(-(-(-(-(-(-(-(-(-(-(-(-(-(-(-(-(-(-(-(-(-(-(-(-(-(-(-(-(-(-(-(-(-(-(x))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))
t = f'{a}' f'{a}' f'{a}' f'{a}' f'{a}' f'{a}' f'{a}' f'{a}' f'{a}' f'{a}' f'{a}' f'{a}' f'{a}' f'{a}' f'{a}' f'{a}' f'{a}' f'{a}' f'{a}' f'{a}' f'{a}' f'{a}' f'{a}' f'{a}' f'{a}' f'{a}' f'{a}' f'{a}' f'{a}' f'{a}' f'{a}' f'{a}' f'{a}' f'{a}' f'{a}' f'{a}' f'{a}' f'{a}' f'{a}' f'{a}' f'{a}' f'{a}' f'{a}' f'{a}' f'{a}' f'{a}' f'{a}' f'{a}' f'{a}' f'{a}' f'{a}' f'{a}' f'{a}' f'{a}' f'{a}' f'{a}' f'{a}' f'{a}' f'{a}' f'{a}' f'{a}' f'{a}' f'{a}' f'{a}' f'{a}' f'{a}' f'{a}' f'{a}' f'{a}' f'{a}' f'{a}' f'{a}' f'{a}' f'{a}' f'{a}' f'{a}' f'{a}' f'{a}' f'{a}' f'{a}' f'{a}' f'{a}' f'{a}' f'{a}' f'{a}' f'{a}' f'{a}' f'{a}' f'{a}' f'{a}' f'{a}' f'{a}' f'{a}' f'{a}' f'{a}' f'{a}' f'{a}' f'{a}' f'{a}' f'{a}'
u = w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w, w
v = ~-+~-+~-+~-+~-+~-+~-+~-+~-+~-+~-+~-+~-+~-+~-+~-+~-+~-+~-+~-+~-+~-+~-+~-+~-+~-+~-+~-+~-+~-+~-+~-+~-+~-+~-+~-+~-+~-+~-+~-+~-+~-+~-+~-+~-+~-+~-+~-+~-+~-+~-+~-+~-+~-+~-+~-+~-+~-+~-+~-+~-+~-+~-+~-+~-+~-+~-+~-+~-+~-+~-+~-+~-+~-+~-+~-+~-+~-+~-+~-+~-+~-+~-+~-+~-+~-+~-+~-+~-+~-+~-+~-+~-+~-+~-+~-+~-+~-+~-+~-+x ** -y ** +z
if x:
 if x:
  if x:
   if x:
    if x:
     if x:
      if x:
       if x:
        if x:
         if x:
          if x:
           if x:
            if x:
             if x:
              if x:
               if x:
                if x:
                 if x:
                  if x:
                   if x:
                    if x:
                     if x:
                      if x:
                       if x:
                        if x:
                         if x:
                          if x:
                           if x:
                            if x:
                             if x:
                              if x:
                               if x:
                                if x:
                                 if x:
                                  if x:
                                   if x:
                                    if x:
                                     if x:
                                      if x:
                                       if x:
                                        if x:
                                         if x:
                                          if x:
                                           if x:
                                            if x:
                                             if x:
                                              if x:
                                               if x:
                                                if x:
                                                 if x:
                                                  if x:
                                                   if x:
                                                    if x:
                                                     if x:
                                                      if x:
                                                       if x:
                                                        if x:
                                                         if x:
                                                          if x:
                                                           if x:
                                                            if x:
                                                             if x:
                                                              if x:
                                                               if x:
                                                                if x:
                                                                 if x:
                                                                  if x:
                                                                   if x:
                                                                    if x:
                                                                     if x:
                                                                      if x:
                                                                       if x:
                                                                        if x:
                                                                         if x:
                                                                          if x:
                                                                           if x:
                                                                            if x:
                                                                             if x:
                                                                              if x:
                                                                               if x:
                                                                                if x:
                                                                                 if x:
                                                                                  if x:
                                                                                   if x:
                                                                                    if x:
                                                                                     if x:
                                                                                      if x:
                                                                                       if x:
                                                                                        if x:
                                                                                         if x:
                                                                                          if x:
                                                                                           if x:
                                                                                            if x:
                                                                                             if x:
                                                                                              if x:
                                                                                               if x:
                                                                                                if x:
                                                                                                 if x:
                                                                                                  pass
