#!/usr/bin/env bash
# Sanitizer checks, each sanitizer in a scratch path of its own so builds
# never mix. Each is one debug build (the test suites need testable imports)
# with the crypto modules optimized (PLONK_OPTIMIZE_CRYPTO=1, see
# Package.swift), which serves both its test suites and its harness runs:
# the bindings and the harness, which the sanitizers are there to watch,
# stay unoptimized. (Until 2026-12-02 each sanitizer also had a release
# build of its own for the harness; the two cost 520 s of a CI run.)
#
# AddressSanitizer + LeakSanitizer (.build-asan; suppressions in
# ci/sanitizers/lsan.supp: the Swift toolchain only, each entry explained):
#  1. the bindings test suite;
#  2. a deliberately leaking build (PLONK_DELIBERATE_LEAK=1: raw-mode frees of
#     whole-domain boxes skip their deallocation while the bindings' own
#     counters record them as freed) must make LeakSanitizer fail;
#  3. the harness: `leakcheck run` in raw and checked mode, and
#     `leakcheck ownership` in raw mode, must run clean;
#  4. the legacy implementation in raw mode must make AddressSanitizer report
#     its heap-use-after-free (proof that the detector sees the original bug).
# ThreadSanitizer (.build-tsan):
#  5. the bindings and harness test suites (less the single-threaded format
#     and rendering tests);
#  6. the harness on the free schedule (real threads racing), raw and checked.
# The package's locks are pthread mutexes (Sources/Locking) because TSan cannot
# see the standard library Mutex's futex path on Linux.
set -euo pipefail
cd "$(dirname "$0")/.."
export SWIFT_BACKTRACE=enable=no   # the backtracer can hang after a sanitizer abort
export LSAN_OPTIONS="suppressions=$PWD/ci/sanitizers/lsan.supp:print_suppressions=0"
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=0"
export TSAN_OPTIONS="halt_on_error=1:second_deadlock_stack=1"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
seconds="${PLONK_SANITIZE_SECONDS:-10}"
export PLONK_OPTIMIZE_CRYPTO=1

echo "== bindings tests under AddressSanitizer"
asan=(--sanitize=address --scratch-path .build-asan)
PLONK_ABI_TEST_CFLAGS="-fsanitize=address" swift test "${asan[@]}" --filter PlonkBindingsTests
asan+=(--product leakcheck)

echo "== a deliberately leaking build must fail LeakSanitizer"
PLONK_DELIBERATE_LEAK=1 swift build "${asan[@]}"
bin="$(swift build "${asan[@]}" --show-bin-path)/leakcheck"
if "$bin" ownership --implementation fixed --mode raw >"$work/leaky.log" 2>&1 \
   || ! grep -q "ERROR: LeakSanitizer: detected memory leaks" "$work/leaky.log" \
   || ! grep -q "UnsafeRawHandles" "$work/leaky.log"; then
  cat "$work/leaky.log"
  echo "FAIL: LeakSanitizer did not report the deliberately leaked box" >&2
  exit 1
fi
echo "ok: LeakSanitizer fails the leaking build: $(grep -m1 'SUMMARY: AddressSanitizer' "$work/leaky.log")"

echo "== the harness under AddressSanitizer"
swift build "${asan[@]}"  # the clean variant again (only the bindings and what uses them recompile)
"$bin" ownership --implementation fixed --mode raw
echo "ok: the fixed implementation runs clean in raw mode"
for mode in raw checked; do
  "$bin" run --mode "$mode" --budget "$seconds" --findings-dir "$work/findings" | grep -E "^(programs|findings)"
  echo "ok: leakcheck run --mode $mode is clean under AddressSanitizer"
done

if "$bin" ownership --implementation legacy --mode raw >"$work/legacy.log" 2>&1; then
  cat "$work/legacy.log"
  echo "FAIL: the legacy implementation ran without AddressSanitizer noticing" >&2
  exit 1
fi
if ! grep -q "ERROR: AddressSanitizer: heap-use-after-free" "$work/legacy.log"; then
  cat "$work/legacy.log"
  echo "FAIL: the legacy run failed, but not with AddressSanitizer's heap-use-after-free" >&2
  exit 1
fi
echo "ok: AddressSanitizer reports the legacy implementation's heap-use-after-free:"
grep -m1 "ERROR: AddressSanitizer" "$work/legacy.log"

echo "== bindings and harness tests under ThreadSanitizer"
# The C ABI test links its C program against the TSan build of the library;
# the toolchain's TSan runtime carries libdispatch interceptors, hence
# libdispatch and the blocks runtime.
swiftlib=/opt/swift/usr/lib/swift/linux
[ -d "$swiftlib" ] || swiftlib="$(dirname "$(dirname "$(command -v swift)")")/lib/swift/linux"
tsan=(--sanitize=thread --scratch-path .build-tsan)
PLONK_ABI_TEST_CFLAGS="-fsanitize=thread -L$swiftlib -ldispatch -lBlocksRuntime -Wl,-rpath,$swiftlib" \
  swift test "${tsan[@]}" --filter PlonkBindingsTests --filter LeakHarnessTests \
    --skip "RoundTrip|roundTrip|HTMLReportTests"  # single-threaded format and rendering tests: nothing for TSan

echo "== the harness on the free schedule under ThreadSanitizer"
tsan+=(--product leakcheck)
swift build "${tsan[@]}"  # built by the tests already: nothing to do
bin="$(swift build "${tsan[@]}" --show-bin-path)/leakcheck"
nm "$bin" >"$work/symbols.txt"
grep -q "__tsan_init" "$work/symbols.txt" || { echo "FAIL: $bin is not instrumented by ThreadSanitizer" >&2; exit 1; }
for mode in checked raw; do
  # Twice the time: the unoptimized bindings run about half as many
  # programs a second under TSan as under ASan.
  "$bin" run --schedule free --mode "$mode" --budget "$(( seconds * 2 ))" --findings-dir "$work/findings" | grep -E "^(programs|findings)"
  echo "ok: leakcheck run --schedule free --mode $mode is clean under ThreadSanitizer"
done
echo "sanitize: all checks passed"
