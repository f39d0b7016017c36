"""法律援助 records through the service (issue 9, item 5): the F8 application (a legal representative
for a minor, the means-check exemption and its ground), acceptance, the decision and the lawyer in
order, the status and the 7-day / 3-day deadlines decided by the records, audited, closed cases and
roles without case work refused."""

import re
from datetime import datetime

import pytest

from support import SUPERVISOR, case_ref
from victimcare.casework.steps.legal_aid import rules
from victimcare.core.clock import FakeClock
from victimcare.core.errors import PermissionDenied, UserError, ValidationErrors
from victimcare.domain.deadlines import MET, MET_LATE, OVERDUE
from victimcare.security.permissions import Role

ADULT = {"admitted_at": "2026-03-01 10:00", "arrival_mode": "police_transfer", "name": "测试甲", "sex": "F",
         "birth_date": "1990-03-04"}
CHILD = {**ADULT, "name": "测试乙", "birth_date": "2012-05-06"}
APPLICATION = {"applied_on": "2026-03-02", "office": "尤溪县法律援助中心", "applied_by": "self",
               "legal_status": "victim", "stage": "investigation"}
CHILD_APPLICATION = {**APPLICATION, "applied_by": "legal_rep", "representative": "尤溪县民政局",
                     "relation": "civil_affairs", "means_exempt": True, "exempt_ground": "minor_no_income"}
GRANTED = {"decided_on": "2026-03-06", "result": "granted"}
LAWYER = {"assigned_on": "2026-03-11", "firm": "测试律师事务所", "lawyer": "测试律师"}


@pytest.fixture
def s(vault_factory, login):
    vault, _code, password = vault_factory(clock=FakeClock(datetime(2026, 3, 12, 9, 0).timestamp()))
    return login(vault, SUPERVISOR, password)


def new_case(s, raw) -> int:
    return s.intake.create(raw, reviewed_duplicates=list(range(1, 100)))


def status(s, case_id) -> tuple[str, str]:
    return s.legal_aid.records(case_id)["status"]


def deadline(s, case_id, rule):
    found = [d for d in s.deadlines.for_case(case_id) if d.rule == rule]
    return found[0] if found else None


def audit_rows(s, case_id):
    return s.session.owner.call(lambda: s.session.conn("audit").execute(
        "SELECT action, categories, detail FROM audit_log WHERE object_type = 'step_record' AND object_id = ?",
        (case_ref(s, case_id),)).fetchall())


def milestones(s, case_id) -> dict:
    return dict(s.session.owner.call(lambda: s.session.conn("core").execute(
        "SELECT key, value FROM milestones WHERE case_id = ? AND key IN (?,?,?,?)",
        (case_id, *rules.MILESTONES)).fetchall()))


def test_the_records_drive_the_status_and_both_deadlines_on_a_fixed_clock(s):
    case_id = new_case(s, ADULT)
    assert status(s, case_id) == ("not_started", "")
    assert deadline(s, case_id, "legal_aid.decision") is None
    s.legal_aid.save(case_id, "application", APPLICATION)
    assert status(s, case_id) == ("in_progress", "待审查决定")
    late = deadline(s, case_id, "legal_aid.decision")
    assert late.status == OVERDUE and late.explain() == "法律援助应在申请后7天内作出决定，已超期 3 天"
    s.legal_aid.save(case_id, "acceptance", {"accepted_on": "2026-03-02", "complete": True})
    s.legal_aid.save(case_id, "decision", GRANTED)
    assert status(s, case_id) == ("in_progress", "待指派律师")
    assert deadline(s, case_id, "legal_aid.decision").status == MET
    assert deadline(s, case_id, "legal_aid.lawyer").status == OVERDUE  # due 03-09, today 03-12
    s.legal_aid.save(case_id, "lawyer", LAWYER)
    lawyer = deadline(s, case_id, "legal_aid.lawyer")
    assert lawyer.status == MET_LATE
    assert lawyer.explain() == "决定给予法律援助后3天内应指派律师，已于 2026年03月11日指派（逾期 2 天）"
    assert status(s, case_id) == ("in_progress", "律师承办中")
    assert milestones(s, case_id) == {"legal_aid_applied_on": "2026-03-02", "legal_aid_decided_on": "2026-03-06",
                                      "lawyer_assigned_on": "2026-03-11"}
    s.legal_aid.save(case_id, "progress", {"on": "2026-03-12", "stage": "investigation", "event": "meeting"})
    assert status(s, case_id)[0] == "in_progress"
    s.legal_aid.save(case_id, "progress", {"on": "2026-03-12", "stage": "investigation", "event": "concluded"})
    assert status(s, case_id) == ("done", "援助事项已办结")
    events = [e["summary"] for e in s.cases.timeline(case_id)]
    assert "法律援助申请（2026-03-02，尤溪县法律援助中心）" in events
    assert "法律援助决定：给予法律援助（2026-03-06）" in events and "指派律师（2026-03-11）" in events
    assert all(c == "legal_aid" for _a, c, _d in audit_rows(s, case_id)) and len(audit_rows(s, case_id)) == 6
    assert not any("测试律师" in d for _a, _c, d in audit_rows(s, case_id)), "the audit names no one"


