#!/usr/bin/env bash
# History through HTTP at scale: N realistic alerts (default 1,000,000) in a scratch
# PostgreSQL database with the schema the service's own migrations make, then every query
# shape the API documents, through the service (alone, then C concurrent clients, default 16,
# for S seconds each, default 10) next to pgbench running the very SQL the service sends for
# that shape (bench/history-sql/<shape>.sql) at the same concurrency.
#
#   bench/history-http.sh [alerts] [clients] [seconds]
#
# HISTORY_REUSE=1 keeps the database of the previous run when it holds N alerts (no build, no
# load: a repeated run takes a few minutes). BENCH_JFR=1 records the service under the
# concurrent load into target/bench-history.jfr.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
N=${1:-1000000}
CLIENTS=${2:-16}
SECONDS_EACH=${3:-10}
DB=airalert_bench_history
PSQL=("${BENCH_PSQL[@]}" -d $DB)
LOG=target/bench-history.log

loaded=$("${PSQL[@]}" -Atc "SELECT count(*) FROM alert" 2>/dev/null || echo 0)
if [ "${HISTORY_REUSE:-0}" = 1 ] && [ "$loaded" = "$N" ] && [ -d target/quarkus-app ]; then
  echo "reusing $DB ($loaded alerts)"
else
  bench_package
  bench_create_db $DB
  # One start so that Flyway makes the current schema; one alert published through the API
  # gives the stored document and resolution every loaded alert is made from.
  port=$(bench_free_port)
  QUARKUS_DATASOURCE_JDBC_URL=$(bench_jdbc_url $DB) QUARKUS_DATASOURCE_USERNAME=postgres QUARKUS_DATASOURCE_PASSWORD= \
    AIRALERT_ADMIN_KEY=bench-admin-key bench_start_app . "$PWD/$LOG" -Dquarkus.http.port="$port" \
    -jar target/quarkus-app/quarkus-run.jar
  bench_wait_ready "$port" "$LOG"
  key=$(curl -sf -X POST "http://127.0.0.1:$port/api/v1/api-keys" -H 'authorization: Bearer bench-admin-key' \
    -H 'content-type: application/json' \
    -d '{"name": "bench", "holder": "bench", "roles": ["publisher"], "senders": ["*"]}' | sed 's/.*"secret":"\([^"]*\)".*/\1/')
  sed -e 's/IDENTIFIER/template/' -e "s/SENT/$(date +%Y-%m-%dT%H:%M:%S+00:00)/" bench/kyiv-alert.json \
    | curl -sf -o /dev/null -X POST "http://127.0.0.1:$port/api/v1/alerts" -H "authorization: Bearer $key" \
      -H 'content-type: application/json' --data-binary @-
  bench_stop_app
  # The regions alerts name, real ones of Ukraine: tab-separated level, code, its oblast.
  python3 - > target/bench-history-regions.tsv <<'PY'
import json
for name in ("gazetteer", "raions", "hromadas"):
    for f in json.load(open(f"src/main/resources/regions/{name}.geojson"))["features"]:
        p = f["properties"]
        if p["code"].startswith("UA-") or p["kind"] in ("raion", "hromada"):
            level = p["kind"] if p["kind"] in ("raion", "hromada") else "oblast"
            print(f"{level}\t{p['code']}\t{p.get('oblast') or p['code']}")
PY
  echo "loading $N alerts..."
  start=$(date +%s)
  "${PSQL[@]}" -v n="$N" -f bench/history-load.sql
  echo "loaded in $(( $(date +%s) - start )) s"
fi

bench_compile
# The bench encodes its deep cursor as the service does, with the service's own class.
BENCH_CLASSPATH="$BENCH_CLASSPATH:target/quarkus-app/app/*"
port=$(bench_free_port)
bench_java HistoryHttpBench "$(bench_jdbc_url $DB)" "$DB" "$port" "$CLIENTS" "$SECONDS_EACH" "$LOG" "${BENCH_JFR:-0}"
