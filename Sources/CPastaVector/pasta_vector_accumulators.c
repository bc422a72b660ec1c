// The rounds of Straus combinations over accumulators kept in the kernels'
// own layout (see the header): additions of table entries and doublings,
// each in two passes around one shared inversion that the caller does.
#include "pasta_vector.h"

#include <stdlib.h>

/// Words of one slot of accumulators: x and y, five limb vectors each; x
/// below p, y below 2p (see the header).
#define ACCUMULATOR_SLOT_WORDS (10 * PASTA_VECTOR_LANES)
/// Words of one slot of an addition round's scratch: the slope's
/// numerator dy times the product of the denominators before the slot, and
/// dx (five limb vectors each), then the chord lanes' and the idle lanes'
/// masks (see `set_masks`).
#define ADDITION_SLOT_WORDS (11 * PASTA_VECTOR_LANES)
#define MASK_WORD (10 * PASTA_VECTOR_LANES)
/// Words of one slot of a doubling round's scratch: x² times the product of
/// the denominators before the slot.
#define DOUBLING_SLOT_WORDS (5 * PASTA_VECTOR_LANES)

static size_t slots_of(size_t count) { return (count + PASTA_VECTOR_LANES - 1) / PASTA_VECTOR_LANES; }

size_t pasta_vector_accumulator_words(size_t count) { return slots_of(count) * ACCUMULATOR_SLOT_WORDS; }

size_t pasta_vector_accumulator_scratch_words(size_t count) { return slots_of(count) * ADDITION_SLOT_WORDS; }

void pasta_vector_accumulator_read(const pasta_vector_field *field, const uint64_t *accumulators, size_t index,
                                   uint64_t *out) {
    const uint64_t *slot = accumulators + index / PASTA_VECTOR_LANES * ACCUMULATOR_SLOT_WORDS;
    size_t lane = index % PASTA_VECTOR_LANES;
    const uint64_t mask = (1ULL << 52) - 1;
    for (int coordinate = 0; coordinate < 2; coordinate++) {
        uint64_t limb[5];
        for (int i = 0; i < 5; i++) limb[i] = slot[(coordinate * 5 + i) * PASTA_VECTOR_LANES + lane];
        // y may be below 2p rather than p: subtract p when that leaves no borrow.
        uint64_t reduced[5];
        int64_t borrow = 0;
        for (int i = 0; i < 5; i++) {
            int64_t t = (int64_t)limb[i] - (int64_t)field->modulus[i] + borrow;
            reduced[i] = (uint64_t)t & mask;
            borrow = t >> 52;
        }
        if (borrow == 0)
            for (int i = 0; i < 5; i++) limb[i] = reduced[i];
        uint64_t *w = out + 4 * coordinate;
        w[0] = limb[0] | limb[1] << 52;
        w[1] = limb[1] >> 12 | limb[2] << 40;
        w[2] = limb[2] >> 24 | limb[3] << 28;
        w[3] = limb[3] >> 36 | limb[4] << 16;
    }
}

void pasta_vector_accumulator_write(uint64_t *accumulators, size_t index, const uint64_t *words) {
    uint64_t *slot = accumulators + index / PASTA_VECTOR_LANES * ACCUMULATOR_SLOT_WORDS;
    size_t lane = index % PASTA_VECTOR_LANES;
    const uint64_t mask = (1ULL << 52) - 1;
    for (int coordinate = 0; coordinate < 2; coordinate++) {
        const uint64_t *w = words + 4 * coordinate;
        uint64_t limb[5] = {w[0] & mask, (w[0] >> 52 | w[1] << 12) & mask, (w[1] >> 40 | w[2] << 24) & mask,
                            (w[2] >> 28 | w[3] << 36) & mask, w[3] >> 16};
        for (int i = 0; i < 5; i++) slot[(coordinate * 5 + i) * PASTA_VECTOR_LANES + lane] = limb[i];
    }
}

#if defined(__x86_64__)

#include "lanes.h"

/// The value 1 as limbs (not Montgomery's 1): a nonzero denominator for the
/// lanes a round leaves alone, which the second pass divides out again.
INLINE lanes plain_one(void) {
    lanes r = {{_mm512_set1_epi64(1), _mm512_setzero_si512(), _mm512_setzero_si512(), _mm512_setzero_si512(),
                _mm512_setzero_si512()}};
    return r;
}