def test_a_refusal_finishes_the_step_and_no_lawyer_is_due(s):
    case_id = new_case(s, ADULT)
    s.legal_aid.save(case_id, "application", APPLICATION)
    with pytest.raises(ValidationErrors) as err:
        s.legal_aid.save(case_id, "decision", {"decided_on": "2026-03-05", "result": "refused"})
    assert "理由" in err.value.by_field()["reason"]
    s.legal_aid.save(case_id, "decision", {"decided_on": "2026-03-05", "result": "refused",
                                           "reason": "不属于法律援助范围"})
    assert status(s, case_id) == ("done", "不予法律援助")
    assert milestones(s, case_id)["legal_aid_refused"] == "1"
    assert deadline(s, case_id, "legal_aid.lawyer") is None
    with pytest.raises(UserError, match="还没有“给予法律援助”的决定"):
        s.legal_aid.save(case_id, "lawyer", LAWYER)
    # the decision is changed to a grant: the lawyer becomes due, the refusal milestone goes
    rid = s.legal_aid.records(case_id)["records"]["decision"][0]["id"]
    s.legal_aid.save(case_id, "decision", {**GRANTED, "decided_on": "2026-03-05"}, record_id=rid)
    assert "legal_aid_refused" not in milestones(s, case_id)
    assert deadline(s, case_id, "legal_aid.lawyer").status == OVERDUE
    assert "修改审查决定（决定、不予援助的理由）" in [e["summary"] for e in s.cases.timeline(case_id)]
    assert audit_rows(s, case_id)[-1] == ("update", "legal_aid", "legal_aid.decision:result,reason")


def test_a_minor_needs_a_legal_representative(s):
    case_id = new_case(s, CHILD)
    with pytest.raises(ValidationErrors) as err:
        s.legal_aid.save(case_id, "application", APPLICATION)
    fields = err.value.by_field()
    assert "法定代理人" in fields["applied_by"] and "代理申请人" in fields["representative"]
    with pytest.raises(ValidationErrors) as err:
        s.legal_aid.save(case_id, "application", {**CHILD_APPLICATION, "representative": ""})
    assert "未满18周岁" in err.value.by_field()["representative"]
    assert s.legal_aid.records(case_id)["records"]["application"] == [] and audit_rows(s, case_id) == []
    s.legal_aid.save(case_id, "application", CHILD_APPLICATION)
    stored = s.legal_aid.records(case_id)["records"]["application"][0]
    assert (stored["representative"], stored["means_exempt"], stored["exempt_ground"]) == (
        "尤溪县民政局", True, "minor_no_income")


def test_an_adult_applies_in_person_and_is_not_a_minor_without_income(s):
    case_id = new_case(s, ADULT)
    with pytest.raises(ValidationErrors) as err:
        s.legal_aid.save(case_id, "application", {**APPLICATION, "means_exempt": True,
                                                   "exempt_ground": "minor_no_income"})
    assert "未满18周岁" in err.value.by_field()["exempt_ground"]
    with pytest.raises(ValidationErrors) as err:
        s.legal_aid.save(case_id, "application", {**APPLICATION, "means_exempt": True})
    assert "exempt_ground" in err.value.by_field()
    s.legal_aid.save(case_id, "application", {**APPLICATION, "means_exempt": True,
                                               "exempt_ground": "social_assistance"})


@pytest.mark.parametrize("kind, raw, field", [
    ("acceptance", {"accepted_on": "2026-03-01", "complete": True}, "accepted_on"),   # before the application
    ("acceptance", {"accepted_on": "2026-03-03"}, "missing"),                         # incomplete, nothing asked
    ("decision", {**GRANTED, "decided_on": "2026-03-01"}, "decided_on"),              # before the application
    ("decision", {**GRANTED, "decided_on": "2026-03-13"}, "decided_on"),              # in the future
    ("decision", {**GRANTED, "result": "maybe"}, "result"),
    ("progress", {"on": "2026-03-01", "stage": "investigation", "event": "meeting"}, "on"),
    ("progress", {"on": "2026-03-03", "stage": "investigation", "event": "concluded"}, "event"),  # no lawyer
])
def test_records_out_of_order_are_refused_in_chinese_and_change_nothing(s, kind, raw, field):
    case_id = new_case(s, ADULT)
    s.legal_aid.save(case_id, "application", APPLICATION)
    with pytest.raises(ValidationErrors) as err:
        s.legal_aid.save(case_id, kind, raw)
    assert field in err.value.by_field() and re.search(r"[\u4e00-\u9fff]{4}", err.value.by_field()[field])
    assert s.legal_aid.records(case_id)["records"][kind] == [] and len(audit_rows(s, case_id)) == 1


