-- The records of the case-work steps (victimcare.casework.steps.records): one row per record, its
-- validated values as JSON under the field names of its kind (victimcare.domain.fields). Sensitive
-- steps keep theirs in the sensitive compartment's table of the same shape.
CREATE TABLE step_records(
    id INTEGER PRIMARY KEY AUTOINCREMENT,   -- never reused: an audit entry names a record for good
    case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    step TEXT NOT NULL,
    kind TEXT NOT NULL,
    data TEXT NOT NULL,                     -- JSON object
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL
) STRICT;
CREATE INDEX step_records_case ON step_records(case_id, step);
