-- The audit compartment: the hash-chained, append-only log (victimcare.security.audit).
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;

CREATE TABLE audit_log(
    seq INTEGER PRIMARY KEY,
    ts_utc TEXT NOT NULL,
    tz_offset TEXT NOT NULL,
    actor TEXT NOT NULL,
    role TEXT NOT NULL,
    os_user TEXT NOT NULL,
    host TEXT NOT NULL,
    session_id TEXT NOT NULL,
    action TEXT NOT NULL,
    object_type TEXT NOT NULL,
    object_id TEXT NOT NULL,
    categories TEXT NOT NULL,
    purpose TEXT NOT NULL,
    result TEXT NOT NULL,
    record_count INTEGER NOT NULL,
    detail TEXT NOT NULL,
    file_hash TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    entry_hash TEXT NOT NULL
) STRICT;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
    BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
    BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