def test_the_lawyer_comes_after_a_granted_decision_and_never_before_it(s):
    case_id = new_case(s, ADULT)
    with pytest.raises(UserError, match="请先记录法律援助申请"):
        s.legal_aid.save(case_id, "decision", GRANTED)
    s.legal_aid.save(case_id, "application", APPLICATION)
    with pytest.raises(UserError, match="不能指派律师"):
        s.legal_aid.save(case_id, "lawyer", LAWYER)
    s.legal_aid.save(case_id, "decision", GRANTED)
    with pytest.raises(ValidationErrors) as err:
        s.legal_aid.save(case_id, "lawyer", {**LAWYER, "assigned_on": "2026-03-05"})
    assert "不能早于决定" in err.value.by_field()["assigned_on"]
    s.legal_aid.save(case_id, "lawyer", {**LAWYER, "assigned_on": "2026-03-07"})
    assert deadline(s, case_id, "legal_aid.lawyer").status == MET
    decision = s.legal_aid.records(case_id)["records"]["decision"][0]
    with pytest.raises(ValidationErrors, match="不能改为"):  # a lawyer is on record: no refusal now
        s.legal_aid.save(case_id, "decision", {**GRANTED, "result": "refused", "reason": "测试"},
                         record_id=decision["id"])
    with pytest.raises(ValidationErrors, match="不能晚于已记录的律师指派日期"):
        s.legal_aid.save(case_id, "decision", {**GRANTED, "decided_on": "2026-03-08"}, record_id=decision["id"])
    with pytest.raises(UserError, match="只有一份"):
        s.legal_aid.save(case_id, "decision", GRANTED)


def test_a_closed_case_and_a_missing_case_are_refused(s):
    case_id = new_case(s, ADULT)
    s.session.owner.call(lambda: s.session.conn("core").execute(
        "UPDATE cases SET status = 'closed' WHERE id = ?", (case_id,)))
    with pytest.raises(UserError, match="已结案"):
        s.legal_aid.save(case_id, "application", APPLICATION)
    with pytest.raises(UserError, match="找不到"):
        s.legal_aid.save(99999, "application", APPLICATION)
    assert audit_rows(s, case_id) == []


@pytest.mark.parametrize("role", [Role.EDUCATION_OFFICER, Role.AUDITOR])
def test_roles_without_case_work_are_refused_and_audited(s, add_account, login, role):
    case_id = new_case(s, ADULT)
    s.legal_aid.save(case_id, "application", APPLICATION)
    other = login(s.session.vault, "other", add_account(s.session, "other", role))
    with pytest.raises(PermissionDenied):
        other.legal_aid.save(case_id, "decision", GRANTED)
    with pytest.raises(PermissionDenied):
        other.legal_aid.records(case_id)
    denied = s.session.owner.call(lambda: s.session.conn("audit").execute(
        "SELECT count(*) FROM audit_log WHERE actor = ? AND result = 'denied'", (other.session.staff_id,)).fetchone()[0])
    assert denied == 2
    assert s.legal_aid.records(case_id)["records"]["decision"] == []


# -- the rules alone ---------------------------------------------------------------------------------------

def test_derive_gives_exactly_the_deadline_engines_milestones():
    from victimcare.casework.deadlines import MILESTONE_KEYS, parse_milestone
    records = {"application": [{**APPLICATION, "id": 1}], "decision": [{**GRANTED, "id": 2}],
               "lawyer": [{**LAWYER, "id": 3}, {**LAWYER, "assigned_on": "2026-03-20", "id": 4}]}
    derived = rules.derive(records, {})
    assert set(derived.milestones) == set(rules.MILESTONES) <= MILESTONE_KEYS
    assert derived.milestones["lawyer_assigned_on"] == "2026-03-11", "the first assignment met the deadline"
    parsed = {k: parse_milestone(k, v) for k, v in derived.milestones.items() if v}
    assert str(parsed["legal_aid_decided_on"]) == "2026-03-06" and "legal_aid_refused" not in parsed
    refused = rules.derive({"application": [{**APPLICATION, "id": 1}],
                            "decision": [{"decided_on": "2026-03-05", "result": "refused", "id": 2}]}, {})
    assert parse_milestone("legal_aid_refused", refused.milestones["legal_aid_refused"]) is True
    assert rules.derive({}, {}).status == "not_started"


def test_an_application_names_a_representative_only_when_one_applies(s):
    case_id = new_case(s, ADULT)
    with pytest.raises(ValidationErrors) as err:
        s.legal_aid.save(case_id, "application", {**APPLICATION, "representative": "测试代理人"})
    assert "本人申请时不填写" in err.value.by_field()["representative"]
    with pytest.raises(ValidationErrors) as err:
        s.legal_aid.save(case_id, "application", {**APPLICATION, "applied_by": "relative"})
    assert set(err.value.by_field()) == {"representative", "relation"}
    rid = s.legal_aid.save(case_id, "application", APPLICATION)
    s.legal_aid.save(case_id, "progress", {"on": "2026-03-05", "stage": "investigation", "event": "meeting"})
    with pytest.raises(ValidationErrors, match="不能晚于已记录的进展日期"):
        s.legal_aid.save(case_id, "application", {**APPLICATION, "applied_on": "2026-03-06"}, record_id=rid)
