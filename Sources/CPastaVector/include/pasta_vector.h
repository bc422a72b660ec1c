// Eight-lane field arithmetic for Pasta's batch-affine rounds, with AVX-512
// IFMA (52-bit multiply-accumulate) where the processor has it.
//
// Field elements cross this interface as Swift stores them: four 64-bit
// words, least significant first, in Montgomery form with R = 2^256. Inside,
// a lane holds five 52-bit limbs and multiplies with R = 2^260; the Swift
// caller folds the ratio of the two Rs into the constants it passes (see
// BatchAffine+UnsafeVectorRounds.swift), so nothing is converted but the limbs.
#ifndef PASTA_VECTOR_H
#define PASTA_VECTOR_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// A prime field for the eight-lane kernels: its modulus p in five 52-bit
/// limbs, least significant first, and -p^-1 mod 2^52. The kernels take p
/// to have Pasta's shape, 2^254 + c with c < 2^156: limb 3 is zero and
/// limb 4 is 2^46, which their Montgomery reduction uses as shifts.
typedef struct {
    uint64_t modulus[5];
    uint64_t inverse;
} pasta_vector_field;

/// One addition of a bucket round: points[point], negated when `negated`
/// is nonzero, added into buckets[bucket].
typedef struct {
    int32_t point;
    int32_t bucket;
    uint8_t negated;
} pasta_bucket_addition;

/// Where the coordinates are in an array of points: consecutive points are
/// `stride` words apart and a point's x and y start `x` and `y` words in.
typedef struct {
    size_t stride;
    size_t x;
    size_t y;
} pasta_point_layout;

/// The lanes a round is spread over.
#define PASTA_VECTOR_LANES 8

/// Nonzero when this processor and its operating system run the
/// eight-lane kernels (AVX-512 F and IFMA, with the vector state enabled)
/// and PASTA_VECTOR_ARITHMETIC is not set to 0 in the environment.
/// Decided once, on the first call.
int pasta_vector_available(void);

/// The scratch words a round of `count` additions needs.
size_t pasta_vector_round_scratch_words(size_t count);

/// The first pass of a chord round: gathers every addition's coordinates,
/// keeps what the second pass needs in `scratch`, and writes each lane's
/// product of denominators (qx - px) to `totals[lane * 4 ...]`, four
/// Montgomery words a lane.
///
/// A lane's total is zero exactly when one of its additions has equal x
/// coordinates (P + P or P + (-P)), which callers that cannot rule those
/// out check for: the chord does not apply there, and the second pass
/// must not run.
///
/// The caller guarantees: `pasta_vector_available()`; `count` > 0; every
/// addition's bucket is distinct and finite and its point finite; the
/// indices are within `points` and `buckets`; `scratch` holds
/// `pasta_vector_round_scratch_words(count)` words and `totals` 32.
void pasta_vector_chord_forward(const pasta_vector_field *field, pasta_point_layout layout,
                                const void *points, const void *buckets,
                                const pasta_bucket_addition *additions, size_t count,
                                uint64_t *scratch, uint64_t *totals);

/// The first pass of a tangent round, which doubles points[d.bucket] for
/// every d of `doublings` (their `point` and `negated` are not read), in
/// place: as `pasta_vector_chord_forward`, the denominators being the y
/// coordinates. Its second pass is `pasta_vector_chord_backward` with
/// `buckets` = `points` and `additions` = `doublings`, and inverses scaled
/// by 1536 instead of 64.
///
/// The caller guarantees: `pasta_vector_available()`; `count` > 0; the
/// points distinct, finite, with y ≠ 0, and within `points`; the scratch
/// and totals as for the chord.
void pasta_vector_tangent_forward(const pasta_vector_field *field, pasta_point_layout layout,
                                  const void *points, const pasta_bucket_addition *doublings,
                                  size_t count, uint64_t *scratch, uint64_t *totals);

