-- The minimal identity education staff need, copied when a child is referred to school.
CREATE TABLE school_children(
    case_id INTEGER PRIMARY KEY,            -- cases.id in the core compartment
    case_no TEXT NOT NULL,
    display_name TEXT NOT NULL,             -- name, or a pseudonym chosen at referral
    sex TEXT NOT NULL,
    birth_date TEXT,
    birth_estimated INTEGER NOT NULL DEFAULT 0,
    referred_at TEXT NOT NULL,
    referred_by TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'referred', -- referred, placed, closed
    school TEXT NOT NULL DEFAULT '',
    grade TEXT NOT NULL DEFAULT '',
    enrolled_on TEXT NOT NULL DEFAULT '',
    transfer_started_on TEXT NOT NULL DEFAULT '',
    transfer_done_on TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX school_children_referred ON school_children(referred_at, case_id);
