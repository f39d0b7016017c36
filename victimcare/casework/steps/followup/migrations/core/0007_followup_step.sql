-- 跟踪回访 becomes a step of its own (it was recorded under 回归与回访): every case gets its row.
INSERT OR IGNORE INTO steps(case_id, step, status, reason, updated_at)
    SELECT id, 'followup', 'not_started', '', updated_at FROM cases;
