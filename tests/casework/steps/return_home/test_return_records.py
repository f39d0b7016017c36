"""回归家庭/社区 (issue 9, item 9): the blocked-handover list refuses a handover to anyone on it however
the ID number is typed; relatives' identity checked; a child whose family is not found goes only to a
civil-affairs placement; the return date starts the follow-ups (item 10)."""

import pytest

from support import SUPERVISOR
from victimcare.core.errors import UserError, ValidationErrors

ADULT = {"admitted_at": "2026-02-01 10:00", "arrival_mode": "self", "name": "测试甲", "sex": "F",
         "birth_date": "1990-03-04", "id_status": "has", "id_type": "resident_id", "id_number": "110105199003046543"}
CHILD = {"admitted_at": "2026-02-01 10:00", "arrival_mode": "police_transfer", "name": "测试乙", "sex": "M",
         "birth_date": "2016-05-06", "id_status": "none"}
BUYER_ID = "11010519491231002X"  # synthetic, valid check digit; its old 15-digit form is 110105491231002
HANDOVER = {"on": "2026-03-01", "mode": "relatives", "collector": "测试丙", "collector_relation": "parent",
            "collector_id": "110105196001011239", "identity_checked": True}


@pytest.fixture
def s(vault_factory, login):
    vault, _code, password = vault_factory()
    return login(vault, SUPERVISOR, password)


def service(s):
    return getattr(s, "return")


def new_case(s, raw) -> int:
    return s.intake.create(raw)


@pytest.mark.parametrize("typed", [BUYER_ID, BUYER_ID.lower(), "110105 19491231 002X", "１１０１０５１９４９１２３１００２Ｘ",
                                   "110105491231002", " 110105-491231-002 ".replace("-", " ")])
def test_a_handover_to_someone_on_the_blocked_list_is_refused_however_the_id_is_typed(s, typed):
    case_id = new_case(s, ADULT)
    service(s).save(case_id, "blocked", {"name": "测试买", "relation": "buyer", "id_number": BUYER_ID})
    with pytest.raises(UserError, match="禁止交接名单"):
        service(s).save(case_id, "handover", {**HANDOVER, "collector": "测试丁", "collector_id": typed})
    assert service(s).records(case_id)["records"]["handover"] == []


def test_a_name_on_the_list_is_refused_whatever_spaces_are_typed(s):
    case_id = new_case(s, ADULT)
    service(s).save(case_id, "blocked", {"name": "测试买", "relation": "buyer_family"})
    with pytest.raises(UserError, match="收买人家庭成员"):
        service(s).save(case_id, "handover", {**HANDOVER, "collector": "测试 买"})


def test_relatives_must_be_identified(s):
    case_id = new_case(s, ADULT)
    with pytest.raises(ValidationErrors) as err:
        service(s).save(case_id, "handover", {**HANDOVER, "collector_id": "", "identity_checked": False})
    assert {"collector_id", "identity_checked"} <= set(err.value.by_field())


def test_a_child_without_a_found_family_goes_only_to_civil_affairs(s):
    case_id = new_case(s, CHILD)
    with pytest.raises(ValidationErrors) as err:
        service(s).save(case_id, "handover", HANDOVER)
    assert "民政" in err.value.by_field()["mode"]
    service(s).save(case_id, "handover", {"on": "2026-03-01", "mode": "civil_affairs",
                                          "receiving_unit": "县儿童福利院"})
    assert service(s).records(case_id)["status"][0] == "in_progress", "every handover of a minor is approved"
    s.approvals.decide(s.approvals.pending()[0]["id"], True, "同意")
    assert service(s).records(case_id)["status"][0] == "done"


def test_the_return_date_starts_the_follow_ups_and_visits_meet_them(s):
    case_id = new_case(s, ADULT)
    with pytest.raises(UserError, match="还没有记录回归"):
        s.followup.save(case_id, "visit", {"on": "2026-04-01", "mode": "phone", "visitor": "测试社工",
                                           "guardianship": "good"})
    service(s).save(case_id, "handover", HANDOVER)
    visits = [d for d in s.deadlines.for_case(case_id) if d.step == "follow_up"]
    assert [d.rule for d in visits][:4] == ["follow_up.1m", "follow_up.3m", "follow_up.6m", "follow_up.12m"]
    s.followup.save(case_id, "visit", {"on": "2026-04-01", "mode": "home", "visitor": "测试社工",
                                       "guardianship": "good", "next_on": "2026-06-01"})
    first = next(d for d in s.deadlines.for_case(case_id) if d.rule == "follow_up.1m")
    assert first.done_on is not None
    assert s.followup.records(case_id)["status"][0] == "in_progress"
    with pytest.raises(ValidationErrors) as err:
        s.followup.save(case_id, "visit", {"on": "2026-05-01", "mode": "home", "visitor": "测试社工",
                                           "guardianship": "poor", "risk": True})
    assert "risk_note" in err.value.by_field()


KNOWN_CHILD = {"admitted_at": "2026-02-01 10:00", "arrival_mode": "police_transfer", "name": "测试丁", "sex": "M",
               "birth_date": "2016-05-06", "id_status": "has", "id_type": "resident_id",
               "id_number": "110105201605060019"}


def test_a_minors_handover_waits_for_the_supervisors_approval(s):
    case_id = new_case(s, KNOWN_CHILD)
    service(s).save(case_id, "handover", HANDOVER)
    assert service(s).records(case_id)["status"] == ("in_progress", "未成年人交接待站长审批")
    with pytest.raises(UserError, match="还没有记录回归"):
        s.followup.save(case_id, "visit", {"on": "2026-04-01", "mode": "home", "visitor": "测试社工",
                                           "guardianship": "good"})
    [request] = s.approvals.pending()
    assert (request["kind"], request["case_id"]) == ("handover_minor", case_id)
    s.approvals.decide(request["id"], False, "请核实接领人与孩子的亲子关系")
    assert service(s).records(case_id)["status"][1].startswith("站长未批准")
    rid = service(s).records(case_id)["records"]["handover"][0]["id"]
    service(s).save(case_id, "handover", {**HANDOVER, "note": "已核实户口簿"}, record_id=rid)
    [again] = s.approvals.pending()
    s.approvals.decide(again["id"], True, "同意")
    assert service(s).records(case_id)["status"][0] == "done"
    s.followup.save(case_id, "visit", {"on": "2026-04-01", "mode": "home", "visitor": "测试社工",
                                       "guardianship": "good"})
    assert any(d.rule == "follow_up.1m" and d.done_on for d in s.deadlines.for_case(case_id))
