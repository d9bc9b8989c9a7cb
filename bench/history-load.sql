-- The alerts of bench/history-http.sh: :n alerts, one every 15 s or so back from now (a million
-- is about six months of a busy national feed), into every table history reads. Each is a copy
-- of the alert the service stored when the script published one (its canonical document and
-- region resolution), given its own identifier, sender, time, event, threat and regions:
--   * regions: an oblast (Kyiv, Kharkiv, Dnipro and the front line more often), then a hromada
--     of it (half the alerts), a raion (a quarter) or the oblast; a third name 2 or 3 of the same
--     kind there; one in 200 is for the whole country;
--   * senders: the oblast's administration (70%) or the national service;
--   * 96% Actual (the rest Test, Exercise, System), 70% Alert, 15% Update, 15% Cancel; 1% are
--     Restricted to an address;
--   * threats as a feed has them: air raid 40%, drones 22%, missiles, ballistic, guided bombs,
--     artillery, urban fights, 1% chemical, 0.5% nuclear, information; 60% carry an English
--     info besides the Ukrainian one;
--   * Alerts of the last 4 hours are active (half of them), older ones were cancelled, updated
--     or ran out.
\set ON_ERROR_STOP 1
BEGIN;
SELECT setseed(0.42);

CREATE TEMP TABLE region_pick (level TEXT, code TEXT, oblast TEXT);
\copy region_pick FROM 'target/bench-history-regions.tsv'
-- Per oblast, its codes of each level (an oblast without raions names itself instead).
CREATE TEMP TABLE oblast_codes AS
SELECT o.code AS oblast, row_number() OVER (ORDER BY o.code) AS n,
       coalesce((SELECT array_agg(code ORDER BY code) FROM region_pick h WHERE h.level = 'hromada' AND h.oblast = o.code), ARRAY[o.code]) AS hromadas,
       coalesce((SELECT array_agg(code ORDER BY code) FROM region_pick r WHERE r.level = 'raion' AND r.oblast = o.code), ARRAY[o.code]) AS raions
FROM region_pick o WHERE o.level = 'oblast';
-- Busier oblasts first: the pick below favours low numbers.
UPDATE oblast_codes o SET n = r.n FROM (
  SELECT oblast, row_number() OVER (ORDER BY coalesce(array_position(ARRAY['UA-30', 'UA-63', 'UA-12', 'UA-14',
    'UA-23', 'UA-59', 'UA-65', 'UA-48', 'UA-51', 'UA-32'], oblast), 100), oblast) AS n FROM oblast_codes) r
WHERE r.oblast = o.oblast;

CREATE TEMP TABLE template AS SELECT document, area_resolution, sender AS template_sender FROM alert WHERE identifier = 'template';
DELETE FROM event_outbox;
DELETE FROM alert_event WHERE alert_id IN (SELECT id FROM alert WHERE identifier = 'template');
DELETE FROM alert_info WHERE alert_id IN (SELECT id FROM alert WHERE identifier = 'template');
DELETE FROM alert_region WHERE alert_id IN (SELECT id FROM alert WHERE identifier = 'template');
DELETE FROM alert WHERE identifier = 'template';

