#!/usr/bin/env bash
# Builds the package and runs every test suite (debug build, small sizes).
# This is the README's test command; CI runs it first.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build --build-tests
swift test
# Processors without AVX-512 IFMA (and valgrind) run the Swift batch-affine
# rounds; on one that has it, the suite above ran the eight-lane kernels, so
# the arithmetic suites run again with them turned off.
if grep -qw avx512ifma /proc/cpuinfo 2>/dev/null; then
  # The batch-affine suites already compare both arithmetics on the same
  # inputs (VectorArithmeticTests.arithmetics); this pass runs, end to end
  # with the kernels off, what builds on them and picks the arithmetic by
  # itself: MSM, Lagrange bases, square roots, hash to curve, SRS creation.
  # (Both whole modules again cost 140 s of a CI run on the Intel machine.)
  PASTA_VECTOR_ARITHMETIC=0 swift test --skip-build \
    --filter 'SquareRootTests|HashToCurveTests|SRSCreationTests|MSMTests|LagrangeBasisTests'
fi