INLINE lanes blend(__mmask8 take_b, lanes a, lanes b) {
    UNROLL
    for (int i = 0; i < 5; i++) a.v[i] = _mm512_mask_blend_epi64(take_b, a.v[i], b.v[i]);
    return a;
}

INLINE void store_lanes(uint64_t *to, __mmask8 which, lanes a) {
    UNROLL
    for (int i = 0; i < 5; i++) _mm512_mask_storeu_epi64((void *)(to + i * PASTA_VECTOR_LANES), which, a.v[i]);
}

/// k·p limb by limb (limb i is k times p's limb i, not normalized).
INLINE void multiple_of_p(const field_lanes *f, int k, __m512i m[5]) {
    UNROLL
    for (int i = 0; i < 5; i++) {
        m[i] = _mm512_setzero_si512();
        UNROLL
        for (int j = 0; j < k; j++) m[i] = _mm512_add_epi64(m[i], f->p[i]);
    }
}

/// a + k·p − b limb by limb, without a carry pass: what
/// `reduce_by_quotient` takes, for a, b with normalized limbs and k < 8.
INLINE lanes limbwise_difference_plus(const field_lanes *f, lanes a, lanes b, int k) {
    __m512i kp[5];
    multiple_of_p(f, k, kp);
    lanes r;
    UNROLL
    for (int i = 0; i < 5; i++) r.v[i] = _mm512_sub_epi64(_mm512_add_epi64(a.v[i], kp[i]), b.v[i]);
    return r;
}

/// a + k·p − b with normalized limbs, not reduced: below (k + 1)·p for
/// a, b < p (below a's bound plus k·p in general), and never negative when
/// k·p ≥ b. One carry pass where a reduced difference takes two, or three
/// and more for sums of several terms: the doubling and chord formulas
/// reduce only their results (7% of either round's second pass).
INLINE lanes difference_plus(const field_lanes *f, lanes a, lanes b, int k) {
    lanes r = limbwise_difference_plus(f, a, b, k);
    propagate(f, &r);
    return r;
}

/// The lanes whose value is p, which is how `difference_plus(a, b, 1)`
/// shows a = b for a, b < p; limbs normalized, so that p has one
/// representation.
INLINE __mmask8 p_lanes(const field_lanes *f, lanes a) {
    __m512i any = _mm512_setzero_si512();
    UNROLL
    for (int i = 0; i < 5; i++) any = _mm512_or_si512(any, _mm512_xor_si512(a.v[i], f->p[i]));
    return _mm512_cmpeq_epi64_mask(any, _mm512_setzero_si512());
}

/// m − py for a product m as `multiply_lazy` leaves it (below 2p) and py
/// below 2p: m + 2p − py, below 4p, reduced by its quotient to below 2p.
/// A y coordinate below p would cost a comparison more (a tenth of a
/// doubling's second pass, when it took a subtraction); the accumulators'
/// readers reduce y instead.
INLINE lanes new_y(const field_lanes *f, lanes m, lanes py) {
    return reduce_by_quotient(f, limbwise_difference_plus(f, m, py, 2), 0);
}

/// y of the sum whose x is x3 (below p), on the line of the given slope
/// (scaled as the chord and tangent rounds scale it, below 2p) through
/// (px, py): slope·(px − x3) − py, below 2p. 4·(px + p − x3) is below 8p,
/// and its product with a slope below 2p within the multiplication's bound.
INLINE lanes line_y(const field_lanes *f, lanes px, lanes py, lanes x3, lanes slope) {
    return new_y(f, multiply_lazy(f, times_four(f, difference_plus(f, px, x3, 1)), slope), py);
}

/// x of the chord's sum (px, py) + (px + dx, …), below p, under
/// `chord_sum`'s conditions: slope² − (px + qx) = slope² + 4p − (2px + dx),
/// below 6p, reduced by its quotient.
INLINE lanes chord_x(const field_lanes *f, lanes px, lanes dx, lanes slope) {
    lanes x_sum;
    UNROLL
    for (int i = 0; i < 5; i++) x_sum.v[i] = _mm512_add_epi64(_mm512_add_epi64(px.v[i], px.v[i]), dx.v[i]);
    return reduce_by_quotient(f, limbwise_difference_plus(f, square_lazy(f, slope), x_sum, 4), 1);
}

