#!/usr/bin/env bash
# Runs fuzz targets one after the other, each for SECONDS (default 600), niced, one job each.
# Usage: fuzz/run.sh [SECONDS] [TARGET...]   (default: all targets)
# The working corpus is fuzz/corpus/<target> (git-ignored), seeded from fuzz/seeds/<target>;
# crashes land in fuzz/artifacts/<target>/ and logs in fuzz/logs/<target>.log (both git-ignored
# by the main .gitignore / below).
set -u
cd "$(dirname "$0")"
secs=${1:-600}
shift || true
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(shorthand json_input yaml_input paramfile query argv)
export RUSTC_BOOTSTRAP=1
mkdir -p logs
nice -n 19 cargo fuzz build || exit 1
for t in "${targets[@]}"; do
    mkdir -p "corpus/$t"
    cp -n seeds/"$t"/* "corpus/$t/"
    echo "== $t ($(date -u +%FT%TZ))"
    nice -n 19 cargo fuzz run "$t" "corpus/$t" -- -max_total_time="$secs" -print_final_stats=1 >"logs/$t.log" 2>&1
    echo "exit $?"
    grep -E '^#[0-9]+ +DONE|stat::number_of_executed_units|panicked|SUMMARY|Test unit written' "logs/$t.log"
done
