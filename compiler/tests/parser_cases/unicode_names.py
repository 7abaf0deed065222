é = 1
café = é + 1
日本 = "語"
x = 'é' + café
class Ünicode:
    def méthode(self, paramètre: 'type'): return paramètre
ﬁ = 1
print(ﬁ, fi)
ℌ = 2
𝔘 = 3
x = {é: café for é in 日本}
x = f'{é}{café!r:>{日本}}'
y = 'é' f'{é}' "日本"
z = (é,
     café)
