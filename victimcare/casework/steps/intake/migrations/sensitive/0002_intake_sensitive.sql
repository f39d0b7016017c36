CREATE TABLE intake_sensitive(
    case_id INTEGER PRIMARY KEY,            -- cases.id in the core compartment
    health_check TEXT NOT NULL DEFAULT '',
    mental_state TEXT NOT NULL DEFAULT '',  -- code
    mental_note TEXT NOT NULL DEFAULT '',
    injuries INTEGER NOT NULL DEFAULT 0,
    injuries_note TEXT NOT NULL DEFAULT '',
    circumstances TEXT NOT NULL DEFAULT '', -- how they came to need help: the trafficking narrative
    found_circumstances TEXT NOT NULL DEFAULT '', -- police: 发现经过
    updated_at TEXT NOT NULL
) STRICT;
