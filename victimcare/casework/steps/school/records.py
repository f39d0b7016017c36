"""The school compartment's rows of a referred child, and keeping core and school in step.

The education officer holds the school key only, so what they record cannot be written into core in the
same operation, and what core decides (a case closed or reopened) cannot be read by them. Two mirrors,
each with one direction and one writer, both put right at every sign-in that holds both keys (registered
in ``victimcare.casework.repair``, so they run before anything else is written):

- **school → core** (``sync_core``): every placement write and later change is a row of
  ``school_changes`` (AUTOINCREMENT ids). Core's ``meta.school_changes_synced`` is the highest id its
  records reflect; ``sync_core`` takes the rows above it and, in one core transaction, sets the 入学安置
  step's status by ``rules.step_status``, adds a timeline event per change, refreshes ``cases.next_due``
  of those cases (a transfer deadline then reaches the social worker's 工作台) and raises the watermark.
  A social worker's or supervisor's own write calls it right after its school commit; an education
  officer's write is picked up at the next sign-in of a session holding core (one vault is held by one
  session at a time, so every officer session is over by then). A kill between the school and core
  commits is the same case: the rows stay above the watermark until the next sync.
- **core → school** (``mirror_case_status`` and ``reconcile``): ``school_children.case_status`` mirrors
  ``cases.status`` (open / closed), and the copied sex and birth date follow core's. The writers of
  ``cases.status`` (closure, reopening) call ``mirror_case_status`` in the same operation — closing:
  school first, then core; reopening: core first, then school — so a kill in between leaves the school
  copy on the read-only side. ``reconcile`` at sign-in puts right whatever differs (core decides).
  Every school write checks ``case_status``, so a closed case is read-only for the education officer.
"""

from datetime import datetime

import victimcare.casework.deadlines as deadlines
from victimcare.casework.record import add_event, set_step_status
from victimcare.casework.settings import StationSettings
from victimcare.casework.steps.school import rules
from victimcare.core.errors import UserError
from victimcare.db import stamps
from victimcare.db.connection import transaction

SYNC_KEY = "school_changes_synced"  # core meta: the highest school_changes id core's records reflect
CHUNK = 500  # ids per IN (…) query


def _rows(conn, sql: str, params=()) -> list[dict]:
    cur = conn.execute(sql, params)
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r)) for r in cur.fetchall()]


def child(school, case_id) -> dict | None:
    rows = _rows(school, "SELECT * FROM school_children WHERE case_id = ?", (case_id,))
    return rows[0] if rows else None


def history(school, case_id: int) -> list[dict]:
    """Every placement write and later change of one child, oldest first."""
    return _rows(school, "SELECT id, kind, changed_on, school, grade, note, recorded_at, recorded_by "
                         "FROM school_changes WHERE case_id = ? ORDER BY id", (case_id,))


def require_writable(row: dict | None) -> dict:
    """The school row of a referred child whose case is open, or a refusal in Chinese."""
    if row is None:
        raise UserError("找不到这个转介入学的孩子。教育部门只能查看和登记已转介入学的孩子。")
    if row["case_status"] == "closed":
        raise UserError("个案已结案，入学安置只能查看。如需补充记录，请救助站申请重新开案。")
    return row


def update_child(school, case_id: int, values: dict, stamp: str) -> None:
    """Inside the caller's transaction: set columns of one school row (names are this module's constants)."""
    columns = [c for c in values if c in _WRITABLE]
    school.execute(f"UPDATE school_children SET {', '.join(f'{c} = ?' for c in columns)}, updated_at = ? "
                   "WHERE case_id = ?", [values[c] for c in columns] + [stamp, case_id])


_WRITABLE = frozenset({*rules.PLACEMENT_FIELDS, "status", "transfer_started_on", "transfer_done_on"})


