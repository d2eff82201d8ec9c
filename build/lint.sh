#!/usr/bin/env bash
# Runs clang-format (.clang-format) and clang-tidy (.clang-tidy) on the C++ lines changed since a
# base commit, and fails on any finding. The base is the commit in .ci/lint-base unless one is
# given: a ratchet, so every line changed after it must be clean while older lines are left as
# they are until someone touches them.
#
# clang-tidy reads the asan build's compile_commands.json (cmake --preset asan writes it), so
# run this after configuring that preset; build/test.sh does.
#
# Usage: build/lint.sh [BASE]     e.g. build/lint.sh main   (what a branch changed)
# Fix formatting with: git clang-format --extensions cpp,h BASE
set -euo pipefail
cd "$(dirname "$0")/.."

base="${1:-$(tr -d '[:space:]' < .ci/lint-base)}"
if ! git rev-parse --verify --quiet "$base^{commit}" >/dev/null; then
    echo "lint: base commit $base is not in this clone" >&2
    exit 2
fi
compile_commands=build/asan/compile_commands.json
if [ ! -f "$compile_commands" ]; then
    echo "lint: $compile_commands is missing: run cmake --preset asan first" >&2
    exit 2
fi

failed=0

# Only C++ sources and headers; the widget's TypeScript has its own checks.
format_diff="$(git clang-format --diff --extensions cpp,h "$base" -- 2>&1 || true)"
case "$format_diff" in
    "" | "no modified files to format" | "clang-format did not modify any files") ;;
    *)
        echo "lint: clang-format would change these lines (git clang-format --extensions cpp,h $base):"
        echo "$format_diff"
        failed=1
        ;;
esac

# clang-tidy-diff checks the changed lines only. It does not report findings in its exit
# status, so its output decides. -Wno-error: compiler warnings are gcc's to report (the build
# runs with -Werror); clang's stricter variants (-Wconversion implies -Wsign-conversion there)
# would otherwise become errors clang-tidy cannot filter.
tidy_output="$(git diff -U0 --no-color "$base" -- '*.cpp' '*.h' |
    clang-tidy-diff -p1 -path build/asan -quiet -j 2 -extra-arg=-Wno-error 2>&1 || true)"
if grep -Eq ': (warning|error): ' <<<"$tidy_output"; then
    echo "lint: clang-tidy findings on changed lines:"
    grep -E -A3 ': (warning|error): ' <<<"$tidy_output"
    failed=1
fi

if ((failed)); then
    exit 1
fi
echo "lint: clean since $(git rev-parse --short "$base")"