/// Appends the index of every lane of `slot` in `lanes_mask` to `exceptions`.
static inline void record_exceptions(__mmask8 lanes_mask, size_t slot, int32_t *exceptions, size_t *excepted) {
    for (int lane = 0; lane < PASTA_VECTOR_LANES; lane++)
        if (lanes_mask & (1u << lane)) exceptions[(*excepted)++] = (int32_t)(slot * PASTA_VECTOR_LANES + (size_t)lane);
}

/// The chord lanes' and the idle lanes' masks of a slot's scratch, as the
/// addition round's first pass leaves them.
static inline __mmask8 chord_mask(const uint64_t *slot_scratch) { return (__mmask8)(slot_scratch[MASK_WORD] & 0xff); }
static inline __mmask8 idle_mask(const uint64_t *slot_scratch) { return (__mmask8)(slot_scratch[MASK_WORD] >> 8 & 0xff); }
static inline void set_masks(uint64_t *slot_scratch, __mmask8 chord, __mmask8 idle) {
    slot_scratch[MASK_WORD] = (uint64_t)chord | (uint64_t)idle << 8;
}

/// The chord's sum (px, py) + (px + dx, py + dy), given its slope (scaled
/// as the chord round scales it, below 2p); px < p, py < 2p and dx below
/// 2p as the first pass leaves it (congruent to qx − px). y3 below 2p.
INLINE void chord_sum(const field_lanes *f, lanes px, lanes py, lanes dx, lanes slope, lanes *x3, lanes *y3) {
    *x3 = chord_x(f, px, dx, slope);
    *y3 = line_y(f, px, py, *x3, slope);
}

/// Which table entry each lane of a slot adds (entry 0 where it adds
/// nothing) and which of them are negated.
typedef struct {
    long long entry[PASTA_VECTOR_LANES];
    __mmask8 present;
    __mmask8 negated;
} selected_entries;

/// How many slots ahead the addition round asks for its table entries. The
/// table of a run outgrows a core's L2, and the entries a slot reads are
/// scattered over it, so each slot would otherwise wait on its misses.
#define PREFETCH_SLOTS 6
#define RING 8

/// Fills `s` in place, one lane at a time, for any strides and a partial
/// slot.
static inline void select_entries_by_lane(const pasta_entry_selection *selection, size_t count, size_t slot,
                                          selected_entries *s) {
    __mmask8 present = 0, negated = 0;
    for (int lane = 0; lane < PASTA_VECTOR_LANES; lane++) {
        size_t c = slot * PASTA_VECTOR_LANES + (size_t)lane;
        s->entry[lane] = 0;
        if (c >= count) continue;
        int digit = selection->digits[c * selection->digit_stride];
        int32_t point = selection->points[c * selection->point_stride];
        if (digit == 0 || point < 0) continue;
        present |= (__mmask8)(1u << lane);
        if (digit < 0) negated |= (__mmask8)(1u << lane);
        s->entry[lane] = (long long)point * (long long)selection->entries_per_point + (digit < 0 ? -digit : digit) - 1;
    }
    s->present = present;
    s->negated = negated;
}

/// Fills `s` in place (built as a local and copied into the ring, its
/// entries went out as scalar stores and came back as one vector load,
/// which the core cannot forward from them). A full slot of consecutive
/// digits, as the combinations lay them out (or of one digit for all), is
/// read with one load and chosen in vector instructions: lane by lane, the
/// choice was a fifth of the first pass.
INLINE void select_entries(const pasta_entry_selection *selection, size_t count, size_t slot, selected_entries *s) {
    size_t first = slot * PASTA_VECTOR_LANES;
    if (first + PASTA_VECTOR_LANES > count || selection->digit_stride > 1 ||
        (selection->point_stride != 1 && selection->point_stride != 2)) {
        select_entries_by_lane(selection, count, slot, s);
        return;
    }
    // One digit for all (the tables' rounds add each point to itself) or a run of them.
    __m512i digit = selection->digit_stride == 0
                        ? _mm512_set1_epi64(selection->digits[0])
                        : _mm512_cvtepi8_epi64(_mm_loadl_epi64((const __m128i *)(selection->digits + first)));
    __m512i point;
    if (selection->point_stride == 1) {
        point = _mm512_cvtepi32_epi64(_mm256_loadu_si256((const __m256i *)(selection->points + first)));
    } else {
        // Every other 32-bit index: the low halves of eight 64-bit words, sign-extended.
        __m512i pairs = _mm512_loadu_si512((const void *)(selection->points + 2 * first));
        point = _mm512_srai_epi64(_mm512_slli_epi64(pairs, 32), 32);
    }
    __mmask8 present = _mm512_test_epi64_mask(digit, digit) & _mm512_cmpge_epi64_mask(point, _mm512_setzero_si512());
    __m512i entry = _mm512_add_epi64(_mm512_mul_epi32(point, _mm512_set1_epi64((long long)selection->entries_per_point)),
                                     _mm512_sub_epi64(_mm512_abs_epi64(digit), _mm512_set1_epi64(1)));
    _mm512_storeu_si512((void *)s->entry, _mm512_maskz_mov_epi64(present, entry));
    s->present = present;
    s->negated = _mm512_cmplt_epi64_mask(digit, _mm512_setzero_si512()) & present;
}