CREATE TEMP TABLE gen AS
WITH base AS (
  SELECT g, now() - make_interval(secs => g * 15 - 7 + floor(random() * 14)) AS sent_at,
         random() AS r_oblast, random() AS r_level, random() AS r_pick, random() AS r_many,
         random() AS r_sender, random() AS r_status, random() AS r_type, random() AS r_state,
         random() AS r_threat, random() AS r_sev, random() AS r_urg, random() AS r_cert,
         random() AS r_lang, random() AS r_scope, random() AS r_exp
  FROM generate_series(1, :n) g
), picked AS (
  SELECT b.*, o.oblast, o.hromadas, o.raions
  FROM base b JOIN oblast_codes o ON o.n = 1 + floor(27 * b.r_oblast ^ 1.6)
)
SELECT g, sent_at, oblast,
       -- time-ordered ids, as the service makes them
       (substr(h, 1, 8) || '-' || substr(h, 9, 4) || '-7' || substr(h, 14, 3) || '-8' || substr(h, 18, 3)
         || '-' || substr(h, 21, 12))::uuid AS id,
       CASE WHEN r_sender < 0.7 THEN 'oda.' || lower(oblast) || '@alerts.gov.ua' ELSE 'dsns@alerts.gov.ua' END AS sender,
       CASE WHEN r_status < 0.96 THEN 'Actual' WHEN r_status < 0.98 THEN 'Test' WHEN r_status < 0.99 THEN 'Exercise' ELSE 'System' END AS status,
       CASE WHEN r_type < 0.70 THEN 'Alert' WHEN r_type < 0.85 THEN 'Update' ELSE 'Cancel' END AS msg_type,
       CASE WHEN r_scope < 0.99 THEN 'Public' ELSE 'Restricted' END AS scope,
       CASE WHEN r_level < 0.005 THEN ARRAY['UA']
            WHEN r_level < 0.505 THEN ARRAY[hromadas[1 + floor(r_pick * cardinality(hromadas))::int],
                                            hromadas[1 + (floor(r_pick * cardinality(hromadas))::int + 1) % cardinality(hromadas)],
                                            hromadas[1 + (floor(r_pick * cardinality(hromadas))::int + 2) % cardinality(hromadas)]]
            WHEN r_level < 0.755 THEN ARRAY[raions[1 + floor(r_pick * cardinality(raions))::int],
                                            raions[1 + (floor(r_pick * cardinality(raions))::int + 1) % cardinality(raions)],
                                            raions[1 + (floor(r_pick * cardinality(raions))::int + 2) % cardinality(raions)]]
            ELSE ARRAY[oblast] END AS candidates,
       CASE WHEN r_many < 0.67 THEN 1 WHEN r_many < 0.85 THEN 2 ELSE 3 END AS regions,
       (ARRAY['air_raid', 'drones', 'missiles', 'ballistic', 'guided_bombs', 'tactical_aviation',
              'artillery_shelling', 'urban_fights', 'chemical', 'nuclear', 'info'])[
         CASE WHEN r_threat < 0.40 THEN 1 WHEN r_threat < 0.62 THEN 2 WHEN r_threat < 0.72 THEN 3
              WHEN r_threat < 0.76 THEN 4 WHEN r_threat < 0.80 THEN 5 WHEN r_threat < 0.82 THEN 6
              WHEN r_threat < 0.92 THEN 7 WHEN r_threat < 0.95 THEN 8 WHEN r_threat < 0.96 THEN 9
              WHEN r_threat < 0.965 THEN 10 ELSE 11 END] AS threat,
       CASE WHEN r_sev < 0.5 THEN 4 WHEN r_sev < 0.8 THEN 3 WHEN r_sev < 0.95 THEN 2 ELSE 1 END AS severity_rank,
       CASE WHEN r_urg < 0.8 THEN 'Immediate' WHEN r_urg < 0.95 THEN 'Expected' ELSE 'Future' END AS urgency,
       CASE WHEN r_cert < 0.6 THEN 'Observed' WHEN r_cert < 0.9 THEN 'Likely' ELSE 'Possible' END AS certainty,
       r_lang < 0.6 AS english, r_state, r_exp
FROM picked, LATERAL (SELECT lpad(to_hex((extract(epoch FROM sent_at) * 1000)::bigint), 12, '0') || md5(g::text) AS h) x;

INSERT INTO alert (id, sender, identifier, sent_at, status, msg_type, scope, state, expires_at, received_at,
                   source_format, content_hash, document, area_resolution, threat_type, threat_level)
SELECT id, sender, 'ua-' || g, sent_at, status, msg_type, scope,
       CASE WHEN status <> 'Actual' THEN 'not-actual'
            WHEN msg_type = 'Cancel' THEN 'recorded'
            WHEN sent_at > now() - interval '4 hours' AND r_state < 0.5 THEN 'active'
            WHEN sent_at > now() - interval '4 hours' THEN 'cancelled'
            WHEN r_state < 0.55 THEN 'cancelled' WHEN r_state < 0.70 THEN 'updated' ELSE 'active' END,
       -- Active air raid alerts have no end until cancelled; the others ran out after hours.
       CASE WHEN sent_at > now() - interval '4 hours' THEN NULL
            ELSE sent_at + make_interval(mins => 60 + floor(r_exp * 300)::int) END,
       sent_at + interval '1 second', 'json', md5(id::text),
       regexp_replace(replace(replace(replace(t.document, '"template"', '"ua-' || g || '"'), template_sender, gen.sender),
                              '"air raid"', '"' || replace(threat, '_', ' ') || '"'),
                      '"sent":"[^"]*"', '"sent":"' || to_char(sent_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS') || '+00:00"'),
       t.area_resolution, threat,
       CASE WHEN threat = 'drones' THEN 'yellow' WHEN threat IN ('missiles', 'ballistic') THEN 'red' END
FROM gen, template t;

INSERT INTO alert_region (alert_id, region_code, sent_at, partial)
SELECT DISTINCT id, candidates[k], sent_at, FALSE FROM gen, generate_series(1, 3) k WHERE k <= regions AND candidates[k] IS NOT NULL;

INSERT INTO alert_info (alert_id, position, language, event_key, urgency, severity_rank, certainty, sent_at)
SELECT id, p, CASE p WHEN 0 THEN 'uk-UA' ELSE 'en-US' END, replace(threat, '_', ' '), urgency, severity_rank,
       certainty, sent_at
FROM gen, generate_series(0, 1) p WHERE p = 0 OR english;

INSERT INTO alert_reference (alert_id, position, ref_sender, ref_identifier, ref_sent)
SELECT id, 0, sender, 'ua-' || (g + 4), to_char(sent_at - interval '1 minute', 'YYYY-MM-DD"T"HH24:MI:SS"+00:00"')
FROM gen WHERE msg_type <> 'Alert';

INSERT INTO alert_address (alert_id, address)
SELECT id, 'ops.' || lower(oblast) || '@alerts.gov.ua' FROM gen WHERE scope = 'Restricted';

COMMIT;
VACUUM ANALYZE;
