#!/usr/bin/env bash
# Installs what is missing, then:
#   1. lints the C++ lines changed since .ci/lint-base (build/lint.sh: clang-format, clang-tidy);
#   2. builds with AddressSanitizer + UndefinedBehaviorSanitizer and runs the whole suite through
#      CTest, LeakSanitizer on;
#   3. builds the runners with threads, and the server they start, with ThreadSanitizer and runs
#      them (the tsan presets: io_tests, dispatch_tests, front_end_tests, store_tests, integration_tests,
#      admission_tests);
#   4. builds the libFuzzer harnesses of protocol/ with clang (the fuzz preset) and runs each for a
#      few seconds over a copy of its seed corpus (ctest --preset fuzz; build/fuzz.sh runs them long).
# Extra arguments go to the ASan ctest (e.g. -R core_tests), and then only that step runs after
# the build: a quick check of one runner.
set -euo pipefail
cd "$(dirname "$0")/.."
build/install-deps.sh
cmake --preset asan
if (($# == 0)); then
    build/lint.sh
fi
cmake --build --preset asan -j "$(nproc)"
ctest --preset asan -j 1 "$@"
if (($# > 0)); then
    exit 0
fi

tsan_start=$SECONDS
cmake --preset tsan
cmake --build --preset tsan -j "$(nproc)"
ctest --preset tsan -j 1
echo "ThreadSanitizer build and run: $((SECONDS - tsan_start)) s"

fuzz_start=$SECONDS
cmake --preset fuzz
cmake --build --preset fuzz -j "$(nproc)"
ctest --preset fuzz -j 1
echo "Fuzzing build and run: $((SECONDS - fuzz_start)) s"
