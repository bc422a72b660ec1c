#include "field_reference.h"

typedef unsigned __int128 u128;

static const uint64_t P[4] = {0x992d30ed00000001ULL, 0x224698fc094cf91bULL, 0x0000000000000000ULL, 0x4000000000000000ULL};
static const uint64_t INV = 0x992d30ecffffffffULL; /* -p^-1 mod 2^64 */

/* Textbook CIOS with a fifth word and a final conditional subtraction. */
static inline __attribute__((always_inline)) void mont_mul(uint64_t r[4], const uint64_t a[4], const uint64_t b[4]) {
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

/*
 * The "no-carry" CIOS: p's top word is below 2^63 - 1, so the running value
 * fits four words plus one and needs no sixth word or extra carry pass. The
 * form the Swift code uses, and the faster of the two in C.
 */
static inline __attribute__((always_inline)) void mont_mul_no_carry(uint64_t r[4], const uint64_t a[4], const uint64_t b[4]) {
    uint64_t t[4] = {0, 0, 0, 0};
    /* Unrolled, as a hand-written C version would be: clang keeps the outer
       loop otherwise, and the t[] words then round-trip through memory. */
#pragma clang loop unroll(full)
    for (int i = 0; i < 4; i++) {
        u128 s = (u128)a[0] * b[i] + t[0];
        uint64_t carry_a = (uint64_t)(s >> 64);
        uint64_t low = (uint64_t)s;
        uint64_t m = low * INV;
        uint64_t carry_m = (uint64_t)(((u128)m * P[0] + low) >> 64);
#pragma clang loop unroll(full)
        for (int j = 1; j < 4; j++) {
            s = (u128)a[j] * b[i] + t[j] + carry_a;
            carry_a = (uint64_t)(s >> 64);
            s = (u128)m * P[j] + (uint64_t)s + carry_m;
            carry_m = (uint64_t)(s >> 64);
            t[j - 1] = (uint64_t)s;
        }
        t[3] = carry_a + carry_m;
    }
    uint64_t d[4], borrow = 0;
    for (int j = 0; j < 4; j++) {
        u128 s = (u128)t[j] - P[j] - borrow;
        d[j] = (uint64_t)s;
        borrow = (uint64_t)(s >> 64) & 1;
    }
    uint64_t keep = 0 - borrow; /* t < p */
    for (int j = 0; j < 4; j++) r[j] = (t[j] & keep) | (d[j] & ~keep);
}

/*
 * Each form's two entry points. A macro rather than a function pointer:
 * the chain must inline its multiplication, or it measures calls.
 */
#define REFERENCE_ENTRY_POINTS(suffix, multiply)                                                   \
    void plonk_reference_fp_multiply##suffix(uint64_t r[4], const uint64_t a[4], const uint64_t b[4]) { \
        uint64_t out[4];                                                                          \
        multiply(out, a, b);                                                                      \
        for (int j = 0; j < 4; j++) r[j] = out[j];                                                \
    }                                                                                             \
    void plonk_reference_fp_multiply_chain##suffix(uint64_t x[4], const uint64_t y[4], size_t count) { \
        uint64_t v[4] = {x[0], x[1], x[2], x[3]};                                                 \
        for (size_t k = 0; k < count; k++) multiply(v, v, y);                                     \
        for (int j = 0; j < 4; j++) x[j] = v[j];                                                  \
    }

REFERENCE_ENTRY_POINTS(, mont_mul)
REFERENCE_ENTRY_POINTS(_no_carry, mont_mul_no_carry)
