#!/usr/bin/env bash
# Builds the package and runs every test suite (debug build, small sizes).
# This is the README's test command; CI runs it first.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build --build-tests
swift test
