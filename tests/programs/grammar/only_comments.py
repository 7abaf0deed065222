# only a comment

   
# and blank lines
