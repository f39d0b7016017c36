"""The one write path for the records of a case-work step (``domain.fields.RecordKind``).

A step's records live in its compartment's ``step_records`` table (core for most steps, sensitive for
医疗康复), one row per record, the validated values as JSON under the kind's field names. A step's
service subclasses ``StepRecords`` and names its gated operations; this class does the work:

- validates against the kind's fields, then the step's own cross-record checks (``rules.check``);
- refuses an unknown or closed case (``record.require_open``) and a step that does not apply;
- derives the step's status and its deadline milestones from all of its records (``rules.derive``):
  the records decide, nobody sets them by hand;
- writes the row, the derived state, a timeline entry (who, when, what kind; on an edit the changed
  fields' labels, never values) and the audit entry (the step's categories and the changed field
  names) — the audit entry staged in the outbox of the compartment the row is in, so the record and
  its audit entry commit together. For a sensitive record the core part (status, milestones, timeline)
  follows in a second commit; a kill in between is completed at the next sign-in (``repair``).
"""

import json
from datetime import datetime
from types import ModuleType

from victimcare.casework.audit_refs import case_number
from victimcare.casework.deadlines import case_next_due, local_now
from victimcare.casework.record import add_event, require_open, set_step_status
from victimcare.core.crash import crash_point
from victimcare.core.errors import UserError
from victimcare.db import stamps
from victimcare.db.connection import transaction
from victimcare.domain.fields import Derived, RecordKind, changed_fields, validate_record
from victimcare.security import outbox
from victimcare.security.gate import Service, operation
from victimcare.security.permissions import Op

OBJECT_TYPE = "step_record"


def stamp_of(entry: dict) -> str:
    """The local time of an operation's audit entry, as the timeline writes it: the entry and its
    timeline row carry the same instant, which is how the repair finds a row that is missing."""
    return datetime.fromtimestamp(entry["at"]).isoformat(timespec="seconds")


def load(conn, case_id: int, step: str, kinds) -> dict[str, list[dict]]:
    """kind code → its records, oldest first; each the values plus ``id``, ``created_at/by``, ``updated_at/by``."""
    out: dict[str, list[dict]] = {k.code: [] for k in kinds}
    for rid, kind, data, cat, cby, uat, uby in conn.execute(
            "SELECT id, kind, data, created_at, created_by, updated_at, updated_by FROM step_records "
            "WHERE case_id = ? AND step = ? ORDER BY id", (case_id, step)):
        out.setdefault(kind, []).append({**json.loads(data), "id": rid, "created_at": cat, "created_by": cby,
                                         "updated_at": uat, "updated_by": uby})
    return out


def compartment_of(kind: RecordKind, step_compartment: str) -> str:
    return kind.compartment or step_compartment


def load_all(conns: dict, case_id: int, step: str, kinds, step_compartment: str = "core") -> dict[str, list[dict]]:
    """Every record of a step, its kinds read from whichever compartment each lives in (``conns``:
    compartment → connection; a compartment not given is not read)."""
    out: dict[str, list[dict]] = {k.code: [] for k in kinds}
    for name in {compartment_of(k, step_compartment) for k in kinds}:
        if name in conns:
            mine = [k for k in kinds if compartment_of(k, step_compartment) == name]
            found = load(conns[name], case_id, step, mine)
            for k in mine:
                out[k.code] = found.get(k.code, [])
    return out


def apply_derived(core, case_id: int, step: str, owned_keys, derived: Derived, stamp: str) -> bool:
    """Inside the caller's core transaction: the step's status and the milestones it owns. True if the
    status changed."""
    row = core.execute("SELECT status FROM steps WHERE case_id = ? AND step = ?", (case_id, step)).fetchone()
    changed = row is None or row[0] != derived.status
    if row is None:
        core.execute("INSERT INTO steps(case_id, step, status, reason, updated_at) VALUES (?,?,?,?,?)",
                     (case_id, step, derived.status, derived.reason, stamp))
    elif changed:
        set_step_status(core, case_id, step, derived.status, stamp)
    core.execute("UPDATE steps SET reason = ? WHERE case_id = ? AND step = ?", (derived.reason, case_id, step))
    for key in owned_keys:
        value = derived.milestones.get(key, "")
        if value:
            core.execute("INSERT INTO milestones(case_id, key, value) VALUES (?,?,?) "
                         "ON CONFLICT(case_id, key) DO UPDATE SET value = excluded.value", (case_id, key, value))
        else:
            core.execute("DELETE FROM milestones WHERE case_id = ? AND key = ?", (case_id, key))
    core.execute("UPDATE cases SET updated_at = ? WHERE id = ?", (stamp, case_id))
    return changed


