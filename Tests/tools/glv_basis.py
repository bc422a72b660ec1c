#!/usr/bin/env python3
"""Derives the GLV lattice bases in Sources/Pasta/{Vesta,Pallas}.swift.

For each curve's scalar field r and endomorphism scalar lambda (a cube root
of unity, read from the Swift sources so the two cannot drift apart): the
extended Euclidean algorithm on (r, lambda), stopped at sqrt(r), gives two
short vectors (a, b) with a + b*lambda = 0 mod r (Gallant-Lambert-Vanstone).
g1 = round(b2 * 2^256 / r) and g2 = round(-b1 * 2^256 / r) turn a scalar k
into c1 = floor(k*g1 / 2^256), c2 = floor(k*g2 / 2^256), and
k1 = k - c1*a1 - c2*a2, k2 = -c1*b1 - c2*b2. The script checks on random
scalars that both halves stay below 2^128 and prints the Swift constants.
"""
import math
import random
import re
import pathlib

ROOT = pathlib.Path(__file__).resolve().parents[2]
P = 0x40000000000000000000000000000000224698FC094CF91B992D30ED00000001
Q = 0x40000000000000000000000000000000224698FC0994A8DD8C46EB2100000001


def endomorphism_scalar(curve, field):
    text = (ROOT / "Sources" / "Pasta" / f"{curve}.swift").read_text()
    match = re.search(r"endomorphismScalar: %s \{\s*%s\(canonical: UInt256\(([^)]*)\)" % (field, field), text)
    words = [int(w.strip().replace("_", ""), 16) for w in match.group(1).split(",")]
    return sum(w << (64 * i) for i, w in enumerate(words))


def basis(n, lam):
    assert pow(lam, 3, n) == 1 and lam != 1
    r0, r1, t0, t1 = n, lam, 0, 1
    history = [(r0, t0), (r1, t1)]
    while r1 >= math.isqrt(n):
        quotient = r0 // r1
        r0, r1 = r1, r0 - quotient * r1
        t0, t1 = t1, t0 - quotient * t1
        history.append((r1, t1))
    a1, b1 = history[-1][0], -history[-1][1]
    quotient = r0 // r1
    candidates = [(history[-2][0], -history[-2][1]), (r0 - quotient * r1, -(t0 - quotient * t1))]
    a2, b2 = min(candidates, key=lambda v: v[0] ** 2 + v[1] ** 2)
    for a, b in [(a1, b1), (a2, b2)]:
        assert (a + b * lam) % n == 0
    assert abs(a1 * b2 - a2 * b1) == n
    return a1, b1, a2, b2


def swift_words(x):
    x %= 1 << 256
    fmt = lambda v: "0x%04x_%04x_%04x_%04x" % (v >> 48, (v >> 32) & 0xFFFF, (v >> 16) & 0xFFFF, v & 0xFFFF)
    return "UInt256(" + ", ".join(fmt((x >> (64 * i)) & ((1 << 64) - 1)) for i in range(4)) + ")"


for curve, field, n in [("Vesta", "Fp", P), ("Pallas", "Fq", Q)]:
    lam = endomorphism_scalar(curve, field)
    a1, b1, a2, b2 = basis(n, lam)
    g1 = (b2 * (1 << 256) + n // 2) // n
    g2 = (-b1 * (1 << 256) + n // 2) // n
    widest = 0
    for trial in range(20000):
        k = [0, 1, n - 1, n // 2, lam][trial] if trial < 5 else random.randrange(n)
        c1, c2 = (k * g1) >> 256, (k * g2) >> 256
        k1, k2 = k - c1 * a1 - c2 * a2, -c1 * b1 - c2 * b2
        assert (k1 + k2 * lam - k) % n == 0
        widest = max(widest, abs(k1).bit_length(), abs(k2).bit_length())
    assert widest <= 128, widest
    print(f"// {curve} ({field}); halves at most {widest} bits")
    for name, value in [("a1", a1 % n), ("b1", b1 % n), ("a2", a2 % n), ("b2", b2 % n), ("g1", g1), ("g2", g2)]:
        print(f"{name}: {swift_words(value)}")
