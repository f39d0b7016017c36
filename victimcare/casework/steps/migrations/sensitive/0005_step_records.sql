-- The records of the sensitive steps (医疗康复), the same shape as core's step_records
-- (victimcare.casework.steps.records), and this compartment's outbox: a record and its audit entry
-- commit together here, then the core part (status, timeline) follows (victimcare.security.outbox).
CREATE TABLE step_records(
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    case_id INTEGER NOT NULL,               -- the case in core (another file: no foreign key)
    step TEXT NOT NULL,
    kind TEXT NOT NULL,
    data TEXT NOT NULL,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL
) STRICT;
CREATE INDEX step_records_case ON step_records(case_id, step);
CREATE TABLE outbox(
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    entry TEXT NOT NULL
) STRICT;
