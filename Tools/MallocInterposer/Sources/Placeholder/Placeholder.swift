// Intentionally empty: this package exists to build libMallocInterposerSwift.so.
