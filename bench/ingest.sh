#!/usr/bin/env bash
# Ingest benchmark: alerts/s publishing the CAP XML notice bench/kyiv-notice.xml and the JSON
# alert bench/kyiv-alert.json over HTTP (default 3,000 each, 16 in flight), and the JSON alert
# one at a time (default 300), next to pgbench committing the same stored work
# (bench/ingest-pgbench-*.sql) at the same concurrency on a copy of the schema; R rounds
# (default 3). The service is started afresh on an empty scratch database and measured from
# its start. Needs PostgreSQL on 127.0.0.1:5432 and its pgbench.
#
#   bench/ingest.sh [alerts] [in-flight] [one-at-a-time] [rounds]
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
N=${1:-3000}
IN_FLIGHT=${2:-16}
SERIAL=${3:-300}
ROUNDS=${4:-3}
DB=airalert_bench_ingest
PG_DB=airalert_bench_ingest_pg
MIGRATE_PORT=$(bench_free_port)

bench_package
bench_compile
bench_create_db $DB
# One start creates the schema; pgbench writes into a copy of it, the service into the original.
bench_start_app . target/bench-migrate.log -Dquarkus.http.port=$MIGRATE_PORT -Dairalert.webhooks.enabled=false \
  -Dquarkus.datasource.jdbc.url="$(bench_jdbc_url $DB)" -Dquarkus.datasource.username=postgres \
  -Dquarkus.datasource.password= -Dairalert.admin-key=x -jar target/quarkus-app/quarkus-run.jar
bench_wait_ready $MIGRATE_PORT target/bench-migrate.log
bench_stop_app
"${BENCH_PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $PG_DB" -c "CREATE DATABASE $PG_DB TEMPLATE $DB"
bench_java IngestBench "$(bench_jdbc_url $DB)" "$PG_DB" "$N" "$IN_FLIGHT" "$SERIAL" "$ROUNDS"
