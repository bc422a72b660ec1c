#!/usr/bin/env bash
# valgrind memcheck on the release harness:
#   --leak-check=full --errors-for-leak-kinds=definite,indirect --error-exitcode
# with ci/sanitizers/valgrind.supp (the Swift runtime only, each entry explained).
#
#  1. a deliberately leaking build (PLONK_DELIBERATE_LEAK=1: raw-mode frees of
#     whole-domain boxes skip their deallocation while the bindings' own
#     counters record them as freed) must make memcheck fail with a
#     "definitely lost" block allocated by the bindings: proof that memcheck
#     sees what the project's counters cannot;
#  2. the fixed implementation must run clean: `leakcheck ownership` in raw
#     mode and a short multi-threaded `leakcheck run` in raw and checked mode.
#
# The release build the ci/ scripts share (ci/lib/release-build.sh, DWARF 4
# for valgrind 3.19). The leaking build comes first so the scratch path is
# left holding the clean one; every other script rebuilds clean anyway.
set -euo pipefail
cd "$(dirname "$0")/.."
source ci/lib/release-build.sh
export SWIFT_BACKTRACE=enable=no
memcheck=(valgrind --tool=memcheck --leak-check=full --errors-for-leak-kinds=definite,indirect
          --error-exitcode=99 --suppressions="$PWD/ci/sanitizers/valgrind.supp" --num-callers=30)
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

echo "== the deliberately leaking build must fail memcheck"
build_release_leakcheck PLONK_DELIBERATE_LEAK=1
set +e
"${memcheck[@]}" "$bin" ownership --implementation fixed --mode raw >"$work/leaky.log" 2>&1
status=$?
set -e
if [ "$status" -ne 99 ] || ! grep -q "definitely lost in loss record" "$work/leaky.log" \
   || ! grep -q "UnsafeRawHandles" "$work/leaky.log"; then
  cat "$work/leaky.log"
  echo "FAIL: memcheck did not report the deliberately leaked box (exit $status)" >&2
  exit 1
fi
echo "ok: memcheck fails the leaking build: $(grep -m1 'definitely lost:' "$work/leaky.log" | sed 's/^==[0-9]*== *//')"

echo "== the fixed implementation must run clean under memcheck"
build_release_leakcheck
run() {
  local name="$1"; shift
  if ! "${memcheck[@]}" "$bin" "$@" >"$work/$name.log" 2>&1; then
    cat "$work/$name.log"
    echo "FAIL: memcheck found errors or leaks in: leakcheck $*" >&2
    exit 1
  fi
  echo "ok: leakcheck $* is clean under memcheck ($(grep -m1 'ERROR SUMMARY' "$work/$name.log" | sed 's/^==[0-9]*== *//'))"
}
run ownership ownership --implementation fixed --mode raw
run raw run --mode raw --programs 4 --threads 4 --depth 4 --budget 60 --findings-dir "$work/findings"
run checked run --mode checked --schedule free --programs 3 --threads 4 --depth 4 --budget 60 --findings-dir "$work/findings"
echo "valgrind: all checks passed"
