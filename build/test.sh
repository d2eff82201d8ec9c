#!/usr/bin/env bash
# Installs what is missing, builds with AddressSanitizer + UndefinedBehaviorSanitizer, and runs
# the whole suite through CTest. Extra arguments go to ctest (e.g. -R core_tests).
set -euo pipefail
cd "$(dirname "$0")/.."
build/install-deps.sh
cmake --preset asan
cmake --build --preset asan -j "$(nproc)"
ctest --preset asan -j 1 "$@"
