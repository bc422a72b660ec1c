// Eight-lane Montgomery arithmetic over Pasta's fields with AVX-512 IFMA,
// and the chord rounds of Pippenger's buckets built on it. See the header
// for what each entry point expects; on processors without IFMA (and on
// other architectures) `pasta_vector_available` answers 0 and nothing else
// here may be called.
#include "pasta_vector.h"

#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

size_t pasta_vector_round_scratch_words(size_t count) {
    // Six five-limb vectors a slot of eight additions (see chord_forward).
    return (count + PASTA_VECTOR_LANES - 1) / PASTA_VECTOR_LANES * 6 * 5 * PASTA_VECTOR_LANES;
}

#if defined(__x86_64__)

#include <cpuid.h>
#include <immintrin.h>

static int detect(void) {
    unsigned a, b, c, d;
    if (!__get_cpuid(1, &a, &b, &c, &d) || !(c & (1u << 27))) return 0;  // OSXSAVE
    unsigned lo, hi;
    __asm__ volatile("xgetbv" : "=a"(lo), "=d"(hi) : "c"(0));
    // The OS saves SSE, AVX, the opmask registers and all of ZMM.
    if ((lo & 0xe6u) != 0xe6u) return 0;
    if (__get_cpuid_max(0, 0) < 7) return 0;
    __cpuid_count(7, 0, a, b, c, d);
    int avx512f = (b >> 16) & 1, ifma = (b >> 21) & 1;
    if (!avx512f || !ifma) return 0;
    const char *setting = getenv("PASTA_VECTOR_ARITHMETIC");
    if (setting != NULL && strcmp(setting, "0") == 0) return 0;
    return 1;
}

int pasta_vector_available(void) {
    static atomic_int state = -1;  // unknown until the first call; racing callers agree
    int known = atomic_load_explicit(&state, memory_order_relaxed);
    if (known >= 0) return known;
    known = detect();
    atomic_store_explicit(&state, known, memory_order_relaxed);
    return known;
}

#include "lanes.h"

/// Slot s's word indices of points and buckets, its negations and which of
/// its lanes hold an addition; a short last slot repeats its first addition
/// in the others (read, never written) so that every lane's denominator is
/// nonzero.
typedef struct {
    __m512i point;
    __m512i bucket;
    __mmask8 negated;
    __mmask8 active;
} slot_indices;

INLINE slot_indices indices(pasta_point_layout layout, const pasta_bucket_addition *additions, size_t count,
                            size_t slot) {
    long long point[PASTA_VECTOR_LANES], bucket[PASTA_VECTOR_LANES];
    slot_indices s = {.negated = 0, .active = 0};
    size_t first = slot * PASTA_VECTOR_LANES;
    for (int lane = 0; lane < PASTA_VECTOR_LANES; lane++) {
        size_t k = first + (size_t)lane;
        const pasta_bucket_addition *a = k < count ? &additions[k] : &additions[first];
        point[lane] = (long long)a->point;
        bucket[lane] = (long long)a->bucket;
        if (k < count) s.active |= (__mmask8)(1u << lane);
        if (a->negated) s.negated |= (__mmask8)(1u << lane);
    }
    // Indices are below 2^31 and strides small: a 32 × 32-bit product each.
    __m512i stride = _mm512_set1_epi64((long long)layout.stride);
    s.point = _mm512_mul_epu32(_mm512_loadu_si512((const void *)point), stride);
    s.bucket = _mm512_mul_epu32(_mm512_loadu_si512((const void *)bucket), stride);
    return s;
}

/// What the second pass reads of a slot, in this order, five limb vectors each.
enum { PRODUCT_BEFORE, DX, DY, PX, PY, X_SUM, SLOT_ELEMENTS };

