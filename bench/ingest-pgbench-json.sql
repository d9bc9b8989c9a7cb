-- The stored work of one published minimal JSON alert (bench/kyiv-alert.json, one info, one
-- region), as the service commits it, frozen here so that the baseline does not move when the
-- service does: the alert row with its JSON document (475 characters) and area resolution
-- (107), no original XML, one info index row, one region row, the event with its payload
-- (756), the outbox row with its chain and the audit entry, in one transaction. Run by
-- bench/ingest.sh with pgbench at the same concurrency as the HTTP clients. (The outbox row got
-- its chain when the service's did; the scripts are otherwise as first frozen.)
\set n random(1, 9223372036854775807)
BEGIN;
INSERT INTO alert (id, sender, identifier, sent_at, status, msg_type, scope, state, expires_at, received_at,
    published_by, source_format, content_hash, document, original_xml, area_resolution, signature_verdict,
    published_by_holder, copy_no, threat_type, threat_level)
VALUES (md5(:n || '-' || :client_id)::uuid, 'pgbench@airalert.test', 'pgbench-' || :n || '-' || :client_id,
    now(), 'Actual', 'Alert', 'Public', 'active', NULL, now(),
    'b81f2f61-672d-4851-aa77-418d4f8407d2', 'json', md5(:n::text) || md5(:client_id::text), repeat('d', 475),
    NULL, repeat('r', 107), 'unsigned', 'bench', 0, 'air_raid', NULL);
INSERT INTO alert_info (alert_id, position, language, event_key, urgency, severity_rank, certainty, sent_at)
VALUES (md5(:n || '-' || :client_id)::uuid, 0, 'en-US', 'air raid', 'Immediate', 4, 'Observed', now());
INSERT INTO alert_region (alert_id, region_code, sent_at, partial)
VALUES (md5(:n || '-' || :client_id)::uuid, 'UA-30', now(), false);
INSERT INTO alert_event (id, type, alert_id, chain_key, related_alert_ids, created_at, payload, audience, published_by)
VALUES (md5(:client_id || '-' || :n)::uuid, 'alert.published', md5(:n || '-' || :client_id)::uuid,
    md5(:n || '-' || :client_id), '', now(), repeat('p', 756), 'public', 'b81f2f61-672d-4851-aa77-418d4f8407d2');
INSERT INTO event_outbox (event_seq, chain_key)
VALUES (currval(pg_get_serial_sequence('alert_event', 'seq')), md5(:n || '-' || :client_id));
INSERT INTO audit_event (id, at, action, outcome, key_id, holder, sender, alert_id, client_address, detail)
VALUES (md5('audit-' || :n || '-' || :client_id)::uuid, now(), 'alert.published', 'accepted',
    'b81f2f61-672d-4851-aa77-418d4f8407d2', 'bench', 'pgbench@airalert.test', md5(:n || '-' || :client_id)::uuid,
    '127.0.0.1', 'signature unsigned');
END;
