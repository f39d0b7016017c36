"""入学安置 school placement: the social worker refers a child; education staff see the ledger."""

from victimcare.casework.cases import row_of, rows_of
from victimcare.casework.deadlines import local_now
from victimcare.casework.record import SCHOOL_COLUMNS, add_event, insert_school_children, set_step_status
from victimcare.core.errors import UserError, ValidationError
from victimcare.core.crash import crash_point
from victimcare.db import stamps
from victimcare.db.connection import transaction
from victimcare.domain.names import validate_person_name
from victimcare.security import outbox
from victimcare.security.gate import Service, operation
from victimcare.security.permissions import Op


class SchoolService(Service):
    @operation(Op.SCHOOL_REFER)
    def refer(self, case_id: int, display_name: str = "") -> None:
        """Refer a school-age child to the education bureau: copy the minimal identity it needs."""
        core, school = self.session.conn("core"), self.session.conn("school")
        case = row_of(core, "SELECT id, case_no, name, sex, birth_date, birth_estimated, status FROM cases WHERE id = ?", (case_id,))
        if case is None:
            raise UserError("找不到这个个案。")
        if case["status"] == "closed":
            raise UserError("个案已结案，不能转介。如需转介请先重新开案。")
        now = local_now(self.session)
        step = core.execute("SELECT status FROM steps WHERE case_id = ? AND step = 'school'", (case_id,)).fetchone()
        if step is None or step[0] == "not_applicable":
            raise UserError("只有学龄儿童（入站时 6–17 周岁）可以转介入学。请核对出生日期或估计年龄。")
        shown = validate_person_name(display_name, "display_name") if display_name else case["name"]
        if not shown:
            raise ValidationError("display_name", "姓名不详，请填写一个化名供学校使用。")
        if school.execute("SELECT 1 FROM school_children WHERE case_id = ?", (case_id,)).fetchone():
            raise UserError("这个孩子已经转介到教育部门。")
        stamp = now.isoformat(timespec="seconds")
        row = {"case_id": case_id, "case_no": case["case_no"], "display_name": shown, "sex": case["sex"],
               "birth_date": case["birth_date"], "birth_estimated": case["birth_estimated"], "referred_at": stamp,
               "referred_by": self.session.account, "status": "referred", "updated_at": stamp}
        # The school row and its audit entry commit together (the school outbox); a kill before the
        # core part or the audit append is completed at the next sign-in (casework.repair).
        entries = [outbox.entry(self.session, "create", object_type="school_child", object_id=case_id,
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

    @operation(Op.SCHOOL_VIEW)
    def children(self, cursor=None, limit: int = 200) -> tuple[list[dict], object]:
        """The children referred to school, for the 入学安置台账 (education officer and above)."""
        params: list = []
        where = ""
        if cursor is not None:
            where = "WHERE (referred_at, case_id) < (?, ?)"
            params += list(cursor)
        rows = rows_of(self.session.conn("school"), f"SELECT * FROM school_children {where} "
                                                    "ORDER BY referred_at DESC, case_id DESC LIMIT ?", params + [limit])
        self.session.record("view", object_type="school_ledger", categories="minor", record_count=len(rows))
        return rows, ((rows[-1]["referred_at"], rows[-1]["case_id"]) if rows else None)
