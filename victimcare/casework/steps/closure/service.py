"""结案 closure and reopening, both through the supervisor's approval (``victimcare.casework.approvals``).

A social worker (or the supervisor) files the F16 fields as a closure request; the supervisor's approval
applies it in the decision's transaction: a ``closures`` row, the case ``closed`` (``closed_at``, no next
deadline), the step 结案 done, the timeline entry 结案. From then on every service refuses writes to the
case (``record.require_open``) except a request to reopen it, which needs a reason and, approved, opens
the case again (step 结案 back to not started, its next deadline put back). Both are audited by the
approvals service (request, decision) with the approval's kind; no value is written to the audit log.

A case is closed only when nothing else awaits a decision: a closure is refused while a request of
another kind (落户, the handover of a minor) is pending, both when it is filed and when it is approved.
"""

from datetime import date, datetime

import victimcare.casework.deadlines as deadlines
from victimcare.casework.approvals import registry
from victimcare.casework.approvals.rules import BY_KIND
from victimcare.casework.approvals.service import case_status, file_request
from victimcare.casework.cases import row_of, rows_of
from victimcare.casework.record import add_event, set_step_status
from victimcare.casework.settings import StationSettings
from victimcare.casework.steps import DONE, NOT_STARTED
from victimcare.casework.steps.closure import rules
from victimcare.core.errors import UserError
from victimcare.security.gate import Service, operation
from victimcare.security.permissions import Op

_OWN_KINDS = ("closure", "reopen")
REASON_CHARS = 300
_FACT_COLUMNS = ("id, case_no, admitted_at, birth_date, birth_estimated, id_status, name_unknown, flag_disabled, "
                 "status")


def _others_pending(core, case_id: int) -> list[str]:
    return [BY_KIND[k].label if k in BY_KIND else k for (k,) in core.execute(
        "SELECT kind FROM approvals WHERE case_id = ? AND state = 'pending' AND kind NOT IN (?, ?) ORDER BY id",
        (case_id, *_OWN_KINDS))]


def _check_closure(core, case_id: int, payload: dict, today: date) -> dict:
    """At the request: the F16 fields, and nothing else pending on the case."""
    admitted = core.execute("SELECT admitted_at FROM cases WHERE id = ?", (case_id,)).fetchone()[0]
    fields = rules.validate_closure(payload, today=today, admitted=datetime.fromisoformat(admitted).date())
    others = _others_pending(core, case_id)
    if others:
        raise UserError(f"这个个案还有待审批的申请（{'、'.join(others)}）。请等审批结果或撤回后，再申请结案。")
    return fields


def _close(core, case_id: int, approval: dict, stamp: str, actor: str) -> None:
    """The approved closure, inside the decision's transaction."""
    others = _others_pending(core, case_id)
    if others:
        raise UserError(f"这个个案还有待审批的申请（{'、'.join(others)}）。请先处理这些申请，再批准结案。")
    p = approval["payload"]
    before = core.execute("SELECT next_due FROM cases WHERE id = ?", (case_id,)).fetchone()[0]
    core.execute("INSERT INTO closures(case_id, approval_id, closure_type, summary, open_items, follow_up_plan, "
                 "retention, archive_on, requested_by, approved_by, closed_at, next_due_before) "
                 "VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                 (case_id, approval["id"], p["closure_type"], p["summary"], p.get("open_items", ""),
                  p.get("follow_up_plan", ""), p["retention"], p["archive_on"], approval["requested_by"], actor,
                  stamp, before))
    core.execute("UPDATE cases SET status = 'closed', closed_at = ?, next_due = '', updated_at = ? WHERE id = ?",
                 (stamp, stamp, case_id))
    set_step_status(core, case_id, "closure", DONE, stamp)
    add_event(core, case_id, stamp, "closure", "closed", "结案", actor)


def _reopen(core, case_id: int, approval: dict, stamp: str, actor: str) -> None:
    """The approved reopening, inside the decision's transaction."""
    if case_status(core, case_id) != "closed":
        raise UserError("个案没有结案，不需要重新开案。")
    closure = row_of(core, "SELECT id, next_due_before FROM closures WHERE case_id = ? AND reopened_at = '' "
                           "ORDER BY id DESC LIMIT 1", (case_id,))
    if closure is not None:
        next_due = closure["next_due_before"]
        core.execute("UPDATE closures SET reopened_at = ?, reopen_approval_id = ? WHERE id = ?",
                     (stamp, approval["id"], closure["id"]))
    else:  # closed before closures were recorded (an import, the demo): worked out afresh
        next_due = _next_due(core, case_id, datetime.fromisoformat(stamp))
    core.execute("UPDATE cases SET status = 'open', closed_at = '', next_due = ?, updated_at = ? WHERE id = ?",
                 (next_due, stamp, case_id))
    set_step_status(core, case_id, "closure", NOT_STARTED, stamp)
    add_event(core, case_id, stamp, "closure", "reopened", "重新开案", actor)


def _next_due(core, case_id: int, now: datetime) -> str:
    """The reopened case's next deadline from its core rows (a school transfer's, kept in the school
    compartment, joins at the next recompute)."""
    case = row_of(core, f"SELECT {_FACT_COLUMNS} FROM cases WHERE id = ?", (case_id,))
    case["status"] = "open"
    milestones = dict(core.execute("SELECT key, value FROM milestones WHERE case_id = ?", (case_id,)).fetchall())
    not_applicable = {s for (s,) in core.execute("SELECT step FROM steps WHERE case_id = ? AND "
                                                 "status = 'not_applicable'", (case_id,))}
    facts = deadlines.facts_from_rows(case, milestones, None, not_applicable, now.date())
    settings = StationSettings(core)
    return deadlines.next_due(deadlines.compute(facts, now, settings.calendar(), settings.rules()))


registry.register_check("closure", _check_closure)
registry.register_effect("closure", _close)
registry.register_effect("reopen", _reopen)


class ClosureService(Service):
    @operation(Op.CASE_VIEW)
    def state(self, case_id: int) -> dict:
        """The case's status, its latest closure (or None) and its closure and reopening requests, newest first."""
        core = self.session.conn("core")
        case = row_of(core, "SELECT id, case_no, status, closed_at FROM cases WHERE id = ?", (case_id,))
        if case is None:
            raise UserError("找不到这个个案。")
        case["closure"] = row_of(core, "SELECT * FROM closures WHERE case_id = ? ORDER BY id DESC LIMIT 1",
                                 (case_id,))
        case["requests"] = rows_of(core, "SELECT id, kind, state, reason, requested_by, requested_at, decided_by, "
                                         "decided_at, comment FROM approvals WHERE case_id = ? AND kind IN (?, ?) "
                                         "ORDER BY id DESC", (case_id, *_OWN_KINDS))
        return case

    @operation(Op.CASE_EDIT)
    def request(self, case_id: int, fields: dict) -> int:
        """File the F16 fields for the supervisor's approval; returns the request's id."""
        summary = fields.get("summary") if isinstance(fields, dict) else None
        reason = summary if not isinstance(summary, str) or len(summary) <= REASON_CHARS else \
            summary[:REASON_CHARS] + "…"  # the workbench shows the summary's start as the reason
        return file_request(self.session, case_id, "closure", reason, fields)

    @operation(Op.CASE_EDIT)
    def request_reopen(self, case_id: int, reason: str) -> int:
        """Ask to reopen a closed case (the reason is required); returns the request's id."""
        return file_request(self.session, case_id, "reopen", reason, {})
