#include "field_reference.h"

typedef unsigned __int128 u128;

static const uint64_t P[4] = {0x992d30ed00000001ULL, 0x224698fc094cf91bULL, 0x0000000000000000ULL, 0x4000000000000000ULL};
static const uint64_t INV = 0x992d30ecffffffffULL; /* -p^-1 mod 2^64 */

/* Textbook CIOS with a fifth word and a final conditional subtraction. */
static inline void mont_mul(uint64_t r[4], const uint64_t a[4], const uint64_t b[4]) {
    uint64_t t[6] = {0, 0, 0, 0, 0, 0};
    for (int i = 0; i < 4; i++) {
        uint64_t carry = 0;
        for (int j = 0; j < 4; j++) {
            u128 s = (u128)a[j] * b[i] + t[j] + carry;
            t[j] = (uint64_t)s;
            carry = (uint64_t)(s >> 64);
        }
        u128 s = (u128)t[4] + carry;
        t[4] = (uint64_t)s;
        t[5] = (uint64_t)(s >> 64);
        uint64_t m = t[0] * INV;
        s = (u128)m * P[0] + t[0];
        carry = (uint64_t)(s >> 64);
        for (int j = 1; j < 4; j++) {
            s = (u128)m * P[j] + t[j] + carry;
            t[j - 1] = (uint64_t)s;
            carry = (uint64_t)(s >> 64);
        }
        s = (u128)t[4] + carry;
        t[3] = (uint64_t)s;
        t[4] = t[5] + (uint64_t)(s >> 64);
    }
    uint64_t d[4], borrow = 0;
    for (int j = 0; j < 4; j++) {
        u128 s = (u128)t[j] - P[j] - borrow;
        d[j] = (uint64_t)s;
        borrow = (uint64_t)(s >> 64) & 1;
    }
    int keep = (t[4] == 0) & (borrow != 0); /* t < p */
    for (int j = 0; j < 4; j++) r[j] = keep ? t[j] : d[j];
}

void plonk_reference_fp_multiply(uint64_t r[4], const uint64_t a[4], const uint64_t b[4]) {
    uint64_t out[4];
    mont_mul(out, a, b);
    for (int j = 0; j < 4; j++) r[j] = out[j];
}

void plonk_reference_fp_multiply_chain(uint64_t x[4], const uint64_t y[4], size_t count) {
    uint64_t v[4] = {x[0], x[1], x[2], x[3]};
    for (size_t k = 0; k < count; k++) mont_mul(v, v, y);
    for (int j = 0; j < 4; j++) x[j] = v[j];
}
