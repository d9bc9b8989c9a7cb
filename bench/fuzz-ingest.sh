#!/usr/bin/env bash
# Hostile-ingest benchmark: N (default 10,000) seeded hostile requests from an attacker holding a
# publisher key (shapes, lengths, characters, JSON and XML structure, references, times,
# languages, history queries, sizes and media types; generator in src/test/java/dev/airalert/fuzz),
# against the packaged service in a 512 MB heap. Prints the answers per category and status, the
# latency percentiles, the hostile requests' p99 next to the valid alerts' p99 of the same run,
# and every broken rule (a 5xx, an answer past the deadline, a refusal without a problem naming
# its field). Exits 1 if any rule was broken.
#
#   bench/fuzz-ingest.sh [requests] [embedded|postgres] [concurrency] [seed]
# (CAP_CORPUS: the CAP corpus directory whose valid messages seed the documents.)
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-10000}
TARGET=${2:-embedded}
CONCURRENCY=${3:-8}
SEED=${4:-1}
DB=airalert_bench_fuzz
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
WORK=$(mktemp -d)
ADMIN=bench-admin-key

./mvnw -q -B package -DskipTests
if [ "$TARGET" = postgres ]; then
  psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q -d postgres -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
  JAR=$PWD/target/quarkus-app/quarkus-run.jar
  export QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/$DB" QUARKUS_DATASOURCE_USERNAME=postgres \
    QUARKUS_DATASOURCE_PASSWORD=
else
  JAR=$PWD/target/embedded/quarkus-app/quarkus-run.jar
fi
(cd "$WORK" && AIRALERT_ADMIN_KEY=$ADMIN AIRALERT_SECURITY_PUBLISHES_PER_MINUTE=1000000 \
  exec java -Xmx512m -XX:+ExitOnOutOfMemoryError -Dquarkus.http.port="$PORT" -jar "$JAR" > "$WORK/app.log" 2>&1) &
APP=$!
trap 'kill $APP 2>/dev/null || true; wait $APP 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  curl -sf "http://127.0.0.1:$PORT/q/health/ready" > /dev/null && break
  sleep 0.5
done
KEY=$(curl -sf -X POST "http://127.0.0.1:$PORT/api/v1/api-keys" -H "Authorization: Bearer $ADMIN" \
  -H 'Content-Type: application/json' \
  -d '{"name": "fuzz", "holder": "fuzz", "roles": ["publisher", "subscriber"], "senders": ["*"]}' \
  | python3 -c 'import json, sys; print(json.load(sys.stdin)["secret"])')
echo "target: $TARGET, $N requests, $CONCURRENCY at a time, seed $SEED, heap 512 MB"
STATUS=0
java -cp "target/test-classes:target/quarkus-app/lib/main/*" dev.airalert.fuzz.FuzzRun \
  "http://127.0.0.1:$PORT/" "$KEY" "$N" "$SEED" "$CONCURRENCY" "${CAP_CORPUS:-../shared/cap-corpus}" || STATUS=$?
if curl -sf "http://127.0.0.1:$PORT/q/health/ready" > /dev/null; then
  echo "after the run: ready"
else
  echo "after the run: NOT ready"; STATUS=1
fi
exit $STATUS
