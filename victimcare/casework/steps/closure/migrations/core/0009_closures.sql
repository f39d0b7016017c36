-- 结案 (victimcare.casework.steps.closure): one row per closure applied by an approved request (F16
-- fields), kept when the case is reopened (reopened_at, reopen_approval_id), so a case closed twice
-- has two rows. next_due_before is cases.next_due at closing (a closed case has no deadlines), put back
-- at reopening: nothing about the case can change while it is closed.
CREATE TABLE closures(
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    approval_id INTEGER NOT NULL,           -- approvals.id of the closure request
    closure_type TEXT NOT NULL,             -- family, hukou, institution, left, referred, death, other
    summary TEXT NOT NULL,
    open_items TEXT NOT NULL DEFAULT '',
    follow_up_plan TEXT NOT NULL DEFAULT '',
    retention TEXT NOT NULL,                -- permanent, 30y, 10y
    archive_on TEXT NOT NULL,               -- ISO date
    requested_by TEXT NOT NULL,
    approved_by TEXT NOT NULL,
    closed_at TEXT NOT NULL,
    next_due_before TEXT NOT NULL DEFAULT '',
    reopened_at TEXT NOT NULL DEFAULT '',
    reopen_approval_id INTEGER
) STRICT;
CREATE INDEX closures_case ON closures(case_id, id);
