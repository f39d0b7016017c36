-- The case file: the case and its intake (F1/F2) rows, step statuses, deadline milestones, the
-- timeline and the search index. Released as one version; later changes come as new numbered files.
CREATE TABLE cases(
    id INTEGER PRIMARY KEY,
    case_no TEXT NOT NULL UNIQUE,
    admitted_at TEXT NOT NULL,              -- local ISO datetime
    arrival_mode TEXT NOT NULL,
    escort_unit TEXT NOT NULL DEFAULT '',
    escort_officers TEXT NOT NULL DEFAULT '',
    police_case_no TEXT NOT NULL DEFAULT '',
    name TEXT NOT NULL DEFAULT '',          -- '' when unknown
    name_unknown INTEGER NOT NULL DEFAULT 0,
    name_pinyin TEXT NOT NULL DEFAULT '',   -- toneless, for the sound-alike duplicate check
    sex TEXT NOT NULL,                      -- M, F, U
    birth_date TEXT,                        -- ISO date, real or estimated
    birth_estimated INTEGER NOT NULL DEFAULT 0,
    estimated_age INTEGER,
    age_basis TEXT NOT NULL DEFAULT '',
    ethnicity TEXT NOT NULL DEFAULT '',
    id_type TEXT NOT NULL DEFAULT '',
    id_number TEXT NOT NULL DEFAULT '',
    id_status TEXT NOT NULL,
    hukou_code TEXT NOT NULL DEFAULT '',
    hukou_detail TEXT NOT NULL DEFAULT '',
    residence TEXT NOT NULL DEFAULT '',
    dialect TEXT NOT NULL DEFAULT '',
    appearance TEXT NOT NULL DEFAULT '',
    on_assistance INTEGER NOT NULL DEFAULT 0,
    fingerprints_taken INTEGER NOT NULL DEFAULT 0,
    flag_trafficking INTEGER NOT NULL DEFAULT 0,
    flag_disabled INTEGER NOT NULL DEFAULT 0,
    flag_foreign INTEGER NOT NULL DEFAULT 0,
    suspected_trafficking INTEGER NOT NULL DEFAULT 0,
    police_report_at TEXT NOT NULL DEFAULT '',
    police_report_unit TEXT NOT NULL DEFAULT '',
    request TEXT NOT NULL DEFAULT '',
    decision TEXT NOT NULL DEFAULT 'aid',
    decision_reason TEXT NOT NULL DEFAULT '',
    registrar TEXT NOT NULL,
    assigned_worker TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'open',    -- open, closed
    closed_at TEXT NOT NULL DEFAULT '',
    next_due TEXT NOT NULL DEFAULT '',      -- earliest unmet deadline (ISO), '' when none
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX cases_admitted ON cases(admitted_at, id);
CREATE INDEX cases_case_no ON cases(case_no);
CREATE INDEX cases_id_number ON cases(id_number) WHERE id_number != '';
CREATE INDEX cases_pinyin ON cases(name_pinyin);
CREATE INDEX cases_sex_birth ON cases(sex, birth_date);
CREATE INDEX cases_status_due ON cases(status, next_due);
CREATE INDEX cases_worker ON cases(assigned_worker, admitted_at);

CREATE TABLE aliases(
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    alias TEXT NOT NULL,
    pinyin TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX aliases_case ON aliases(case_id);
CREATE INDEX aliases_pinyin ON aliases(pinyin);

CREATE TABLE belongings(
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    item TEXT NOT NULL,
    quantity TEXT NOT NULL DEFAULT '',
    storage_no TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX belongings_case ON belongings(case_id);

CREATE TABLE relatives(
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    relation TEXT NOT NULL DEFAULT '',
    name TEXT NOT NULL DEFAULT '',
    contact TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX relatives_case ON relatives(case_id);

CREATE TABLE police_handover(
    case_id INTEGER PRIMARY KEY REFERENCES cases(id) ON DELETE CASCADE,
    unit TEXT NOT NULL DEFAULT '',
    officers TEXT NOT NULL DEFAULT '',
    found_at TEXT NOT NULL DEFAULT '',
    found_place TEXT NOT NULL DEFAULT '',
    checks TEXT NOT NULL DEFAULT '',        -- comma-separated codes
    handover_at TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE TABLE photos(
    case_id INTEGER PRIMARY KEY REFERENCES cases(id) ON DELETE CASCADE,
    mime TEXT NOT NULL,
    data BLOB NOT NULL,
    added_at TEXT NOT NULL
) STRICT;

CREATE TABLE steps(
    case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    step TEXT NOT NULL,
    status TEXT NOT NULL,                   -- not_started, in_progress, done, not_applicable
    reason TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL,
    PRIMARY KEY(case_id, step)
) STRICT, WITHOUT ROWID;
CREATE INDEX steps_status ON steps(step, status);

-- Dates the deadline rules read (CaseFacts field names), one row per fact.
CREATE TABLE milestones(
    case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    key TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY(case_id, key)
) STRICT, WITHOUT ROWID;

CREATE TABLE events(
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    at TEXT NOT NULL,
    step TEXT NOT NULL,
    kind TEXT NOT NULL,
    summary TEXT NOT NULL,
    actor TEXT NOT NULL
) STRICT;
CREATE INDEX events_case ON events(case_id, at);

-- Search: one document per case (case number, name, aliases, ID number, pinyin), indexed
-- with FTS5 trigrams for 3+ character queries; shorter ones scan the documents with LIKE.
CREATE TABLE search_docs(case_id INTEGER PRIMARY KEY REFERENCES cases(id) ON DELETE CASCADE,
                         doc TEXT NOT NULL) STRICT;
CREATE VIRTUAL TABLE search_fts USING fts5(doc, content='search_docs', content_rowid='case_id',
                                           tokenize='trigram');
CREATE TRIGGER search_docs_ai AFTER INSERT ON search_docs BEGIN
    INSERT INTO search_fts(rowid, doc) VALUES (new.case_id, new.doc);
END;
CREATE TRIGGER search_docs_ad AFTER DELETE ON search_docs BEGIN
    INSERT INTO search_fts(search_fts, rowid, doc) VALUES ('delete', old.case_id, old.doc);
END;
CREATE TRIGGER search_docs_au AFTER UPDATE ON search_docs BEGIN
    INSERT INTO search_fts(search_fts, rowid, doc) VALUES ('delete', old.case_id, old.doc);
    INSERT INTO search_fts(rowid, doc) VALUES (new.case_id, new.doc);
END;
