"""async def, await, async for, async with and async comprehensions, driven by hand (no
event loop): a coroutine that never really suspends finishes on its first send(None)."""


class Awaitable:
    def __init__(self, value):
        self.value = value

    def __await__(self):
        return self.value
        yield  # makes __await__ a generator


class AsyncIter:
    def __init__(self, n):
        self.i = 0
        self.n = n

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        return self.i


class AsyncCtx:
    async def __aenter__(self):
        print("aenter")
        return "resource"

    async def __aexit__(self, *exc):
        print("aexit")
        return False


async def add(a, b):
    return await Awaitable(a) + b


async def agen(n):
    for i in range(n):
        yield i * 10


async def main():
    total = await add(1, 2)
    seen = []
    async for v in AsyncIter(3):
        seen.append(v)
    else:
        seen.append("else")
    async with AsyncCtx() as res:
        seen.append(res)
    gathered = [v async for v in agen(3)]
    squares = {v: v * v async for v in AsyncIter(2)}
    awaited = [await Awaitable(k) for k in "ab"]
    return total, seen, gathered, squares, awaited


def run(coro):
    try:
        coro.send(None)
    except StopIteration as stop:
        return stop.value
    raise RuntimeError("the coroutine suspended")


print(run(main()))
for fn in (add, agen, main):
    code = fn.__code__
    print(fn.__name__, code.co_flags, code.co_varnames)
comps = [c for c in main.__code__.co_consts if hasattr(c, "co_name")]
print([(c.co_name, c.co_flags) for c in comps])
