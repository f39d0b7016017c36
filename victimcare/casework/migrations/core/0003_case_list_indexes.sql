-- The case list filters on status by default; without these the planner sorted 100k rows per page.
CREATE INDEX cases_status_admitted ON cases(status, admitted_at);
CREATE INDEX cases_status_case_no ON cases(status, case_no);
