// The eight-lane Montgomery arithmetic the kernels share (AVX-512 IFMA,
// five 52-bit limbs a lane), and their loads, stores, gathers and
// scatters of Swift's four-word elements. Internal to CPastaVector: every
// function here is inlined into the kernels of the file that includes it,
// which must include it only on x86_64.
#ifndef PASTA_VECTOR_LANES_H
#define PASTA_VECTOR_LANES_H

#include "pasta_vector.h"

#include <immintrin.h>

/// The kernels' target: AVX-512 F and IFMA (checked at run time before any
/// kernel runs), scheduled for Zen 4, this project's benchmark machine.
/// Tuning changes only the order and choice of instructions, not the
/// instruction set: the accumulator kernels ran 4–7% faster on Zen 4 with
/// it than with the generic schedule.
#define KERNEL __attribute__((target("avx512f,avx512ifma,tune=znver4")))
#define INLINE KERNEL __attribute__((always_inline)) static inline

/// Every loop below has a fixed trip count and must become straight-line
/// code: a loop left rolled keeps its vectors in memory (clang left the
/// squaring's triangular loop rolled inside the larger kernels, which then
/// spent a quarter of their time moving vectors to and from the stack).
#define UNROLL _Pragma("clang loop unroll(full)")

/// Eight field elements, limb i of every lane in v[i].
typedef struct {
    __m512i v[5];
} lanes;

/// The field's constants broadcast to every lane.
typedef struct {
    __m512i p[5];
    __m512i inverse;
    __m512i mask;
    /// Lane k of multiples[i] is k times limb i of p (k < 8): the multiples
    /// `reduce_by_quotient` subtracts, chosen lane by lane.
    __m512i multiples[3];
} field_lanes;

INLINE field_lanes broadcast(const pasta_vector_field *field) {
    field_lanes f;
    UNROLL
    for (int i = 0; i < 5; i++) f.p[i] = _mm512_set1_epi64((long long)field->modulus[i]);
    f.inverse = _mm512_set1_epi64((long long)field->inverse);
    f.mask = _mm512_set1_epi64((long long)((1ULL << 52) - 1));
    UNROLL
    for (int i = 0; i < 3; i++) {
        long long times[PASTA_VECTOR_LANES];
        for (int k = 0; k < PASTA_VECTOR_LANES; k++) times[k] = (long long)((uint64_t)k * field->modulus[i]);
        f.multiples[i] = _mm512_loadu_si512((const void *)times);
    }
    return f;
}

/// Brings limbwise sums or differences back to 52-bit limbs, carrying (or
/// borrowing) each limb's excess into the next, and returns what left the
/// top limb: 0, or -1 when the value went below zero (the limbs then hold
/// it plus 2^260).
INLINE __m512i propagate(const field_lanes *f, lanes *r) {
    __m512i carry = _mm512_setzero_si512();
    UNROLL
    for (int i = 0; i < 5; i++) {
        __m512i x = _mm512_add_epi64(r->v[i], carry);
        carry = _mm512_srai_epi64(x, 52);
        r->v[i] = _mm512_and_si512(x, f->mask);
    }
    return carry;
}

/// r - m when that is not negative, else r, for a multiple m of p given
/// limb by limb (limbs need not be normalized); r < 2m with 52-bit limbs.
INLINE lanes reduce_by(const field_lanes *f, lanes r, const __m512i m[5]) {
    lanes t;
    UNROLL
    for (int i = 0; i < 5; i++) t.v[i] = _mm512_sub_epi64(r.v[i], m[i]);
    __mmask8 keep = _mm512_cmpge_epi64_mask(propagate(f, &t), _mm512_setzero_si512());
    UNROLL
    for (int i = 0; i < 5; i++) r.v[i] = _mm512_mask_blend_epi64(keep, r.v[i], t.v[i]);
    return r;
}

/// r - p when that is not negative, else r; r < 2p with 52-bit limbs.
INLINE lanes reduce_once(const field_lanes *f, lanes r) { return reduce_by(f, r, f->p); }

