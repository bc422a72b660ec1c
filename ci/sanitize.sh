#!/usr/bin/env bash
# Sanitizer checks, in their own scratch path so they never mix with the
# normal build:
#  1. the bindings test suite under AddressSanitizer + LeakSanitizer
#     (suppressions in ci/sanitizers/lsan.supp: Swift toolchain only, each explained);
#  2. `leakcheck ownership` in raw mode: the fixed implementation must run
#     clean, and the legacy implementation must make AddressSanitizer report
#     its heap-use-after-free (proof that the detector sees the original bug).
set -euo pipefail
cd "$(dirname "$0")/.."
scratch=.build-asan
export SWIFT_BACKTRACE=enable=no   # the backtracer can hang after a sanitizer abort
export LSAN_OPTIONS="suppressions=$PWD/ci/sanitizers/lsan.supp:print_suppressions=0"
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=0"
export PLONK_ABI_TEST_CFLAGS="-fsanitize=address"

echo "== bindings tests under AddressSanitizer"
swift test --sanitize=address --scratch-path "$scratch" --filter PlonkBindingsTests

echo "== leakcheck ownership under AddressSanitizer"
swift build --sanitize=address --scratch-path "$scratch" --product leakcheck
bin="$(swift build --sanitize=address --scratch-path "$scratch" --show-bin-path)/leakcheck"
log="$(mktemp)"
trap 'rm -f "$log"' EXIT

"$bin" ownership --implementation fixed --mode raw
echo "ok: the fixed implementation runs clean in raw mode"

if "$bin" ownership --implementation legacy --mode raw >"$log" 2>&1; then
  cat "$log"
  echo "FAIL: the legacy implementation ran without AddressSanitizer noticing" >&2
  exit 1
fi
if ! grep -q "ERROR: AddressSanitizer: heap-use-after-free" "$log"; then
  cat "$log"
  echo "FAIL: the legacy run failed, but not with AddressSanitizer's heap-use-after-free" >&2
  exit 1
fi
echo "ok: AddressSanitizer reports the legacy implementation's heap-use-after-free:"
grep -m1 "ERROR: AddressSanitizer" "$log"
echo "sanitize: all checks passed"
