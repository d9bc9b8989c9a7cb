#!/usr/bin/env bash
# History queries at scale: loads N alerts (default 2,000,000) into a scratch PostgreSQL
# database with the real schema, then prints the plan and execution time of each query
# shape the history API sends (the SQL AlertRepository builds). What to look for: every
# plan starts from an index and none sorts the whole table; times stay in milliseconds.
#
#   bench/history-at-scale.sh [alerts]     (PostgreSQL on 127.0.0.1:5432, user postgres)
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
N=${1:-2000000}
DB=airalert_bench
PSQL=("${BENCH_PSQL[@]}")

bench_create_db $DB
"${PSQL[@]}" -d $DB -f src/main/resources/db/migration/V1__alerts_and_keys.sql
echo "loading $N alerts..."
start=$(date +%s)
"${PSQL[@]}" -d $DB <<SQL
-- 2M alerts one every 15 s: about a year of a very busy national feed.
CREATE TEMP TABLE regions AS SELECT unnest(ARRAY['UA-05','UA-07','UA-09','UA-12','UA-14',
  'UA-18','UA-21','UA-23','UA-26','UA-30','UA-32','UA-35','UA-40','UA-43','UA-46','UA-48',
  'UA-51','UA-53','UA-56','UA-59','UA-61','UA-63','UA-65','UA-68','UA-71','UA-74','UA-77',
  'RU-KRS','RU-BEL','RU-BRY']) AS code;
CREATE TEMP TABLE codes AS SELECT array_agg(code) AS a FROM regions;
INSERT INTO alert (id, sender, identifier, sent_at, status, msg_type, scope, state, expires_at,
                   received_at, source_format, content_hash, document)
SELECT gen_random_uuid(), 'sender-' || (g % 200), 'id-' || g,
       now() - make_interval(secs => g * 15),
       CASE WHEN g % 25 = 0 THEN 'Test' ELSE 'Actual' END,
       CASE WHEN g % 10 = 0 THEN 'Update' WHEN g % 10 = 1 THEN 'Cancel' ELSE 'Alert' END,
       'Public',
       CASE WHEN g % 25 = 0 THEN 'not-actual' WHEN g % 10 IN (0, 1, 2) THEN 'cancelled' ELSE 'active' END,
       now() - make_interval(secs => g * 15) + interval '3 hours',
       now(), 'json', md5(g::text), '{"identifier":"id-' || g || '"}'
FROM generate_series(1, $N) g;
INSERT INTO alert_region (alert_id, region_code, sent_at)
SELECT a.id, (SELECT a FROM codes)[1 + (abs(hashtext(a.identifier)) % 30)], a.sent_at FROM alert a;
INSERT INTO alert_info (alert_id, position, language, event_key, urgency, severity_rank, certainty, sent_at)
SELECT a.id, 0, 'uk-UA',
       (ARRAY['air raid','air raid','air raid','artillery shelling','urban fights','chemical','nuclear'])[1 + abs(hashtext(a.identifier || 'e')) % 7],
       (ARRAY['Immediate','Expected','Future'])[1 + abs(hashtext(a.identifier || 'u')) % 3],
       abs(hashtext(a.identifier || 's')) % 5,
       (ARRAY['Observed','Likely','Possible'])[1 + abs(hashtext(a.identifier || 'c')) % 3],
       a.sent_at FROM alert a;
VACUUM ANALYZE;
SQL
echo "loaded in $(( $(date +%s) - start )) s"

deep=$("${PSQL[@]}" -d $DB -Atc "SELECT sent_at || '|' || id FROM alert WHERE status = 'Actual' ORDER BY sent_at DESC, id DESC OFFSET 100000 LIMIT 1")
deep_sent=${deep%%|*}; deep_id=${deep##*|}

run() {
  echo
  echo "== $1"
  "${PSQL[@]}" -d $DB -c "EXPLAIN (ANALYZE, COSTS OFF, TIMING ON) $2" | grep -E "Scan|Sort|Loop|Join|Limit|Execution Time"
}
PAGE="ORDER BY a.sent_at DESC, a.id DESC LIMIT 51"
run "newest page" "SELECT a.* FROM alert a WHERE a.status IN ('Actual') $PAGE"
run "page 2,000 deep (cursor)" "SELECT a.* FROM alert a WHERE a.status IN ('Actual') AND (a.sent_at < '$deep_sent' OR (a.sent_at = '$deep_sent' AND a.id < '$deep_id')) $PAGE"
run "one region" "SELECT a.* FROM alert a WHERE a.status IN ('Actual') AND EXISTS (SELECT 1 FROM alert_region r WHERE r.alert_id = a.id AND r.region_code IN ('UA-30')) $PAGE"
run "one region, active now" "SELECT a.* FROM alert a WHERE a.status IN ('Actual') AND (a.state = 'active' AND (a.expires_at IS NULL OR a.expires_at > now())) AND EXISTS (SELECT 1 FROM alert_region r WHERE r.alert_id = a.id AND r.region_code IN ('UA-30')) $PAGE"
run "event + severity" "SELECT a.* FROM alert a WHERE a.status IN ('Actual') AND EXISTS (SELECT 1 FROM alert_info i WHERE i.alert_id = a.id AND i.event_key = 'chemical' AND i.severity_rank >= 3) $PAGE"
run "one sender" "SELECT a.* FROM alert a WHERE a.status IN ('Actual') AND a.sender = 'sender-7' $PAGE"
run "a week in one region" "SELECT a.* FROM alert a WHERE a.status IN ('Actual') AND a.sent_at >= now() - interval '14 days' AND a.sent_at <= now() - interval '7 days' AND EXISTS (SELECT 1 FROM alert_region r WHERE r.alert_id = a.id AND r.region_code IN ('UA-30')) $PAGE"
run "rare: Exercise in RU-BRY" "SELECT a.* FROM alert a WHERE a.status IN ('Exercise') AND EXISTS (SELECT 1 FROM alert_region r WHERE r.alert_id = a.id AND r.region_code IN ('RU-BRY')) $PAGE"
