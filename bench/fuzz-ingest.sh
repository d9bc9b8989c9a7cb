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
. bench/lib.sh
N=${1:-10000}
TARGET=${2:-embedded}
CONCURRENCY=${3:-8}
SEED=${4:-1}
DB=airalert_bench_fuzz
PORT=$(bench_free_port)
WORK=$(mktemp -d)
ADMIN=bench-admin-key

bench_package
if [ "$TARGET" = postgres ]; then
  bench_create_db $DB
  JAR=$PWD/target/quarkus-app/quarkus-run.jar
  export QUARKUS_DATASOURCE_JDBC_URL="$(bench_jdbc_url $DB)" QUARKUS_DATASOURCE_USERNAME=postgres \
    QUARKUS_DATASOURCE_PASSWORD=
else
  JAR=$PWD/target/embedded/quarkus-app/quarkus-run.jar
fi
AIRALERT_ADMIN_KEY=$ADMIN AIRALERT_SECURITY_PUBLISHES_PER_MINUTE=1000000 \
  bench_start_app "$WORK" "$WORK/app.log" -Xmx512m -XX:+ExitOnOutOfMemoryError -Dquarkus.http.port="$PORT" -jar "$JAR"
trap bench_stop_app EXIT
bench_wait_ready "$PORT" "$WORK/app.log"
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
