code_obj = compile('sum([1,2,3])',  '', 'single')

# >>>exec(code_obj) shows 6: 'single' mode prints the value of an expression statement.
exec(code_obj)
print(code_obj.co_name, code_obj.co_names)
