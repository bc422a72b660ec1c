/*
 * plonk_bindings.h: the C ABI of PlonkLeakCheck's SRS bindings.
 *
 * These are plonk-wasm's SRS calls (kimchi-wasm/src/srs.rs, lib.rs, rayon.rs)
 * under their plonk-wasm names, with the memory-leak fix: whole-domain
 * Lagrange bases behind handles that are taken, freed or read, u32 slots for
 * worker hand-offs, a thread pool and allocation tracking. Link against
 * libPlonkBindingsC.so (`swift build --product PlonkBindingsC`).
 *
 * Conventions
 * - Every call that can fail returns a plonk_status: PLONK_OK (0) or a
 *   negative code. Nothing is thrown and nothing aborts: bad arguments,
 *   unknown pointers and misused handles are refused with a code.
 *   plonk_status_name(code) names a code.
 * - Results come back through out-parameters, written only on PLONK_OK.
 * - Ownership: the caller owns every plonk_poly_comms, plonk_points and
 *   plonk_bytes a call fills, and releases each exactly once with
 *   plonk_poly_comms_free / plonk_points_free / plonk_bytes_free. Those
 *   buffers are tracked: one never freed counts in
 *   get_leaked_allocation_count(). Freeing a buffer twice, or one these
 *   calls did not fill, is refused with PLONK_ERR_HANDLE_RELEASED or
 *   PLONK_ERR_HANDLE_FORGED rather than corrupting memory.
 * - plonk_srs pointers are opaque references. Each call that returns one
 *   hands the caller one reference; caml_*_srs_retain adds one and
 *   caml_*_srs_free drops one. The SRS and its cached Lagrange bases go
 *   when the last reference does. A pointer of the other field, or one that
 *   was never returned, is refused with PLONK_ERR_HANDLE_FORGED /
 *   PLONK_ERR_HANDLE_WRONG_FIELD.
 * - Points are arkworks' compressed form, 33 bytes each (x little-endian
 *   and a flag byte). Field elements are 32 bytes little-endian, canonical.
 *   fp calls use Vesta points and Fp scalars; fq calls Pallas and Fq.
 * - Whole-domain handles and u32 slots are uint64_t. In checked mode (the
 *   default) they are registry handles and every misuse is refused and
 *   counted; in raw mode they are heap addresses and misuse is undefined
 *   behaviour, for sanitizer runs. plonk_configure chooses.
 * - All calls are thread-safe.
 */
#ifndef PLONK_BINDINGS_H
#define PLONK_BINDINGS_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef int32_t plonk_status;

#define PLONK_OK 0
#define PLONK_ERR_INVALID_ARGUMENT (-1)      /* depth, domain size, index, counts, encodings */
#define PLONK_ERR_IO (-2)                    /* a file could not be read or written */
#define PLONK_ERR_NOT_AN_SRS (-3)            /* bytes that are not kimchi's SRS format */
#define PLONK_ERR_HANDLE_RELEASED (-4)       /* taken, freed or read after release (double take, use after free) */
#define PLONK_ERR_HANDLE_FORGED (-5)         /* never issued by these bindings */
#define PLONK_ERR_HANDLE_WRONG_FIELD (-6)    /* an fq handle or SRS given to an fp call, or the reverse */
#define PLONK_ERR_UNSUPPORTED_IN_LEGACY (-7) /* take and free do not exist in the legacy implementation */
#define PLONK_ERR_POOL (-8)                  /* init twice, exit twice, exit from a worker, bad thread count */
#define PLONK_ERR_TIMED_OUT (-9)             /* wait_until_non_zero_timeout ran out */
#define PLONK_ERR_NULL_POINTER (-10)         /* a required pointer argument was NULL */
#define PLONK_ERR_BUSY (-11)                 /* plonk_configure while allocations are alive */

/* Handle modes and implementations for plonk_configure. */
#define PLONK_MODE_CHECKED 0
#define PLONK_MODE_RAW 1
#define PLONK_IMPLEMENTATION_FIXED 0
#define PLONK_IMPLEMENTATION_LEGACY 1

/* An SRS reference. */
typedef struct plonk_srs plonk_srs;

/* `count` commitments of `chunks` points each: count * chunks * 33 bytes in `points`,
   commitment-major. Owned by the caller; release with plonk_poly_comms_free. */
typedef struct {
    size_t count;
    size_t chunks;
    uint8_t *points;
} plonk_poly_comms;

/* `count` points, 33 bytes each. Release with plonk_points_free. */
typedef struct {
    size_t count;
    uint8_t *points;
} plonk_points;

/* Bytes. Release with plonk_bytes_free. */
typedef struct {
    size_t length;
    uint8_t *bytes;
} plonk_bytes;

/* ---- Runtime ---------------------------------------------------------- */

/* Chooses the handle mode and implementation of the process-wide bindings.
   Refused with PLONK_ERR_BUSY while any tracked allocation is alive. */
plonk_status plonk_configure(int32_t mode, int32_t implementation);
/* A static name for a status code ("PLONK_OK", …); never NULL. */
const char *plonk_status_name(plonk_status status);

plonk_status plonk_poly_comms_free(plonk_poly_comms *comms);
plonk_status plonk_points_free(plonk_points *points);
plonk_status plonk_bytes_free(plonk_bytes *bytes);

/* Starts n worker threads (1..256) that run the heavy work. */
plonk_status init_thread_pool(int32_t num_threads);
/* Waits for queued work, then stops and joins every worker. */
plonk_status exit_thread_pool(void);

