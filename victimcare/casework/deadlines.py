"""Deadlines of cases: the engine's facts built from stored rows, each case's list, the 工作台
query, and keeping ``cases.next_due`` current.

Long work (``recompute_due`` over every open case) runs in chunks, each its own short trip to the
owner thread and its own commit, so that the case list and a case page answer between chunks.
"""

from dataclasses import fields
from datetime import date, datetime

from victimcare.casework.settings import StationSettings
from victimcare.casework.steps import CODES, DEADLINE_ONLY, deadline_rules
from victimcare.casework.steps.school.rules import oldest_birth_date
from victimcare.db.connection import transaction
from victimcare.domain.dates import age_on
from victimcare.domain.deadlines import DUE_SOON, OVERDUE, PENDING, CaseFacts, compute_deadlines, open_items
from victimcare.domain.identity import IdStatus
from victimcare.security.gate import CALLER, Service, operation
from victimcare.security.permissions import Op

RECOMPUTE_CHUNK = 100  # cases per owner-thread trip: ~7 ms, so a case page's three reads wait ≤ ~20 ms

# milestone keys are CaseFacts fields holding a date or datetime
_DATETIME_FACTS = {"notice_published_at"}
_DATE_FACTS = {f.name for f in fields(CaseFacts) if f.name.endswith("_on") and f.name != "follow_up_dates"}
MILESTONE_KEYS = frozenset(_DATE_FACTS | _DATETIME_FACTS | {"follow_up_dates", "identity_known",
                                                            "dna_not_applicable", "legal_aid_refused",
                                                            "steps_not_applicable"})
_FACT_COLUMNS = ("id, case_no, admitted_at, birth_date, birth_estimated, id_status, name_unknown, flag_disabled, "
                 "status")


def parse_milestone(key: str, value: str):
    if key in _DATETIME_FACTS:
        return datetime.fromisoformat(value)
    if key in _DATE_FACTS:
        return date.fromisoformat(value)
    if key == "follow_up_dates":
        return [date.fromisoformat(v) for v in value.split(",") if v]
    if key == "steps_not_applicable":
        return {v for v in value.split(",") if v}
    return value == "1"


def facts_from_rows(case: dict, milestones: dict[str, str], school: dict | None, not_applicable: set[str],
                    today: date) -> CaseFacts:
    birth = date.fromisoformat(case["birth_date"]) if case.get("birth_date") else None
    values = {k: parse_milestone(k, v) for k, v in milestones.items() if k in MILESTONE_KEYS}
    values.setdefault("identity_known", case.get("id_status") == IdStatus.HAS and not case.get("name_unknown"))
    values["steps_not_applicable"] = set(values.get("steps_not_applicable", set())) | not_applicable
    if school:
        for key in ("transfer_started_on", "transfer_done_on"):
            if school.get(key):
                values[f"school_{key}"] = date.fromisoformat(school[key])
    return CaseFacts(case_id=case["id"], case_no=case["case_no"],
                     admitted_at=datetime.fromisoformat(case["admitted_at"]),
                     birth_date=birth, birth_date_estimated=bool(case.get("birth_estimated")),
                     is_minor=birth is not None and birth <= today and age_on(birth, today) < 18,
                     has_disability=bool(case.get("flag_disabled")), closed=case.get("status") == "closed",
                     **values)


def compute(facts: CaseFacts, now: datetime, calendar, rules):
    """One case's deadlines by the rules of every step, in the registry's order."""
    return compute_deadlines(facts, now, calendar, rules, deadline_rules())


def next_due(deadlines) -> str:
    """The earliest due moment among unmet, non-informational deadlines, as sortable ISO text."""
    open_ = [d for d in deadlines if d.status in (OVERDUE, DUE_SOON, PENDING) and not d.informational]
    if not open_:
        return ""
    return min(_as_datetime(d.due) for d in open_).isoformat(timespec="minutes")


def _as_datetime(d) -> datetime:
    if isinstance(d, datetime):
        return d.replace(tzinfo=None)
    return datetime.combine(d, datetime.max.time()).replace(second=0, microsecond=0)


def local_now(session) -> datetime:
    return datetime.fromtimestamp(session.vault.clock.now())


def _rows(conn, sql: str, params=()) -> list[dict]:
    cur = conn.execute(sql, params)
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r)) for r in cur.fetchall()]


def case_facts(core, school, case_ids: list[int], today: date) -> list[CaseFacts]:
    """Facts of several cases, four queries for all of them (``school``: None without its key)."""
    if not case_ids:
        return []
    marks = ",".join("?" * len(case_ids))
    cases = {r["id"]: r for r in _rows(core, f"SELECT {_FACT_COLUMNS} FROM cases WHERE id IN ({marks})", case_ids)}
    milestones: dict[int, dict[str, str]] = {i: {} for i in case_ids}
    for case_id, key, value in core.execute(f"SELECT case_id, key, value FROM milestones WHERE case_id IN "
                                            f"({marks})", case_ids):
        milestones[case_id][key] = value
    not_applicable: dict[int, set[str]] = {i: set() for i in case_ids}
    for case_id, step in core.execute(f"SELECT case_id, step FROM steps WHERE status = 'not_applicable' AND "
                                      f"case_id IN ({marks})", case_ids):
        not_applicable[case_id].add(step)
    rows: dict[int, dict] = {}
    if school is not None:
        rows = {r["case_id"]: r for r in _rows(school, f"SELECT * FROM school_children WHERE case_id IN ({marks})",
                                               case_ids)}
    return [facts_from_rows(cases[i], milestones[i], rows.get(i), not_applicable[i], today)
            for i in case_ids if i in cases]