/// Keeps slot `slot`'s values for the second pass (the lanes' product of
/// the denominators before this slot, the denominator, the rise, px, py
/// and the sum of the x coordinates the new x subtracts) and returns the
/// product with this slot's denominator.
INLINE lanes keep_slot(const field_lanes *f, uint64_t *scratch, size_t slot, lanes product, lanes denominator,
                       lanes rise, lanes px, lanes py, lanes x_sum) {
    uint64_t *out = scratch + slot * SLOT_ELEMENTS * 5 * PASTA_VECTOR_LANES;
    store(out + PRODUCT_BEFORE * 5 * PASTA_VECTOR_LANES, product);
    store(out + DX * 5 * PASTA_VECTOR_LANES, denominator);
    store(out + DY * 5 * PASTA_VECTOR_LANES, rise);
    store(out + PX * 5 * PASTA_VECTOR_LANES, px);
    store(out + PY * 5 * PASTA_VECTOR_LANES, py);
    store(out + X_SUM * 5 * PASTA_VECTOR_LANES, x_sum);
    return multiply_lazy(f, product, denominator);
}

KERNEL void pasta_vector_chord_forward(const pasta_vector_field *field, pasta_point_layout layout,
                                       const void *points, const void *buckets,
                                       const pasta_bucket_addition *additions, size_t count,
                                       uint64_t *scratch, uint64_t *totals) {
    const field_lanes f = broadcast(field);
    const __m512i x = _mm512_set1_epi64((long long)layout.x), y = _mm512_set1_epi64((long long)layout.y);
    // Each lane's running product of denominators, starting from 1 (any
    // nonzero start works: the second pass divides it out again).
    lanes product = {{_mm512_set1_epi64(1), _mm512_setzero_si512(), _mm512_setzero_si512(),
                      _mm512_setzero_si512(), _mm512_setzero_si512()}};
    const lanes zero = zero_lanes();
    size_t slots = (count + PASTA_VECTOR_LANES - 1) / PASTA_VECTOR_LANES;
    for (size_t slot = 0; slot < slots; slot++) {
        slot_indices s = indices(layout, additions, count, slot);
        lanes px = gather(&f, buckets, _mm512_add_epi64(s.bucket, x));
        lanes py = gather(&f, buckets, _mm512_add_epi64(s.bucket, y));
        lanes qx = gather(&f, points, _mm512_add_epi64(s.point, x));
        lanes qy = gather(&f, points, _mm512_add_epi64(s.point, y));
        lanes negated = subtract(&f, zero, qy);
        UNROLL
        for (int i = 0; i < 5; i++) qy.v[i] = _mm512_mask_blend_epi64(s.negated, qy.v[i], negated.v[i]);
        lanes dx = subtract(&f, qx, px);
        product = keep_slot(&f, scratch, slot, product, dx, subtract(&f, qy, py), px, py, add(&f, px, qx));
    }
    write_totals(reduce_once(&f, product), totals);
}

KERNEL void pasta_vector_tangent_forward(const pasta_vector_field *field, pasta_point_layout layout,
                                         const void *points, const pasta_bucket_addition *doublings,
                                         size_t count, uint64_t *scratch, uint64_t *totals) {
    const field_lanes f = broadcast(field);
    const __m512i x = _mm512_set1_epi64((long long)layout.x), y = _mm512_set1_epi64((long long)layout.y);
    lanes product = {{_mm512_set1_epi64(1), _mm512_setzero_si512(), _mm512_setzero_si512(),
                      _mm512_setzero_si512(), _mm512_setzero_si512()}};
    size_t slots = (count + PASTA_VECTOR_LANES - 1) / PASTA_VECTOR_LANES;
    for (size_t slot = 0; slot < slots; slot++) {
        slot_indices s = indices(layout, doublings, count, slot);
        lanes px = gather(&f, points, _mm512_add_epi64(s.bucket, x));
        lanes py = gather(&f, points, _mm512_add_epi64(s.bucket, y));
        // The tangent's slope is 3x²/(2y): the denominator is y, and x² takes
        // the place of the chord's rise, the 3/2 and the 2^260 products'
        // factors in the caller's scaled inverse (see the header).
        product = keep_slot(&f, scratch, slot, product, py, square_lazy(&f, px), px, py, add(&f, px, px));
    }
    write_totals(reduce_once(&f, product), totals);
}

/// The chord's sum from its slope, as the second passes make it (see
/// `second_pass`): x3 = slope² − x_sum, y3 = slope·(px − x3) − py.
INLINE void chord_from_slope(const field_lanes *f, lanes slope, lanes px, lanes py, lanes x_sum, lanes *x3, lanes *y3) {
    *x3 = subtract(f, reduce_once(f, square_lazy(f, slope)), x_sum);
    lanes run = subtract(f, px, *x3);
    *y3 = subtract(f, multiply(f, times_four(f, run), slope), py);
}

