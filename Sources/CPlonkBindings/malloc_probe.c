#define _GNU_SOURCE
#include "plonk_shims.h"
#include <dlfcn.h>
#include <stddef.h>

typedef void (*get_stats_fn)(int64_t *, int64_t *, int64_t *, int64_t *, int64_t *, int64_t *);
typedef void (*enable_fn)(void);

int plonk_shim_malloc_interposer_stats(int64_t *malloc_count, int64_t *malloc_bytes,
                                       int64_t *free_count, int64_t *free_bytes) {
    get_stats_fn get_stats = (get_stats_fn)dlsym(RTLD_DEFAULT, "malloc_interposer_get_stats");
    if (get_stats == NULL) return 0;
    int64_t small = 0, large = 0;
    get_stats(malloc_count, malloc_bytes, &small, &large, free_count, free_bytes);
    return 1;
}

int plonk_shim_malloc_interposer_enable(void) {
    enable_fn enable = (enable_fn)dlsym(RTLD_DEFAULT, "malloc_interposer_enable");
    if (enable == NULL) return 0;
    enable();
    return 1;
}

typedef int (*lsan_check_fn)(void);

int plonk_shim_lsan_recoverable_leak_check(void) {
    lsan_check_fn check = (lsan_check_fn)dlsym(RTLD_DEFAULT, "__lsan_do_recoverable_leak_check");
    if (check == NULL) return -1;
    return check() != 0 ? 1 : 0;
}