/// r reduced by its estimated quotient q = ⌊r / 2^254⌋ < 8, read off the
/// top limb's bits from 46 on, which picks q·p's limbs lane by lane: below
/// p when `canonical`, else below 2p. r's limbs need not be normalized
/// (the sums and differences that feed this skip their own carry pass):
/// each below 2^56 in magnitude, the top one not negative and below 2^49.
///
/// Pasta's p is 2^254 + c with c < 2^126, and the lower limbs' excess
/// moves r by less than 2^213 from the top limb's reading, so r − q·p lies
/// in (−2^213, 2^254 + 2^212): from 0 up to 2^254, and so below p, for
/// all but about 2^−40 of values, which are put right on a slower path.
/// One carry pass where subtracting 4p, 2p and p in turn took three after
/// the sum's own, each with its comparison and blend: in a C harness an
/// addition round ran 5.6% faster and a doubling round 3%, and a 2^16
/// Lagrange basis 4% and then 1.3% more without the sum's carry pass.
INLINE lanes reduce_by_quotient(const field_lanes *f, lanes r, int canonical) {
    const __m512i low46 = _mm512_srli_epi64(f->mask, 6);
    __m512i q = _mm512_srli_epi64(r.v[4], 46);
    UNROLL
    for (int i = 0; i < 3; i++) r.v[i] = _mm512_sub_epi64(r.v[i], _mm512_permutexvar_epi64(q, f->multiples[i]));
    // Limb 3 of p is zero and limb 4 is 2^46, so q·2^46 is all of the top
    // limb from bit 46 on.
    r.v[4] = _mm512_and_si512(r.v[4], low46);
    __mmask8 negative = _mm512_cmplt_epi64_mask(propagate(f, &r), _mm512_setzero_si512());
    // At or above 2^254 (normalized, the top limb at 2^46 or more): only
    // possibly p or more, which matters only for a canonical result.
    __mmask8 high = canonical ? _mm512_cmpgt_epi64_mask(r.v[4], low46) : 0;
    if (__builtin_expect((negative | high) != 0, 0)) {
        // Negative: the limbs hold r − q·p + 2^260, and adding p and
        // dropping the carry out of the top limb leaves r − q·p + p, below p.
        UNROLL
        for (int i = 0; i < 5; i++) r.v[i] = _mm512_mask_add_epi64(r.v[i], negative, r.v[i], f->p[i]);
        propagate(f, &r);
        if (canonical) r = reduce_once(f, r);
    }
    return r;
}

/// a - b mod p for a, b < p.
INLINE lanes subtract(const field_lanes *f, lanes a, lanes b) {
    lanes r;
    UNROLL
    for (int i = 0; i < 5; i++) r.v[i] = _mm512_sub_epi64(a.v[i], b.v[i]);
    // A borrow out of the top limb left a − b + 2^260; adding p and dropping
    // the carry out of the top limb leaves a − b + p.
    __mmask8 negative = _mm512_cmplt_epi64_mask(propagate(f, &r), _mm512_setzero_si512());
    UNROLL
    for (int i = 0; i < 5; i++) r.v[i] = _mm512_add_epi64(r.v[i], _mm512_maskz_mov_epi64(negative, f->p[i]));
    propagate(f, &r);
    return r;
}

/// a + b mod p for a, b < p.
INLINE lanes add(const field_lanes *f, lanes a, lanes b) {
    lanes r;
    UNROLL
    for (int i = 0; i < 5; i++) r.v[i] = _mm512_add_epi64(a.v[i], b.v[i]);
    propagate(f, &r);
    return reduce_once(f, r);
}

/// 4a as an integer (not reduced), for a < 2p: below 8p, so limbs stay 52
/// bits wide (the top one below 2^49), and its product with anything below
/// 2p stays within `multiply_lazy`'s bound.
INLINE lanes times_four(const field_lanes *f, lanes a) {
    lanes r;
    r.v[0] = _mm512_and_si512(_mm512_slli_epi64(a.v[0], 2), f->mask);
    UNROLL
    for (int i = 1; i < 5; i++)
        r.v[i] = _mm512_or_si512(_mm512_and_si512(_mm512_slli_epi64(a.v[i], 2), f->mask),
                                 _mm512_srli_epi64(a.v[i - 1], 50));
    return r;
}

