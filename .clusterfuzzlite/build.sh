#!/bin/bash -eu
# Builds the same five libFuzzer targets as ci/fuzz.sh into $OUT, the way
# OSS-Fuzz and ClusterFuzzLite expect: each binary beside its dictionary
# (<Target>.dict) and its seed corpus (<Target>_seed_corpus.zip, the checked-in
# corpus plus every kept regression input). The Swift standard library is
# linked statically because the runner image has no Swift toolchain.
#
# Test it by hand without Docker:
#   SRC=/path/to/parent-of-checkout OUT=/tmp/out bash .clusterfuzzlite/build.sh
project="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
: "${OUT:?set OUT to the directory the fuzzers go to}"
: "${SRC:=$(dirname "$project")}"
scratch="${WORK:-$project}/.build-clusterfuzzlite"
targets=(OwnershipFuzzer SRSDecodeFuzzer LagrangeCacheFuzzer PointDecodeFuzzer ProgramTextFuzzer)
flags=(--package-path "$project/Fuzz" --scratch-path "$scratch" -c release
       --sanitize=fuzzer --static-swift-stdlib
       -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library)

swift build "${flags[@]}"
bin="$(swift build "${flags[@]}" --show-bin-path)"
mkdir -p "$OUT"
for target in "${targets[@]}"; do
  cp "$bin/$target" "$OUT/$target"
  cp "$project/Fuzz/Dictionaries/$target.dict" "$OUT/$target.dict"
  rm -f "$OUT/${target}_seed_corpus.zip"
  inputs=()
  for dir in "$project/corpora/$target" "$project/corpora/regressions/$target"; do
    if compgen -G "$dir/*" >/dev/null; then inputs+=("$dir"/*); fi
  done
  if [ "${#inputs[@]}" -gt 0 ]; then zip -q -j "$OUT/${target}_seed_corpus.zip" "${inputs[@]}"; fi
  echo "built $OUT/$target ($(ls "$project/corpora/$target" | wc -l) seed inputs)"
done
