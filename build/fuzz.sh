#!/usr/bin/env bash
# Runs the libFuzzer harnesses of tests/fuzz for long (docs/development.md, "Fuzzing"), one
# after another, at the lowest priority, and prints what each did.
#
# Usage: build/fuzz.sh [SECONDS] [HARNESS...]
#   SECONDS  how long each harness runs (default 600)
#   HARNESS  e.g. nlchat_packet ims_document (default: every harness in tests/fuzz)
#
# Each harness fuzzes a scratch corpus, build/fuzz/scratch/<harness>/, first merged from its
# checked-in seeds (tests/fuzz/corpus/<harness>/, never written) and kept between runs, so a
# second run starts where the first stopped. A crash or property finding is saved as
# build/fuzz/artifacts/<harness>/crash-<sha1> and the script goes on with the next harness;
# it exits 1 when any harness failed. The full libFuzzer log is build/fuzz/logs/<harness>.log.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${1:-600}"
shift || true
if (($# > 0)); then
    harnesses=("$@")
else
    harnesses=()
    for source in tests/fuzz/*_fuzzer.cpp; do
        name="$(basename "$source" _fuzzer.cpp)"
        harnesses+=("$name")
    done
fi

cmake --preset fuzz >/dev/null
cmake --build --preset fuzz -j "$(nproc)"

failed=0
summary=()
for name in "${harnesses[@]}"; do
    fuzzer="build/fuzz/tests/fuzz/${name}_fuzzer"
    scratch="build/fuzz/scratch/$name"
    artifacts="build/fuzz/artifacts/$name"
    log="build/fuzz/logs/$name.log"
    mkdir -p "$scratch" "$artifacts" "$(dirname "$log")"
    dictionary=()
    case "$name" in
        ims_stream_parser) dictionary=(-dict=tests/fuzz/dictionaries/ims_document.dict) ;;
        *) [ -f "tests/fuzz/dictionaries/$name.dict" ] && dictionary=(-dict="tests/fuzz/dictionaries/$name.dict") ;;
    esac

    "$fuzzer" -merge=1 "$scratch" "tests/fuzz/corpus/$name" >/dev/null 2>&1
    echo "== $name: $seconds s"
    status=0
    nice -n 19 "$fuzzer" -max_total_time="$seconds" -timeout=10 -print_final_stats=1 \
        -artifact_prefix="$artifacts/" "${dictionary[@]}" "$scratch" >"$log" 2>&1 || status=$?

    executions="$(grep -o 'stat::number_of_executed_units: [0-9]*' "$log" | grep -o '[0-9]*$' || echo '?')"
    coverage="$(grep -E '^#[0-9]+' "$log" | grep -o 'cov: [0-9]* ft: [0-9]*' | tail -1 || true)"
    verdict="ok"
    if ((status != 0)); then
        verdict="FAILED (exit $status): see $log and $artifacts/"
        failed=1
    fi
    line="$name: ${seconds} s, $executions executions, ${coverage:-cov: ? ft: ?}, $verdict"
    echo "$line"
    summary+=("$line")
done

echo "== summary"
printf '%s\n' "${summary[@]}"
exit "$failed"
