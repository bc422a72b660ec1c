#!/usr/bin/env python3
"""Writes the known-answer files under Tests/*/Vectors from references that
share no code with the Swift implementation:

- BLAKE2b digests from Python's hashlib (CPython's own BLAKE2b);
- square roots from a direct transcription of ark-ff's Tonelli-Shanks steps
  over Python integers;
- SRS points and prefix digests read out of kimchi's own files in
  ../shared/srs (written by kimchi's SRS::create(65536)).

Run from the package root: python3 Tests/tools/make_vectors.py
"""
import hashlib, json, os, random

P = 0x40000000000000000000000000000000224698fc094cf91b992d30ed00000001
Q = 0x40000000000000000000000000000000224698fc0994a8dd8c46eb2100000001


def ark_sqrt(a, m):
    if a == 0:
        return 0
    s, t = 0, m - 1
    while t % 2 == 0:
        t //= 2
        s += 1
    z = pow(5, t, m)
    w = pow(a, (t - 1) // 2, m)
    x = w * a % m
    b = x * w % m
    v = s
    while b != 1:
        k, b2k = 0, b
        while b2k != 1:
            b2k = b2k * b2k % m
            k += 1
        if k == s:
            return None
        w = z
        for _ in range(1, v - k):
            w = w * w % m
        z = w * w % m
        b = b * z % m
        x = x * w % m
        v = k
    return x if x * x % m == a else None


def blake2b_vectors():
    rng = random.Random(7693)
    cases = [
        {"comment": "RFC 7693 appendix A", "input": b"abc".hex(), "key": "", "outlen": 64},
        {"comment": "empty input", "input": "", "key": "", "outlen": 64},
    ]
    for n in (1, 3, 64, 111, 127, 128, 129, 255, 256, 257, 1000, 4096):
        data = bytes(rng.randrange(256) for _ in range(n))
        cases.append({"comment": f"{n} random bytes", "input": data.hex(), "key": "", "outlen": 64})
    for n, keylen, outlen in ((0, 64, 64), (3, 32, 32), (200, 1, 20), (128, 64, 64)):
        data = bytes(rng.randrange(256) for _ in range(n))
        key = bytes(rng.randrange(256) for _ in range(keylen))
        cases.append({"comment": f"keyed, {n} bytes, {keylen}-byte key, {outlen}-byte digest",
                      "input": data.hex(), "key": key.hex(), "outlen": outlen})
    for c in cases:
        c["digest"] = hashlib.blake2b(bytes.fromhex(c["input"]), key=bytes.fromhex(c["key"]),
                                      digest_size=c["outlen"]).hexdigest()
    # srs_misc blinding message, as kimchi hashes it
    msg = b"srs_misc" + (0).to_bytes(4, "big")
    cases.append({"comment": "kimchi's h message", "input": msg.hex(), "key": "", "outlen": 64,
                  "digest": hashlib.blake2b(msg).hexdigest()})
    return {"source": "Python hashlib.blake2b", "cases": cases}


def sqrt_vectors():
    rng = random.Random(2012685)
    cases = []
    for name, m in (("Fp", P), ("Fq", Q)):
        values = [0, 1, 4, 5, 25, m - 1, m - 4] + [rng.randrange(m) for _ in range(12)]
        values += [pow(rng.randrange(m), 2, m) for _ in range(12)]
        for a in values:
            r = ark_sqrt(a, m)
            cases.append({"field": name, "input": str(a), "root": None if r is None else str(r)})
    return {"source": "ark-ff Tonelli-Shanks transcribed over Python integers", "cases": cases}


def srs_vectors():
    out = {"source": "kimchi's srs/vesta.srs and srs/pallas.srs (SRS::create(65536))", "curves": []}
    for curve in ("vesta", "pallas"):
        path = os.path.join("..", "shared", "srs", curve + ".srs")
        data = open(path, "rb").read()
        assert data[:6] == bytes.fromhex("92dd00010000")
        entries = [data[6 + 35 * i + 2: 6 + 35 * i + 35] for i in range(65536)]
        h = data[-33:]
        prefixes = []
        for depth in (1, 15, 16, 64):
            header = bytes([0x92]) + (bytes([0x90 | depth]) if depth < 16 else bytes([0xdc]) + depth.to_bytes(2, "big"))
            body = b"".join(b"\xc4\x21" + e for e in entries[:depth]) + b"\xc4\x21" + h
            prefixes.append({"depth": depth, "blake2b512": hashlib.blake2b(header + body).hexdigest()})
        out["curves"].append({
            "curve": curve,
            "sha256": hashlib.sha256(data).hexdigest(),
            "points": [{"index": i, "compressed": entries[i].hex()} for i in (0, 1, 2, 3, 1000, 65535)],
            "h": h.hex(),
            "prefixes": prefixes,
        })
    return out


def write(path, obj):
    with open(path, "w") as f:
        json.dump(obj, f, indent=1)
        f.write("\n")


write("Tests/PastaTests/Vectors/blake2b.json", blake2b_vectors())
write("Tests/PastaTests/Vectors/sqrt.json", sqrt_vectors())
write("Tests/PolyCommitmentTests/Vectors/kimchi-srs.json", srs_vectors())
