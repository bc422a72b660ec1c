// Small C shims for things Swift cannot do directly. Not part of the ABI.
#ifndef PLONK_SHIMS_H
#define PLONK_SHIMS_H

#include <stdint.h>

/// Looks up ordo-one/malloc-interposer in the running process (it is there
/// only when preloaded with LD_PRELOAD) and reads its counters.
/// Returns 1 and fills the outputs when present, 0 otherwise.
int plonk_shim_malloc_interposer_stats(int64_t *malloc_count, int64_t *malloc_bytes,
                                       int64_t *free_count, int64_t *free_bytes);

/// Turns the preloaded interposer's counting on. Returns 1 when present.
int plonk_shim_malloc_interposer_enable(void);

/// Runs LeakSanitizer's recoverable leak check when the process was built
/// with AddressSanitizer (looked up at run time): returns -1 when LSan is
/// absent, 0 when it finds no leak, 1 when it reports one.
int plonk_shim_lsan_recoverable_leak_check(void);

#endif