/// Asks for the cache lines of every selected entry's coordinates (and
/// of entry 0 for the lanes that add nothing: cheaper than a branch).
static inline void prefetch_entries(const void *table, pasta_point_layout layout, const selected_entries *s) {
    const uint64_t *words = (const uint64_t *)table;
    for (int lane = 0; lane < PASTA_VECTOR_LANES; lane++) {
        const uint64_t *point = words + (size_t)s->entry[lane] * layout.stride;
        __builtin_prefetch(point + layout.x);
        __builtin_prefetch(point + layout.y + 3);
    }
}

/// A slot's entries as raw words, x then y, word i of every lane in w[i]
/// (w[4 + i] for y). The first pass loads them one slot ahead of their use,
/// so that the loads' latency overlaps the arithmetic of the slot before.
typedef struct {
    __m512i w[8];
} entry_words;

INLINE entry_words load_entries(const void *table, pasta_point_layout layout, const selected_entries *s) {
    long long at[PASTA_VECTOR_LANES];
    UNROLL
    for (int lane = 0; lane < PASTA_VECTOR_LANES; lane++) at[lane] = s->entry[lane] * (long long)layout.stride;
    entry_words e;
    load_transposed((const uint64_t *)table, at, layout.x, e.w);
    load_transposed((const uint64_t *)table, at, layout.y, e.w + 4);
    return e;
}