/// The second pass: given `inverses[lane * 4 ...]`, each lane's 64 · R² /
/// total for a chord round (1536 · R² / total for a tangent round), in the
/// words the first pass wrote the totals in, writes every bucket's sum with
/// its point (every point's double).
///
/// The caller guarantees what it did for the first pass, with the same
/// arguments and the scratch that pass filled; every total was nonzero;
/// and `inverses` holds 32 words.
void pasta_vector_chord_backward(const pasta_vector_field *field, pasta_point_layout layout,
                                 void *buckets, const pasta_bucket_addition *additions,
                                 size_t count, const uint64_t *scratch, const uint64_t *inverses);

/// The second pass of a butterfly round: the first is
/// `pasta_vector_chord_forward` with every addition's `negated` zero, and
/// with the same inverses this writes buckets[a.bucket] + points[a.point]
/// into the bucket and buckets[a.bucket] − points[a.point] into the point
/// for every addition a. The two chords share their run qx − px, so one
/// inverted denominator serves both.
///
/// The caller guarantees what `pasta_vector_chord_backward` requires, with
/// no two additions naming the same point.
void pasta_vector_butterfly_backward(const pasta_vector_field *field, pasta_point_layout layout,
                                     void *buckets, void *points, const pasta_bucket_addition *additions,
                                     size_t count, const uint64_t *scratch, const uint64_t *inverses);

/// Eight powers at once: out[i] = bases[i]^e, bases and out in the Swift
/// form (four Montgomery words a lane, R = 2^256), e the four words of
/// `exponent`, least significant first. A chain of one exponentiation is a
/// few hundred dependent multiplications, so this is for many
/// exponentiations with the same exponent, such as square roots.
/// `constants` holds twelve words: the Montgomery words of 256, of 1 and
/// of 16 (which are 2^264, 2^256 and 2^260 mod p as plain integers, what
/// the kernel needs to move between R = 2^256 and its own R = 2^260).
///
/// The caller guarantees `pasta_vector_available()`; every base below p.
void pasta_vector_power(const pasta_vector_field *field, const uint64_t *bases, const uint64_t *exponent,
                        const uint64_t *constants, uint64_t *out);

/// Montgomery multiplication with R = 2^260 of eight pairs, lane by lane,
/// for tests: a, b and out hold eight values of four words each, a and b
/// below 2^256 but not necessarily below p (the kernels multiply results
/// below 2p without reducing them first). out[i] = a[i] · b[i] / 2^260
/// mod p, fully reduced.
///
/// The caller guarantees `pasta_vector_available()`.
void pasta_vector_multiply(const pasta_vector_field *field, const uint64_t *a, const uint64_t *b,
                           uint64_t *out);

/// The kernels' reduction of sums and differences below 7p (as the
/// chord's and the tangent's coordinates come out) by their estimated
/// quotient, for tests: `limbs` holds eight values as five limbs each,
/// limb i of lane l at limbs[i * 8 + l], as signed 64-bit words that need
/// not be normalized; `out` gets the eight results of four words each,
/// below p when `canonical` is nonzero and else below 2p.
///
/// The caller guarantees `pasta_vector_available()`; every value below
/// 2^257 (7p is); limbs 0 to 3 below 2^56 in magnitude; limb 4 not
/// negative and below 2^49.
void pasta_vector_reduce(const pasta_vector_field *field, const uint64_t *limbs, int canonical, uint64_t *out);

/// As `pasta_vector_multiply` with b = a, through the kernels' squaring.
///
/// The caller guarantees `pasta_vector_available()`.
void pasta_vector_square(const pasta_vector_field *field, const uint64_t *a, uint64_t *out);

/// Accumulators kept in the kernels' own layout across the rounds of a
/// batch of Straus combinations: slot s (lanes 8s to 8s + 7) is 80 words,
/// x then y, each as five vectors of one 52-bit limb for the eight lanes.
/// Their values are the Swift form's (Montgomery with R = 2^256), x below p
/// and y below 2p: the formulas reduce y one step less, and `read` and
/// `store` reduce it.
/// Which lanes are finite is the caller's `live` array, one byte a slot
/// with bit l for lane l; a lane that is not live holds the identity, and
/// its words are not read.
///
/// Keeping them there saves what the bucket rounds pay per element and
/// round: reading each accumulator's index, gathering and converting its
/// coordinates, keeping six values for the second pass, and scattering the
/// result back.

