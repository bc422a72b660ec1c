/*
 * Exercises libPlonkBindingsC through plonk_bindings.h the way a C (or
 * wasm-bindgen-style) caller would: the fixed ownership sequences, a u32
 * hand-off between two pthreads, refused misuse, and a zero leak count at
 * the end. Prints "N passed, M failed" and exits non-zero on any failure.
 */
#include "plonk_bindings.h"

#include <pthread.h>
#include <stdio.h>
#include <string.h>

static int passed = 0, failed = 0;

#define CHECK(cond, what)                                                          \
    do {                                                                           \
        if (cond) {                                                                \
            passed++;                                                              \
        } else {                                                                   \
            failed++;                                                              \
            fprintf(stderr, "FAIL %s:%d: %s\n", __FILE__, __LINE__, what);         \
        }                                                                          \
    } while (0)

#define EXPECT_STATUS(call, expected)                                              \
    do {                                                                           \
        plonk_status s_ = (call);                                                  \
        if (s_ == (expected)) {                                                    \
            passed++;                                                              \
        } else {                                                                   \
            failed++;                                                              \
            fprintf(stderr, "FAIL %s:%d: %s returned %s, expected %s\n", __FILE__, \
                    __LINE__, #call, plonk_status_name(s_), plonk_status_name(expected)); \
        }                                                                          \
    } while (0)

typedef struct {
    uint64_t slot;
    uint64_t handle;
} handoff;

/* The worker: computes a whole-domain basis and publishes its handle. */
static void *producer(void *arg) {
    handoff *h = (handoff *)arg;
    plonk_srs *srs = NULL;
    if (caml_fp_srs_create(8, &srs) != PLONK_OK) return NULL;
    uint64_t handle = 0;
    if (caml_fp_srs_lagrange_commitments_whole_domain_ptr(srs, 16, &handle) == PLONK_OK) {
        h->handle = handle;
        set_u32_ptr(h->slot, 1);
    }
    caml_fp_srs_free(srs);
    return NULL;
}

int main(void) {
    reset_allocation_tracking();

    plonk_srs *srs = NULL;
    EXPECT_STATUS(caml_fp_srs_create(8, &srs), PLONK_OK);
    CHECK(srs != NULL, "create returns an SRS");

    /* ptr -> read -> take */
    uint64_t handle = 0;
    EXPECT_STATUS(caml_fp_srs_lagrange_commitments_whole_domain_ptr(srs, 16, &handle), PLONK_OK);
    plonk_poly_comms read = {0}, taken = {0};
    EXPECT_STATUS(caml_fp_srs_lagrange_commitments_whole_domain_read_from_ptr(handle, &read), PLONK_OK);
    CHECK(read.count == 16 && read.chunks == 2 && read.points != NULL, "read returns 16 commitments of 2 chunks (SRS 8, domain 16)");
    EXPECT_STATUS(caml_fp_srs_lagrange_commitments_whole_domain_take(handle, &taken), PLONK_OK);
    CHECK(taken.count == 16 && memcmp(read.points, taken.points, 16 * 2 * 33) == 0, "take returns what read returned");
    EXPECT_STATUS(caml_fp_srs_lagrange_commitments_whole_domain_take(handle, &taken), PLONK_ERR_HANDLE_RELEASED);
    EXPECT_STATUS(caml_fp_srs_lagrange_commitments_whole_domain_read_from_ptr(handle, &read), PLONK_ERR_HANDLE_RELEASED);

    /* the direct call agrees */
    plonk_poly_comms direct = {0};
    EXPECT_STATUS(caml_fp_srs_lagrange_commitments_whole_domain(srs, 16, &direct), PLONK_OK);
    CHECK(direct.count == 16 && memcmp(direct.points, taken.points, 16 * 2 * 33) == 0, "direct equals take");
    EXPECT_STATUS(plonk_poly_comms_free(&read), PLONK_OK);
    EXPECT_STATUS(plonk_poly_comms_free(&taken), PLONK_OK);
    EXPECT_STATUS(plonk_poly_comms_free(&direct), PLONK_OK);
    plonk_poly_comms stale = {1, 1, (uint8_t *)&handle};
    EXPECT_STATUS(plonk_poly_comms_free(&stale), PLONK_ERR_HANDLE_FORGED);

    /* ptr -> free */
    EXPECT_STATUS(caml_fp_srs_lagrange_commitments_whole_domain_ptr(srs, 8, &handle), PLONK_OK);
    EXPECT_STATUS(caml_fp_srs_lagrange_commitments_whole_domain_free(handle), PLONK_OK);
    EXPECT_STATUS(caml_fp_srs_lagrange_commitments_whole_domain_free(handle), PLONK_ERR_HANDLE_RELEASED);

    /* misuse across fields and forged values */
    plonk_srs *pallas = NULL;
    EXPECT_STATUS(caml_fq_srs_create(4, &pallas), PLONK_OK);
    uint64_t fq_handle = 0;
    EXPECT_STATUS(caml_fq_srs_lagrange_commitments_whole_domain_ptr(pallas, 4, &fq_handle), PLONK_OK);
    EXPECT_STATUS(caml_fp_srs_lagrange_commitments_whole_domain_free(fq_handle), PLONK_ERR_HANDLE_WRONG_FIELD);
    EXPECT_STATUS(caml_fq_srs_lagrange_commitments_whole_domain_free(fq_handle), PLONK_OK);
    EXPECT_STATUS(caml_fp_srs_lagrange_commitments_whole_domain_free(0xdeadbeefULL), PLONK_ERR_HANDLE_FORGED);
    EXPECT_STATUS(caml_fp_srs_add_lagrange_basis(pallas, 2), PLONK_ERR_HANDLE_WRONG_FIELD);
    EXPECT_STATUS(caml_fp_srs_add_lagrange_basis((plonk_srs *)&handle, 2), PLONK_ERR_HANDLE_FORGED);
    EXPECT_STATUS(caml_fq_srs_free(pallas), PLONK_OK);
    EXPECT_STATUS(caml_fq_srs_free(pallas), PLONK_ERR_HANDLE_RELEASED);

    /* bad input */
    plonk_srs *none = NULL;
    EXPECT_STATUS(caml_fp_srs_create(-1, &none), PLONK_ERR_INVALID_ARGUMENT);
    EXPECT_STATUS(caml_fp_srs_create(8, NULL), PLONK_ERR_NULL_POINTER);
    EXPECT_STATUS(caml_fp_srs_lagrange_commitments_whole_domain_ptr(srs, 0, &handle), PLONK_ERR_INVALID_ARGUMENT);
    plonk_poly_comms one = {0};
    EXPECT_STATUS(caml_fp_srs_lagrange_commitment(srs, 16, 16, &one), PLONK_ERR_INVALID_ARGUMENT);
    EXPECT_STATUS(caml_fp_srs_write(1, srs, "/nonexistent-dir/out.srs"), PLONK_ERR_IO);
    EXPECT_STATUS(caml_fp_srs_read(-1, "/nonexistent-dir/in.srs", &none), PLONK_ERR_IO);
    const uint8_t junk[4] = {0x92, 0x01, 0x02, 0x03};
    EXPECT_STATUS(caml_fp_srs_deserialize(junk, sizeof junk, &none), PLONK_ERR_NOT_AN_SRS);

    /* get / set / serialize round trip */
    plonk_points points = {0};
    EXPECT_STATUS(caml_fp_srs_get(srs, &points), PLONK_OK);
    CHECK(points.count == 9, "get returns h and 8 g's");
    plonk_srs *copy = NULL;
    EXPECT_STATUS(caml_fp_srs_set(points.points, points.count, &copy), PLONK_OK);
    plonk_bytes a = {0}, b = {0};
    EXPECT_STATUS(caml_fp_srs_serialize(srs, &a), PLONK_OK);
    EXPECT_STATUS(caml_fp_srs_serialize(copy, &b), PLONK_OK);
    CHECK(a.length == b.length && a.length == 1 + 1 + 9 * 35 && memcmp(a.bytes, b.bytes, a.length) == 0, "set(get(srs)) serializes like srs");
    EXPECT_STATUS(plonk_bytes_free(&a), PLONK_OK);
    EXPECT_STATUS(plonk_bytes_free(&b), PLONK_OK);
    EXPECT_STATUS(plonk_points_free(&points), PLONK_OK);
    EXPECT_STATUS(caml_fp_srs_free(copy), PLONK_OK);

    /* a u32-slot hand-off between two pthreads, on a running pool */
    EXPECT_STATUS(init_thread_pool(2), PLONK_OK);
    EXPECT_STATUS(init_thread_pool(2), PLONK_ERR_POOL);
    handoff h = {0, 0};
    EXPECT_STATUS(create_zero_u32_ptr(&h.slot), PLONK_OK);
    uint32_t early = 0;
    EXPECT_STATUS(wait_until_non_zero_timeout(h.slot, 1, &early), PLONK_ERR_TIMED_OUT);
    pthread_t thread;
    CHECK(pthread_create(&thread, NULL, producer, &h) == 0, "start the producer");
    uint32_t value = 0;
    EXPECT_STATUS(wait_until_non_zero(h.slot, &value), PLONK_OK);
    CHECK(value == 1, "the consumer sees the producer's value");
    pthread_join(thread, NULL);
    plonk_poly_comms handed = {0};
    EXPECT_STATUS(caml_fp_srs_lagrange_commitments_whole_domain_take(h.handle, &handed), PLONK_OK);
    CHECK(handed.count == 16, "the consumer takes the producer's basis");
    EXPECT_STATUS(plonk_poly_comms_free(&handed), PLONK_OK);
    EXPECT_STATUS(free_u32_ptr(h.slot), PLONK_OK);
    EXPECT_STATUS(free_u32_ptr(h.slot), PLONK_ERR_HANDLE_RELEASED);
    EXPECT_STATUS(exit_thread_pool(), PLONK_OK);
    EXPECT_STATUS(exit_thread_pool(), PLONK_ERR_POOL);

    EXPECT_STATUS(caml_fp_srs_free(srs), PLONK_OK);
    int64_t leaked = get_leaked_allocation_count();
    CHECK(leaked == 0, "nothing leaked");
    if (leaked != 0) log_allocation_stats();
    CHECK(get_misuse_count() > 0, "the refused misuses were counted");

    printf("%d passed, %d failed\n", passed, failed);
    return failed == 0 ? 0 : 1;
}
