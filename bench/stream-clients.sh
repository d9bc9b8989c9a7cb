#!/usr/bin/env bash
# Stream fan-out benchmark: N clients (default 1,000) on GET /api/v1/alerts/stream, one alert
# published, the time until every client has the event; next to a minimal Vert.x SSE
# broadcaster as the baseline in the same run. Needs PostgreSQL on 127.0.0.1:5432.
#
#   bench/stream-clients.sh [clients]
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-1000}
DB=airalert_bench_stream
PSQL=(psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q)

# Every stream is a socket on both ends (the service is started by the benchmark and inherits this).
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"
if (( $(ulimit -n) < 2 * N + 1000 )); then
  echo "open files limit $(ulimit -n) is too low for $N streams" >&2
  exit 1
fi

./mvnw -q -B package -DskipTests
"${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
java -cp "target/quarkus-app/lib/main/*" bench/StreamBench.java "jdbc:postgresql://127.0.0.1:5432/$DB" "$N"