KERNEL size_t pasta_vector_accumulators_add_forward(const pasta_vector_field *field, pasta_point_layout layout,
                                                    const void *table, pasta_entry_selection selection, size_t count,
                                                    const uint64_t *x_factor, uint64_t *accumulators, uint8_t *live,
                                                    uint64_t *scratch, uint64_t *totals, int32_t *exceptions,
                                                    size_t *exception_count) {
    const field_lanes f = broadcast(field);
    lanes factor = {0};  // read only when x_factor is given
    if (x_factor != NULL) factor = broadcast_words(&f, x_factor);
    const lanes one = plain_one();
    const lanes zero = zero_lanes();
    lanes product = one;
    size_t chords = 0, excepted = 0;
    size_t slots = slots_of(count);
    selected_entries ring[RING];
    for (size_t slot = 0; slot < PREFETCH_SLOTS && slot < slots; slot++) {
        select_entries(&selection, count, slot, &ring[slot]);
        prefetch_entries(table, layout, &ring[slot]);
    }
    // A slot with any entry to add loads all eight lanes' (entry 0 for the
    // lanes that add nothing, which exists once any entry does).
    entry_words next = {{0}};
    if (slots > 0 && ring[0].present != 0) next = load_entries(table, layout, &ring[0]);
    for (size_t slot = 0; slot < slots; slot++) {
        entry_words current = next;
        if (slot + 1 < slots && ring[(slot + 1) % RING].present != 0)
            next = load_entries(table, layout, &ring[(slot + 1) % RING]);
        if (slot + PREFETCH_SLOTS < slots) {
            select_entries(&selection, count, slot + PREFETCH_SLOTS, &ring[(slot + PREFETCH_SLOTS) % RING]);
            prefetch_entries(table, layout, &ring[(slot + PREFETCH_SLOTS) % RING]);
        }
        const selected_entries *chosen = &ring[slot % RING];
        __mmask8 present = chosen->present, negated = chosen->negated;
        uint64_t *out = scratch + slot * ADDITION_SLOT_WORDS;
        uint64_t *a = accumulators + slot * ACCUMULATOR_SLOT_WORDS;
        __mmask8 chord = 0;
        // Live lanes that add nothing this round: a fused round doubles them.
        const __mmask8 idle = (__mmask8)(live[slot] & ~present);
        lanes dx = one, dy = one;
        if (present != 0) {
            lanes qx = from_words(&f, current.w[0], current.w[1], current.w[2], current.w[3]);
            if (x_factor != NULL) qx = multiply(&f, qx, factor);
            lanes qy = from_words(&f, current.w[4], current.w[5], current.w[6], current.w[7]);
            __mmask8 was_live = (__mmask8)live[slot];
            // A combination still at the identity takes its entry.
            __mmask8 taken = present & (__mmask8)~was_live;
            live[slot] = (uint8_t)(was_live | taken);
            chord = present & was_live;
            if (chord != 0) {
                lanes px = load(a), py = load(a + 5 * PASTA_VECTOR_LANES);
                // dx below 2p, p exactly where qx = px.
                dx = difference_plus(&f, qx, px, 1);
                // ±qy − py as qy + 2p − py, or 3p − qy − py where the entry
                // is negated (py below 2p; below 3p either way, and above 0,
                // no y being zero on a curve of prime order): one carry pass,
                // nothing spent on −qy itself.
                UNROLL
                for (int i = 0; i < 5; i++) {
                    __m512i twice = _mm512_add_epi64(f.p[i], f.p[i]);
                    __m512i plus = _mm512_add_epi64(qy.v[i], twice);
                    __m512i minus = _mm512_sub_epi64(_mm512_add_epi64(twice, f.p[i]), qy.v[i]);
                    dy.v[i] = _mm512_sub_epi64(_mm512_mask_blend_epi64(negated, plus, minus), py.v[i]);
                }
                propagate(&f, &dy);
                __mmask8 equal_x = p_lanes(&f, dx) & chord;
                record_exceptions(equal_x, slot, exceptions, &excepted);
                chord &= (__mmask8)~equal_x;
                dx = blend(chord, one, dx);
            }
            // After the chord lanes' loads: a load that overlaps a masked
            // store waits for the store to retire.
            if (taken != 0) {
                store_lanes(a, taken, qx);
                store_lanes(a + 5 * PASTA_VECTOR_LANES, taken, blend(negated, qy, subtract(&f, zero, qy)));
            }
        }
        set_masks(out, chord, idle);
        chords += (size_t)__builtin_popcount(chord);
        if (chord != 0) {
            // The slope's numerator times the product before the slot, so
            // that the second pass finds the slope with one multiplication
            // by its running inverse: one step less on that pass's chain of
            // dependent multiplications, and one more here, where the
            // product's chain leaves the multiplier idle.
            store(out, multiply_lazy(&f, dy, product));
            store(out + 5 * PASTA_VECTOR_LANES, dx);
            product = multiply_lazy(&f, product, dx);
        }
    }
    write_totals(reduce_once(&f, product), totals);
    *exception_count = excepted;
    return chords;
}

KERNEL void pasta_vector_accumulators_add_backward(const pasta_vector_field *field, uint64_t *accumulators, size_t count,
                                                   const uint64_t *scratch, const uint64_t *inverses) {
    const field_lanes f = broadcast(field);
    lanes inverse = read_totals(&f, inverses);
    for (size_t slot = slots_of(count); slot-- > 0;) {
        const uint64_t *in = scratch + slot * ADDITION_SLOT_WORDS;
        __mmask8 chord = chord_mask(in);
        if (chord == 0) continue;  // the first pass left this slot out of the product
        lanes dx = load(in + 5 * PASTA_VECTOR_LANES);
        // As in the chord round: the inverse makes 64·R²/dx in the 2^260
        // multiplication, so this is the slope dy/dx scaled as chord_sum takes it.
        lanes slope = multiply_lazy(&f, inverse, load(in));
        inverse = multiply_lazy(&f, inverse, dx);
        uint64_t *a = accumulators + slot * ACCUMULATOR_SLOT_WORDS;
        lanes x3, y3;
        chord_sum(&f, load(a), load(a + 5 * PASTA_VECTOR_LANES), dx, slope, &x3, &y3);
        store_lanes(a, chord, x3);
        store_lanes(a + 5 * PASTA_VECTOR_LANES, chord, y3);
    }
}

