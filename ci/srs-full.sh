#!/usr/bin/env bash
# Full-size SRS checks, in release mode (debug-mode crypto is too slow for 2^16):
#  1. `leakcheck srs create --depth 65536` must reproduce kimchi's vesta.srs and
#     pallas.srs byte for byte: compared with ../shared/srs when it exists,
#     and always against the sha256 recorded in the test vectors;
#  2. `leakcheck srs verify --canonical` must accept kimchi's own files;
#  3. kimchi -> o1js JSON -> kimchi must give the same bytes back.
set -euo pipefail
cd "$(dirname "$0")/.."
source ci/lib/release-build.sh
build_release_leakcheck
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
vectors=Tests/PolyCommitmentTests/Vectors/kimchi-srs.json

for curve in vesta pallas; do
  "$bin" srs create --curve "$curve" --depth 65536 --out "$work/$curve.srs"
  expected=$(python3 -c "import json,sys; print([c['sha256'] for c in json.load(open('$vectors'))['curves'] if c['curve']=='$curve'][0])")
  actual=$(sha256sum "$work/$curve.srs" | cut -d' ' -f1)
  if [ "$actual" != "$expected" ]; then
    echo "FAIL: $curve.srs sha256 $actual, kimchi's is $expected" >&2
    exit 1
  fi
  echo "ok: generated $curve.srs has kimchi's sha256 $expected"
  if [ -f "../shared/srs/$curve.srs" ]; then
    cmp "$work/$curve.srs" "../shared/srs/$curve.srs"
    echo "ok: generated $curve.srs is byte-identical to ../shared/srs/$curve.srs"
    "$bin" srs verify "../shared/srs/$curve.srs" --curve "$curve" --canonical
  fi
  "$bin" srs convert --from kimchi --to o1js-json --curve "$curve" "$work/$curve.srs" "$work/$curve.json"
  "$bin" srs convert --from o1js-json --to kimchi --curve "$curve" "$work/$curve.json" "$work/$curve.back.srs"
  cmp "$work/$curve.srs" "$work/$curve.back.srs"
  echo "ok: $curve kimchi -> o1js-json -> kimchi round-trips"
done
echo "srs-full: all checks passed"
