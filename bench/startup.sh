#!/usr/bin/env bash
# Start-up benchmark of the embedded package: time from starting the process to the first 200
# from /q/health/ready, and resident memory (VmRSS) 5 s later, each start in a new empty data
# directory; N starts (default 7) of this tree's package alternating with as many of a
# baseline's (BASELINE_REF, default the release aa3b86d, built once in a temporary git worktree),
# each with the JVM options its README gives (this tree's from the project directory, as its
# README runs it: its class archive serves only that command).
# Prints every start, the medians, their differences and ratios.
#
#   bench/startup.sh [starts]
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
N=${1:-7}
# The README's command ("Run"); the release's README gave only the first of them.
JVM_OPTIONS=${JVM_OPTIONS:-"-XX:SharedArchiveFile=target/embedded/quarkus-app/app-cds.jsa -XX:+ExitOnOutOfMemoryError -XX:+UseSerialGC -Xms16m -XX:TieredStopAtLevel=1"}
BASELINE_JVM_OPTIONS=${BASELINE_JVM_OPTIONS:-"-XX:+ExitOnOutOfMemoryError"}

bench_package
bench_baseline_package
bench_compile
bench_java StartupBench "$N" target "$BENCH_BASELINE" "$BENCH_BASELINE_NAME" "$JVM_OPTIONS" "$BASELINE_JVM_OPTIONS"