KERNEL size_t pasta_vector_accumulators_double_forward(const pasta_vector_field *field, const uint64_t *accumulators,
                                                       const uint8_t *live, size_t count, uint64_t *scratch,
                                                       uint64_t *totals) {
    const field_lanes f = broadcast(field);
    lanes product = plain_one();
    size_t doubled = 0;
    for (size_t slot = 0; slot < slots_of(count); slot++) {
        __mmask8 active = (__mmask8)live[slot];
        if (active == 0) continue;
        doubled += (size_t)__builtin_popcount(active);
        const uint64_t *a = accumulators + slot * ACCUMULATOR_SLOT_WORDS;
        lanes x = load(a), y = load(a + 5 * PASTA_VECTOR_LANES);
        // x² times the product before the slot: the slope's numerator, as
        // the addition round's first pass keeps it and for the same reason.
        store(scratch + slot * DOUBLING_SLOT_WORDS, multiply_lazy(&f, square_lazy(&f, x), product));
        product = multiply_lazy(&f, product, blend(active, plain_one(), y));
    }
    write_totals(reduce_once(&f, product), totals);
    return doubled;
}

KERNEL void pasta_vector_accumulators_double_backward(const pasta_vector_field *field, uint64_t *accumulators,
                                                      const uint8_t *live, size_t count, const uint64_t *scratch,
                                                      const uint64_t *inverses) {
    const field_lanes f = broadcast(field);
    lanes inverse = read_totals(&f, inverses);
    for (size_t slot = slots_of(count); slot-- > 0;) {
        __mmask8 active = (__mmask8)live[slot];
        if (active == 0) continue;
        uint64_t *a = accumulators + slot * ACCUMULATOR_SLOT_WORDS;
        lanes px = load(a), py = load(a + 5 * PASTA_VECTOR_LANES);
        // As in the tangent round: the slope 3x²/(2y), with the 3/2 in the
        // 1536-scaled inverse and x² times the product before the slot
        // from the first pass.
        lanes slope = multiply_lazy(&f, inverse, load(scratch + slot * DOUBLING_SLOT_WORDS));
        inverse = multiply_lazy(&f, inverse, blend(active, plain_one(), py));
        // x3 = slope² + 2p − 2px, below 4p, reduced by its quotient.
        lanes twice_px;
        UNROLL
        for (int i = 0; i < 5; i++) twice_px.v[i] = _mm512_add_epi64(px.v[i], px.v[i]);
        lanes x3 = reduce_by_quotient(&f, limbwise_difference_plus(&f, square_lazy(&f, slope), twice_px, 2), 1);
        lanes y3 = line_y(&f, px, py, x3, slope);
        store_lanes(a, active, x3);
        store_lanes(a + 5 * PASTA_VECTOR_LANES, active, y3);
    }
}

KERNEL void pasta_vector_accumulators_double_add_first_backward(const pasta_vector_field *field,
                                                                const uint64_t *accumulators, size_t count,
                                                                const uint64_t *scratch, const uint64_t *inverses,
                                                                uint64_t *partial) {
    const field_lanes f = broadcast(field);
    lanes inverse = read_totals(&f, inverses);
    for (size_t slot = slots_of(count); slot-- > 0;) {
        const uint64_t *in = scratch + slot * ADDITION_SLOT_WORDS;
        if (chord_mask(in) == 0) continue;
        lanes dx = load(in + 5 * PASTA_VECTOR_LANES);
        lanes slope = multiply_lazy(&f, inverse, load(in));
        inverse = multiply_lazy(&f, inverse, dx);
        // x of R = P + Q as chord_sum makes it; R's y is never needed.
        uint64_t *out = partial + slot * ACCUMULATOR_SLOT_WORDS;
        store(out, chord_x(&f, load(accumulators + slot * ACCUMULATOR_SLOT_WORDS), dx, slope));
        store(out + 5 * PASTA_VECTOR_LANES, slope);
    }
}

