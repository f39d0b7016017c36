"""接收登记 intake: check a form, look for duplicates, save a new case, edit a saved one, read the
sensitive part, and keep a half-filled form as a draft when the screen locks."""

import base64
import json
from datetime import datetime

from victimcare.casework.audit_refs import case_number, number_detail
from victimcare.casework.deadlines import case_next_due, local_now
from victimcare.casework.duplicates import find_candidates
from victimcare.casework.record import SENSITIVE_COLUMNS, CaseWriter, NewCase, require_open, write_audited
from victimcare.casework.steps.intake.editor import IntakeEdit, IntakeEditor
from victimcare.casework.settings import StationSettings
from victimcare.casework.steps.intake.rules import (EDIT_FIELDS, HANDOVER_KEYS, IntakeRecord, age_years,
                                                    edit_categories, validate_intake)
from victimcare.core.errors import UserError, ValidationError
from victimcare.db.connection import transaction
from victimcare.security import outbox
from victimcare.security.gate import Service, operation
from victimcare.security.permissions import Op

INTAKE_CATEGORIES = "identity,medical,trafficking"
SENSITIVE_CATEGORIES = "medical,trafficking"
MAX_DRAFT_CHARS = 12 * 1024 * 1024  # the form's fields and a photo of at most 5 MB, as base64


class DuplicateCandidates(UserError):
    """Possible duplicates were found: the user must look at them and decide."""

    def __init__(self, candidates: list[dict]):
        super().__init__(f"发现 {len(candidates)} 个可能重复的个案，请核对后决定是否仍然新建。")
        self.candidates = candidates


def case_writer(session, now: datetime, conns: dict | None = None) -> CaseWriter:
    """The row writer for this session's new cases: on the owner thread's connections, or on ``conns``
    (a long job's own, from ``session.side_connections``)."""
    if conns is None:
        conns = {name: session.conn(name) for name in ("core", "sensitive", "school") if name in session.compartments()}
    settings = StationSettings(conns["core"])
    return CaseWriter(conns, actor=session.account, station_code=session.vault.keyring.station_code, now=now,
                      calendar=settings.calendar(), rules=settings.rules())


