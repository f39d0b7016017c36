"""落户 (issue 9, item 8): eligible only as the deadline engine says (identity unknown after 3 months),
the identity-search summary put together, the supervisor's approval before the police, 20 working days
for the police, and the registration giving the person an identity."""

import pytest

from support import SUPERVISOR
from victimcare.core.errors import UserError, ValidationErrors
from victimcare.security.permissions import Role

UNKNOWN = {"admitted_at": "2026-02-01 10:00", "arrival_mode": "police_transfer", "name": "测试甲", "sex": "F",
           "estimated_age": "30", "age_basis": "目测", "id_status": "none"}
APPLICATION = {"applied_on": "2026-06-01", "proposed_name": "党测甲", "estimated_birth": "1996-01-01",
               "basis": "骨龄鉴定与目测", "collective_address": "县社会福利中心集体户"}
NEW_ID = "110105199601010022"


@pytest.fixture
def s(vault_factory, login):
    vault, _code, password = vault_factory()
    return login(vault, SUPERVISOR, password)


def test_the_application_goes_to_the_supervisor_then_the_police_register(s, add_account, login):
    case_id = s.intake.create(UNKNOWN)
    worker = login(s.session.vault, "worker", add_account(s.session, "worker", Role.SOCIAL_WORKER))
    worker.hukou.save(case_id, "application", APPLICATION)
    data = worker.hukou.records(case_id)
    assert data["status"] == ("in_progress", "待站长审批")
    assert data["records"]["application"][0]["search_summary"], "the summary is put together when left empty"
    with pytest.raises(UserError, match="站长批准"):
        worker.hukou.save(case_id, "police", {"submitted_on": "2026-06-10", "unit": "县公安局户政科"})
    pending = s.approvals.pending()
    assert [(p["kind"], p["case_id"]) for p in pending] == [("hukou", case_id)]
    s.approvals.decide(pending[0]["id"], True, "同意")
    assert worker.hukou.records(case_id)["status"] == ("in_progress", "已批准")
    worker.hukou.save(case_id, "police", {"submitted_on": "2026-06-10", "unit": "县公安局户政科"})
    police = next(d for d in s.deadlines.for_case(case_id) if d.rule == "hukou.police")
    assert police.done_on is None and police.due.isoformat() == "2026-07-09"  # 20 working days, 端午 (2026-06-19) not one
    rid = worker.hukou.records(case_id)["records"]["police"][0]["id"]
    with pytest.raises(ValidationErrors) as err:
        worker.hukou.save(case_id, "police", {"submitted_on": "2026-06-10", "unit": "县公安局户政科",
                                              "registered_on": "2026-06-30", "id_number": "123"}, record_id=rid)
    assert "id_number" in err.value.by_field()
    worker.hukou.save(case_id, "police", {"submitted_on": "2026-06-10", "unit": "县公安局户政科",
                                          "registered_on": "2026-06-30", "id_number": NEW_ID}, record_id=rid)
    assert worker.hukou.records(case_id)["status"][0] == "done"
    case = s.cases.get_case(case_id)
    assert case["id_status"] == "has" and case["id_number"] == NEW_ID
    from victimcare.casework.case_list import CaseQuery
    found = s.cases.list_page(CaseQuery(text=NEW_ID[-8:], status="all"))
    assert case_id in [r["id"] for r in (found[0] if isinstance(found, tuple) else found)], "found by its new ID"
    assert next(d for d in s.deadlines.for_case(case_id) if d.rule == "hukou.police").done_on is not None


def test_only_an_unknown_identity_after_the_waiting_time_may_apply(s):
    known = s.intake.create({**UNKNOWN, "name": "测试乙", "id_status": "has", "id_type": "resident_id",
                             "id_number": "110105199003046543", "estimated_age": "", "age_basis": "",
                             "birth_date": "1990-03-04"})
    with pytest.raises(UserError, match="身份不明"):
        s.hukou.save(known, "application", APPLICATION)
    recent = s.intake.create({**UNKNOWN, "name": "测试丙", "admitted_at": "2026-11-20 10:00"})
    with pytest.raises(UserError, match="2027-02-20 起可申请"):
        s.hukou.save(recent, "application", {**APPLICATION, "applied_on": "2026-11-25"})
    assert s.approvals.pending() == []


def test_a_refused_application_is_changed_and_goes_again(s):
    case_id = s.intake.create(UNKNOWN)
    s.hukou.save(case_id, "application", APPLICATION)
    first = s.approvals.pending()[0]["id"]
    s.approvals.decide(first, False, "推定依据不足")
    assert s.hukou.records(case_id)["status"][1].startswith("站长未批准")
    rid = s.hukou.records(case_id)["records"]["application"][0]["id"]
    s.hukou.save(case_id, "application", {**APPLICATION, "basis": "骨龄鉴定报告（县医院）"}, record_id=rid)
    assert [p["kind"] for p in s.approvals.pending()] == ["hukou"]
