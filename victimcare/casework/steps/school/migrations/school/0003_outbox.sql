-- The transactional outbox: audit entries written in the same school transaction (a referral) as the rows they
-- describe, appended to the audit log after the commit and then deleted (victimcare.security.outbox).
-- AUTOINCREMENT: an id is never reused, so the audit compartment's watermark stays exact.
CREATE TABLE outbox(
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    entry TEXT NOT NULL                     -- JSON: the keyword arguments of AuditLog.append
) STRICT;