def add_change(school, case_id: int, kind: str, changed_on: str, actor: str, stamp: str, *, school_name: str = "",
               grade: str = "", note: str = "") -> int:
    """Inside the caller's transaction: one history row."""
    return school.execute("INSERT INTO school_changes(case_id, kind, changed_on, school, grade, note, recorded_at, "
                          "recorded_by) VALUES (?,?,?,?,?,?,?,?)",
                          (case_id, kind, changed_on, school_name, grade, note, stamp, actor)).lastrowid


def mirror_case_status(school, case_id: int, status: str, stamp: str) -> None:
    """Inside the caller's school transaction: the case's open/closed state, for the writers of core's
    ``cases.status`` (module docstring for the order)."""
    school.execute("UPDATE school_children SET case_status = ?, updated_at = ? WHERE case_id = ?",
                   ("closed" if status == "closed" else "open", stamp, case_id))


# -- school → core ---------------------------------------------------------------------------------------


def _synced(core) -> int:
    row = core.execute("SELECT value FROM meta WHERE key = ?", (SYNC_KEY,)).fetchone()
    return int(row[0]) if row else 0


def sync_core(core, school, now: datetime) -> int:
    """Bring core's 入学安置 step, timeline and next deadline in step with the school changes it has not
    seen yet (module docstring). Returns how many changes were applied; 0 costs one query each side."""
    changes = _rows(school, "SELECT id, case_id, kind, recorded_at, recorded_by FROM school_changes WHERE id > ? "
                            "ORDER BY id", (_synced(core),))
    if not changes:
        return 0
    ids = sorted({c["case_id"] for c in changes})
    known = set()
    for start in range(0, len(ids), CHUNK):
        part = ids[start:start + CHUNK]
        known |= {r[0] for r in core.execute(f"SELECT id FROM cases WHERE id IN ({','.join('?' * len(part))})", part)}
    stamp = now.isoformat(timespec="seconds")
    settings = StationSettings(core)
    calendar, deadline_rules = settings.calendar(), settings.rules()
    with transaction(core):
        for case_id in sorted(known):
            row = child(school, case_id)
            set_step_status(core, case_id, "school", rules.step_status(row, "in_progress"), stamp)
        for c in changes:
            if c["case_id"] in known:
                add_event(core, c["case_id"], c["recorded_at"], "school", c["kind"],
                          rules.HISTORY_KINDS.get(c["kind"], (c["kind"], ""))[0], c["recorded_by"])
        cases = sorted(known)
        for start in range(0, len(cases), CHUNK):
            facts = deadlines.case_facts(core, school, cases[start:start + CHUNK], now.date())
            core.executemany("UPDATE cases SET next_due = ? WHERE id = ?",
                             [(deadlines.next_due(deadlines.compute(f, now, calendar, deadline_rules)), f.case_id)
                              for f in facts])
        core.execute("INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                     (SYNC_KEY, str(changes[-1]["id"])))
        stamps.record_seen(core, {"school": stamps.read(school)})
    return len(changes)


# -- core → school ---------------------------------------------------------------------------------------

_MIRRORED = ("sex", "birth_date", "birth_estimated")


def reconcile(core, school, stamp: str) -> int:
    """Put the school copy of each referred child's case state, sex and birth date right where it differs
    from core (core decides). Returns how many rows changed. One pass over the referred children only."""
    rows = {r[0]: r[1:] for r in school.execute(
        "SELECT case_id, case_status, sex, birth_date, birth_estimated FROM school_children")}
    ids = sorted(rows)
    fixes = []
    for start in range(0, len(ids), CHUNK):
        part = ids[start:start + CHUNK]
        for case_id, status, *copied in core.execute(
                f"SELECT id, status, {', '.join(_MIRRORED)} FROM cases WHERE id IN ({','.join('?' * len(part))})",
                part):
            want = ("closed" if status == "closed" else "open", *copied)
            if tuple(rows[case_id]) != want:
                fixes.append((*want, stamp, case_id))
    if fixes:
        with transaction(school):
            school.executemany("UPDATE school_children SET case_status = ?, sex = ?, birth_date = ?, "
                               "birth_estimated = ?, updated_at = ? WHERE case_id = ?", fixes)
    return len(fixes)
