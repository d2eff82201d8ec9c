#!/usr/bin/env bash
# Installs what is missing, lints the C++ lines changed since .ci/lint-base (build/lint.sh:
# clang-format, clang-tidy), builds with AddressSanitizer + UndefinedBehaviorSanitizer, and runs
# the whole suite through CTest. Extra arguments go to ctest (e.g. -R core_tests); then the lint
# is skipped.
set -euo pipefail
cd "$(dirname "$0")/.."
build/install-deps.sh
cmake --preset asan
if (($# == 0)); then
    build/lint.sh
fi
cmake --build --preset asan -j "$(nproc)"
ctest --preset asan -j 1 "$@"
