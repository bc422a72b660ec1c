#!/usr/bin/env bash
# The CI leak gate (release build):
#  1. `leakcheck gate thresholds/`: every checked-in scenario must finish with
#     no finding, no allocation left alive beyond its threshold and a peak of
#     live bytes within its bound (one JSON file per scenario, as swift-nio
#     keeps one allocation threshold per test);
#  2. the same harness must catch the legacy implementation (proof that
#     detection works): `leakcheck run --impl legacy` has to exit 1.
set -euo pipefail
cd "$(dirname "$0")/.."
source ci/lib/release-build.sh
build_release_leakcheck
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

"$bin" gate thresholds --junit "$work/gate.xml"

set +e
"$bin" run --impl legacy --budget 3 --findings-dir "$work/findings" >"$work/legacy.log" 2>&1
status=$?
set -e
if [ "$status" -ne 1 ]; then
  cat "$work/legacy.log"
  echo "FAIL: the legacy implementation was not caught (exit $status, expected 1)" >&2
  exit 1
fi
grep -E "^(findings|first finding|minimized)" "$work/legacy.log"
ls "$work/findings"/*.program >/dev/null
echo "ok: the legacy implementation is caught and its first finding minimized"

# The legacy corpus: every program there must still fail against the legacy implementation.
"$bin" replay --expect-failure corpora/legacy
echo "ok: every program in corpora/legacy fails against the legacy implementation"
echo "leak-gate: all checks passed"
