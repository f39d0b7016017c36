"""The 工作台's queries: which cases to look at, in what order, and who each one is.

The deadline engine decides what is due; SQL only narrows 100,000 cases down to the few worth computing.
``cases.next_due`` (kept by the case writer and ``DeadlineService.update_stale_due``) is each open case's
earliest open due moment, so ``ORDER BY next_due`` walks the cases most overdue first, and a keyset
cursor (next_due, id) pages on through ``cases_status_due``. Candidates whose computed items show
nothing (a visit whose window has not opened, a stored value a rule change has made stale) are skipped,
and the walk goes on until a page is full, so the page is always the most urgent cases.

The education officer has only the school compartment: the children with a 学籍 transfer still open,
with the display name and the referring worker the school rows hold — nothing from the case file.
"""

from datetime import date, datetime, timedelta

CHUNK = 60  # candidates computed at a time
MAX_SCAN = 3000  # candidates looked at for one page at most, so a page always answers quickly


def horizon(today: date, due_soon_days: int, follow_up_tolerance_days: int) -> str:
    """Stored ``next_due`` below this may be due soon today: the reminder window, or a follow-up visit's
    whole window (due soon from its first day, due on its last)."""
    days = max(due_soon_days, 2 * follow_up_tolerance_days) + 1
    return datetime.combine(today + timedelta(days=days), datetime.min.time()).isoformat(timespec="minutes")


def candidates(core, *, before: str, worker: str, cursor: tuple[str, int] | None, limit: int) -> list[tuple]:
    """(id, next_due) of open cases due before ``before``, earliest first, after ``cursor``."""
    where, params = ["status = 'open'", "next_due != ''", "next_due < ?"], [before]
    if worker:
        where.append("assigned_worker = ?")
        params.append(worker)
    if cursor is not None:
        where.append("(next_due, id) > (?, ?)")
        params += list(cursor)
    return core.execute(f"SELECT id, next_due FROM cases WHERE {' AND '.join(where)} ORDER BY next_due, id "
                        "LIMIT ?", [*params, limit]).fetchall()


def overdue_count(core, *, now_iso: str, worker: str) -> int:
    """Open cases whose earliest open deadline has passed (as stored)."""
    sql = "SELECT count(*) FROM cases WHERE status = 'open' AND next_due != '' AND next_due < ?"
    params = [now_iso]
    if worker:
        sql += " AND assigned_worker = ?"
        params.append(worker)
    return core.execute(sql, params).fetchone()[0]


def people(core, ids: list[int]) -> dict[int, tuple[str, str, str]]:
    """case id → (name, first alias when the name is unknown, responsible worker)."""
    if not ids:
        return {}
    marks = ",".join("?" * len(ids))
    out = {case_id: (name, "", worker) for case_id, name, worker in core.execute(
        f"SELECT id, name, assigned_worker FROM cases WHERE id IN ({marks})", ids)}
    unnamed = [i for i, (name, _a, _w) in out.items() if not name]
    if unnamed:
        marks = ",".join("?" * len(unnamed))
        for case_id, alias in core.execute(f"SELECT case_id, alias FROM aliases WHERE case_id IN ({marks}) "
                                           "ORDER BY id DESC", unnamed):  # the first alias is written last
            out[case_id] = ("", alias, out[case_id][2])
    return out


# The school rows whose transfer the school rules may still show: started, not completed, the child not
# placed since, the record not closed (steps/school/rules.py decides; this only narrows the rows).
OPEN_TRANSFERS = ("transfer_started_on != '' AND transfer_done_on = '' AND case_status = 'open' "
                  "AND NOT (enrolled_on != '' AND enrolled_on > transfer_started_on)")


def school_rows(school, *, worker: str, cursor: tuple[str, int] | None, limit: int) -> list[dict]:
    """School rows with an open transfer, the earliest started first, after ``cursor``."""
    where, params = [OPEN_TRANSFERS], []
    if worker:
        where.append("referred_by = ?")
        params.append(worker)
    if cursor is not None:
        where.append("(transfer_started_on, case_id) > (?, ?)")
        params += list(cursor)
    cur = school.execute(f"SELECT * FROM school_children WHERE {' AND '.join(where)} "
                         "ORDER BY transfer_started_on, case_id LIMIT ?", [*params, limit])
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r)) for r in cur.fetchall()]
