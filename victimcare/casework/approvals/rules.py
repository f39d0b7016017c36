"""Approvals, one mechanism for every step that needs the supervisor's yes (pure: no Qt, no database).

A request is ``pending`` until a supervisor approves or rejects it (a rejection says why), or its
requester withdraws it. Nothing leaves ``approved``, ``rejected`` or ``withdrawn``: a new request is
filed instead, so the history of a case's requests is never rewritten. A case holds at most one
pending request of each kind. Requests are filed by the staff who work on cases (social workers and
supervisors); only supervisors decide. A supervisor may decide a request they filed themselves: a
county station may have a single 站长, and the audit log shows who requested and who decided.

Every request concerns an open case, except a reopening, which only a closed case can ask for.
"""

from dataclasses import dataclass

from victimcare.core.errors import PermissionDenied, UserError, ValidationError
from victimcare.domain.names import validate_free_text
from victimcare.security.permissions import Role

PENDING, APPROVED, REJECTED, WITHDRAWN = "pending", "approved", "rejected", "withdrawn"
STATES = (
    (PENDING, "待审批", "Pending"),
    (APPROVED, "已批准", "Approved"),
    (REJECTED, "已驳回", "Rejected"),
    (WITHDRAWN, "已撤回", "Withdrawn"),
)
STATE_LABELS = {code: (zh, en) for code, zh, en in STATES}
# (state, action) → the state it leads to; every other pair is refused
TRANSITIONS = {(PENDING, "approve"): APPROVED, (PENDING, "reject"): REJECTED, (PENDING, "withdraw"): WITHDRAWN}

REQUESTERS = frozenset({Role.SUPERVISOR, Role.SOCIAL_WORKER})
DECIDERS = frozenset({Role.SUPERVISOR})
MAX_REASON = 2000
MAX_COMMENT = 2000


@dataclass(frozen=True)
class Kind:
    code: str
    label: str          # the official wording
    label_en: str
    step: str           # the step whose timeline and tab show it
    categories: str = ""  # the audit categories of what such a request holds (never the values)
    on_closed: bool = False  # asked of a closed case (and of no open one)


KINDS: tuple[Kind, ...] = (
    Kind("hukou", "落户申请", "Household registration application", "hukou", "identity"),
    Kind("handover_minor", "未成年人交接", "Handover of a minor", "return", "identity,minor"),
    Kind("closure", "结案", "Case closure", "closure"),
    Kind("reopen", "重新开案", "Reopening the case", "closure", on_closed=True),
)
BY_KIND = {k.code: k for k in KINDS}


def kind_of(code) -> Kind:
    try:
        return BY_KIND[code]
    except (KeyError, TypeError):
        raise ValidationError("kind", "没有这种审批事项。请从列表中选择。") from None


def kind_label(code: str, english: bool = False) -> str:
    kind = BY_KIND.get(code)
    if kind is None:
        return code
    return kind.label_en if english else kind.label


def state_label(code: str, english: bool = False) -> str:
    zh, en = STATE_LABELS.get(code, (code, code))
    return en if english else zh


def may_request(role) -> bool:
    return role in REQUESTERS


def may_decide(role) -> bool:
    return role in DECIDERS


def clean_reason(text) -> str:
    """The requester's reason: required, at most ``MAX_REASON`` characters."""
    if not isinstance(text, str):
        raise ValidationError("reason", "请写明申请理由。")
    reason = validate_free_text(text, "reason", max_len=MAX_REASON)
    if not reason:
        raise ValidationError("reason", "请写明申请理由，审批人会看到。")
    return reason


def check_request(kind: Kind, role, case_status: str, pending_kinds: set[str]) -> None:
    """May ``role`` file a request of ``kind`` on a case in ``case_status`` with requests of
    ``pending_kinds`` still pending? Raises the refusal, in Chinese."""
    if not may_request(role):
        raise PermissionDenied("只有社工和站长/分管领导可以提出审批申请。")
    if kind.on_closed and case_status != "closed":
        raise UserError(f"个案未结案，不需要申请{kind.label}。")
    if not kind.on_closed and case_status == "closed":
        raise UserError("个案已结案，只能查看。如需补充记录，请先申请重新开案。")
    if kind.code in pending_kinds:
        raise UserError(f"这个个案已有一份待审批的“{kind.label}”申请。请等待审批结果，或先撤回那一份。")


def next_state(state: str, action: str) -> str:
    """The state ``action`` ('approve', 'reject', 'withdraw') leads to, or the refusal."""
    if (state, action) in TRANSITIONS:
        return TRANSITIONS[(state, action)]
    if state in STATE_LABELS:
        raise UserError(f"这份申请{state_label(state)}，不能再审批或撤回。如有需要，请重新提出申请。")
    raise UserError("这份申请的状态无法识别，不能审批或撤回。")


def check_decision(approval: dict, approve, comment, role) -> tuple[str, str]:
    """(new state, cleaned comment) for a supervisor's decision; a rejection needs a comment."""
    if not may_decide(role):
        raise PermissionDenied("只有站长/分管领导可以审批。")
    if not isinstance(approve, bool):
        raise ValidationError("approve", "请选择批准或驳回。")
    state = next_state(approval["state"], "approve" if approve else "reject")
    if comment is None:
        comment = ""
    if not isinstance(comment, str):
        raise ValidationError("comment", "审批意见只能是文字。")
    comment = validate_free_text(comment, "comment", max_len=MAX_COMMENT)
    if not approve and not comment:
        raise ValidationError("comment", "驳回时请写明理由，申请人会看到。")
    return state, comment


def check_withdrawal(approval: dict, actor: str) -> str:
    """The state after the requester withdraws; nobody else may withdraw a request."""
    if approval["requested_by"] != actor:
        raise PermissionDenied("只有提出申请的本人可以撤回申请。")
    return next_state(approval["state"], "withdraw")


# -- timeline wording: fixed sentences (no typed text), each with its English gloss ----------------

_EVENTS = {
    "requested": ("提请审批：{zh}", "Approval requested: {en}"),
    APPROVED: ("审批通过：{zh}", "Approved: {en}"),
    REJECTED: ("审批驳回：{zh}", "Rejected: {en}"),
    WITHDRAWN: ("撤回审批申请：{zh}", "Approval request withdrawn: {en}"),
}


def event_summary(kind: Kind, what: str) -> str:
    """The timeline sentence for ``what`` ('requested' or the new state) of a request of ``kind``."""
    return _EVENTS[what][0].format(zh=kind.label)


EVENTS_ENGLISH: dict[str, str] = {zh.format(zh=k.label): en.format(en=k.label_en[0].lower() + k.label_en[1:])
                                  for k in KINDS for zh, en in _EVENTS.values()}