def rule_facts(core, case_id: int) -> dict:
    """What a step's rules may weigh besides its own records: age, sex, identity, dates of the case."""
    cur = core.execute("SELECT id, case_no, admitted_at, sex, birth_date, birth_estimated, id_status, "
                       "name_unknown, flag_disabled, status FROM cases WHERE id = ?", (case_id,))
    row = cur.fetchone()
    case = dict(zip([d[0] for d in cur.description], row))
    case["steps"] = {s: (st, r) for s, st, r in core.execute(
        "SELECT step, status, reason FROM steps WHERE case_id = ?", (case_id,))}
    case["milestones"] = dict(core.execute("SELECT key, value FROM milestones WHERE case_id = ?", (case_id,)).fetchall())
    case["approvals"] = dict(core.execute(  # kind → the state of its latest request
        "SELECT kind, state FROM approvals WHERE case_id = ? ORDER BY id", (case_id,)).fetchall())
    return case


def rederive(core, case_id: int, step: str, rules, compartment_conn, stamp: str) -> None:
    """Inside the caller's core transaction: a step's status and milestones from its records again
    (after something outside its records changed, e.g. an approval of it was decided). Steps kept in
    one compartment (``compartment_conn``)."""
    records = load(compartment_conn, case_id, step, rules.KINDS)
    apply_derived(core, case_id, step, rules.MILESTONES, rules.derive(records, rule_facts(core, case_id)), stamp)


class StepRecords(Service):
    """Base of a step's service. Subclasses set STEP, RULES (the step's rules module: ``KINDS``,
    ``MILESTONES``, ``derive(records, case) -> Derived``, optional ``check(kind, values, records, case)``,
    ``applies_anyway(case) -> bool`` (a step marked 不适用 that still takes records),
    ``check_records(kind, after, case)`` (the step's records as they would be after the change, for rules
    across records that an edit could break) and ``summary(kind, values) -> str``), COMPARTMENT and
    CATEGORIES; ``CaseStepRecords`` and ``SensitiveStepRecords`` below expose ``_records`` and ``_save`` as
    the gated ``records`` and ``save``. A step with a rule across cases overrides ``_check_across_cases``.
    The ``case`` the rules get is ``rule_facts`` plus ``today`` (ISO date of the save), so that an age can
    be taken on the day."""

    STEP: str = ""
    RULES: ModuleType
    COMPARTMENT = "core"
    CATEGORIES = ""

    @property
    def kinds(self) -> dict[str, RecordKind]:
        return {k.code: k for k in self.RULES.KINDS}

    def _records(self, case_id: int) -> dict:
        """{"records": kind → list, "status": (status, reason)} of one case."""
        core = self.session.conn("core")
        if core.execute("SELECT 1 FROM cases WHERE id = ?", (case_id,)).fetchone() is None:
            raise UserError("找不到这个个案。")
        records = self._load(case_id)
        if self.COMPARTMENT != "core":  # every view of a sensitive section is audited
            self.session.record("view", object_type=OBJECT_TYPE, object_id=case_number(self.session, case_id),
                                categories=self.CATEGORIES, detail=self.STEP,
                                record_count=sum(map(len, records.values())))
        status = core.execute("SELECT status, reason FROM steps WHERE case_id = ? AND step = ?",
                              (case_id, self.STEP)).fetchone()
        return {"records": records, "status": tuple(status) if status else ("not_started", "")}

    def _load(self, case_id: int) -> dict[str, list[dict]]:
        names = {compartment_of(k, self.COMPARTMENT) for k in self.RULES.KINDS}
        return load_all({n: self.session.conn(n) for n in names}, case_id, self.STEP, self.RULES.KINDS,
                        self.COMPARTMENT)

    def _save(self, case_id: int, kind_code: str, raw: dict, record_id: int | None = None) -> int:
        """Add a record (``record_id`` None) or change one; returns its id."""
        kind = self.kinds.get(kind_code)
        if kind is None:
            raise UserError("不认识的记录类型。")
        session, core = self.session, self.session.conn("core")
        now = local_now(session)
        require_open(core, case_id)  # a closed case says so whatever was typed
        values = validate_record(kind, raw, now=now)
        case = {**rule_facts(core, case_id), "today": now.date().isoformat()}  # rules have no clock
        status, reason = case["steps"].get(self.STEP, ("not_started", ""))
        if status == "not_applicable" and not getattr(self.RULES, "applies_anyway", lambda _c: False)(case):
            raise UserError(f"此环节对这个个案不适用（{reason or '不适用'}），不能记录。")
        where = compartment_of(kind, self.COMPARTMENT)
        conn = session.conn(where)
        records = self._load(case_id)
        before = None
        if record_id is not None:
            before = next((r for r in records.get(kind.code, []) if r["id"] == record_id), None)
            if before is None:
                raise UserError("找不到要修改的记录，可能已被他人修改。请刷新后重试。")
        elif kind.single and records.get(kind.code):
            raise UserError(f"每个个案只有一份“{kind.label}”，请修改已有的那份。")
        check = getattr(self.RULES, "check", None)
        if check is not None:
            check(kind.code, values, records, case)
        self._check_across_cases(case_id, kind.code, values, record_id)
        changed = changed_fields(kind, before or {}, values)
        if before is not None and not changed:
            return record_id
        after = {**records, kind.code: [r for r in records.get(kind.code, []) if r["id"] != record_id]
                 + [{**values, "id": record_id or 0}]}
        check_records = getattr(self.RULES, "check_records", None)
        if check_records is not None:
            check_records(kind.code, after, case)
        derived = self.RULES.derive(after, case)
        action = "update" if before is not None else "create"
        entry = outbox.entry(session, action, object_type=OBJECT_TYPE, object_id=case_number(session, case_id),
                             categories=kind.categories or self.CATEGORIES,
                             detail=f"{self.STEP}.{kind.code}" + (f":{','.join(changed)}" if before else ""))
        stamp = stamp_of(entry)
        summary = self._summary(kind, values, before is not None, changed, where)
        with transaction(conn):
            if before is None:
                record_id = conn.execute(
                    "INSERT INTO step_records(case_id, step, kind, data, created_at, created_by, updated_at, "
                    "updated_by) VALUES (?,?,?,?,?,?,?,?)",
                    (case_id, self.STEP, kind.code, json.dumps(values, ensure_ascii=False, sort_keys=True),
                     stamp, session.account, stamp, session.account)).lastrowid
            else:
                conn.execute("UPDATE step_records SET data = ?, updated_at = ?, updated_by = ? WHERE id = ?",
                             (json.dumps(values, ensure_ascii=False, sort_keys=True), stamp, session.account,
                              record_id))
            if where == "core":
                self._core_part(core, case_id, derived, stamp, summary, action)
            ids = outbox.stage(conn, [entry])
        if where != "core":
            crash_point("after_record_commit")
            with transaction(core):
                self._core_part(core, case_id, derived, stamp, summary, action)
                stamps.record_seen(core, {where: stamps.read(conn)})
        outbox.deliver(session, conn, where, ids, [entry])
        return record_id

    def _check_across_cases(self, case_id: int, kind: str, values: dict, record_id: int | None) -> None:
        """A step's rule that looks at other cases (owner thread, after its own checks); none by default."""

    def _core_part(self, core, case_id, derived: Derived, stamp: str, summary: str, action: str) -> None:
        """Inside the core transaction: status, milestones, the timeline entry and the next due date,
        which is reckoned from the rows as this transaction leaves them."""
        apply_derived(core, case_id, self.STEP, self.RULES.MILESTONES, derived, stamp)
        add_event(core, case_id, stamp, self.STEP, f"record_{action}", summary, self.session.account)
        core.execute("UPDATE cases SET next_due = ? WHERE id = ?", (case_next_due(self.session, case_id), case_id))

    def _summary(self, kind: RecordKind, values: dict, edited: bool, changed: list[str], where: str) -> str:
        """The timeline text: a sensitive record's says only the kind (the timeline is in core)."""
        text = getattr(self.RULES, "summary", None)
        if not edited and where == "core" and text is not None:
            return text(kind.code, values) or plain_summary(kind, False, [])
        return plain_summary(kind, edited, changed)


