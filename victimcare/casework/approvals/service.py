"""Approvals: request, decide, withdraw, and the lists the workbench and the case page show.

Each write is one core transaction holding the approval row, the case's timeline entry, the effect of an
approval (``registry``) and the audit entry staged in the core outbox, which is appended to the audit
log after the commit (``victimcare.security.outbox``): the entry names the approval, the case and the
kind, and the categories of what such a request holds, never what anyone wrote. A refusal changes
nothing. The steps file their own requests through ``file_request`` (the closure tab does), which is
the same path as ``ApprovalService.request``.
"""

import json

from victimcare.casework.audit_refs import case_number
from victimcare.casework.steps.school import records as school_records
from victimcare.casework.approvals import registry, rules
from victimcare.casework.cases import row_of, rows_of
from victimcare.casework.deadlines import local_now, refresh_due
from victimcare.casework.record import add_event, require_open
from victimcare.core.errors import UserError, ValidationError
from victimcare.db.connection import transaction
from victimcare.security import outbox
from victimcare.security.gate import Service, operation
from victimcare.security.permissions import Op

RECENT_OUTCOMES = 20
MAX_PAYLOAD_CHARS = 64 * 1024
_COLUMNS = ("a.id, a.case_id, c.case_no, c.name, c.name_unknown, a.kind, a.state, a.reason, a.payload, "
            "a.requested_by, a.requested_at, a.decided_by, a.decided_at, a.comment")


def _shown(row: dict) -> dict:
    row["payload"] = json.loads(row["payload"] or "{}")
    return row


def load(core, approval_id) -> dict:
    """One approval with its case number and name (payload parsed), or the refusal."""
    row = row_of(core, f"SELECT {_COLUMNS} FROM approvals a JOIN cases c ON c.id = a.case_id WHERE a.id = ?",
                 (approval_id,)) if isinstance(approval_id, int) else None
    if row is None:
        raise UserError("找不到这份审批申请，它可能已被撤回。请刷新后再试。")
    return _shown(row)


def case_status(core, case_id) -> str:
    row = core.execute("SELECT status FROM cases WHERE id = ?", (case_id,)).fetchone()
    if row is None:
        raise UserError("找不到这个个案。")
    return row[0]


def _audit(session, action: str, approval_id: int, case_id: int, kind: rules.Kind, what: str) -> dict:
    return outbox.entry(session, action, object_type="approval", object_id=approval_id, categories=kind.categories,
                        detail=f"case:{case_number(session, case_id)};kind:{kind.code};{what}")


def file_request(session, case_id, kind_code, reason, payload=None) -> int:
    """Owner thread: write a pending request (the id), checked by the rules and the kind's check."""
    kind = rules.kind_of(kind_code)
    payload = {} if payload is None else payload
    if not isinstance(payload, dict):
        raise ValidationError("payload", "申请内容的格式不正确。")
    core = session.conn("core")
    now = local_now(session)
    stamp = now.isoformat(timespec="seconds")
    with transaction(core):
        status = case_status(core, case_id) if kind.on_closed else require_open(core, case_id)["status"]
        pending = {k for (k,) in core.execute("SELECT kind FROM approvals WHERE case_id = ? AND state = 'pending'",
                                              (case_id,))}
        rules.check_request(kind, session.role, status, pending)
        check = registry.check_for(kind.code)
        if check is not None:
            payload = check(core, case_id, payload, now.date())
        reason = rules.clean_reason(reason)  # after the kind's check, whose fields a step's reason may repeat
        try:
            data = json.dumps(payload, ensure_ascii=False, sort_keys=True)
        except (TypeError, ValueError):
            raise ValidationError("payload", "申请内容的格式不正确。") from None
        if len(data) > MAX_PAYLOAD_CHARS:
            raise ValidationError("payload", "申请内容太多，请删减后再提交。")
        approval_id = core.execute(
            "INSERT INTO approvals(case_id, kind, reason, payload, requested_by, requested_at) VALUES (?,?,?,?,?,?)",
            (case_id, kind.code, reason, data, session.account, stamp)).lastrowid
        add_event(core, case_id, stamp, kind.step, "approval_requested", rules.event_summary(kind, "requested"),
                  session.account)
        entries = [_audit(session, "create", approval_id, case_id, kind, "requested")]
        ids = outbox.stage(core, entries)
    outbox.deliver(session, core, "core", ids, entries)
    return approval_id