/// The words of the accumulators of `count` combinations.
size_t pasta_vector_accumulator_words(size_t count);

/// The scratch words an addition or doubling round over them needs.
size_t pasta_vector_accumulator_scratch_words(size_t count);

/// Which table entry each combination adds in one round: combination c adds
/// entry point · entries_per_point + |digit| - 1 of the table, negated when
/// digit < 0, where digit = digits[c * digit_stride] and point =
/// points[c * point_stride]; nothing when the digit is zero or the point
/// is negative. Digits consecutive or shared (digit_stride 1 or 0) with
/// point_stride 1 or 2 are read a slot at a time; other strides lane by
/// lane.
typedef struct {
    const int8_t *digits;
    size_t digit_stride;
    const int32_t *points;
    size_t point_stride;
    size_t entries_per_point;
} pasta_entry_selection;

/// The first pass of an addition round: every live accumulator whose entry
/// differs from it in x gets that entry by the chord; a combination still
/// at the identity takes its entry now (its lane becomes live); one whose
/// entry has its x coordinate (P + P or P + (-P), where the chord does not
/// apply) is left as it is and its index written to `exceptions`, for the
/// caller to finish with the exact formulas after the second pass. Writes
/// each lane's product of denominators to `totals` as the chord round does
/// (no lane's is zero) and the number of exceptions to `exception_count`.
/// `x_factor` is NULL, or the four Montgomery words of 16 * xi for a field
/// element xi: every entry is then read as (xi * x, y), which with the
/// curve's cube root of unity is the endomorphism phi of Straus's second
/// GLV half, taken on the way in rather than stored in a second table.
///
/// - Returns: the number of chords the second pass will add; with none it
///   need not run.
///
/// The caller guarantees: `pasta_vector_available()`; `accumulators`,
/// `live` and `scratch` sized for `count` by the functions above; every
/// selected entry within `table`, finite and below p in both coordinates;
/// `exceptions` holds `count` indices and `totals` 32 words.
size_t pasta_vector_accumulators_add_forward(const pasta_vector_field *field, pasta_point_layout layout,
                                             const void *table, pasta_entry_selection selection, size_t count,
                                             const uint64_t *x_factor, uint64_t *accumulators, uint8_t *live,
                                             uint64_t *scratch, uint64_t *totals, int32_t *exceptions,
                                             size_t *exception_count);

/// The second pass of an addition round: given `inverses` as for the chord
/// round (64 · R^2 / total, 32 words), writes each chord's sum.
///
/// The caller guarantees what it did for the first pass, with the same
/// `accumulators`, `count` and the scratch that pass filled, and that
/// nothing has touched the accumulators since.
void pasta_vector_accumulators_add_backward(const pasta_vector_field *field, uint64_t *accumulators, size_t count,
                                            const uint64_t *scratch, const uint64_t *inverses);

/// The first pass of a doubling round over the live accumulators (the
/// denominators are their y coordinates, never zero on Pasta's prime-order
/// curves). Writes the lanes' totals as the chord round does.
///
/// - Returns: the number of live accumulators; with none the second pass
///   need not run.
///
/// The caller guarantees: `pasta_vector_available()`; the buffers sized
/// for `count`; `totals` holds 32 words.
size_t pasta_vector_accumulators_double_forward(const pasta_vector_field *field, const uint64_t *accumulators,
                                                const uint8_t *live, size_t count, uint64_t *scratch,
                                                uint64_t *totals);

/// The second pass of a doubling round: given `inverses` scaled by 1536
/// (as for the tangent round), doubles every live accumulator.
///
/// The caller guarantees what it did for the first pass, with the scratch
/// that pass filled and nothing changed since.
void pasta_vector_accumulators_double_backward(const pasta_vector_field *field, uint64_t *accumulators,
                                               const uint8_t *live, size_t count, const uint64_t *scratch,
                                               const uint64_t *inverses);

