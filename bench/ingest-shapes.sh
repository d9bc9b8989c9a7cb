#!/usr/bin/env bash
# Ingest benchmark with area shapes: N CAP XML alerts (default 2,000), each with a polygon over
# Lviv, published over HTTP with C in flight (default 16); alerts per second of this tree's
# production package and of a baseline's (BASELINE_REF, default the release aa3b86d, built once
# in a temporary git worktree), R rounds each (default 2), alternating, each run started afresh
# on an empty scratch database. Prints every run, the medians and their ratio. Needs PostgreSQL
# on 127.0.0.1:5432.
#
#   bench/ingest-shapes.sh [alerts] [in-flight] [rounds]
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
N=${1:-2000}
IN_FLIGHT=${2:-16}
ROUNDS=${3:-2}
DB=airalert_bench_regions_ingest

bench_package
bench_baseline_package
bench_compile
bench_java IngestShapesBench "$N" "$IN_FLIGHT" "$ROUNDS" "$(bench_jdbc_url '')" "$DB" "$BENCH_BASELINE" \
  "$BENCH_BASELINE_NAME"