def plain_summary(kind: RecordKind, edited: bool, changed: list[str]) -> str:
    """The timeline text that names no value: the kind, and on an edit the changed fields' labels (a
    sensitive record's is always this; the sign-in's repair writes the same words)."""
    if edited:
        return f"修改{kind.label}（{'、'.join(kind.labels(changed))}）"
    return f"新增{kind.label}"


class CaseStepRecords(StepRecords):
    """A step whose records are case work in core: read by whoever may read the case, written by
    whoever may edit it."""

    @operation(Op.CASE_VIEW)
    def records(self, case_id: int) -> dict:
        return self._records(case_id)

    @operation(Op.CASE_EDIT)
    def save(self, case_id: int, kind: str, raw: dict, record_id: int | None = None) -> int:
        return self._save(case_id, kind, raw, record_id)


class SensitiveStepRecords(StepRecords):
    """A step whose records are sensitive: kept in the sensitive compartment, every read audited."""
    COMPARTMENT = "sensitive"

    @operation(Op.CASE_VIEW_SENSITIVE)
    def records(self, case_id: int) -> dict:
        return self._records(case_id)

    @operation(Op.CASE_EDIT_SENSITIVE)
    def save(self, case_id: int, kind: str, raw: dict, record_id: int | None = None) -> int:
        return self._save(case_id, kind, raw, record_id)
