#!/usr/bin/env bash
# Webhook fan-out benchmark: one alert at a time to N subscriptions whose receiver runs on this
# machine, next to a plain-HTTP-client baseline in the same run. For each size (default 1,000,
# 10,000 and 100,000) the service is started afresh and the first alert after it is ready is
# measured on its own (no warm-up rounds), then a few more alerts (default 4) alternate with the
# baseline. Needs PostgreSQL on 127.0.0.1:5432.
#
#   bench/webhook-fanout.sh [subscriptions...]
#
# BENCH_CONCURRENCY (256): requests in flight, on both sides. BENCH_MORE_ALERTS (4): alerts after
# the first. BENCH_DB (airalert_bench_fanout): the scratch database. With BENCH_JFR=1 the service
# runs with a JFR recording (profile settings): target/bench-fanout-<subscriptions>.jfr.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
SIZES=("$@")
[ ${#SIZES[@]} -gt 0 ] || SIZES=(1000 10000 100000)
CONCURRENCY=${BENCH_CONCURRENCY:-256}
MORE=${BENCH_MORE_ALERTS:-4}
DB=${BENCH_DB:-airalert_bench_fanout}
MIGRATE_PORT=$(bench_free_port)
SUMMARY=$(mktemp)
OUT=$(mktemp)
trap 'rm -f "$SUMMARY" "$OUT"' EXIT

bench_package
bench_compile
bench_create_db "$DB"
# Start once so that Flyway creates the schema; each size then gets its subscriptions in bulk
# (setting them up through the API is not what is measured).
bench_start_app . target/bench-migrate.log -Dquarkus.http.port=$MIGRATE_PORT -Dairalert.webhooks.enabled=false \
  -Dquarkus.datasource.jdbc.url="$(bench_jdbc_url "$DB")" -Dquarkus.datasource.username=postgres \
  -Dquarkus.datasource.password= -Dairalert.admin-key=x -jar target/quarkus-app/quarkus-run.jar
bench_wait_ready $MIGRATE_PORT target/bench-migrate.log
bench_stop_app

for N in "${SIZES[@]}"; do
  RECEIVER_PORT=$(bench_free_port)
  "${BENCH_PSQL[@]}" -d "$DB" <<SQL
TRUNCATE delivery_attempt, delivery_queue, delivery, event_outbox, subscription_region, subscription;
INSERT INTO subscription (id, owner, url, events, urgencies, certainties, statuses, languages, secret, enabled, created_at, updated_at)
SELECT gen_random_uuid(), 'bench', 'http://127.0.0.1:$RECEIVER_PORT/hook/' || g, '', '', '', 'Actual', '',
       'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSwMfKQ9r8GKYo=', TRUE, now(), now()
FROM generate_series(0, $N - 1) g;
INSERT INTO subscription_region (subscription_id, region_code) SELECT id, 'UA-30' FROM subscription;
VACUUM ANALYZE;
SQL
  bench_java FanoutBench "$(bench_jdbc_url "$DB")" "$N" "$CONCURRENCY" "$RECEIVER_PORT" "$MORE" | tee "$OUT"
  sed -n 's/^SUMMARY //p' "$OUT" >> "$SUMMARY"
done
echo
echo "| subscriptions | first alert after start: s after its 201 | later alerts: median s | baseline: median s (first round) | ratio of rates, later alerts |"
echo "|---|---|---|---|---|"
cat "$SUMMARY"
