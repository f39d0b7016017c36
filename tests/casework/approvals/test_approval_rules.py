"""The approval state machine and who may do what (pure rules): pending → approved | rejected by a
supervisor, or withdrawn by its requester; nothing leaves a decided state; one pending per kind."""

import itertools

import pytest

from victimcare.casework.approvals import rules
from victimcare.casework.approvals.rules import APPROVED, PENDING, REJECTED, WITHDRAWN
from victimcare.casework.steps import BY_CODE
from victimcare.core.errors import PermissionDenied, UserError, ValidationError
from victimcare.security.permissions import Role

ACTIONS = ("approve", "reject", "withdraw")
STATES = (PENDING, APPROVED, REJECTED, WITHDRAWN)


def approval(state=PENDING, requested_by="shegong01"):
    return {"id": 1, "kind": "closure", "state": state, "requested_by": requested_by}


def test_the_only_transitions_leave_pending():
    assert rules.next_state(PENDING, "approve") == APPROVED
    assert rules.next_state(PENDING, "reject") == REJECTED
    assert rules.next_state(PENDING, "withdraw") == WITHDRAWN
    for state, action in itertools.product(STATES, ACTIONS):
        if state == PENDING:
            continue
        with pytest.raises(UserError, match="不能再审批或撤回"):
            rules.next_state(state, action)
    with pytest.raises(UserError, match="状态无法识别"):
        rules.next_state("lost", "approve")
    with pytest.raises(UserError):
        rules.next_state(PENDING, "delete")


@pytest.mark.parametrize("state", [APPROVED, REJECTED, WITHDRAWN])
def test_a_decided_request_is_never_decided_or_withdrawn_again(state):
    for approve in (True, False):
        with pytest.raises(UserError, match=rules.state_label(state)):
            rules.check_decision(approval(state), approve, "意见", Role.SUPERVISOR)
    with pytest.raises(UserError, match="不能再审批或撤回"):
        rules.check_withdrawal(approval(state), "shegong01")


def test_only_supervisors_decide_and_a_rejection_needs_a_comment():
    for role in (Role.SOCIAL_WORKER, Role.EDUCATION_OFFICER, Role.AUDITOR):
        with pytest.raises(PermissionDenied, match="站长"):
            rules.check_decision(approval(), True, "", role)
    assert rules.check_decision(approval(), True, "", Role.SUPERVISOR) == (APPROVED, "")
    assert rules.check_decision(approval(), True, None, Role.SUPERVISOR) == (APPROVED, "")
    for blank in ("", "   ", "\n\t", None):
        with pytest.raises(ValidationError, match="驳回时请写明理由") as caught:
            rules.check_decision(approval(), False, blank, Role.SUPERVISOR)
        assert caught.value.field == "comment"
    assert rules.check_decision(approval(), False, "  材料不全 ", Role.SUPERVISOR) == (REJECTED, "材料不全")
    with pytest.raises(ValidationError):
        rules.check_decision(approval(), "yes", "", Role.SUPERVISOR)
    with pytest.raises(ValidationError, match="太长"):
        rules.check_decision(approval(), False, "长" * (rules.MAX_COMMENT + 1), Role.SUPERVISOR)
    with pytest.raises(ValidationError):
        rules.check_decision(approval(), False, 42, Role.SUPERVISOR)


def test_a_supervisor_may_decide_their_own_request():
    assert rules.check_decision(approval(requested_by="zhanzhang"), True, "", Role.SUPERVISOR)[0] == APPROVED


def test_only_the_requester_withdraws():
    assert rules.check_withdrawal(approval(), "shegong01") == WITHDRAWN
    for other in ("shegong02", "zhanzhang"):
        with pytest.raises(PermissionDenied, match="本人"):
            rules.check_withdrawal(approval(), other)


def test_who_may_request():
    assert rules.may_request(Role.SOCIAL_WORKER) and rules.may_request(Role.SUPERVISOR)
    assert not rules.may_request(Role.EDUCATION_OFFICER) and not rules.may_request(Role.AUDITOR)
    assert rules.may_decide(Role.SUPERVISOR) and not rules.may_decide(Role.SOCIAL_WORKER)
    for role in (Role.EDUCATION_OFFICER, Role.AUDITOR):
        with pytest.raises(PermissionDenied):
            rules.check_request(rules.BY_KIND["closure"], role, "open", set())


def test_reopening_is_the_one_request_a_closed_case_may_make():
    for kind in rules.KINDS:
        if kind.on_closed:
            rules.check_request(kind, Role.SOCIAL_WORKER, "closed", set())
            with pytest.raises(UserError, match="未结案"):
                rules.check_request(kind, Role.SOCIAL_WORKER, "open", set())
        else:
            rules.check_request(kind, Role.SOCIAL_WORKER, "open", set())
            with pytest.raises(UserError, match="已结案"):
                rules.check_request(kind, Role.SOCIAL_WORKER, "closed", set())
    assert [k.code for k in rules.KINDS if k.on_closed] == ["reopen"]


def test_at_most_one_pending_request_of_a_kind_per_case():
    closure = rules.BY_KIND["closure"]
    with pytest.raises(UserError, match="已有一份待审批的“结案”"):
        rules.check_request(closure, Role.SOCIAL_WORKER, "open", {"closure"})
    rules.check_request(closure, Role.SOCIAL_WORKER, "open", {"hukou"})  # another kind may be pending


def test_kinds_have_labels_steps_and_english_timeline_wording():
    assert {k.code: k.label for k in rules.KINDS} == {"hukou": "落户申请", "handover_minor": "未成年人交接",
                                                      "closure": "结案", "reopen": "重新开案"}
    for kind in rules.KINDS:
        assert kind.step in BY_CODE and kind.label_en
        assert rules.kind_label(kind.code, english=True) == kind.label_en
        for what in ("requested", APPROVED, REJECTED, WITHDRAWN):
            summary = rules.event_summary(kind, what)
            assert kind.label in summary and summary in rules.EVENTS_ENGLISH
            assert kind.label_en.lower() in rules.EVENTS_ENGLISH[summary].lower()
    with pytest.raises(ValidationError, match="没有这种审批事项"):
        rules.kind_of("adoption")
    with pytest.raises(ValidationError):
        rules.kind_of(None)


def test_a_reason_is_required_and_cleaned():
    assert rules.clean_reason("  发现新的寻亲线索\r\n需要继续跟进 ") == "发现新的寻亲线索\n需要继续跟进"
    for bad in ("", "  ", None, 5):
        with pytest.raises(ValidationError) as caught:
            rules.clean_reason(bad)
        assert caught.value.field == "reason"
    with pytest.raises(ValidationError, match="太长"):
        rules.clean_reason("长" * (rules.MAX_REASON + 1))
