#!/usr/bin/env bash
# Runs `leakcheck ownership` with ordo-one/malloc-interposer preloaded, so the
# allocation report also shows the process-wide outstanding malloc count.
# Usage: ci/malloc-interposer.sh [leakcheck arguments…] (default: ownership)
# To do the same with any command:
#   LD_PRELOAD=<printed library path> <command>
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --package-path Tools/MallocInterposer --product MallocInterposerSwift
library="$(swift build -c release --package-path Tools/MallocInterposer --show-bin-path)/libMallocInterposerSwift.so"
swift build -c release --product leakcheck
bin="$(swift build -c release --show-bin-path)/leakcheck"
echo "preloading $library"
if [ $# -eq 0 ]; then
  LD_PRELOAD="$library" "$bin" ownership | tee /dev/stderr | grep -q "process malloc (malloc-interposer)"
  echo "ok: the report carries malloc-interposer's process-wide counts"
  # The harness also checks the process-wide count returns to its baseline.
  LD_PRELOAD="$library" "$bin" run --budget 3
else
  LD_PRELOAD="$library" "$bin" "$@"
fi
