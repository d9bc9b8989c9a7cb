#!/usr/bin/env bash
# Stream fan-out benchmark: N clients (default 1,000) on GET /api/v1/alerts/stream, one alert
# published, the time until every client has the event; next to a minimal Vert.x SSE
# broadcaster as the baseline in the same run. Needs PostgreSQL on 127.0.0.1:5432.
#
#   bench/stream-clients.sh [clients]
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
N=${1:-1000}
DB=airalert_bench_stream

# Every stream is a socket on both ends (the service is started by the benchmark and inherits this).
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"
if (( $(ulimit -n) < 2 * N + 1000 )); then
  echo "open files limit $(ulimit -n) is too low for $N streams" >&2
  exit 1
fi

bench_package
bench_compile
bench_create_db $DB
bench_java StreamBench "$(bench_jdbc_url $DB)" "$N"
