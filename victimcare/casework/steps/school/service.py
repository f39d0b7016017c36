"""入学安置 school placement: the social worker refers a school-age child; the education officer records
the placement, the 学籍 transfer and later changes in the school compartment and keeps the 入学安置台账.

Every write is validated (``rules``), refused on a closed case, committed with its audit entry (the
school outbox) and recorded in ``school_changes``; the step's status in core follows from the records
(``records.sync_core``: at once when this session holds core, else at the next sign-in that does).
The education officer reaches only referred children of school age; anything else is refused and audited.
"""

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from victimcare.casework.cases import row_of, rows_of
from victimcare.casework.audit_refs import case_number
from victimcare.casework.deadlines import local_now
from victimcare.casework.record import (SCHOOL_COLUMNS, add_event, insert_school_children, require_open,
                                        set_step_status)
from victimcare.casework.settings import StationSettings
from victimcare.casework.steps.school import records, rules
from victimcare.core.crash import crash_point
from victimcare.core.errors import UserError, ValidationError, os_error_message
from victimcare.db import stamps
from victimcare.db.connection import transaction
from victimcare.domain.names import validate_person_name
from victimcare.security import outbox
from victimcare.security.gate import CALLER, Service, operation
from victimcare.security.permissions import Op

NOT_FOUND = "找不到这个转介入学的孩子。教育部门只能查看和登记已转介入学、现为学龄（6–17 周岁）的孩子。"


@dataclass(frozen=True)
class LedgerQuery:
    """Filters of the 入学安置台账: placement status (or "closed" for closed cases), school, grade, and
    only children whose 学籍 transfer is overdue."""

    status: str = ""
    school: str = ""
    grade: str = ""
    overdue_only: bool = False


