#!/usr/bin/env bash
# Burst benchmark: every hromada alerted at once. A alerts (default 1,600, one per hromada)
# from P publishers (16) at once, C live-stream clients (1,000) each following one oblast or
# one hromada, S webhook subscriptions (10,000) over the hromadas, raions and oblasts; the
# time from the last 201 until every client and subscriber has every alert it matches
# (target 3 s), next to a baseline doing the same delivery work on plain Vert.x in the same
# run. The first burst is the service's first work; B bursts in all (default 2: the second
# one on the warm service, reported apart). BENCH_JFR=1 records the first burst with JFR
# into target/bench-burst-service.jfr. Needs PostgreSQL on 127.0.0.1:5432.
#
#   bench/burst.sh [alerts] [publishers] [clients] [subscriptions] [bursts]
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
ALERTS=${1:-1600}
PUBLISHERS=${2:-16}
CLIENTS=${3:-1000}
SUBSCRIPTIONS=${4:-10000}
BURSTS=${5:-2}
DB=airalert_bench_burst

# Every stream is a socket on both ends (the service is started by the benchmark and
# inherits this), and the baseline's streams are open next to the service's.
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"
if (( $(ulimit -n) < 4 * CLIENTS + 2000 )); then
  echo "open files limit $(ulimit -n) is too low for $CLIENTS streams" >&2
  exit 1
fi

bench_package
bench_compile
bench_create_db $DB
bench_java BurstBench "$(bench_jdbc_url $DB)" "$ALERTS" "$PUBLISHERS" "$CLIENTS" "$SUBSCRIPTIONS" "$BURSTS" \
  "$(bench_free_port)"