class IntakeService(Service):
    def _validate(self, raw: dict) -> IntakeRecord:
        return validate_intake(raw, now=local_now(self.session), registrar=self.session.account)

    @operation(Op.CASE_CREATE)
    def check(self, raw: dict) -> IntakeRecord:
        """Validate without saving: raises ValidationErrors with every problem."""
        return self._validate(raw)

    @operation(Op.CASE_CREATE)
    def find_duplicates(self, raw: dict) -> list[dict]:
        record = self._validate(raw)
        return find_candidates(self.session.conn("core"), record, local_now(self.session).date())

    @operation(Op.CASE_CREATE)
    def create(self, raw: dict, *, reviewed_duplicates: list[int] | None = None) -> int:
        """Save a new case. If possible duplicates exist that the user has not reviewed, raise
        DuplicateCandidates; call again with their ids once the user chose to create a new case."""
        record = self._validate(raw)
        now = local_now(self.session)
        candidates = find_candidates(self.session.conn("core"), record, now.date())
        unseen = [c for c in candidates if c["id"] not in set(reviewed_duplicates or [])]
        if unseen:
            raise DuplicateCandidates(candidates)
        session = self.session

        def audit(numbers):  # staged with the case in its core transaction (record.write_audited)
            [(new_id, number)] = numbers
            entries = [outbox.entry(session, "decision", object_type="case", object_id=number,
                                    detail="duplicate:new_case", record_count=len(candidates))] if candidates else []
            # the creation keeps the id the vault check counts cases by, and says the number (audit_refs)
            return entries + [outbox.entry(session, "create", object_type="case", object_id=new_id,
                                           categories=INTAKE_CATEGORIES, detail=number_detail(numbers))]

        [(case_id, _number)] = write_audited(session, case_writer(session, now), [NewCase(record)], audit)
        return case_id

    @operation(Op.CASE_CREATE)
    def record_duplicate_decision(self, candidate_ids: list[int], decision: str, chosen: int | None = None) -> None:
        """Audit the user's decision on duplicate candidates ('same_person' or 'cancelled')."""
        chosen_no = case_number(self.session, chosen) if chosen else ""
        self.session.record("decision", object_type="case", object_id=chosen_no, detail=f"duplicate:{decision}",
                            record_count=len(candidate_ids))

    @operation(Op.CASE_VIEW_SENSITIVE)
    def sensitive(self, case_id: int) -> dict:
        """First health check and the trafficking circumstances. Every call is an audited view."""
        cur = self.session.conn("sensitive").execute("SELECT * FROM intake_sensitive WHERE case_id = ?", (case_id,))
        row = cur.fetchone()
        self.session.record("view", object_type="case", object_id=case_number(self.session, case_id),
                            categories=SENSITIVE_CATEGORIES,
                            detail="intake_sensitive")
        return dict(zip([d[0] for d in cur.description], row)) if row else {}

    # -- editing a saved intake ----------------------------------------------------------------------

    def _stored(self, case_id: int) -> IntakeRecord:
        """The saved intake as a record (owner thread), core and sensitive parts."""
        core, sensitive = self.session.conn("core"), self.session.conn("sensitive")
        cur = core.execute("SELECT * FROM cases WHERE id = ?", (case_id,))
        case = dict(zip([d[0] for d in cur.description], cur.fetchone()))
        record_core = {k: case[k] for k in _CORE_KEYS}
        row = sensitive.execute(f"SELECT {', '.join(SENSITIVE_COLUMNS)} FROM intake_sensitive WHERE case_id = ?",
                                (case_id,)).fetchone()
        handover = core.execute(f"SELECT {', '.join(HANDOVER_KEYS)} FROM police_handover WHERE case_id = ?",
                                (case_id,)).fetchone()
        photo = core.execute("SELECT mime, data FROM photos WHERE case_id = ?", (case_id,)).fetchone()
        return IntakeRecord(
            core=record_core, sensitive=dict(zip(SENSITIVE_COLUMNS, row or ("",) * len(SENSITIVE_COLUMNS))),
            aliases=[r[0] for r in core.execute("SELECT alias FROM aliases WHERE case_id = ? ORDER BY id", (case_id,))],
            relatives=[dict(zip(("relation", "name", "contact"), r)) for r in core.execute(
                "SELECT relation, name, contact FROM relatives WHERE case_id = ? ORDER BY id", (case_id,))],
            belongings=[dict(zip(("item", "quantity", "storage_no"), r)) for r in core.execute(
                "SELECT item, quantity, storage_no FROM belongings WHERE case_id = ? ORDER BY id", (case_id,))],
            handover=dict(zip(HANDOVER_KEYS, handover or ("",) * len(HANDOVER_KEYS))),
            photo=(photo[0], bytes(photo[1])) if photo else None)

    @operation(Op.CASE_EDIT)
    def editable(self, case_id: int) -> dict:
        """The saved intake as the form's values, to edit it (an open case only). Shows the sensitive part
        too, so it needs that permission and is audited as a view of every category the form holds."""
        require_open(self.session.conn("core"), case_id)
        self.session.authorize(Op.CASE_VIEW_SENSITIVE)
        values = form_values(self._stored(case_id))
        self.session.record("view", object_type="case", object_id=case_number(self.session, case_id),
                            categories=INTAKE_CATEGORIES,
                            detail="intake_edit_form")
        return values

    @operation(Op.CASE_EDIT)
    def update(self, case_id: int, raw: dict) -> list[str]:
        """Save an edit of a saved intake, validated exactly as at intake. Refused for a closed case.
        Returns the labels of the fields that changed ([] when nothing did: nothing is written)."""
        core = self.session.conn("core")
        require_open(core, case_id)
        record = self._validate(raw)
        edit = IntakeEdit(case_id, self._stored(case_id), record)
        if not edit.changed:
            return []
        if edit.sensitive_changed:
            self.session.authorize(Op.CASE_EDIT_SENSITIVE)
        session = self.session
        now = local_now(session)
        number = case_number(session, case_id)

        def audit(token):  # staged with the core rows in the core outbox (steps.intake.editor)
            detail = "intake:" + ",".join(edit.changed) + (f";edit={token}" if token else "")
            return [outbox.entry(session, "update", object_type="case", object_id=number,
                                 categories=edit_categories(edit.changed), detail=detail)]

        conns = {name: session.conn(name) for name in ("core", "sensitive", "school") if name in session.compartments()}
        editor = IntakeEditor(conns, actor=session.account, now=now,
                              next_due=lambda cid: case_next_due(session, cid))
        editor.write(session, edit, audit)
        return [EDIT_FIELDS[k][0] for k in edit.changed]

    # -- drafts ------------------------------------------------------------------------------------

    @operation(Op.CASE_CREATE)
    def save_draft(self, raw: dict) -> None:
        """Keep a half-filled form (the screen is about to lock), replacing this account's earlier draft."""
        values = dict(raw)
        if values.get("photo"):
            values["photo"] = {"base64": base64.b64encode(bytes(values["photo"])).decode("ascii")}
        try:
            data = json.dumps(values, ensure_ascii=False)
        except (TypeError, ValueError):
            raise ValidationError("draft", "这份表单无法保存为草稿。") from None
        if len(data) > MAX_DRAFT_CHARS:
            raise ValidationError("draft", "表单内容太多，无法保存为草稿。")
        conn = self.session.conn("sensitive")
        with transaction(conn):
            conn.execute("INSERT INTO intake_drafts(account, data, saved_at) VALUES (?, ?, ?) ON CONFLICT(account) "
                         "DO UPDATE SET data = excluded.data, saved_at = excluded.saved_at",
                         (self.session.account, data, local_now(self.session).isoformat(timespec="seconds")))
        self.session.record("create", object_type="draft", categories=INTAKE_CATEGORIES)

    @operation(Op.CASE_CREATE)
    def draft(self) -> dict | None:
        """This account's draft (the form's values and ``saved_at``), or None."""
        row = self.session.conn("sensitive").execute(
            "SELECT data, saved_at FROM intake_drafts WHERE account = ?", (self.session.account,)).fetchone()
        if row is None:
            return None
        values = json.loads(row[0])
        if isinstance(values.get("photo"), dict):
            values["photo"] = base64.b64decode(values["photo"]["base64"])
        self.session.record("view", object_type="draft", categories=INTAKE_CATEGORIES)
        return {"values": values, "saved_at": row[1]}

    @operation(Op.CASE_CREATE)
    def discard_draft(self) -> None:
        conn = self.session.conn("sensitive")
        with transaction(conn):
            gone = conn.execute("DELETE FROM intake_drafts WHERE account = ?", (self.session.account,)).rowcount
        if gone:
            self.session.record("delete", object_type="draft")


