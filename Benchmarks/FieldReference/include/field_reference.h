/*
 * The plain C reference for field multiplication that `leakcheck bench
 * fp-mul` runs in the same process as the Swift code, so the README's ratio
 * is measured, not quoted: 4x64-bit Montgomery multiplication modulo Pasta's
 * p (CIOS with unsigned __int128, compiled by clang as SwiftPM builds C
 * targets). Two forms: the textbook CIOS, and the "no-carry" CIOS that
 * Pasta's moduli allow, which is the faster in C and the one to beat.
 */
#ifndef FIELD_REFERENCE_H
#define FIELD_REFERENCE_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/*
 * x <- x * y (Montgomery form, modulo Pasta's p), `count` times in a
 * dependent chain. `x` and `y` point to 4 words each, least significant
 * first, both below p. The result replaces `x`.
 */
void plonk_reference_fp_multiply_chain(uint64_t x[4], const uint64_t y[4], size_t count);

/* One Montgomery product r = a * b * 2^-256 mod p; r may alias a or b. */
void plonk_reference_fp_multiply(uint64_t r[4], const uint64_t a[4], const uint64_t b[4]);

/* The same two operations by the no-carry CIOS. */
void plonk_reference_fp_multiply_chain_no_carry(uint64_t x[4], const uint64_t y[4], size_t count);
void plonk_reference_fp_multiply_no_carry(uint64_t r[4], const uint64_t a[4], const uint64_t b[4]);

#ifdef __cplusplus
}
#endif

#endif