/// Montgomery-reduces a double-width product t[0..9] (52-bit columns that
/// may hold a few bits of excess) by 2^260: t / 2^260 mod p, below 2p when
/// t < 2^513. Pasta's moduli are 2^254 + c with c < 2^126, so their limb 3
/// is zero and limb 4 is 2^46 (the header requires this shape): each step
/// multiplies m by three limbs instead of five and takes m · 2^46 as shifts.
/// Every step's m waits only on the column before it, so the chain is five
/// short steps rather than the twenty-five of operand scanning.
INLINE lanes montgomery_reduce(const field_lanes *f, __m512i t[10]) {
    const __m512i zero = _mm512_setzero_si512();
    UNROLL
    for (int i = 0; i < 5; i++) {
        __m512i m = _mm512_madd52lo_epu64(zero, t[i], f->inverse);
        t[i] = _mm512_madd52lo_epu64(t[i], f->p[0], m);
        t[i + 1] = _mm512_madd52hi_epu64(t[i + 1], f->p[0], m);
        t[i + 1] = _mm512_madd52lo_epu64(t[i + 1], f->p[1], m);
        t[i + 2] = _mm512_madd52hi_epu64(t[i + 2], f->p[1], m);
        t[i + 2] = _mm512_madd52lo_epu64(t[i + 2], f->p[2], m);
        t[i + 3] = _mm512_madd52hi_epu64(t[i + 3], f->p[2], m);
        t[i + 4] = _mm512_add_epi64(t[i + 4], _mm512_and_si512(_mm512_slli_epi64(m, 46), f->mask));
        t[i + 5] = _mm512_add_epi64(t[i + 5], _mm512_srli_epi64(m, 6));
        // Column i is now a multiple of 2^52: carry it into the next.
        t[i + 1] = _mm512_add_epi64(t[i + 1], _mm512_srli_epi64(t[i], 52));
    }
    lanes r;
    UNROLL
    for (int j = 5; j < 9; j++) {
        t[j + 1] = _mm512_add_epi64(t[j + 1], _mm512_srli_epi64(t[j], 52));
        r.v[j - 5] = _mm512_and_si512(t[j], f->mask);
    }
    r.v[4] = t[9];
    return r;
}

/// a · b / 2^260 mod p, below 2p (not reduced), for ab < 2^513 (such as
/// a < 2^257 and b < 2^256, or a < 8p and b < 2p) with 52-bit limbs:
/// ab / 2^260 < 2^253 < p, and the reduction adds less than p. Such a
/// result may go straight into another
/// multiplication. Each partial product's high half goes straight into
/// the column above its low half: one set of ten columns, none of whose
/// chains is longer than the 50 multiply-accumulates take to issue, and no
/// additions to merge a second set (4% of a doubling on Zen 4).
INLINE lanes multiply_lazy(const field_lanes *f, lanes a, lanes b) {
    __m512i t[10];
    UNROLL
    for (int k = 0; k < 10; k++) t[k] = _mm512_setzero_si512();
    UNROLL
    for (int i = 0; i < 5; i++)
        UNROLL
        for (int j = 0; j < 5; j++) {
            t[i + j] = _mm512_madd52lo_epu64(t[i + j], a.v[j], b.v[i]);
            t[i + j + 1] = _mm512_madd52hi_epu64(t[i + j + 1], a.v[j], b.v[i]);
        }
    return montgomery_reduce(f, t);
}

/// a² / 2^260 mod p, below 2p, for a < 2^256: each cross product once, in
/// columns that are doubled before the squares accumulate into them,
/// fifteen partial products instead of twenty-five.
INLINE lanes square_lazy(const field_lanes *f, lanes a) {
    __m512i cross[10], t[10];
    UNROLL
    for (int k = 0; k < 10; k++) cross[k] = _mm512_setzero_si512();
    UNROLL
    for (int i = 0; i < 5; i++)
        UNROLL
        for (int j = i + 1; j < 5; j++) {
            cross[i + j] = _mm512_madd52lo_epu64(cross[i + j], a.v[i], a.v[j]);
            cross[i + j + 1] = _mm512_madd52hi_epu64(cross[i + j + 1], a.v[i], a.v[j]);
        }
    UNROLL
    for (int i = 0; i < 5; i++) {
        t[2 * i] = _mm512_madd52lo_epu64(_mm512_add_epi64(cross[2 * i], cross[2 * i]), a.v[i], a.v[i]);
        t[2 * i + 1] = _mm512_madd52hi_epu64(_mm512_add_epi64(cross[2 * i + 1], cross[2 * i + 1]), a.v[i], a.v[i]);
    }
    return montgomery_reduce(f, t);
}

/// a · b / 2^260 mod p, reduced, under multiply_lazy's conditions.
INLINE lanes multiply(const field_lanes *f, lanes a, lanes b) { return reduce_once(f, multiply_lazy(f, a, b)); }

