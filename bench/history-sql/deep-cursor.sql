-- GET /api/v1/alerts shape deep-cursor: the history search as the service sends it (captured from
-- PostgreSQL's statement log; the bound values written in, those that vary as pgbench variables).
SELECT a.id, octet_length(a.document) + coalesce(octet_length(a.original_xml), 0) FROM alert a WHERE 1 = 1 AND a.sent_at <= :cursorSent AND (a.sent_at < :cursorSent OR a.id < :cursorId) AND (((NOT a.state IN ('pending-approval', 'discarded')) AND (a.scope = 'Public'))) AND a.status IN ('Actual') ORDER BY a.sent_at DESC, a.id DESC fetch first 51 rows only;