KERNEL size_t pasta_vector_accumulators_double_add_second_forward(const pasta_vector_field *field,
                                                                  const uint64_t *accumulators, size_t count,
                                                                  uint64_t *scratch, const uint64_t *partial,
                                                                  const uint64_t *tangent_factor, uint64_t *totals,
                                                                  int32_t *exceptions, size_t *exception_count) {
    const field_lanes f = broadcast(field);
    const lanes factor = broadcast_words(&f, tangent_factor);
    const lanes one = plain_one();
    lanes product = one;
    size_t active_lanes = 0, excepted = 0;
    for (size_t slot = 0; slot < slots_of(count); slot++) {
        uint64_t *io = scratch + slot * ADDITION_SLOT_WORDS;
        __mmask8 fused = chord_mask(io), idle = idle_mask(io);
        if ((fused | idle) == 0) continue;
        const uint64_t *a = accumulators + slot * ACCUMULATOR_SLOT_WORDS;
        lanes px = load(a), py = load(a + 5 * PASTA_VECTOR_LANES);
        lanes denominator = one, numerator = one;
        if (fused != 0) {
            // R against P: the chord of x3 − px (below 2p, p exactly where
            // R = ±P) and 2py, for λ2 = −λ1 − 2py / (x3 − px).
            lanes dx = difference_plus(&f, load(partial + slot * ACCUMULATOR_SLOT_WORDS), px, 1);
            __mmask8 equal_x = p_lanes(&f, dx) & fused;
            record_exceptions(equal_x, slot, exceptions, &excepted);
            fused &= (__mmask8)~equal_x;
            UNROLL
            for (int i = 0; i < 5; i++) numerator.v[i] = _mm512_add_epi64(py.v[i], py.v[i]);
            propagate(&f, &numerator);  // below 4p
            denominator = blend(fused, one, dx);
        }
        if (idle != 0) {
            // The tangent in the chord's scale: 3x²/2 as the factor's
            // product with the kernels' x²/16 (the factor is 384).
            numerator = blend(idle, numerator, multiply_lazy(&f, square_lazy(&f, px), factor));
            denominator = blend(idle, denominator, py);
        }
        set_masks(io, fused, idle);
        if ((fused | idle) == 0) continue;
        active_lanes += (size_t)__builtin_popcount(fused | idle);
        store(io, multiply_lazy(&f, numerator, product));
        store(io + 5 * PASTA_VECTOR_LANES, denominator);
        product = multiply_lazy(&f, product, denominator);
    }
    write_totals(reduce_once(&f, product), totals);
    *exception_count = excepted;
    return active_lanes;
}

KERNEL void pasta_vector_accumulators_double_add_second_backward(const pasta_vector_field *field,
                                                                 uint64_t *accumulators, size_t count,
                                                                 const uint64_t *scratch, const uint64_t *partial,
                                                                 const uint64_t *inverses) {
    const field_lanes f = broadcast(field);
    const lanes zero = zero_lanes();
    lanes inverse = read_totals(&f, inverses);
    for (size_t slot = slots_of(count); slot-- > 0;) {
        const uint64_t *in = scratch + slot * ADDITION_SLOT_WORDS;
        __mmask8 fused = chord_mask(in), idle = idle_mask(in);
        if ((fused | idle) == 0) continue;
        lanes denominator = load(in + 5 * PASTA_VECTOR_LANES);
        lanes slope = multiply_lazy(&f, inverse, load(in));
        inverse = multiply_lazy(&f, inverse, denominator);
        // Idle lanes double: the chord formula with qx = px (dx = 0).
        lanes dx = zero;
        if (fused != 0) {
            // λ2 = −λ1 − t as 4p − λ1 − t (both below 2p), below 4p,
            // reduced below 2p as chord_sum takes its slope; R's x is
            // px + dx with dx the denominator.
            lanes lambda1 = load(partial + slot * ACCUMULATOR_SLOT_WORDS + 5 * PASTA_VECTOR_LANES), second;
            __m512i four[5];
            multiple_of_p(&f, 4, four);
            UNROLL
            for (int i = 0; i < 5; i++) second.v[i] = _mm512_sub_epi64(_mm512_sub_epi64(four[i], lambda1.v[i]), slope.v[i]);
            slope = blend(fused, slope, reduce_by_quotient(&f, second, 0));
            dx = blend(fused, zero, denominator);
        }
        uint64_t *a = accumulators + slot * ACCUMULATOR_SLOT_WORDS;
        lanes x3, y3;
        chord_sum(&f, load(a), load(a + 5 * PASTA_VECTOR_LANES), dx, slope, &x3, &y3);
        store_lanes(a, fused | idle, x3);
        store_lanes(a + 5 * PASTA_VECTOR_LANES, fused | idle, y3);
    }
}

