"""Reading case files: a case's header and intake, its photo, its timeline, and the case list.

Every view is audited with the categories it showed. The sensitive part of the intake is read
through the intake step's service, which records that view separately.
"""

from datetime import datetime

from victimcare.casework.case_list import CaseQuery, count_sql, cursor_of, page_sql
from victimcare.core.errors import UserError
from victimcare.security.gate import Service, operation
from victimcare.security.permissions import Op

__all__ = ["CaseQuery", "CaseService"]


def rows_of(conn, sql: str, params=()) -> list[dict]:
    cur = conn.execute(sql, params)
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r)) for r in cur.fetchall()]


def row_of(conn, sql: str, params=()) -> dict | None:
    rows = rows_of(conn, sql, params)
    return rows[0] if rows else None


class CaseService(Service):
    def _now_iso(self) -> str:
        return datetime.fromtimestamp(self.session.vault.clock.now()).isoformat(timespec="minutes")

    @operation(Op.CASE_VIEW)
    def get_case(self, case_id: int) -> dict:
        """The case header and intake (non-sensitive part). Audited as a view of identity data."""
        core = self.session.conn("core")
        case = row_of(core, "SELECT * FROM cases WHERE id = ?", (case_id,))
        if case is None:
            raise UserError("找不到这个个案，它可能已被删除。")
        case["aliases"] = [r["alias"] for r in rows_of(core, "SELECT alias FROM aliases WHERE case_id = ? ORDER BY id",
                                                       (case_id,))]
        case["relatives"] = rows_of(core, "SELECT relation, name, contact FROM relatives WHERE case_id = ? ORDER BY id",
                                    (case_id,))
        case["belongings"] = rows_of(core, "SELECT item, quantity, storage_no FROM belongings WHERE case_id = ? "
                                           "ORDER BY id", (case_id,))
        case["handover"] = row_of(core, "SELECT * FROM police_handover WHERE case_id = ?", (case_id,))
        case["steps"] = {r["step"]: r for r in rows_of(core, "SELECT step, status, reason FROM steps WHERE case_id = ?",
                                                       (case_id,))}
        left = core.execute("SELECT value FROM milestones WHERE case_id = ? AND key = 'left_on'", (case_id,)).fetchone()
        case["left_on"] = left[0] if left else ""  # 离站: the days in care stop there
        case["has_photo"] = core.execute("SELECT 1 FROM photos WHERE case_id = ?", (case_id,)).fetchone() is not None
        case["referred_to_school"] = (
            "school" in self.session.compartments()
            and self.session.conn("school").execute("SELECT 1 FROM school_children WHERE case_id = ?",
                                                    (case_id,)).fetchone() is not None)
        self.session.record("view", object_type="case", object_id=case["case_no"], categories="identity")
        return case

    @operation(Op.CASE_VIEW)
    def photo(self, case_id: int) -> tuple[str, bytes] | None:
        row = self.session.conn("core").execute("SELECT mime, data FROM photos WHERE case_id = ?", (case_id,)).fetchone()
        return (row[0], bytes(row[1])) if row else None

    @operation(Op.CASE_VIEW)
    def timeline(self, case_id: int) -> list[dict]:
        """Everything recorded on the case, newest first."""
        return rows_of(self.session.conn("core"), "SELECT at, step, kind, summary, actor FROM events "
                                                  "WHERE case_id = ? ORDER BY at DESC, id DESC", (case_id,))

    @operation(Op.CASE_VIEW)
    def list_page(self, query: CaseQuery, cursor=None, limit: int = 200) -> tuple[list[dict], object]:
        """One page of the case list and the cursor of the next page (None at the end)."""
        core = self.session.conn("core")
        sql, params = page_sql(query, cursor, limit, self._now_iso())
        rows = rows_of(core, sql, params)
        if not rows:
            return rows, None
        active: dict[int, list[str]] = {}
        ids = [r["id"] for r in rows]
        for case_id, step in core.execute(  # one query for the page, not one per row
                f"SELECT case_id, step FROM steps WHERE status = 'in_progress' AND case_id IN "
                f"({','.join('?' * len(ids))})", ids):
            active.setdefault(case_id, []).append(step)
        for r in rows:
            r["active"] = ",".join(active.get(r["id"], []))
        return rows, cursor_of(query, rows[-1])

    @operation(Op.CASE_VIEW)
    def count(self, query: CaseQuery) -> int:
        sql, params = count_sql(query, self._now_iso())
        return self.session.conn("core").execute(sql, params).fetchone()[0]

    @operation(Op.CASE_VIEW)
    def statuses_after(self, after_id: int, limit: int) -> list[dict]:
        """Case numbers, status, dates and step statuses of up to ``limit`` cases after ``after_id``,
        for ``admin cases --json``. No names or other personal values."""
        core = self.session.conn("core")
        rows = core.execute("SELECT id, case_no, status, admitted_at, next_due FROM cases WHERE id > ? "
                            "ORDER BY id LIMIT ?", (after_id, limit)).fetchall()
        if not rows:
            return []
        steps: dict[int, dict[str, str]] = {}
        for case_id, step, status in core.execute("SELECT case_id, step, status FROM steps "
                                                  "WHERE case_id BETWEEN ? AND ?", (rows[0][0], rows[-1][0])):
            steps.setdefault(case_id, {})[step] = status
        return [{"id": case_id, "case_no": case_no, "status": status, "admitted_on": admitted[:10],
                 "next_due": next_due or None, "steps": steps.get(case_id, {})}
                for case_id, case_no, status, admitted, next_due in rows]

    @operation(Op.CASE_VIEW)
    def record_status_export(self, count: int) -> None:
        """Audit an export of the case statuses (``admin cases --json``)."""
        self.session.record("export", object_type="case_list", record_count=count, detail="cases_json")