/* Tracked allocations alive now that were made since the last reset. */
int64_t get_leaked_allocation_count(void);
void reset_allocation_tracking(void);
/* Writes the allocation statistics through the process's swift-log handler. */
void log_allocation_stats(void);
/* Misuses refused since the last reset. */
int64_t get_misuse_count(void);

/* ---- u32 slots (worker hand-off) ----------------------------------- */

plonk_status create_zero_u32_ptr(uint64_t *out_slot);
plonk_status set_u32_ptr(uint64_t slot, uint32_t value);
/* Blocks (sleeping, not spinning) until the slot is nonzero. */
plonk_status wait_until_non_zero(uint64_t slot, uint32_t *out_value);
plonk_status wait_until_non_zero_timeout(uint64_t slot, uint32_t timeout_ms, uint32_t *out_value);
plonk_status free_u32_ptr(uint64_t slot);

/* ---- SRS calls, fp (Vesta) and fq (Pallas) ------------------------- */

#define PLONK_SRS_DECLARATIONS(F) \
    plonk_status caml_##F##_srs_create(int32_t depth, plonk_srs **out_srs); \
    plonk_status caml_##F##_srs_create_parallel(int32_t depth, plonk_srs **out_srs); \
    plonk_status caml_##F##_srs_retain(plonk_srs *srs); \
    plonk_status caml_##F##_srs_free(plonk_srs *srs); \
    /* append: 1 appends (plonk-wasm's default), 0 replaces. */ \
    plonk_status caml_##F##_srs_write(int32_t append, plonk_srs *srs, const char *path); \
    /* offset < 0 reads from the start. *out_srs is NULL (with PLONK_OK) when the bytes there are not an SRS. */ \
    plonk_status caml_##F##_srs_read(int32_t offset, const char *path, plonk_srs **out_srs); \
    plonk_status caml_##F##_srs_serialize(plonk_srs *srs, plonk_bytes *out_bytes); \
    plonk_status caml_##F##_srs_deserialize(const uint8_t *bytes, size_t length, plonk_srs **out_srs); \
    /* h, then the g's. */ \
    plonk_status caml_##F##_srs_get(plonk_srs *srs, plonk_points *out_points); \
    /* From h followed by the g's (count >= 1 points). */ \
    plonk_status caml_##F##_srs_set(const uint8_t *points, size_t count, plonk_srs **out_srs); \
    plonk_status caml_##F##_srs_h(plonk_srs *srs, uint8_t out_point[33]); \
    plonk_status caml_##F##_srs_add_lagrange_basis(plonk_srs *srs, int32_t log2_size); \
    /* One commitment: out->count == 1. */ \
    plonk_status caml_##F##_srs_lagrange_commitment(plonk_srs *srs, int32_t domain_size, int32_t i, plonk_poly_comms *out); \
    /* *out_found = 0 (and out untouched) when the basis is not cached. */ \
    plonk_status caml_##F##_srs_maybe_lagrange_commitment(plonk_srs *srs, int32_t domain_size, int32_t i, int32_t *out_found, plonk_poly_comms *out); \
    plonk_status caml_##F##_srs_set_lagrange_basis(plonk_srs *srs, int32_t domain_size, const plonk_poly_comms *bases); \
    plonk_status caml_##F##_srs_get_lagrange_basis(plonk_srs *srs, int32_t domain_size, plonk_poly_comms *out); \
    plonk_status caml_##F##_srs_commit_evaluations(plonk_srs *srs, int32_t domain_size, const uint8_t *evals, size_t count, plonk_poly_comms *out); \
    plonk_status caml_##F##_srs_b_poly_commitment(plonk_srs *srs, const uint8_t *chals, size_t count, plonk_poly_comms *out); \
    plonk_status caml_##F##_srs_batch_accumulator_check(plonk_srs *srs, const uint8_t *comms, size_t comms_count, const uint8_t *chals, size_t chals_count, int32_t *out_ok); \
    plonk_status caml_##F##_srs_batch_accumulator_generate(plonk_srs *srs, int32_t comms, const uint8_t *chals, size_t chals_count, plonk_points *out); \
    /* The whole basis behind a handle; the caller owes exactly one _take or _free. */ \
    plonk_status caml_##F##_srs_lagrange_commitments_whole_domain_ptr(plonk_srs *srs, int32_t domain_size, uint64_t *out_handle); \
    /* The data; the handle is dead afterwards. */ \
    plonk_status caml_##F##_srs_lagrange_commitments_whole_domain_take(uint64_t handle, plonk_poly_comms *out); \
    /* Releases without returning the data. */ \
    plonk_status caml_##F##_srs_lagrange_commitments_whole_domain_free(uint64_t handle); \
    /* Legacy-compatible read: a copy; the handle stays alive and still needs _take or _free. */ \
    plonk_status caml_##F##_srs_lagrange_commitments_whole_domain_read_from_ptr(uint64_t handle, plonk_poly_comms *out); \
    /* The data with no handle. */ \
    plonk_status caml_##F##_srs_lagrange_commitments_whole_domain(plonk_srs *srs, int32_t domain_size, plonk_poly_comms *out);

PLONK_SRS_DECLARATIONS(fp)
PLONK_SRS_DECLARATIONS(fq)

#undef PLONK_SRS_DECLARATIONS

#ifdef __cplusplus
}
#endif

#endif /* PLONK_BINDINGS_H */