/// Four 64-bit words a lane to five 52-bit limbs.
INLINE lanes from_words(const field_lanes *f, __m512i w0, __m512i w1, __m512i w2, __m512i w3) {
    lanes r;
    r.v[0] = _mm512_and_si512(w0, f->mask);
    r.v[1] = _mm512_and_si512(_mm512_or_si512(_mm512_srli_epi64(w0, 52), _mm512_slli_epi64(w1, 12)), f->mask);
    r.v[2] = _mm512_and_si512(_mm512_or_si512(_mm512_srli_epi64(w1, 40), _mm512_slli_epi64(w2, 24)), f->mask);
    r.v[3] = _mm512_and_si512(_mm512_or_si512(_mm512_srli_epi64(w2, 28), _mm512_slli_epi64(w3, 36)), f->mask);
    r.v[4] = _mm512_srli_epi64(w3, 16);
    return r;
}

/// Five 52-bit limbs a lane (a value below 2^256) to four 64-bit words.
INLINE void to_words(lanes a, __m512i w[4]) {
    w[0] = _mm512_or_si512(a.v[0], _mm512_slli_epi64(a.v[1], 52));
    w[1] = _mm512_or_si512(_mm512_srli_epi64(a.v[1], 12), _mm512_slli_epi64(a.v[2], 40));
    w[2] = _mm512_or_si512(_mm512_srli_epi64(a.v[2], 24), _mm512_slli_epi64(a.v[3], 28));
    w[3] = _mm512_or_si512(_mm512_srli_epi64(a.v[3], 36), _mm512_slli_epi64(a.v[4], 16));
}

/// Four consecutive words at word index `at[lane] + offset` of `base` for
/// each lane, transposed so that w[i] holds word i of every lane. Zen 4
/// runs a 64-bit gather as microcode whose issue stalls everything behind
/// it; eight 256-bit loads and twelve shuffles do the same work in plain
/// instructions (the first pass of an addition round took 16% less time).
INLINE void load_transposed(const uint64_t *base, const long long at[PASTA_VECTOR_LANES], size_t offset, __m512i w[4]) {
    __m512i z[4];
    // Lanes l and l + 4 share a register: z[l] = (lane l's words, lane l + 4's).
    UNROLL
    for (int l = 0; l < 4; l++)
        z[l] = _mm512_inserti64x4(_mm512_castsi256_si512(_mm256_loadu_si256((const __m256i *)(base + at[l] + offset))),
                                  _mm256_loadu_si256((const __m256i *)(base + at[l + 4] + offset)), 1);
    // Words 0 and 2 (unpacklo), 1 and 3 (unpackhi) of lanes 0, 1 and of 2, 3
    // (and of 4, 5 and 6, 7 in the upper halves), then merged by lane.
    __m512i t0 = _mm512_unpacklo_epi64(z[0], z[1]), t1 = _mm512_unpackhi_epi64(z[0], z[1]);
    __m512i t2 = _mm512_unpacklo_epi64(z[2], z[3]), t3 = _mm512_unpackhi_epi64(z[2], z[3]);
    const __m512i first = _mm512_set_epi64(13, 12, 5, 4, 9, 8, 1, 0), second = _mm512_set_epi64(15, 14, 7, 6, 11, 10, 3, 2);
    w[0] = _mm512_permutex2var_epi64(t0, first, t2);
    w[2] = _mm512_permutex2var_epi64(t0, second, t2);
    w[1] = _mm512_permutex2var_epi64(t1, first, t3);
    w[3] = _mm512_permutex2var_epi64(t1, second, t3);
}

/// The element whose first word is at word index `at` of `base`, each lane
/// (through `load_transposed`: Zen 4 runs a 64-bit gather as microcode).
INLINE lanes gather(const field_lanes *f, const void *base, __m512i at) {
    long long index[PASTA_VECTOR_LANES];
    _mm512_storeu_si512((void *)index, at);
    __m512i w[4];
    load_transposed((const uint64_t *)base, index, 0, w);
    return from_words(f, w[0], w[1], w[2], w[3]);
}

/// Eight elements stored lane after lane, four words each, as
/// `write_totals` writes them (the lanes' totals and inverses, a kernel's
/// operands), through `load_transposed`: Zen 4 runs a 64-bit gather as
/// microcode.
INLINE lanes read_totals(const field_lanes *f, const uint64_t *words) {
    static const long long at[PASTA_VECTOR_LANES] = {0, 4, 8, 12, 16, 20, 24, 28};
    __m512i w[4];
    load_transposed(words, at, 0, w);
    return from_words(f, w[0], w[1], w[2], w[3]);
}

