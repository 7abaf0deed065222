# A closure fixes part of a function's environment: wrap() returns a login() that remembers
# the user name and password it was made with. user_name and password are cells of wrap and
# free variables of login.
# From the first seed article (000), which starts from a plain login(user_name, password, user).
def wrap(user_name, password):
    def login(user):
        if not (user_name == "satori" and password == "123"):
            return "用户名密码不正确"
        else:
            return f"欢迎: {user}"
    return login

login = wrap("satori", "123")
print(login("古明地觉")) # 欢迎: 古明地觉
print(login("古明地恋")) # 欢迎: 古明地恋
print(wrap.__code__.co_cellvars, login.__code__.co_freevars)
