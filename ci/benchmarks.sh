#!/usr/bin/env bash
# The package-benchmark suite (Benchmarks/Suite): builds it, runs every
# benchmark and checks its malloc count against the threshold file checked in
# for it (Benchmarks/Suite/Thresholds/, one per benchmark, as swift-nio keeps
# one allocation limit per test). Times are printed, never gated: they are
# ratios to read beside the references, and this machine wanders ±30%.
#
# After a change that is meant to alter allocation counts:
#   cd Benchmarks/Suite && swift package --allow-writing-to-package-directory \
#     benchmark thresholds update --metric mallocCountTotal
# and commit the new Thresholds/ files with the reason.
set -euo pipefail
cd "$(dirname "$0")/../Benchmarks/Suite"
export SWIFT_BACKTRACE=enable=no
swift build -c release 2>&1 | tail -1
set +e
swift package benchmark thresholds check --metric mallocCountTotal --no-progress >benchmarks.log 2>&1
status=$?
set -e
grep -vE "ETA: " benchmarks.log | tail -40
rm -f benchmarks.log
if [ "$status" -ne 0 ]; then
  echo "FAIL: malloc counts differ from Benchmarks/Suite/Thresholds (exit $status); see above" >&2
  exit 1
fi
echo "benchmarks: every malloc count matches its threshold"