/// Writes the four words w[0..3] of each lane in `active` (word i of every
/// lane in w[i]) to word index `at[lane]` of `base` and on: the transpose
/// of `load_transposed`, eight 256-bit stores where a 64-bit scatter is
/// microcode on Zen 4.
INLINE void store_transposed(uint64_t *base, const long long at[PASTA_VECTOR_LANES], __mmask8 active,
                             const __m512i w[4]) {
    // Words 0, 1 (and 2, 3) of lanes 0, 2, 4, 6 and of lanes 1, 3, 5, 7.
    __m512i t0 = _mm512_unpacklo_epi64(w[0], w[1]), t1 = _mm512_unpackhi_epi64(w[0], w[1]);
    __m512i t2 = _mm512_unpacklo_epi64(w[2], w[3]), t3 = _mm512_unpackhi_epi64(w[2], w[3]);
    const __m512i low = _mm512_set_epi64(11, 10, 3, 2, 9, 8, 1, 0), high = _mm512_set_epi64(15, 14, 7, 6, 13, 12, 5, 4);
    // z[k] holds lane 2k in its lower half and lane 2k + 2 in its upper
    // (k = 0, 2) or lanes 2k − 1 and 2k + 1 (k = 1, 3), four words each.
    __m512i z[4] = {_mm512_permutex2var_epi64(t0, low, t2), _mm512_permutex2var_epi64(t1, low, t3),
                    _mm512_permutex2var_epi64(t0, high, t2), _mm512_permutex2var_epi64(t1, high, t3)};
    UNROLL
    for (int lane = 0; lane < PASTA_VECTOR_LANES; lane++) {
        if (!(active & (1u << lane))) continue;
        // Lane l is in z[(l % 2) + 2 * (l / 4)], half (l / 2) % 2.
        __m512i pair = z[(lane % 2) + 2 * (lane / 4)];
        __m256i words = (lane / 2) % 2 ? _mm512_extracti64x4_epi64(pair, 1) : _mm512_castsi512_si256(pair);
        _mm256_storeu_si256((__m256i *)(base + at[lane]), words);
    }
}

/// Writes each lane in `active` to the element at word index `at` of `base`.
INLINE void scatter(void *base, __mmask8 active, __m512i at, lanes a) {
    long long index[PASTA_VECTOR_LANES];
    _mm512_storeu_si512((void *)index, at);
    __m512i w[4];
    to_words(a, w);
    store_transposed((uint64_t *)base, index, active, w);
}

/// Zero in every lane.
INLINE lanes zero_lanes(void) {
    lanes r;
    UNROLL
    for (int i = 0; i < 5; i++) r.v[i] = _mm512_setzero_si512();
    return r;
}

INLINE void store(uint64_t *to, lanes a) {
    UNROLL
    for (int i = 0; i < 5; i++) _mm512_storeu_si512((void *)(to + i * PASTA_VECTOR_LANES), a.v[i]);
}

INLINE lanes load(const uint64_t *from) {
    lanes a;
    UNROLL
    for (int i = 0; i < 5; i++) a.v[i] = _mm512_loadu_si512((const void *)(from + i * PASTA_VECTOR_LANES));
    return a;
}

/// Each lane's value as four words, lane after lane.
INLINE void write_totals(lanes value, uint64_t *out) {
    __m512i w[4];
    to_words(value, w);
    uint64_t word[4][PASTA_VECTOR_LANES];
    UNROLL
    for (int i = 0; i < 4; i++) _mm512_storeu_si512((void *)word[i], w[i]);
    UNROLL
    for (int lane = 0; lane < PASTA_VECTOR_LANES; lane++)
        UNROLL
        for (int i = 0; i < 4; i++) out[lane * 4 + i] = word[i][lane];
}

/// A four-word constant in every lane, as limbs.
INLINE lanes broadcast_words(const field_lanes *f, const uint64_t *words) {
    return from_words(f, _mm512_set1_epi64((long long)words[0]), _mm512_set1_epi64((long long)words[1]),
                      _mm512_set1_epi64((long long)words[2]), _mm512_set1_epi64((long long)words[3]));
}

#endif
