-- An edit of a saved intake's sensitive part, staged before its core part commits (the cross-compartment
-- order of victimcare.casework.record: sensitive first, then core with the audit entry in the core outbox).
-- It replaces the intake_sensitive row once the core part is committed; a kill in between is settled at the
-- next sign-in (casework.repair): applied when its audit entry (naming the token) waits in the core outbox,
-- dropped when the core part never committed. The live row never shows an edit the case does not record.
CREATE TABLE intake_sensitive_pending(
    token TEXT PRIMARY KEY,                 -- random; named in the edit's audit entry (detail "edit=<token>")
    case_id INTEGER NOT NULL,               -- cases.id in the core compartment
    health_check TEXT NOT NULL DEFAULT '',
    mental_state TEXT NOT NULL DEFAULT '',
    mental_note TEXT NOT NULL DEFAULT '',
    injuries INTEGER NOT NULL DEFAULT 0,
    injuries_note TEXT NOT NULL DEFAULT '',
    circumstances TEXT NOT NULL DEFAULT '',
    found_circumstances TEXT NOT NULL DEFAULT '',
    staged_at TEXT NOT NULL
) STRICT;
CREATE INDEX intake_sensitive_pending_case ON intake_sensitive_pending(case_id);