class SchoolService(Service):
    # -- helpers (owner thread) ------------------------------------------------------------------------

    def _school(self):
        return self.session.conn("school")

    def _has_core(self) -> bool:
        return "core" in self.session.compartments()

    def _settings(self) -> StationSettings:
        return StationSettings(self.session.conn("core" if self._has_core() else "school"))

    def _today(self) -> date:
        return local_now(self.session).date()

    def _listed(self, case_id, action: str) -> dict:
        """The school row of a referred child of school age; anything else is refused, and the attempt
        audited (it may be a look beyond what this role is given)."""
        row = records.child(self._school(), case_id) if isinstance(case_id, int) else None
        if row is None or not row["birth_date"] or row["birth_date"] <= rules.oldest_birth_date(self._today()):
            # a child not listed has no number this role may know: the entry keeps what was asked for
            self.session.record(action, object_type="school_placement",
                                object_id=row["case_no"] if row is not None else str(case_id), result="denied")
            raise UserError(NOT_FOUND)
        return row

    def _writable(self, case_id) -> dict:
        row = records.require_writable(self._listed(case_id, "update"))
        if self._has_core():  # core decides; the school copy may be a sign-in behind
            require_open(self.session.conn("core"), case_id)
        return row

    def _decorate(self, row: dict, calendar, workdays: int, today: date) -> dict:
        due = rules.transfer_due(row, calendar, workdays)
        row["transfer_due"] = due.isoformat() if due else ""
        row["transfer_overdue"] = due is not None and today > due
        row["record_state"] = rules.record_state(row)
        row["step_status"] = rules.step_status(row, "in_progress")
        return row

    def _write(self, case_id: int, values: dict, change: dict, action: str, categories: str) -> dict:
        """One school transaction: the row, its history entry and the audit entry (outbox); then core."""
        school = self._school()
        now = local_now(self.session)
        stamp = now.isoformat(timespec="seconds")
        entries = [outbox.entry(self.session, action, object_type="school_placement", object_id=case_number(self.session, case_id),
                                categories=categories, detail=change["kind"])]
        with transaction(school):
            records.update_child(school, case_id, values, stamp)
            records.add_change(school, case_id, change["kind"], change["on"], self.session.account, stamp,
                               school_name=change.get("school", ""), grade=change.get("grade", ""),
                               note=change.get("note", ""))
            ids = outbox.stage(school, entries)
        crash_point("after_school_commit")
        if self._has_core():
            records.sync_core(self.session.conn("core"), school, now)
        outbox.deliver(self.session, school, "school", ids, entries)
        return self._detail(records.child(school, case_id))

    def _detail(self, row: dict) -> dict:
        """A school row with its transfer deadline, 学籍状态, step status and history."""
        settings = self._settings()
        self._decorate(row, settings.calendar(), settings.rules().school_transfer_workdays, self._today())
        row["history"] = records.history(self._school(), row["case_id"])
        return row

    # -- operations ------------------------------------------------------------------------------------

    @operation(Op.SCHOOL_REFER)
    def refer(self, case_id: int, display_name: str = "") -> None:
        """Refer a school-age child to the education bureau: copy the minimal identity it needs. Refused for
        anyone not of school age today (an adult, an unknown age, a step that is 不适用) and for a closed case."""
        core, school = self.session.conn("core"), self._school()
        require_open(core, case_id)
        case = row_of(core, "SELECT id, case_no, name, sex, birth_date, birth_estimated, status FROM cases WHERE id = ?",
                      (case_id,))
        now = local_now(self.session)
        step = core.execute("SELECT status FROM steps WHERE case_id = ? AND step = 'school'", (case_id,)).fetchone()
        refusal = rules.referral_refusal(case["birth_date"], step[0] if step else None, now.date())
        if refusal:
            raise UserError(refusal)
        shown = validate_person_name(display_name, "display_name") if display_name else case["name"]
        if not shown:
            raise ValidationError("display_name", "姓名不详，请填写一个化名供学校使用。")
        if school.execute("SELECT 1 FROM school_children WHERE case_id = ?", (case_id,)).fetchone():
            raise UserError("这个孩子已经转介到教育部门。")
        stamp = now.isoformat(timespec="seconds")
        row = {"case_id": case_id, "case_no": case["case_no"], "display_name": shown, "sex": case["sex"],
               "birth_date": case["birth_date"], "birth_estimated": case["birth_estimated"], "referred_at": stamp,
               "referred_by": self.session.account, "status": rules.REFERRED, "updated_at": stamp,
               "case_status": "open"}
        # The school row and its audit entry commit together (the school outbox); a kill before the
        # core part or the audit append is completed at the next sign-in (casework.repair).
        entries = [outbox.entry(self.session, "create", object_type="school_child", object_id=case["case_no"],
                                categories="minor")]
        with transaction(school):
            insert_school_children(school, [tuple(row.get(c, "") for c in SCHOOL_COLUMNS)])
            ids = outbox.stage(school, entries)
        crash_point("after_school_commit")
        with transaction(core):
            set_step_status(core, case_id, "school", "in_progress", stamp)
            add_event(core, case_id, stamp, "school", "referred", "转介教育部门安排入学", self.session.account)
            stamps.record_seen(core, {"school": stamps.read(school)})
        crash_point("after_core_commit")
        outbox.deliver(self.session, school, "school", ids, entries)

    def _ledger_sql(self, query: LedgerQuery | None, today: date) -> tuple[str, list]:
        q = query or LedgerQuery()
        where, params = ["birth_date > ?"], [rules.oldest_birth_date(today)]
        if q.status == "closed":
            where.append("case_status = 'closed'")
        elif q.status:
            where += ["status = ?", "case_status = 'open'"]
            params.append(q.status)
        for column, value in (("school", q.school), ("grade", q.grade)):
            if value:
                where.append(f"{column} = ?")
                params.append(value)
        if q.overdue_only:
            settings = self._settings()
            cutoff = rules.latest_overdue_start(today, settings.calendar(), settings.rules().school_transfer_workdays)
            where += ["transfer_started_on != ''", "transfer_done_on = ''", "transfer_started_on <= ?",
                      "case_status = 'open'"]
            params.append(cutoff.isoformat())
        return " AND ".join(where), params

    @operation(Op.SCHOOL_VIEW)
    def children(self, cursor=None, limit: int = 200, query: LedgerQuery | None = None) -> tuple[list[dict], object]:
        """One page of the 入学安置台账: referred children of school age today (under 18), newest referral
        first, filtered by ``query``; each row with its transfer deadline and 学籍状态."""
        today = self._today()
        where, params = self._ledger_sql(query, today)
        if cursor is not None:
            where += " AND (referred_at, case_id) < (?, ?)"
            params += list(cursor)
        rows = rows_of(self._school(), f"SELECT * FROM school_children WHERE {where} "
                                       "ORDER BY referred_at DESC, case_id DESC LIMIT ?", params + [limit])
        settings = self._settings()
        calendar, workdays = settings.calendar(), settings.rules().school_transfer_workdays
        rows = [self._decorate(r, calendar, workdays, today) for r in rows]
        self.session.record("view", object_type="school_ledger", categories="minor,school", record_count=len(rows))
        return rows, ((rows[-1]["referred_at"], rows[-1]["case_id"]) if rows else None)

    @operation(Op.SCHOOL_VIEW)
    def choices(self) -> dict[str, list[str]]:
        """The schools and grades in the ledger, for its filters and the form's suggestions."""
        school = self._school()
        return {key: [r[0] for r in school.execute(f"SELECT DISTINCT {key} FROM school_children WHERE {key} != '' "
                                                   f"ORDER BY {key}")] for key in ("school", "grade")}

    @operation(Op.SCHOOL_VIEW)
    def child(self, case_id: int) -> dict:
        """One child's placement and its history (the form), audited as a view."""
        row = self._detail(self._listed(case_id, "view"))
        self.session.record("view", object_type="school_placement", object_id=row["case_no"],
                            categories="minor,school,identity")
        return row

    @operation(Op.SCHOOL_EDIT)
    def record_placement(self, case_id: int, values: dict) -> dict:
        """School, grade, class, enrolment date, 正式/临时就读, 学籍号, pairing teacher, counselling and privacy
        measures (F9). The first save places the child; later saves are edits, each in the history."""
        row = self._writable(case_id)
        placement = rules.validate_placement(values, today=self._today(), birth_iso=row["birth_date"]).values
        first = row["status"] == rules.REFERRED
        if not first and all(row[k] == v for k, v in placement.items()):
            return self._detail(row)  # nothing changed: no write, no history entry
        change = {"kind": "placed" if first else "edited",
                  "on": placement["enrolled_on"] if first else self._today().isoformat()}
        new = {**placement, **({"status": rules.PLACED} if first else {})}
        return self._write(case_id, new, change, "create" if first else "update", rules.changed_categories(row, placement))

    @operation(Op.SCHOOL_EDIT)
    def record_transfer(self, case_id: int, started_on: str, done_on: str = "") -> dict:
        """The 学籍 transfer request: when it was started and, once finished, when it was done (≤ 10 working
        days). A new request after a finished one replaces it on the row; both stay in the history."""
        row = self._writable(case_id)
        start, done = rules.validate_transfer(started_on, done_on, today=self._today(), enrolled_on=row["enrolled_on"])
        if (start, done) == (row["transfer_started_on"], row["transfer_done_on"]):
            return self._detail(row)
        change = {"kind": "transfer_done", "on": done} if done else {"kind": "transfer_started", "on": start}
        return self._write(case_id, {"transfer_started_on": start, "transfer_done_on": done}, change, "update",
                           "minor,school")

    @operation(Op.SCHOOL_EDIT)
    def record_change(self, case_id: int, kind: str, changed_on: str, values: dict | None = None) -> dict:
        """A later change: 转学 (with the new school and grade), 毕业, 辍学 or 劝返复学."""
        row = self._writable(case_id)
        change = rules.validate_change(kind, changed_on, today=self._today(), status=row["status"], raw=values or {})
        new = {"status": rules.status_after_change(kind)}
        if kind == "transferred":
            new.update(school=change["school"], grade=change["grade"], class_name="")
        elif kind == "returned" and change.get("school"):
            new.update(school=change["school"], grade=change["grade"] or row["grade"])
        return self._write(case_id, new, change, "update", "minor,school")

    # -- exports ------------------------------------------------------------------------------------------

    def _all_rows(self, query: LedgerQuery | None) -> list[dict]:
        today = self._today()
        where, params = self._ledger_sql(query, today)
        rows = rows_of(self._school(), f"SELECT * FROM school_children WHERE {where} ORDER BY referred_at, case_id",
                       params)
        settings = self._settings()
        calendar, workdays = settings.calendar(), settings.rules().school_transfer_workdays
        last = {r[0]: r[1] for r in self._school().execute(
            "SELECT case_id, kind FROM school_changes WHERE id IN (SELECT max(id) FROM school_changes "
            "WHERE kind IN ('transferred', 'graduated', 'dropped_out', 'returned') GROUP BY case_id)")}
        for r in rows:
            self._decorate(r, calendar, workdays, today)
            r["last_change"] = last.get(r["case_id"], "")
        return rows

    @operation(Op.SCHOOL_EXPORT)
    def export_rows(self, query: LedgerQuery | None = None) -> list[dict]:
        """Every child of the ledger with the school fields only, for ``admin cases --json`` (no name, and
        the kind of 学籍号 instead of the number, which holds an ID number). Audited as an export."""
        rows = self._all_rows(query)
        out = [{"case_no": r["case_no"], "case_status": r["case_status"], "placement": r["status"],
                "steps": {"school": r["step_status"]}, "referred_on": r["referred_at"][:10], "school": r["school"],
                "grade": r["grade"], "class": r["class_name"], "enrolled_on": r["enrolled_on"] or None,
                "attendance": r["attendance"] or None, "student_no": rules.student_no_kind(r["student_no"]) or None,
                "record_state": r["record_state"], "transfer_started_on": r["transfer_started_on"] or None,
                "transfer_done_on": r["transfer_done_on"] or None, "transfer_due": r["transfer_due"] or None,
                "last_change": r["last_change"] or None} for r in rows]
        self.session.record("export", object_type="school_ledger", categories="minor,school", record_count=len(out),
                            detail="cases_json")
        return out

    @operation(Op.SCHOOL_EXPORT, thread=CALLER)
    def export_xlsx(self, path, query: LedgerQuery | None = None) -> dict:
        """The 入学安置台账 as an XLSX file (``ledger_xlsx``), written atomically with owner-only permissions
        and audited with the file's SHA-256. Returns {"count", "sha256"}."""
        from victimcare.casework.steps.school.ledger_xlsx import write_ledger
        rows = self.session.run(self._all_rows, query)
        now = local_now(self.session)
        try:
            digest = write_ledger(Path(path), rows, station=self.session.vault.station_name,
                                  exported_by=self.session.account, at=now)
        except OSError as exc:
            raise UserError(os_error_message(exc)) from None
        self.session.record("export", object_type="school_ledger", categories="minor,school,identity",
                            record_count=len(rows), detail="xlsx", file_hash=digest)
        return {"count": len(rows), "sha256": digest}
