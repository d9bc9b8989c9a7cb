#!/usr/bin/env bash
# Webhook fan-out benchmark: one alert to N subscriptions (default 10,000) on this machine,
# next to a plain-HTTP-client baseline in the same run. Needs PostgreSQL on 127.0.0.1:5432.
#
#   bench/webhook-fanout.sh [subscriptions] [concurrency]
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
N=${1:-10000}
CONCURRENCY=${2:-256}
DB=airalert_bench_fanout
RECEIVER_PORT=$(bench_free_port)
MIGRATE_PORT=$(bench_free_port)

bench_package
bench_compile
bench_create_db $DB
# Start once so that Flyway creates the schema, then add the subscriptions in bulk: setting
# them up through the API is not what is measured.
bench_start_app . target/bench-migrate.log -Dquarkus.http.port=$MIGRATE_PORT -Dairalert.webhooks.enabled=false \
  -Dquarkus.datasource.jdbc.url="$(bench_jdbc_url $DB)" -Dquarkus.datasource.username=postgres \
  -Dquarkus.datasource.password= -Dairalert.admin-key=x -jar target/quarkus-app/quarkus-run.jar
bench_wait_ready $MIGRATE_PORT target/bench-migrate.log
bench_stop_app
"${BENCH_PSQL[@]}" -d $DB <<SQL
INSERT INTO subscription (id, owner, url, events, urgencies, certainties, statuses, languages, secret, enabled, created_at, updated_at)
SELECT gen_random_uuid(), 'bench', 'http://127.0.0.1:$RECEIVER_PORT/hook/' || g, '', '', '', 'Actual', '',
       'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSwMfKQ9r8GKYo=', TRUE, now(), now()
FROM generate_series(0, $N - 1) g;
INSERT INTO subscription_region (subscription_id, region_code) SELECT id, 'UA-30' FROM subscription;
VACUUM ANALYZE;
SQL
bench_java FanoutBench "$(bench_jdbc_url $DB)" "$N" "$CONCURRENCY" "$RECEIVER_PORT"
