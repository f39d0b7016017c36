-- Approvals (victimcare.casework.approvals): one row per request, from pending to approved, rejected
-- or withdrawn. Decided rows are never changed again; a new request is a new row. The payload holds
-- the fields a step's effect applies once approved (JSON), the reason and comment what people wrote.
-- AUTOINCREMENT: an approval id is never reused (audit entries name it).
CREATE TABLE approvals(
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,                     -- hukou, handover_minor, closure, reopen
    state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'approved', 'rejected', 'withdrawn')),
    reason TEXT NOT NULL,
    payload TEXT NOT NULL DEFAULT '{}',
    requested_by TEXT NOT NULL,
    requested_at TEXT NOT NULL,             -- local ISO datetime
    decided_by TEXT NOT NULL DEFAULT '',    -- the decider, or the requester who withdrew
    decided_at TEXT NOT NULL DEFAULT '',
    comment TEXT NOT NULL DEFAULT ''
) STRICT;
-- at most one pending request of a kind per case, whatever the service checked before
CREATE UNIQUE INDEX approvals_one_pending ON approvals(case_id, kind) WHERE state = 'pending';
CREATE INDEX approvals_state ON approvals(state, requested_at);
CREATE INDEX approvals_requester ON approvals(requested_by, id);
CREATE INDEX approvals_case ON approvals(case_id, id);