class DeadlineService(Service):
    # -- reading facts (owner thread) ---------------------------------------------------------------

    def _settings(self) -> StationSettings:
        name = "core" if "core" in self.session.compartments() else "school"
        return StationSettings(self.session.conn(name))

    def _facts(self, case_ids: list[int], today: date) -> list[CaseFacts]:
        school = self.session.conn("school") if "school" in self.session.compartments() else None
        return case_facts(self.session.conn("core"), school, case_ids, today)

    def _school_facts(self, today: date) -> list[CaseFacts]:
        """The education officer's view: school transfers only, from the school compartment, of the children
        the ledger lists (open cases, school age today)."""
        rows = _rows(self.session.conn("school"), "SELECT * FROM school_children WHERE transfer_started_on != '' "
                                                  "AND transfer_done_on = '' AND case_status = 'open' AND birth_date > ?",
                     (oldest_birth_date(today),))
        return [CaseFacts(case_id=r["case_id"], case_no=r["case_no"], admitted_at=datetime.fromisoformat(r["referred_at"]),
                          identity_known=True, birth_date=date.fromisoformat(r["birth_date"]) if r["birth_date"] else None,
                          school_transfer_started_on=date.fromisoformat(r["transfer_started_on"]),
                          steps_not_applicable={code for code in (*CODES, *DEADLINE_ONLY) if code != "school"})
                for r in rows]

    # -- operations ---------------------------------------------------------------------------------

    @operation(Op.CASE_VIEW)
    def for_case(self, case_id: int):
        """Every deadline of one case, in step order."""
        now = local_now(self.session)
        settings = self._settings()
        facts = self._facts([case_id], now.date())
        return compute(facts[0], now, settings.calendar(), settings.rules()) if facts else []

    @operation(Op.DEADLINES_VIEW)
    def due_items(self, limit_cases: int = 500) -> tuple[list, list]:
        """(overdue, due within the warning window) across the cases this user may see."""
        now = local_now(self.session)
        settings = self._settings()
        calendar, rules = settings.calendar(), settings.rules()
        horizon = datetime.fromordinal(now.toordinal() + rules.due_soon_days + 1).isoformat(timespec="minutes")
        if "core" in self.session.compartments():
            ids = [r[0] for r in self.session.conn("core").execute(
                "SELECT id FROM cases WHERE status = 'open' AND next_due != '' AND next_due < ? "
                "ORDER BY next_due LIMIT ?", (horizon, limit_cases))]
            facts = self._facts(ids, now.date())
        else:
            facts = self._school_facts(now.date())
        return open_items(facts, now, calendar, rules, deadline_rules())

    @operation(Op.CASE_EDIT, thread=CALLER)
    def recompute_due(self, progress=None) -> int:
        """Refresh every open case's next deadline (after the holiday table or rules changed).

        Runs on the caller's thread and visits the owner thread one chunk at a time, so that other
        work interleaves; a lock in the middle stops it with VaultLocked (the chunks done are kept)."""
        ids = self.session.run(lambda: [r[0] for r in self.session.conn("core").execute(
            "SELECT id FROM cases WHERE status = 'open' ORDER BY id")])
        for start in range(0, len(ids), RECOMPUTE_CHUNK):
            self.session.check_open()
            self.session.run(self._recompute_chunk, ids[start:start + RECOMPUTE_CHUNK])
            if progress is not None:
                progress(min(start + RECOMPUTE_CHUNK, len(ids)), len(ids))
        return len(ids)

    def _recompute_chunk(self, ids: list[int]) -> None:
        now = local_now(self.session)
        settings = self._settings()
        calendar, rules = settings.calendar(), settings.rules()
        core = self.session.conn("core")
        with transaction(core):
            core.executemany("UPDATE cases SET next_due = ? WHERE id = ?",
                             [(next_due(compute(f, now, calendar, rules)), f.case_id)
                              for f in self._facts(ids, now.date())])


def refresh_due(session, case_ids: list[int]) -> None:
    """After a write that changed what a case's deadlines depend on (owner thread): its next due date."""
    DeadlineService(session)._recompute_chunk(case_ids)


def case_next_due(session, case_id: int) -> str:
    """One case's next deadline from its rows as they stand on the owner thread's connections (inside
    an uncommitted transaction there too): for a write that changes what the deadlines read."""
    service = DeadlineService(session)
    now = local_now(session)
    settings = service._settings()
    facts = service._facts([case_id], now.date())
    return next_due(compute(facts[0], now, settings.calendar(), settings.rules())) if facts else ""
