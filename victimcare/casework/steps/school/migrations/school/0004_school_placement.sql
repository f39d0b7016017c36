-- 入学安置 as the education officer records it (F9), the case's open/closed state mirrored from core,
-- and the history of every placement write and later change (F10 变动情况).
ALTER TABLE school_children ADD COLUMN class_name TEXT NOT NULL DEFAULT '';
ALTER TABLE school_children ADD COLUMN attendance TEXT NOT NULL DEFAULT '';      -- formal (正式) / temporary (临时就读)
ALTER TABLE school_children ADD COLUMN student_no TEXT NOT NULL DEFAULT '';      -- 学籍号: G + ID number, or J + 18
ALTER TABLE school_children ADD COLUMN pairing_teacher TEXT NOT NULL DEFAULT ''; -- 结对帮扶教师
ALTER TABLE school_children ADD COLUMN counselling TEXT NOT NULL DEFAULT '';     -- 心理辅导安排
ALTER TABLE school_children ADD COLUMN privacy_measures TEXT NOT NULL DEFAULT '';-- 隐私保护措施
-- The case's state in core (open / closed), kept in step by the writers of core's cases.status and put
-- right at every sign-in holding both keys (steps/school/records.py): the education officer holds no
-- core key, so this is how a closed case reaches the school compartment.
ALTER TABLE school_children ADD COLUMN case_status TEXT NOT NULL DEFAULT 'open';
-- status was referred / placed / closed; closed now lives in case_status and status is the placement's
-- own state: referred, placed, graduated, dropped_out.
UPDATE school_children SET case_status = 'closed' WHERE status = 'closed';
UPDATE school_children SET status = CASE WHEN school != '' THEN 'placed' ELSE 'referred' END WHERE status = 'closed';
CREATE INDEX school_children_school ON school_children(school, grade);

-- Every write of the placement and every later change, oldest first. AUTOINCREMENT: ids are never
-- reused, so core's watermark (meta school_changes_synced) says exactly which ones its steps and
-- timeline reflect.
CREATE TABLE school_changes(
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    case_id INTEGER NOT NULL REFERENCES school_children(case_id),
    kind TEXT NOT NULL,                     -- placed, edited, transfer_started, transfer_done, transferred,
                                            -- graduated, dropped_out, returned
    changed_on TEXT NOT NULL,               -- the date it happened (ISO)
    school TEXT NOT NULL DEFAULT '',        -- the new school of a transfer
    grade TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT '',
    recorded_at TEXT NOT NULL,
    recorded_by TEXT NOT NULL
) STRICT;
CREATE INDEX school_changes_case ON school_changes(case_id, id);
