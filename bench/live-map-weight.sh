#!/usr/bin/env bash
# The live map on a phone: bytes transferred and time to a coloured map on DevTools' "Fast 3G"
# with the processor four times slower, in a headless Chromium with an empty cache, median of
# N runs (default 5); then the page opened again, and Lviv Oblast opened in detail. Needs
# PostgreSQL on 127.0.0.1:5432 and Chromium (`chromium` on the PATH, or AIRALERT_TEST_CHROMIUM).
#
#   bench/live-map-weight.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
RUNS=${1:-5}
DB=airalert_bench_map

bench_package
bench_compile
bench_create_db $DB
bench_java MapPageBench "$(bench_jdbc_url $DB)" "$RUNS"
