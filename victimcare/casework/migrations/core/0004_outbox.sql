-- The transactional outbox: audit entries written in the same core transaction as the rows they
-- describe, appended to the audit log after the commit and then deleted (victimcare.security.outbox).
-- AUTOINCREMENT: an id is never reused, so the audit compartment's watermark stays exact.
CREATE TABLE outbox(
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    entry TEXT NOT NULL                     -- JSON: the keyword arguments of AuditLog.append
) STRICT;

-- Cases written before this version were audited one entry per import or demo batch, without the case
-- ids; the check for cases without their creation entry starts after them.
INSERT OR REPLACE INTO meta(key, value) SELECT 'case_audit_from', CAST(COALESCE(MAX(id), 0) + 1 AS TEXT) FROM cases;