/// The second pass of a chord or tangent round, writing each sum into its
/// bucket, and for a butterfly round (`differences` not NULL) each
/// difference buckets[a.bucket] − points[a.point] into differences[a.point]:
/// the two chords share their run, so one inverted element serves both.
INLINE void second_pass(const pasta_vector_field *field, pasta_point_layout layout, void *buckets, void *differences,
                        const pasta_bucket_addition *additions, size_t count, const uint64_t *scratch,
                        const uint64_t *inverses) {
    const field_lanes f = broadcast(field);
    const __m512i x = _mm512_set1_epi64((long long)layout.x), y = _mm512_set1_epi64((long long)layout.y);
    const lanes zero = zero_lanes();
    // The running inverse: lane l starts from inverses[4l ...].
    lanes inverse = read_totals(&f, inverses);
    size_t slots = (count + PASTA_VECTOR_LANES - 1) / PASTA_VECTOR_LANES;
    for (size_t slot = slots; slot-- > 0;) {
        const uint64_t *in = scratch + slot * SLOT_ELEMENTS * 5 * PASTA_VECTOR_LANES;
        lanes dx = load(in + DX * 5 * PASTA_VECTOR_LANES);
        // With the caller's 64·R²-scaled inverse, this is 64·R²/dx in the
        // 2^260 multiplication, which makes the slope 4·R·λ: its square is
        // R·λ² and its product with 4·R·(px − x3) is R·λ·(px − x3), both in
        // the R = 2^256 form the points are stored in.
        lanes element_inverse = multiply_lazy(&f, inverse, load(in + PRODUCT_BEFORE * 5 * PASTA_VECTOR_LANES));
        inverse = multiply_lazy(&f, inverse, dx);
        lanes dy = load(in + DY * 5 * PASTA_VECTOR_LANES), px = load(in + PX * 5 * PASTA_VECTOR_LANES);
        lanes py = load(in + PY * 5 * PASTA_VECTOR_LANES), x_sum = load(in + X_SUM * 5 * PASTA_VECTOR_LANES);
        lanes x3, y3;
        chord_from_slope(&f, multiply_lazy(&f, dy, element_inverse), px, py, x_sum, &x3, &y3);
        slot_indices s = indices(layout, additions, count, slot);
        scatter(buckets, s.active, _mm512_add_epi64(s.bucket, x), x3);
        scatter(buckets, s.active, _mm512_add_epi64(s.bucket, y), y3);
        if (differences != NULL) {
            // P − Q over the rise −qy − py = −(dy + 2py), with the same run.
            lanes fall = subtract(&f, zero, add(&f, dy, add(&f, py, py)));
            chord_from_slope(&f, multiply_lazy(&f, fall, element_inverse), px, py, x_sum, &x3, &y3);
            scatter(differences, s.active, _mm512_add_epi64(s.point, x), x3);
            scatter(differences, s.active, _mm512_add_epi64(s.point, y), y3);
        }
    }
}

KERNEL void pasta_vector_chord_backward(const pasta_vector_field *field, pasta_point_layout layout,
                                        void *buckets, const pasta_bucket_addition *additions,
                                        size_t count, const uint64_t *scratch, const uint64_t *inverses) {
    second_pass(field, layout, buckets, NULL, additions, count, scratch, inverses);
}

KERNEL void pasta_vector_butterfly_backward(const pasta_vector_field *field, pasta_point_layout layout,
                                            void *buckets, void *points, const pasta_bucket_addition *additions,
                                            size_t count, const uint64_t *scratch, const uint64_t *inverses) {
    second_pass(field, layout, buckets, points, additions, count, scratch, inverses);
}

KERNEL void pasta_vector_multiply(const pasta_vector_field *field, const uint64_t *a, const uint64_t *b,
                                  uint64_t *out) {
    const field_lanes f = broadcast(field);
    write_totals(multiply(&f, read_totals(&f, a), read_totals(&f, b)), out);
}

