#!/usr/bin/env bash
# Webhook fan-out benchmark: one alert to N subscriptions (default 10,000) on this machine,
# next to a plain-HTTP-client baseline in the same run. Needs PostgreSQL on 127.0.0.1:5432.
#
#   bench/webhook-fanout.sh [subscriptions] [concurrency]
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-10000}
CONCURRENCY=${2:-256}
DB=airalert_bench_fanout
PSQL=(psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q)
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
RECEIVER_PORT=$(free_port)
MIGRATE_PORT=$(free_port)

./mvnw -q -B package -DskipTests
"${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
# Start once so that Flyway creates the schema, then add the subscriptions in bulk: setting
# them up through the API is not what is measured.
java -Dquarkus.http.port=$MIGRATE_PORT -Dairalert.webhooks.enabled=false \
  -Dquarkus.datasource.jdbc.url="jdbc:postgresql://127.0.0.1:5432/$DB" -Dquarkus.datasource.username=postgres \
  -Dquarkus.datasource.password= -Dairalert.admin-key=x -jar target/quarkus-app/quarkus-run.jar > target/bench-migrate.log 2>&1 &
APP=$!
for _ in $(seq 1 120); do
  curl -sf "http://127.0.0.1:$MIGRATE_PORT/q/health/ready" > /dev/null && break
  sleep 0.5
done
kill $APP; wait $APP 2>/dev/null || true
"${PSQL[@]}" -d $DB <<SQL
INSERT INTO subscription (id, owner, url, events, urgencies, certainties, statuses, languages, secret, enabled, created_at, updated_at)
SELECT gen_random_uuid(), 'bench', 'http://127.0.0.1:$RECEIVER_PORT/hook/' || g, '', '', '', 'Actual', '',
       'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSwMfKQ9r8GKYo=', TRUE, now(), now()
FROM generate_series(0, $N - 1) g;
INSERT INTO subscription_region (subscription_id, region_code) SELECT id, 'UA-30' FROM subscription;
VACUUM ANALYZE;
SQL
java -cp "target/quarkus-app/lib/main/*" bench/FanoutBench.java "jdbc:postgresql://127.0.0.1:5432/$DB" "$N" "$CONCURRENCY" "$RECEIVER_PORT"
