"""Case file services: intake, reading a case, the case list and search, deadlines, school referral.

Every public method checks the permission matrix, runs on the vault's owner thread and audits
what it reads or changes. Sensitive sections live in the sensitive compartment and are read only
through ``intake_sensitive``, which records the view.
"""

from dataclasses import dataclass
from datetime import date, datetime

from pypinyin import lazy_pinyin

from victimcare.casework.casefacts import facts_from_rows, next_due
from victimcare.casework.settings_store import StationSettings
from victimcare.db.connection import transaction
from victimcare.db.owner import on_owner_thread
from victimcare.domain.deadlines import DUE_SOON, OVERDUE, compute_deadlines
from victimcare.domain.vocabulary import ARRIVAL_MODES, SCHOOL_AGE, STEPS, WORK_AGE, label
from victimcare.casework.duplicates import find_candidates
from victimcare.core.errors import UserError, ValidationError
from victimcare.casework.steps.intake.rules import IntakeRecord, age_years, validate_intake
from victimcare.security.permissions import Op

SENSITIVE_CATEGORIES = "medical,trafficking"


class DuplicateCandidates(UserError):
    """Possible duplicates were found: the user must look at them and decide."""

    def __init__(self, candidates: list[dict]):
        super().__init__(f"发现 {len(candidates)} 个可能重复的个案，请核对后决定是否仍然新建。")
        self.candidates = candidates


@dataclass(frozen=True)
class CaseQuery:
    text: str = ""
    status: str = "open"            # open, closed, all
    step: str = ""                  # a step code, with step_status
    step_status: str = ""
    worker: str = ""
    overdue_only: bool = False
    sort: str = "admitted"          # admitted (newest first), case_no, next_due


def pinyin_key(name: str) -> str:
    return "".join(lazy_pinyin(name)).lower() if name else ""


def search_doc(core: dict, aliases: list[tuple[str, str]]) -> str:
    """The searchable text of a case; ``aliases`` are (alias, pinyin) pairs."""
    parts = [core["case_no"], core.get("name", ""), *(a for a, _ in aliases), core.get("id_number", ""),
             core.get("police_case_no", ""), core.get("name_pinyin", ""), *(p for _, p in aliases)]
    return " | ".join(p for p in parts if p)


def _day(d) -> date:
    return d.date() if isinstance(d, datetime) else d


def _now_local(session) -> datetime:
    return datetime.fromtimestamp(session.vault.clock.now())


_SORTS = {
    # sort key → (ORDER BY columns, direction); keyset cursors compare the same tuple
    "admitted": ("c.admitted_at", "DESC"),
    "case_no": ("c.case_no", "ASC"),
    "next_due": ("c.next_due", "ASC"),
}


def _list_filters(query: CaseQuery, now_iso: str) -> tuple[list[str], list]:
    """WHERE clauses of the case list: filters run in SQL, never over rows in Python."""
    where, params = [], []
    if query.status in ("open", "closed"):
        where.append("c.status = ?")
        params.append(query.status)
    if query.worker:
        where.append("c.assigned_worker = ?")
        params.append(query.worker)
    if query.overdue_only:
        where.append("c.next_due != '' AND c.next_due < ?")
        params.append(now_iso)
    if query.step and query.step_status:
        where.append("EXISTS (SELECT 1 FROM steps s WHERE s.case_id = c.id AND s.step = ? AND s.status = ?)")
        params += [query.step, query.step_status]
    text = query.text.strip()
    if text:
        if len(text) >= 3:
            where.append("c.id IN (SELECT rowid FROM search_fts WHERE search_fts MATCH ?)")
            params.append('"' + text.replace('"', '""') + '"')
        else:  # trigrams need 3 characters; short queries scan the search documents
            where.append("EXISTS (SELECT 1 FROM search_docs d WHERE d.case_id = c.id AND d.doc LIKE ? ESCAPE '\\')")
            params.append("%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%")
    if query.sort == "next_due":
        where.append("c.next_due != ''")
    return where, params