KERNEL void pasta_vector_accumulators_store(const pasta_vector_field *field, const uint64_t *accumulators,
                                            const uint8_t *live, size_t count, pasta_point_layout layout, void *points,
                                            size_t first, size_t spacing) {
    const field_lanes f = broadcast(field);
    const __m512i lane = _mm512_set_epi64(7, 6, 5, 4, 3, 2, 1, 0);
    const __m512i stride = _mm512_set1_epi64((long long)(spacing * layout.stride));
    const __m512i base = _mm512_set1_epi64((long long)(first * layout.stride));
    const __m512i x = _mm512_set1_epi64((long long)layout.x), y = _mm512_set1_epi64((long long)layout.y);
    for (size_t slot = 0; slot < slots_of(count); slot++) {
        __mmask8 active = (__mmask8)live[slot];
        if (active == 0) continue;
        // Word index of point first + c·spacing, c = 8·slot + lane; indices
        // are below 2^31 and strides small: 32 × 32-bit products.
        __m512i c = _mm512_add_epi64(_mm512_set1_epi64((long long)(slot * PASTA_VECTOR_LANES)), lane);
        __m512i at = _mm512_add_epi64(base, _mm512_mul_epu32(c, stride));
        const uint64_t *a = accumulators + slot * ACCUMULATOR_SLOT_WORDS;
        scatter(points, active, _mm512_add_epi64(at, x), load(a));
        scatter(points, active, _mm512_add_epi64(at, y), reduce_once(&f, load(a + 5 * PASTA_VECTOR_LANES)));
    }
}

#else  // not x86_64: no eight-lane kernels; callers check availability first.

size_t pasta_vector_accumulators_add_forward(const pasta_vector_field *field, pasta_point_layout layout,
                                             const void *table, pasta_entry_selection selection, size_t count,
                                             const uint64_t *x_factor, uint64_t *accumulators, uint8_t *live,
                                             uint64_t *scratch, uint64_t *totals, int32_t *exceptions,
                                             size_t *exception_count) {
    (void)field, (void)layout, (void)table, (void)selection, (void)count, (void)x_factor, (void)accumulators;
    (void)live, (void)scratch, (void)totals, (void)exceptions, (void)exception_count;
    abort();
}

void pasta_vector_accumulators_add_backward(const pasta_vector_field *field, uint64_t *accumulators, size_t count,
                                            const uint64_t *scratch, const uint64_t *inverses) {
    (void)field, (void)accumulators, (void)count, (void)scratch, (void)inverses;
    abort();
}

size_t pasta_vector_accumulators_double_forward(const pasta_vector_field *field, const uint64_t *accumulators,
                                                const uint8_t *live, size_t count, uint64_t *scratch,
                                                uint64_t *totals) {
    (void)field, (void)accumulators, (void)live, (void)count, (void)scratch, (void)totals;
    abort();
}

void pasta_vector_accumulators_double_backward(const pasta_vector_field *field, uint64_t *accumulators,
                                               const uint8_t *live, size_t count, const uint64_t *scratch,
                                               const uint64_t *inverses) {
    (void)field, (void)accumulators, (void)live, (void)count, (void)scratch, (void)inverses;
    abort();
}

void pasta_vector_accumulators_double_add_first_backward(const pasta_vector_field *field,
                                                         const uint64_t *accumulators, size_t count,
                                                         const uint64_t *scratch, const uint64_t *inverses,
                                                         uint64_t *partial) {
    (void)field, (void)accumulators, (void)count, (void)scratch, (void)inverses, (void)partial;
    abort();
}

size_t pasta_vector_accumulators_double_add_second_forward(const pasta_vector_field *field,
                                                           const uint64_t *accumulators, size_t count,
                                                           uint64_t *scratch, const uint64_t *partial,
                                                           const uint64_t *tangent_factor, uint64_t *totals,
                                                           int32_t *exceptions, size_t *exception_count) {
    (void)field, (void)accumulators, (void)count, (void)scratch, (void)partial, (void)tangent_factor;
    (void)totals, (void)exceptions, (void)exception_count;
    abort();
}

void pasta_vector_accumulators_double_add_second_backward(const pasta_vector_field *field,
                                                          uint64_t *accumulators, size_t count,
                                                          const uint64_t *scratch, const uint64_t *partial,
                                                          const uint64_t *inverses) {
    (void)field, (void)accumulators, (void)count, (void)scratch, (void)partial, (void)inverses;
    abort();
}

void pasta_vector_accumulators_store(const pasta_vector_field *field, const uint64_t *accumulators,
                                     const uint8_t *live, size_t count, pasta_point_layout layout, void *points,
                                     size_t first, size_t spacing) {
    (void)field, (void)accumulators, (void)live, (void)count, (void)layout, (void)points, (void)first, (void)spacing;
    abort();
}

#endif