KERNEL void pasta_vector_power(const pasta_vector_field *field, const uint64_t *bases, const uint64_t *exponent,
                               const uint64_t *constants, uint64_t *out) {
    const field_lanes f = broadcast(field);
    // Into the kernels' own Montgomery form (R = 2^260) and out again at the
    // end, so that every product of the chain stays in one form.
    const lanes into = broadcast_words(&f, constants), out_of = broadcast_words(&f, constants + 4);
    const lanes one = broadcast_words(&f, constants + 8);
    lanes table[16];
    table[0] = one;
    table[1] = multiply_lazy(&f, read_totals(&f, bases), into);
    for (int i = 2; i < 16; i++) table[i] = multiply_lazy(&f, table[i - 1], table[1]);
    // Fixed 4-bit windows from the top; every value stays below 2p, which
    // the lazy multiplication and squaring both accept.
#define DIGIT(window) ((unsigned)(exponent[(window) / 16] >> (4 * ((window) % 16))) & 15u)
    int top = 63;
    while (top > 0 && DIGIT(top) == 0) top--;
    lanes result = table[DIGIT(top)];
    for (int window = top - 1; window >= 0; window--) {
        UNROLL
        for (int i = 0; i < 4; i++) result = square_lazy(&f, result);
        if (DIGIT(window) != 0) result = multiply_lazy(&f, result, table[DIGIT(window)]);
    }
#undef DIGIT
    write_totals(reduce_once(&f, multiply_lazy(&f, result, out_of)), out);
}

KERNEL void pasta_vector_reduce(const pasta_vector_field *field, const uint64_t *limbs, int canonical, uint64_t *out) {
    const field_lanes f = broadcast(field);
    write_totals(reduce_by_quotient(&f, load(limbs), canonical), out);
}

KERNEL void pasta_vector_square(const pasta_vector_field *field, const uint64_t *a, uint64_t *out) {
    const field_lanes f = broadcast(field);
    write_totals(reduce_once(&f, square_lazy(&f, read_totals(&f, a))), out);
}

#else  // not x86_64: no eight-lane kernels; callers check availability first.

int pasta_vector_available(void) { return 0; }

void pasta_vector_chord_forward(const pasta_vector_field *field, pasta_point_layout layout,
                                const void *points, const void *buckets,
                                const pasta_bucket_addition *additions, size_t count,
                                uint64_t *scratch, uint64_t *totals) {
    (void)field, (void)layout, (void)points, (void)buckets, (void)additions, (void)count, (void)scratch, (void)totals;
    abort();
}

void pasta_vector_tangent_forward(const pasta_vector_field *field, pasta_point_layout layout,
                                  const void *points, const pasta_bucket_addition *doublings,
                                  size_t count, uint64_t *scratch, uint64_t *totals) {
    (void)field, (void)layout, (void)points, (void)doublings, (void)count, (void)scratch, (void)totals;
    abort();
}

void pasta_vector_chord_backward(const pasta_vector_field *field, pasta_point_layout layout,
                                 void *buckets, const pasta_bucket_addition *additions,
                                 size_t count, const uint64_t *scratch, const uint64_t *inverses) {
    (void)field, (void)layout, (void)buckets, (void)additions, (void)count, (void)scratch, (void)inverses;
    abort();
}

void pasta_vector_butterfly_backward(const pasta_vector_field *field, pasta_point_layout layout,
                                     void *buckets, void *points, const pasta_bucket_addition *additions,
                                     size_t count, const uint64_t *scratch, const uint64_t *inverses) {
    (void)field, (void)layout, (void)buckets, (void)points, (void)additions, (void)count, (void)scratch, (void)inverses;
    abort();
}

void pasta_vector_multiply(const pasta_vector_field *field, const uint64_t *a, const uint64_t *b,
                           uint64_t *out) {
    (void)field, (void)a, (void)b, (void)out;
    abort();
}

void pasta_vector_square(const pasta_vector_field *field, const uint64_t *a, uint64_t *out) {
    (void)field, (void)a, (void)out;
    abort();
}

void pasta_vector_power(const pasta_vector_field *field, const uint64_t *bases, const uint64_t *exponent,
                        const uint64_t *constants, uint64_t *out) {
    (void)field, (void)bases, (void)exponent, (void)constants, (void)out;
    abort();
}

void pasta_vector_reduce(const pasta_vector_field *field, const uint64_t *limbs, int canonical, uint64_t *out) {
    (void)field, (void)limbs, (void)canonical, (void)out;
    abort();
}

#endif
