#!/usr/bin/env bash
# Region resolution microbenchmarks, in-process: (a) resolving one alert of 69 areas, each a
# hromada of Kyiv oblast as a polygon (bench/kyiv-oblast-hromadas.xml), R times (default 2,000),
# the first included; (b) the regions containing each of P random points inside Ukraine
# (default 10,000). This tree's classes and a baseline's (BASELINE_REF, default the release
# aa3b86d, built once in a temporary git worktree), K fresh JVMs each (default 3), alternating.
# Prints every run, the medians and their ratios.
#
#   bench/region-resolve.sh [resolutions] [points] [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
RESOLUTIONS=${1:-2000}
POINTS=${2:-10000}
RUNS=${3:-3}

bench_package
bench_baseline_package
bench_compile
bench_java RegionResolveBench "$RUNS" "$RESOLUTIONS" "$POINTS" "$BENCH_BASELINE" "$BENCH_BASELINE_NAME"
