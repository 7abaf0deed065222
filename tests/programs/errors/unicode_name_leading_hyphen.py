# \N{...} with a name that starts with a hyphen (a crash the fuzzer found in the name lookup).
s = "\N{-a}"
