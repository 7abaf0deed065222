# A float loop in the style of an n-body step.
def advance(bodies, steps, dt):
    n = len(bodies)
    for _ in range(steps):
        for i in range(n):
            xi, yi, zi, vxi, vyi, vzi, mi = bodies[i]
            for j in range(i + 1, n):
                xj, yj, zj, vxj, vyj, vzj, mj = bodies[j]
                dx = xi - xj
                dy = yi - yj
                dz = zi - zj
                d2 = dx * dx + dy * dy + dz * dz + 0.01
                mag = dt / (d2 * d2 ** 0.5)
                bodies[i][3] -= dx * mj * mag
                bodies[i][4] -= dy * mj * mag
                bodies[i][5] -= dz * mj * mag
                bodies[j][3] += dx * mi * mag
                bodies[j][4] += dy * mi * mag
                bodies[j][5] += dz * mi * mag
        for b in bodies:
            b[0] += dt * b[3]
            b[1] += dt * b[4]
            b[2] += dt * b[5]


def energy(bodies):
    e = 0.0
    for b in bodies:
        e += 0.5 * b[6] * (b[3] * b[3] + b[4] * b[4] + b[5] * b[5])
    return e


bodies = [[float(i), float(i * 2 % 5), float(i * 3 % 7), 0.0, 0.0, 0.0, 1.0 + i / 10] for i in range(5)]
advance(bodies, 40_000, 0.001)
print(round(energy(bodies), 6))
