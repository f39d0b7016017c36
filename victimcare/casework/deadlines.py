"""Deadlines of cases: the engine's facts built from stored rows, each case's list, the 工作台
(``workbench``: cases grouped, most urgent first, paged) and keeping ``cases.next_due`` current.

``next_due`` is computed when a case is written, but some items change with time alone (a missed
follow-up visit gives way to the next one when that one's window opens) and a new version may change a
rule; so ``update_stale_due`` recomputes every open case once a day, and whenever ``NEXT_DUE_REVISION`` (bumped
with any rule change that moves stored values) or the holiday table or rules changed. Long work runs in
chunks, each its own short trip to the owner thread and its own commit, so that the case list and a case
page answer between chunks.
"""

from dataclasses import fields
from datetime import date, datetime

import victimcare.casework.workbench as wb
from victimcare.casework.settings import StationSettings
from victimcare.casework.steps import CODES, DEADLINE_ONLY, deadline_rules
from victimcare.casework.steps.school.rules import oldest_birth_date
from victimcare.db.connection import transaction
from victimcare.domain.dates import age_on
from victimcare.domain.deadlines import CaseFacts, compute_deadlines, open_items
from victimcare.domain.identity import IdStatus
from victimcare.domain.workbench import case_urgency, group
from victimcare.security.gate import CALLER, Service, operation
from victimcare.security.permissions import Op

RECOMPUTE_CHUNK = 50  # cases per owner-thread trip: 25–65 ms (bench/bench_workbench.py), so a page read waits little
WORKBENCH_PAGE = 60  # cases per 工作台 page (a page may hold up to one chunk more)
# Bumped with every rule change that moves stored next_due values, so that the first update_stale_due after an
# update recomputes them: 2 = a missed follow-up visit gives way to the next; a placement ends 学籍转接.
NEXT_DUE_REVISION = "2"

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
        values.update(school_facts(school))
    return CaseFacts(case_id=case["id"], case_no=case["case_no"],
                     admitted_at=datetime.fromisoformat(case["admitted_at"]),
                     birth_date=birth, birth_date_estimated=bool(case.get("birth_estimated")),
                     is_minor=birth is not None and birth <= today and age_on(birth, today) < 18,
                     has_disability=bool(case.get("flag_disabled")), closed=case.get("status") == "closed",
                     **values)


def school_facts(school: dict) -> dict:
    """The school rules' facts from a ``school_children`` row (steps/school/rules.py)."""
    out = {}
    for key, fact in (("transfer_started_on", "school_transfer_started_on"),
                      ("transfer_done_on", "school_transfer_done_on"), ("enrolled_on", "school_enrolled_on")):
        if school.get(key):
            out[fact] = date.fromisoformat(school[key])
    if school.get("status") == "closed":
        out["school_left_on"] = date.fromisoformat(str(school.get("updated_at") or "")[:10] or "1970-01-01")
    return out


def compute(facts: CaseFacts, now: datetime, calendar, rules):
    """One case's deadlines by the rules of every step, in the registry's order."""
    return compute_deadlines(facts, now, calendar, rules, deadline_rules())


