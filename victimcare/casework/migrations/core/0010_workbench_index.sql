-- 我的个案 on the 工作台: one worker's open cases by their next deadline. Without it the walk visited every
-- open case's row to test the worker (150–500 ms at 100,000 cases; bench/bench_workbench.py).
CREATE INDEX cases_status_worker_due ON cases(status, assigned_worker, next_due);