def _list_sql(query: CaseQuery, cursor, limit: int, now_iso: str) -> tuple[str, list]:
    """One keyset page: ORDER BY the sort column then id, continuing after ``cursor``."""
    where, params = _list_filters(query, now_iso)
    column, direction = _SORTS.get(query.sort, _SORTS["admitted"])
    if cursor is not None:
        op = "<" if direction == "DESC" else ">"
        where.append(f"({column}, c.id) {op} (?, ?)")
        params += list(cursor)
    sql = ("SELECT c.id, c.case_no, c.name, c.name_unknown, c.sex, c.birth_date, c.birth_estimated, c.admitted_at, "
           "c.next_due, c.status, c.assigned_worker "
           f"FROM cases c {'WHERE ' + ' AND '.join(where) if where else ''} "
           f"ORDER BY {column} {direction}, c.id {direction} LIMIT ?")
    return sql, params + [limit]


class CaseService:
    def __init__(self, session):
        self.s = session
        self._owner = session.owner
        self._cached_rules = None

    # -- helpers ----------------------------------------------------------------------------------

    @property
    def core(self):
        return self.s.conn("core")

    def _settings(self) -> StationSettings:
        conn = self.s.conn("core") if "core" in self.s.compartments() else self.s.conn("school")
        return StationSettings(conn)

    def _row(self, conn, sql: str, params=()) -> dict | None:
        cur = conn.execute(sql, params)
        row = cur.fetchone()
        return dict(zip([d[0] for d in cur.description], row)) if row else None

    def _rows(self, conn, sql: str, params=()) -> list[dict]:
        cur = conn.execute(sql, params)
        names = [d[0] for d in cur.description]
        return [dict(zip(names, r)) for r in cur.fetchall()]

    # -- intake -----------------------------------------------------------------------------------

    def check_intake(self, raw: dict) -> IntakeRecord:
        """Validate without saving: raises ValidationErrors with every problem."""
        self.s.require(Op.CASE_CREATE)
        return validate_intake(raw, now=_now_local(self.s), registrar=self.s.account)

    @on_owner_thread
    def find_duplicates(self, raw: dict) -> list[dict]:
        record = self.check_intake(raw)
        return find_candidates(self.core, record, _now_local(self.s).date())

    @on_owner_thread
    def create_intake(self, raw: dict, *, reviewed_duplicates: list[int] | None = None) -> int:
        """Save a new case. If possible duplicates exist that the user has not reviewed, raise
        DuplicateCandidates; call again with their ids once the user chose to create a new case."""
        record = self.check_intake(raw)
        now = _now_local(self.s)
        candidates = find_candidates(self.core, record, now.date())
        unseen = [c for c in candidates if c["id"] not in set(reviewed_duplicates or [])]
        if unseen:
            raise DuplicateCandidates(candidates)
        case_id = self._insert(record, now)
        if candidates:
            self.s.record("decision", object_type="case", object_id=case_id, detail="duplicate:new_case",
                        record_count=len(candidates))
        self.s.record("create", object_type="case", object_id=case_id, categories="identity,medical,trafficking")
        return case_id

    @on_owner_thread
    def record_duplicate_decision(self, candidate_ids: list[int], decision: str, chosen: int | None = None) -> None:
        """Audit the user's decision on duplicate candidates ('same_person' or 'cancelled')."""
        self.s.require(Op.CASE_CREATE)
        self.s.record("decision", object_type="case", object_id=chosen or "", detail=f"duplicate:{decision}",
                    record_count=len(candidate_ids))

    def _insert(self, record: IntakeRecord, now: datetime) -> int:
        """Write one validated intake into core and sensitive (owner thread)."""
        stamp = now.isoformat(timespec="seconds")
        sensitive = self.s.conn("sensitive")
        with transaction(self.core):
            case_id = self.insert_record(record, now)
            with transaction(sensitive):
                sensitive.execute(
                    "INSERT INTO intake_sensitive(case_id, health_check, mental_state, mental_note, injuries, "
                    "injuries_note, circumstances, found_circumstances, updated_at) VALUES (?,?,?,?,?,?,?,?,?)",
                    (case_id, *(record.sensitive[k] for k in ("health_check", "mental_state", "mental_note",
                                                             "injuries", "injuries_note", "circumstances",
                                                             "found_circumstances")), stamp))
        return case_id

    def insert_record(self, record: IntakeRecord, now: datetime, milestones: dict[str, str] | None = None) -> int:
        """Insert the core part of an intake inside the caller's core transaction; returns the id."""
        core = dict(record.core)
        stamp = now.isoformat(timespec="seconds")
        admitted = datetime.fromisoformat(core["admitted_at"])
        settings = StationSettings(self.core)
        core["case_no"] = settings.next_case_no(self.s.vault.keyring.data.get("station_code", "VC"), admitted.year)
        core["name_pinyin"] = pinyin_key(core["name"])
        core["assigned_worker"] = core.get("assigned_worker") or self.s.account
        core["created_at"] = core["updated_at"] = stamp
        cols = list(core)
        cur = self.core.execute(f"INSERT INTO cases({','.join(cols)}) VALUES ({','.join('?' * len(cols))})",
                                [core[c] for c in cols])
        case_id = cur.lastrowid
        aliases = [(a, pinyin_key(a)) for a in record.aliases]
        self.core.executemany("INSERT INTO aliases(case_id, alias, pinyin) VALUES (?,?,?)",
                              [(case_id, a, p) for a, p in aliases])
        self.core.executemany("INSERT INTO relatives(case_id, relation, name, contact) VALUES (?,?,?,?)",
                              [(case_id, r["relation"], r["name"], r["contact"]) for r in record.relatives])
        self.core.executemany("INSERT INTO belongings(case_id, item, quantity, storage_no) VALUES (?,?,?,?)",
                              [(case_id, b["item"], b["quantity"], b["storage_no"]) for b in record.belongings])
        h = record.handover
        if any(h.values()):
            self.core.execute("INSERT INTO police_handover(case_id, unit, officers, found_at, found_place, checks, "
                              "handover_at) VALUES (?,?,?,?,?,?,?)",
                              (case_id, h["unit"], h["officers"], h["found_at"], h["found_place"], h["checks"],
                               h["handover_at"]))
        if record.photo:
            self.core.execute("INSERT INTO photos(case_id, mime, data, added_at) VALUES (?,?,?,?)",
                              (case_id, record.photo[0], record.photo[1], stamp))
        age = age_years(core["birth_date"], admitted.date())
        for step, _label in STEPS:
            status, reason = "not_started", ""
            if step == "intake":
                status = "done"
            elif step == "school" and not (age is not None and SCHOOL_AGE[0] <= age <= SCHOOL_AGE[1]):
                status, reason = "not_applicable", "非学龄"
            elif step == "employment" and not (age is not None and age >= WORK_AGE):
                status, reason = "not_applicable", f"未满{WORK_AGE}周岁"
            self.core.execute("INSERT INTO steps(case_id, step, status, reason, updated_at) VALUES (?,?,?,?,?)",
                              (case_id, step, status, reason, stamp))
        for key, value in (milestones or {}).items():
            self.core.execute("INSERT INTO milestones(case_id, key, value) VALUES (?,?,?)", (case_id, key, value))
        self.core.execute("INSERT INTO search_docs(case_id, doc) VALUES (?, ?)",
                          (case_id, search_doc(core, aliases)))
        self.core.execute("INSERT INTO events(case_id, at, step, kind, summary, actor) VALUES (?,?,?,?,?,?)",
                          (case_id, core["admitted_at"], "intake", "created",
                           f"接收登记（{label(ARRIVAL_MODES, core['arrival_mode'])}）", self.s.account))
        if core.get("suspected_trafficking") and core.get("police_report_at"):
            self.core.execute("INSERT INTO events(case_id, at, step, kind, summary, actor) VALUES (?,?,?,?,?,?)",
                              (case_id, core["police_report_at"], "intake", "police_report",
                               f"疑似被拐卖，已报警（{core['police_report_unit']}）", self.s.account))
        self._update_next_due(case_id, now)
        return case_id

    # -- reading a case ---------------------------------------------------------------------------

    @on_owner_thread
    def get_case(self, case_id: int) -> dict:
        """The case header and intake (non-sensitive part). Audited as a view of identity data."""
        self.s.require(Op.CASE_VIEW)
        case = self._row(self.core, "SELECT * FROM cases WHERE id = ?", (case_id,))
        if case is None:
            raise UserError("找不到这个个案，它可能已被删除。")
        case["aliases"] = [r["alias"] for r in self._rows(self.core, "SELECT alias FROM aliases WHERE case_id = ? "
                                                                      "ORDER BY id", (case_id,))]
        case["relatives"] = self._rows(self.core, "SELECT relation, name, contact FROM relatives WHERE case_id = ? "
                                                  "ORDER BY id", (case_id,))
        case["belongings"] = self._rows(self.core, "SELECT item, quantity, storage_no FROM belongings "
                                                   "WHERE case_id = ? ORDER BY id", (case_id,))
        case["handover"] = self._row(self.core, "SELECT * FROM police_handover WHERE case_id = ?", (case_id,))
        case["steps"] = {r["step"]: r for r in self._rows(self.core, "SELECT step, status, reason FROM steps "
                                                                     "WHERE case_id = ?", (case_id,))}
        case["has_photo"] = self.core.execute("SELECT 1 FROM photos WHERE case_id = ?", (case_id,)).fetchone() is not None
        case["referred_to_school"] = self._school_row(case_id) is not None
        self.s.record("view", object_type="case", object_id=case_id, categories="identity")
        return case

    def _school_row(self, case_id: int) -> dict | None:
        if "school" not in self.s.compartments():
            return None
        return self._row(self.s.conn("school"), "SELECT * FROM school_children WHERE case_id = ?", (case_id,))

    @on_owner_thread
    def photo(self, case_id: int) -> tuple[str, bytes] | None:
        self.s.require(Op.CASE_VIEW)
        row = self.core.execute("SELECT mime, data FROM photos WHERE case_id = ?", (case_id,)).fetchone()
        return (row[0], bytes(row[1])) if row else None

    @on_owner_thread
    def intake_sensitive(self, case_id: int) -> dict:
        """First health check and the trafficking circumstances. Every call is an audited view."""
        self.s.require(Op.CASE_VIEW_SENSITIVE)
        row = self._row(self.s.conn("sensitive"), "SELECT * FROM intake_sensitive WHERE case_id = ?", (case_id,))
        self.s.record("view", object_type="case", object_id=case_id, categories=SENSITIVE_CATEGORIES,
                    detail="intake_sensitive")
        return row or {}

    @on_owner_thread
    def timeline(self, case_id: int) -> list[dict]:
        """Everything recorded on the case, newest first."""
        self.s.require(Op.CASE_VIEW)
        return self._rows(self.core, "SELECT at, step, kind, summary, actor FROM events WHERE case_id = ? "
                                     "ORDER BY at DESC, id DESC", (case_id,))

    @on_owner_thread
    def deadlines(self, case_id: int):
        self.s.require(Op.CASE_VIEW)
        now = _now_local(self.s)
        return compute_deadlines(self._facts(case_id, now.date()), now, *self._calendar_and_rules())

    def _facts(self, case_id: int, today: date):
        case = self._row(self.core, "SELECT id, case_no, admitted_at, birth_date, birth_estimated, id_status, "
                                    "name_unknown, flag_disabled, status FROM cases WHERE id = ?", (case_id,))
        milestones = dict(self.core.execute("SELECT key, value FROM milestones WHERE case_id = ?",
                                            (case_id,)).fetchall())
        not_applicable = {r[0] for r in self.core.execute(
            "SELECT step FROM steps WHERE case_id = ? AND status = 'not_applicable'", (case_id,))}
        return facts_from_rows(case, milestones, self._school_row(case_id), not_applicable, today)

    def _calendar_and_rules(self):
        """Holiday table and deadline rules, read once per session (they change only in settings)."""
        if self._cached_rules is None:
            settings = self._settings()
            self._cached_rules = (settings.calendar(), settings.rules())
        return self._cached_rules

    def forget_settings(self) -> None:
        """The holiday table or rules changed: read them again on next use."""
        self._cached_rules = None

    def _update_next_due(self, case_id: int, now: datetime) -> None:
        deadlines = compute_deadlines(self._facts(case_id, now.date()), now, *self._calendar_and_rules())
        self.core.execute("UPDATE cases SET next_due = ? WHERE id = ?", (next_due(deadlines), case_id))

    @on_owner_thread
    def recompute_due(self, progress=None) -> int:
        """Refresh every open case's next deadline (after the holiday table or rules changed)."""
        self.s.require(Op.CASE_EDIT)
        now = _now_local(self.s)
        ids = [r[0] for r in self.core.execute("SELECT id FROM cases WHERE status = 'open'")]
        with transaction(self.core):
            for i, case_id in enumerate(ids):
                self._update_next_due(case_id, now)
                if progress is not None and i % 500 == 0:
                    progress(i, len(ids))
        return len(ids)

    # -- the home screen --------------------------------------------------------------------------

    @on_owner_thread
    def due_items(self, limit_cases: int = 500) -> tuple[list, list]:
        """(overdue, due within the warning window) across the cases this user may see."""
        self.s.require(Op.DEADLINES_VIEW)
        now = _now_local(self.s)
        calendar, rules = self._calendar_and_rules()
        horizon = datetime.fromordinal(now.toordinal() + rules.due_soon_days + 1).isoformat(timespec="minutes")
        facts = []
        if "core" in self.s.compartments():
            ids = [r[0] for r in self.core.execute(
                "SELECT id FROM cases WHERE status = 'open' AND next_due != '' AND next_due < ? "
                "ORDER BY next_due LIMIT ?", (horizon, limit_cases))]
            facts = [self._facts(i, now.date()) for i in ids]
        else:
            facts = self._school_facts(now.date())
        overdue, soon = [], []
        for f in facts:
            for d in compute_deadlines(f, now, calendar, rules):
                if d.status == OVERDUE:
                    overdue.append(d)
                elif d.status == DUE_SOON and not (d.informational and _day(d.due) < now.date()):
                    soon.append(d)  # an eligibility notice shows while it is new, then on the case page only
        key = lambda d: (str(d.due), d.case_no)
        return sorted(overdue, key=key), sorted(soon, key=key)

    def _school_facts(self, today: date):
        from victimcare.domain.deadlines import CaseFacts
        rows = self._rows(self.s.conn("school"), "SELECT * FROM school_children WHERE transfer_started_on != '' "
                                                 "AND transfer_done_on = '' AND status != 'closed'")
        return [CaseFacts(case_id=r["case_id"], case_no=r["case_no"], admitted_at=datetime.fromisoformat(r["referred_at"]),
                          identity_known=True, birth_date=date.fromisoformat(r["birth_date"]) if r["birth_date"] else None,
                          school_transfer_started_on=date.fromisoformat(r["transfer_started_on"]),
                          steps_not_applicable={code for code, _ in STEPS if code != "school"} | {"follow_up"})
                for r in rows]

    # -- school referral --------------------------------------------------------------------------

    @on_owner_thread
    def refer_to_school(self, case_id: int, display_name: str = "") -> None:
        """Refer a school-age child to the education bureau: copy the minimal identity it needs."""
        self.s.require(Op.SCHOOL_REFER)
        from victimcare.domain.names import validate_person_name
        case = self._row(self.core, "SELECT id, case_no, name, sex, birth_date, birth_estimated, status FROM cases "
                                    "WHERE id = ?", (case_id,))
        if case is None:
            raise UserError("找不到这个个案。")
        if case["status"] == "closed":
            raise UserError("个案已结案，不能转介。如需转介请先重新开案。")
        shown = validate_person_name(display_name, "display_name") if display_name else case["name"]
        if not shown:
            raise ValidationError("display_name", "姓名不详，请填写一个化名供学校使用。")
        now = _now_local(self.s)
        stamp = now.isoformat(timespec="seconds")
        school = self.s.conn("school")
        if self._school_row(case_id) is not None:
            raise UserError("这个孩子已经转介到教育部门。")
        with transaction(school):
            school.execute("INSERT INTO school_children(case_id, case_no, display_name, sex, birth_date, "
                           "birth_estimated, referred_at, referred_by, updated_at) VALUES (?,?,?,?,?,?,?,?,?)",
                           (case_id, case["case_no"], shown, case["sex"], case["birth_date"], case["birth_estimated"],
                            stamp, self.s.account, stamp))
        with transaction(self.core):
            self.core.execute("UPDATE steps SET status = 'in_progress', updated_at = ? WHERE case_id = ? "
                              "AND step = 'school'", (stamp, case_id))
            self.core.execute("INSERT INTO events(case_id, at, step, kind, summary, actor) VALUES (?,?,?,?,?,?)",
                              (case_id, stamp, "school", "referred", "转介教育部门安排入学", self.s.account))
        self.s.record("create", object_type="school_child", object_id=case_id, categories="minor")

    @on_owner_thread
    def school_children(self, cursor=None, limit: int = 200) -> tuple[list[dict], object]:
        """The children referred to school, for the 入学安置台账 (education officer and above)."""
        self.s.require(Op.SCHOOL_VIEW)
        params: list = []
        where = ""
        if cursor is not None:
            where = "WHERE (referred_at, case_id) < (?, ?)"
            params += list(cursor)
        rows = self._rows(self.s.conn("school"), f"SELECT * FROM school_children {where} "
                                                 "ORDER BY referred_at DESC, case_id DESC LIMIT ?", params + [limit])
        self.s.record("view", object_type="school_ledger", categories="minor", record_count=len(rows))
        return rows, ((rows[-1]["referred_at"], rows[-1]["case_id"]) if rows else None)

    # -- the case list ----------------------------------------------------------------------------

    @on_owner_thread
    def list_page(self, query: CaseQuery, cursor=None, limit: int = 200) -> tuple[list[dict], object]:
        """One page of the case list and the cursor of the next page (None at the end)."""
        self.s.require(Op.CASE_VIEW)
        sql, params = _list_sql(query, cursor, limit, _now_local(self.s).isoformat(timespec="minutes"))
        rows = self._rows(self.core, sql, params)
        if not rows:
            return rows, None
        active: dict[int, list[str]] = {}
        ids = [r["id"] for r in rows]
        for case_id, step in self.core.execute(  # one query for the page, not one per row
                f"SELECT case_id, step FROM steps WHERE status = 'in_progress' AND case_id IN "
                f"({','.join('?' * len(ids))})", ids):
            active.setdefault(case_id, []).append(step)
        for r in rows:
            r["active"] = ",".join(active.get(r["id"], []))
        column = _SORTS.get(query.sort, _SORTS["admitted"])[0].split(".")[1]
        return rows, (rows[-1][column], rows[-1]["id"])

    @on_owner_thread
    def count(self, query: CaseQuery) -> int:
        self.s.require(Op.CASE_VIEW)
        where, params = _list_filters(query, _now_local(self.s).isoformat(timespec="minutes"))
        sql = f"SELECT count(*) FROM cases c {'WHERE ' + ' AND '.join(where) if where else ''}"
        return self.core.execute(sql, params).fetchone()[0]