def next_due(deadlines) -> str:
    """The earliest due moment among unmet, non-informational deadlines, as sortable ISO text."""
    open_ = [d for d in deadlines if d.is_open and not d.informational]
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

    def _school_facts(self, today: date, rows: list[dict] | None = None) -> list[CaseFacts]:
        """The education officer's view: school transfers only, from the school compartment, of the children
        the ledger lists (open cases, school age today)."""
        if rows is None:
            rows = _rows(self.session.conn("school"), f"SELECT * FROM school_children WHERE {wb.OPEN_TRANSFERS} "
                                                      "AND birth_date > ?", (oldest_birth_date(today),))
        return [CaseFacts(case_id=r["case_id"], case_no=r["case_no"], admitted_at=datetime.fromisoformat(r["referred_at"]),
                          identity_known=True, birth_date=date.fromisoformat(r["birth_date"]) if r["birth_date"] else None,
                          steps_not_applicable={code for code in (*CODES, *DEADLINE_ONLY) if code != "school"},
                          **school_facts(r))
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

    @operation(Op.DEADLINES_VIEW)
    def workbench(self, mine: bool = False, cursor=None, limit: int = WORKBENCH_PAGE) -> dict:
        """One page of the 工作台: the cases with something overdue or due soon, most urgent first, each with
        its items (``domain.workbench.CaseItems``), as this user may see them.

        ``mine``: only the cases whose responsible worker is the signed-in account (for education staff:
        the children they referred — none). Returns {"cases", "cursor" (of the next page, None at the
        end), "overdue_cases" (how many cases have something overdue, in all pages; None where only a
        page's worth is known)}."""
        now = local_now(self.session)
        settings = self._settings()
        calendar, rules = settings.calendar(), settings.rules()
        worker = self.session.account if mine else ""
        if "core" not in self.session.compartments():
            return self._school_page(now, calendar, rules, worker, cursor, limit)
        core = self.session.conn("core")
        before = wb.horizon(now.date(), rules.due_soon_days, rules.follow_up_tolerance_days)
        found, scanned, at, end = [], 0, cursor, False
        while len(found) < limit and scanned < wb.MAX_SCAN:
            rows = wb.candidates(core, before=before, worker=worker, cursor=at, limit=wb.CHUNK)
            scanned += len(rows)
            end = len(rows) < wb.CHUNK
            if rows:
                at = (rows[-1][1], rows[-1][0])  # the keyset: (next_due, id)
                found += self._groups([r[0] for r in rows], now, calendar, rules)
            if end:
                break
        overdue = wb.overdue_count(core, now_iso=now.isoformat(timespec="minutes"), worker=worker)
        return {"cases": sorted(found, key=case_urgency), "cursor": None if end else at,
                "overdue_cases": overdue}

    def _groups(self, ids: list[int], now: datetime, calendar, rules):
        who = wb.people(self.session.conn("core"), ids)
        return group(((f.case_id, f.case_no, *who[f.case_id], compute(f, now, calendar, rules))
                      for f in self._facts(ids, now.date())), now.date())

    def _school_page(self, now: datetime, calendar, rules, worker: str, cursor, limit: int) -> dict:
        rows = wb.school_rows(self.session.conn("school"), worker=worker, cursor=cursor, limit=limit)
        by_id = {r["case_id"]: r for r in rows}
        found = group(((f.case_id, f.case_no, by_id[f.case_id]["display_name"], "", by_id[f.case_id]["referred_by"],
                        compute(f, now, calendar, rules)) for f in self._school_facts(now.date(), rows)), now.date())
        if found:  # education staff see children's (display) names here, as in the ledger: recorded the same way
            self.session.record("view", object_type="workbench", categories="minor", record_count=len(found))
        end = len(rows) < limit
        return {"cases": found, "cursor": None if end else (rows[-1]["transfer_started_on"], rows[-1]["case_id"]),
                "overdue_cases": sum(1 for c in found if c.overdue) if end and cursor is None else None}

    @operation(Op.DEADLINES_VIEW)
    def holiday_table(self) -> dict:
        """How long the holiday table lasts: {"last_day" (date or None), "days_left", "warn_days", "warn"}.

        After ``last_day`` working days are plain Monday–Friday (each such deadline says so); the 工作台
        warns the supervisor ``holiday_table_warn_days`` before, so that next year's official arrangement
        is entered in time (the State Council publishes it late in the year before)."""
        today = local_now(self.session).date()
        settings = self._settings()
        last, warn_days = settings.calendar().last_day(), settings.rules().holiday_table_warn_days
        left = (last - today).days if last is not None else None
        return {"last_day": last, "days_left": left, "warn_days": warn_days,
                "warn": left is None or left <= warn_days}

    @operation(Op.CASE_EDIT, thread=CALLER)
    def update_stale_due(self, progress=None) -> int:
        """Bring the stored next deadlines up to date; returns how many cases it recomputed (0: current).

        After a version whose rules moved them (``NEXT_DUE_REVISION``): every open case (~30 s at 100,000).
        Otherwise once a day, the cases time alone can change: a returned person's case whose stored next
        deadline has passed (a missed visit gives way to the next one when that one's window opens)."""
        stamp = self.session.run(lambda: dict(self.session.conn("core").execute(
            "SELECT key, value FROM meta WHERE key IN ('next_due_on', 'next_due_revision')").fetchall()))
        now = local_now(self.session)
        if stamp.get("next_due_revision") != NEXT_DUE_REVISION:
            return self._recompute_all(progress)
        if stamp.get("next_due_on") == now.date().isoformat():
            return 0
        return self._recompute(self.session.run(lambda: [r[0] for r in self.session.conn("core").execute(
            "SELECT c.id FROM cases c JOIN milestones m ON m.case_id = c.id AND m.key = 'returned_on' "
            "WHERE c.status = 'open' AND c.next_due != '' AND c.next_due < ? ORDER BY c.id",
            (now.isoformat(timespec="minutes"),))]), progress)

    @operation(Op.CASE_EDIT, thread=CALLER)
    def recompute_due(self, progress=None) -> int:
        """Refresh every open case's next deadline (after the holiday table or rules changed).

        Runs on the caller's thread and visits the owner thread one chunk at a time, so that other
        work interleaves; a lock in the middle stops it with VaultLocked (the chunks done are kept)."""
        return self._recompute_all(progress)

    def _recompute_all(self, progress) -> int:
        return self._recompute(self.session.run(lambda: [r[0] for r in self.session.conn("core").execute(
            "SELECT id FROM cases WHERE status = 'open' ORDER BY id")]), progress)

    def _recompute(self, ids: list[int], progress) -> int:
        day = local_now(self.session).date().isoformat()
        for start in range(0, len(ids), RECOMPUTE_CHUNK):
            self.session.check_open()
            self.session.run(self._recompute_chunk, ids[start:start + RECOMPUTE_CHUNK])
            if progress is not None:
                progress(min(start + RECOMPUTE_CHUNK, len(ids)), len(ids))
        self.session.run(self._stamp_recomputed, day)
        return len(ids)

    def _stamp_recomputed(self, day: str) -> None:
        core = self.session.conn("core")
        with transaction(core):
            core.executemany("INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET "
                             "value = excluded.value", [("next_due_on", day), ("next_due_revision", NEXT_DUE_REVISION)])

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


def next_due_of(core, school, case_id: int, now: datetime) -> str:
    """One case's next deadline from the rows alone (no session: the sign-in's repair), with the
    station's calendar and rules."""
    settings = StationSettings(core)
    facts = case_facts(core, school, [case_id], now.date())
    return next_due(compute(facts[0], now, settings.calendar(), settings.rules())) if facts else ""


def case_next_due(session, case_id: int) -> str:
    """One case's next deadline from its rows as they stand on the owner thread's connections (inside
    an uncommitted transaction there too): for a write that changes what the deadlines read."""
    service = DeadlineService(session)
    now = local_now(session)
    settings = service._settings()
    facts = service._facts([case_id], now.date())
    return next_due(compute(facts[0], now, settings.calendar(), settings.rules())) if facts else ""