class ApprovalService(Service):
    def __init__(self, session):
        super().__init__(session)
        registry.load_steps()  # every step's effects are registered before the first decision

    @operation(Op.CASE_EDIT)
    def request(self, case_id: int, kind: str, reason: str, payload: dict | None = None) -> int:
        """Ask the supervisor's approval for ``kind`` on a case; returns the request's id."""
        return file_request(self.session, case_id, kind, reason, payload)

    @operation(Op.CASE_APPROVE)
    def decide(self, approval_id: int, approve: bool, comment: str = "") -> dict:
        """Approve (and apply the kind's effect) or reject (with a comment) a pending request."""
        session, core = self.session, self.session.conn("core")
        stamp = local_now(session).isoformat(timespec="seconds")
        with transaction(core):
            approval = load(core, approval_id)
            kind = rules.kind_of(approval["kind"])
            state, comment = rules.check_decision(approval, approve, comment, session.role)
            case_id = approval["case_id"]
            if not kind.on_closed:
                require_open(core, case_id)
            changed = core.execute("UPDATE approvals SET state = ?, decided_by = ?, decided_at = ?, comment = ? "
                                   "WHERE id = ? AND state = 'pending'",
                                   (state, session.account, stamp, comment, approval_id)).rowcount
            if changed != 1:
                raise UserError("这份申请刚刚已被处理。请刷新后再看。")
            add_event(core, case_id, stamp, kind.step, f"approval_{state}", rules.event_summary(kind, state),
                      session.account)
            approval.update(state=state, decided_by=session.account, decided_at=stamp, comment=comment)
            effect = registry.effect_for(kind.code)
            if state == rules.APPROVED and effect is not None:
                effect(core, case_id, approval, stamp, session.account)
            decided = registry.decided_for(kind.code)
            if decided is not None:
                decided(core, case_id, approval, stamp, session.account)
            entries = [_audit(session, "decision", approval_id, case_id, kind, state)]
            ids = outbox.stage(core, entries)
        outbox.deliver(session, core, "core", ids, entries)
        if state == rules.APPROVED:
            self._mirror_to_school(core, case_id, stamp)
        refresh_due(session, [case_id])  # what the decision changed may move the case's next deadline
        return approval

    def _mirror_to_school(self, core, case_id: int, stamp: str) -> None:
        """A closure or a reopening reaches the school copy at once when this session holds its key (a
        kill before it is put right by the check at the next sign-in with both keys)."""
        if "school" not in self.session.compartments():
            return
        status = core.execute("SELECT status FROM cases WHERE id = ?", (case_id,)).fetchone()[0]
        school = self.session.conn("school")
        with transaction(school):
            school_records.mirror_case_status(school, case_id, status, stamp)

    @operation(Op.CASE_EDIT)
    def withdraw(self, approval_id: int) -> None:
        """The requester takes back a pending request."""
        session, core = self.session, self.session.conn("core")
        stamp = local_now(session).isoformat(timespec="seconds")
        with transaction(core):
            approval = load(core, approval_id)
            kind = rules.kind_of(approval["kind"])
            state = rules.check_withdrawal(approval, session.account)
            if not kind.on_closed:
                require_open(core, approval["case_id"])
            changed = core.execute("UPDATE approvals SET state = ?, decided_by = ?, decided_at = ? "
                                   "WHERE id = ? AND state = 'pending'",
                                   (state, session.account, stamp, approval_id)).rowcount
            if changed != 1:
                raise UserError("这份申请刚刚已被处理。请刷新后再看。")
            add_event(core, approval["case_id"], stamp, kind.step, f"approval_{state}",
                      rules.event_summary(kind, state), session.account)
            entries = [_audit(session, "update", approval_id, approval["case_id"], kind, state)]
            ids = outbox.stage(core, entries)
        outbox.deliver(session, core, "core", ids, entries)

    @operation(Op.CASE_VIEW)
    def pending(self, limit: int = 200) -> list[dict]:
        """Every pending request, oldest first: the supervisor's 待审批 on the workbench."""
        return [_shown(r) for r in rows_of(
            self.session.conn("core"), f"SELECT {_COLUMNS} FROM approvals a JOIN cases c ON c.id = a.case_id "
                                       "WHERE a.state = 'pending' ORDER BY a.requested_at, a.id LIMIT ?",
            (_limit(limit),))]

    @operation(Op.CASE_VIEW)
    def mine(self, limit: int = RECENT_OUTCOMES) -> list[dict]:
        """This account's latest requests, newest first, with their outcomes (pending ones included)."""
        return [_shown(r) for r in rows_of(
            self.session.conn("core"), f"SELECT {_COLUMNS} FROM approvals a JOIN cases c ON c.id = a.case_id "
                                       "WHERE a.requested_by = ? ORDER BY a.id DESC LIMIT ?",
            (self.session.account, _limit(limit)))]

    @operation(Op.CASE_VIEW)
    def for_case(self, case_id: int) -> list[dict]:
        """Every request of one case, newest first."""
        return [_shown(r) for r in rows_of(
            self.session.conn("core"), f"SELECT {_COLUMNS} FROM approvals a JOIN cases c ON c.id = a.case_id "
                                       "WHERE a.case_id = ? ORDER BY a.id DESC", (case_id,))]


def _limit(limit) -> int:
    return max(1, min(int(limit), 1000)) if isinstance(limit, int) else RECENT_OUTCOMES
