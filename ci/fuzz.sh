#!/usr/bin/env bash
# libFuzzer targets (Fuzz/), built optimized (unoptimized ASan crypto runs ~1 input a
# second) with coverage and AddressSanitizer in every module.
#   ci/fuzz.sh build           build the five targets
#   ci/fuzz.sh replay          run every corpus and regression input once (non-zero on any crash),
#                              and require every corpora/legacy/*.bin to crash the OwnershipFuzzer
#                              built against the legacy implementation
#   ci/fuzz.sh run [SECONDS]   fuzz each target for SECONDS (default 30), then merge new coverage
#                              into corpora/<Target>/ with -merge=1
#   ci/fuzz.sh check [SECONDS] what CI runs: replay the regression and legacy inputs, then fuzz each
#                              target for SECONDS (default 10) from its corpus, which libFuzzer runs
#                              in full before fuzzing (so a corpus input that crashes fails here as
#                              in replay); no merge, since CI's clone is thrown away (replay plus run
#                              ran the corpora three times)
#   ci/fuzz.sh target NAME [LIBFUZZER FLAGS...]
#                              fuzz one target until stopped (or as the flags say), with its
#                              dictionary, corpus and artifact directory set up; for many cores
#                              on one machine add -fork=N (N worker processes, crashes do not
#                              stop the run; add -ignore_crashes=1 to keep going after one)
# Every target fuzzes with its dictionary, Fuzz/Dictionaries/<Target>.dict.
# PLONK_FUZZ_FORK=N makes `run` use libFuzzer's fork mode with N workers.
# A crash input is written to ./fuzz-artifacts/; keep it forever in corpora/regressions/<Target>/.
set -euo pipefail
cd "$(dirname "$0")/.."
targets=(OwnershipFuzzer SRSDecodeFuzzer LagrangeCacheFuzzer PointDecodeFuzzer ProgramTextFuzzer)
flags=(--package-path Fuzz -c release --sanitize=fuzzer -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library)
export SWIFT_BACKTRACE=enable=no
export LSAN_OPTIONS="suppressions=$PWD/ci/sanitizers/lsan.supp:print_suppressions=0"

build() {
  swift build "${flags[@]}"
  bin="$(swift build "${flags[@]}" --show-bin-path)"
}

replay() {
  build
  replay_inputs corpora corpora/regressions
  replay_legacy
}

# replay_inputs ROOT… runs every ROOT/<Target>/* input once.
replay_inputs() {
  for target in "${targets[@]}"; do
    for root in "$@"; do
      dir="$root/$target"
      if compgen -G "$dir/*" >/dev/null; then
        "$bin/$target" -runs=0 "$dir"/* >/dev/null 2>"$bin/$target.replay.log" || { cat "$bin/$target.replay.log"; echo "FAIL: $target crashed replaying $dir" >&2; exit 1; }
        echo "ok: $target replays $(ls "$dir" | wc -l) input(s) from $dir"
      fi
    done
  done
}

replay_legacy() {
  for input in corpora/legacy/*.bin; do
    if PLONK_FUZZ_IMPLEMENTATION=legacy "$bin/OwnershipFuzzer" -runs=0 "$input" >/dev/null 2>"$bin/legacy.log"; then
      echo "FAIL: $input did not crash the OwnershipFuzzer on the legacy implementation" >&2
      exit 1
    fi
    grep -q "FUZZ FINDING" "$bin/legacy.log" || { cat "$bin/legacy.log"; echo "FAIL: $input crashed for another reason" >&2; exit 1; }
    echo "ok: $input crashes the OwnershipFuzzer on the legacy implementation"
  done
}

run() {
  build
  fuzz "${1:-30}" merge
}

check() {
  build
  replay_inputs corpora/regressions
  replay_legacy
  fuzz "${1:-10}" no-merge
}

# fuzz SECONDS merge|no-merge fuzzes every target from its corpus.
fuzz() {
  local seconds="$1" merge="$2"
  mkdir -p fuzz-artifacts
  for target in "${targets[@]}"; do
    fresh="$(mktemp -d)"
    "$bin/$target" -max_total_time="$seconds" -print_final_stats=1 -artifact_prefix=fuzz-artifacts/ \
      -dict="Fuzz/Dictionaries/$target.dict" ${PLONK_FUZZ_FORK:+-fork=$PLONK_FUZZ_FORK} \
      "$fresh" "corpora/$target" 2>"$bin/$target.fuzz.log" || { tail -40 "$bin/$target.fuzz.log"; echo "FAIL: $target found a crash (see fuzz-artifacts/)" >&2; exit 1; }
    [ "$merge" = merge ] && "$bin/$target" -merge=1 "corpora/$target" "$fresh" >/dev/null 2>&1
    found=$(ls "$fresh" | wc -l)
    rm -rf "$fresh"
    runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$bin/$target.fuzz.log" | grep -o '[0-9]*$' || echo 0)
    echo "ok: $target ran its $(ls "corpora/$target" | wc -l) corpus inputs and fuzzed ${seconds}s: ${runs} executions, $(( runs / seconds )) exec/s, ${found} input(s) added to the corpus$([ "$merge" = merge ] && echo ", merged" || echo ", not kept")"
  done
}

target() {
  local name="${1:?usage: ci/fuzz.sh target NAME [LIBFUZZER FLAGS...]}"
  shift
  [[ " ${targets[*]} " == *" $name "* ]] || { echo "unknown target $name (one of: ${targets[*]})" >&2; exit 2; }
  build
  mkdir -p fuzz-artifacts
  exec "$bin/$name" -artifact_prefix=fuzz-artifacts/ -dict="Fuzz/Dictionaries/$name.dict" "$@" "corpora/$name"
}

case "${1:-}" in
  build) build ;;
  target) shift; target "$@" ;;
  replay) replay ;;
  run) run "${2:-30}" ;;
  check) check "${2:-10}" ;;
  *) echo "usage: ci/fuzz.sh build|replay|run [SECONDS]|check [SECONDS]|target NAME [FLAGS...]" >&2; exit 2 ;;
esac
