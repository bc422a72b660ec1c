#!/usr/bin/env bash
# The HTML reports, rendered for people to look at: a clean run and a legacy
# run of `leakcheck run --html`, and a replay of corpora/legacy, each
# screenshotted in headless Chromium (Debian's chromium package, installed
# here when missing). Also checks that an unwritable report path keeps the
# run's verdict: exit 1 with findings, 2 without.
# Pages and screenshots go to ${PLONK_REPORT_DIR:-.build-reports}.
set -euo pipefail
cd "$(dirname "$0")/.."
out="${PLONK_REPORT_DIR:-.build-reports}"
mkdir -p "$out"
out="$(cd "$out" && pwd)"

if ! command -v chromium >/dev/null; then
  echo "== installing Debian's chromium"
  if [ "$(id -u)" -eq 0 ]; then apt-get update -qq && apt-get install -y -qq chromium >/dev/null
  else sudo apt-get update -qq && sudo apt-get install -y -qq chromium >/dev/null; fi
fi

source ci/lib/release-build.sh
build_release_leakcheck
findings="$out/findings"

"$bin" run --seed 1 --programs 30 --budget 60 --html "$out/clean.html" --findings-dir "$findings" | grep -E "^(programs|findings|HTML)"
set +e
"$bin" run --impl legacy --seed 1 --programs 6 --budget 120 --html "$out/legacy.html" --findings-dir "$findings" 2>/dev/null | grep -E "^(programs|findings|HTML)"
status=${PIPESTATUS[0]}
"$bin" replay --expect-failure corpora/legacy --html "$out/legacy-replay.html" | tail -2
set -e
[ "$status" -eq 1 ] || { echo "FAIL: the legacy run exited $status, expected 1" >&2; exit 1; }
grep -q '<article class="example" data-kind="use-after-free"' "$out/legacy.html" \
  || { echo "FAIL: the legacy page has no use-after-free example" >&2; exit 1; }
grep -q 'data-series="leaked-cumulative"' "$out/legacy.html" \
  || { echo "FAIL: the legacy page has no leak line" >&2; exit 1; }

shoot() {
  timeout 120 chromium --headless --no-sandbox --disable-gpu --hide-scrollbars \
    --window-size=1200,"$2" --screenshot="$out/$1.png" "file://$out/$1.html" >/dev/null 2>&1
  [ -s "$out/$1.png" ] || { echo "FAIL: chromium wrote no screenshot of $1.html" >&2; exit 1; }
  echo "ok: $out/$1.png"
}
shoot clean 1700
shoot legacy 4200
shoot legacy-replay 2600

echo "== an unwritable report path keeps the run's verdict"
set +e
"$bin" run --programs 2 --html /nonexistent-dir/report.html --findings-dir "$findings" >/dev/null 2>"$out/err.log"; clean=$?
"$bin" run --impl legacy --programs 2 --html /nonexistent-dir/report.html --findings-dir "$findings" >/dev/null 2>>"$out/err.log"; legacy=$?
set -e
grep -q "cannot write the HTML report /nonexistent-dir/report.html" "$out/err.log" \
  || { cat "$out/err.log"; echo "FAIL: no error naming the report path" >&2; exit 1; }
[ "$clean" -eq 2 ] && [ "$legacy" -eq 1 ] \
  || { echo "FAIL: exit codes clean=$clean legacy=$legacy, expected 2 and 1" >&2; exit 1; }
echo "ok: unwritable path: clean run exits 2, legacy run exits 1, both name the path"
echo "report-screenshots: all checks passed"