_CORE_KEYS = ("registrar", "admitted_at", "arrival_mode", "escort_unit", "escort_officers", "police_case_no",
              "hukou_detail", "residence", "dialect", "police_report_unit", "assigned_worker", "appearance", "request",
              "decision_reason", "name_unknown", "name", "sex", "birth_date", "birth_estimated", "estimated_age",
              "age_basis", "ethnicity", "id_status", "id_type", "id_number", "hukou_code", "on_assistance",
              "fingerprints_taken", "flag_trafficking", "flag_disabled", "flag_foreign", "suspected_trafficking",
              "police_report_at", "decision")
_FORM_FLAGS = ("name_unknown", "on_assistance", "fingerprints_taken", "flag_trafficking", "flag_disabled",
               "flag_foreign", "suspected_trafficking")


def _typed_datetime(value: str | None) -> str:
    return (value or "").replace("T", " ")


def form_values(record: IntakeRecord) -> dict:
    """A saved intake as the intake form types it (the keys ``validate_intake`` reads): validated again
    unchanged, it gives the same record."""
    c = record.core
    values = {k: c[k] for k in _CORE_KEYS if k not in ("registrar", "birth_date", "birth_estimated", "estimated_age")}
    values.update({k: bool(c[k]) for k in _FORM_FLAGS})
    values["admitted_at"] = _typed_datetime(c["admitted_at"])
    values["police_report_at"] = _typed_datetime(c["police_report_at"])
    if c["birth_estimated"]:
        age = c["estimated_age"]
        if age is None:  # an estimate imported as a date: the age it gives on admission
            age = age_years(c["birth_date"], datetime.fromisoformat(c["admitted_at"]).date())
        values.update(birth_date="", estimated_age=str(age))
    else:
        values.update(birth_date=c["birth_date"] or "", estimated_age="")
    values["aliases"] = "；".join(record.aliases)
    values["relatives"] = [dict(r) for r in record.relatives]
    values["belongings"] = [dict(b) for b in record.belongings]
    h = record.handover
    values.update(handover_unit=h["unit"], handover_officers=h["officers"], handover_found_place=h["found_place"],
                  handover_found_at=_typed_datetime(h["found_at"]), handover_at=_typed_datetime(h["handover_at"]),
                  handover_checks=[x for x in (h["checks"] or "").split(",") if x])
    values.update({k: record.sensitive[k] for k in SENSITIVE_COLUMNS})
    values["injuries"] = bool(record.sensitive["injuries"])
    values["photo"] = record.photo[1] if record.photo else None
    return values