/// Fused rounds: the last doubling of a window and its first addition as
/// one 2P + Q (Eisenträger, Lauter and Montgomery), which never needs the y
/// of P + Q nor the square of the tangent's numerator: one multiplication
/// and one squaring fewer than a doubling round and an addition round. The
/// first round is `pasta_vector_accumulators_add_forward` (whose scratch
/// also marks the live lanes that add nothing, "idle") and then
/// `double_add_first_backward`, which leaves the accumulators as they are
/// and writes x3 of R = P + Q and the chord's slope to `partial`. The second
/// round (`double_add_second_forward`, then `double_add_second_backward`)
/// adds R + P by the chord through x3 and λ2 = −λ1 − 2py / (x3 − px), and
/// doubles the idle lanes by the tangent in the same round. Lanes whose
/// entry the first pass took (the identity until then) are done after it.
/// The first pass's exceptions (Q = ±P) and the second's (R = −P, so
/// 2P + Q is the identity) are left as they were for the caller to finish
/// with the exact formulas.
///
/// `partial` holds `pasta_vector_accumulator_words(count)` words. The first
/// backward pass takes `inverses` as the addition round's (64 · R^2 / total).
///
/// The caller guarantees: what `add_backward` needs, with the scratch the
/// first pass filled and nothing changed since.
void pasta_vector_accumulators_double_add_first_backward(const pasta_vector_field *field,
                                                         const uint64_t *accumulators, size_t count,
                                                         const uint64_t *scratch, const uint64_t *inverses,
                                                         uint64_t *partial);

/// The fused round's second first pass: over the lanes the first round
/// added by the chord (minus those whose x3 equals px, written to
/// `exceptions`, their number to `exception_count`) and its idle lanes;
/// `tangent_factor` is the four Montgomery words of 384. Writes the lanes'
/// totals as the chord round does.
///
/// - Returns: the number of lanes the second pass will change; with none it
///   need not run.
///
/// The caller guarantees: the first round's two passes ran on these
/// buffers (the backward one if the forward one returned chords) and nothing
/// changed since; `exceptions` has room for `count` indices.
size_t pasta_vector_accumulators_double_add_second_forward(const pasta_vector_field *field,
                                                           const uint64_t *accumulators, size_t count,
                                                           uint64_t *scratch, const uint64_t *partial,
                                                           const uint64_t *tangent_factor, uint64_t *totals,
                                                           int32_t *exceptions, size_t *exception_count);

/// The fused round's last pass: given `inverses` as for the chord round,
/// writes 2P + Q to the fused lanes and 2P to the idle ones.
///
/// The caller guarantees what it did for the second forward pass, with
/// the scratch that pass filled and nothing changed since.
void pasta_vector_accumulators_double_add_second_backward(const pasta_vector_field *field,
                                                          uint64_t *accumulators, size_t count,
                                                          const uint64_t *scratch, const uint64_t *partial,
                                                          const uint64_t *inverses);

/// Reads accumulator `index` as eight words: x, then y, each four
/// Montgomery words below p. Plain C, but only meaningful beside the
/// kernels.
///
/// The caller guarantees `index` is within the accumulators.
void pasta_vector_accumulator_read(const pasta_vector_field *field, const uint64_t *accumulators, size_t index,
                                   uint64_t *out);

/// Writes accumulator `index` from eight words as `read` gives them, each
/// coordinate below p.
///
/// The caller guarantees `index` is within the accumulators.
void pasta_vector_accumulator_write(uint64_t *accumulators, size_t index, const uint64_t *words);

/// Writes the coordinates of every live accumulator c, below p, into the
/// point at index first + c * spacing of `points` (laid out as `layout` says),
/// leaving everything else of those points as it was: a table of multiples
/// stores one multiple of every point per call this way.
///
/// The caller guarantees: `pasta_vector_available()`; every written point
/// within `points`; no two accumulators written to the same point.
void pasta_vector_accumulators_store(const pasta_vector_field *field, const uint64_t *accumulators,
                                     const uint8_t *live, size_t count, pasta_point_layout layout, void *points,
                                     size_t first, size_t spacing);

#ifdef __cplusplus
}
#endif

#endif
