"""救助安置 records through the service (issue 9, item 1): placements matched to age and dates, rooms
separated by sex, the departure deciding the step, the records audited and on the timeline, edits
naming the changed fields, refusals changing nothing."""

import re

import pytest

from support import SUPERVISOR, case_ref
from victimcare.core.errors import PermissionDenied, UserError, ValidationErrors
from victimcare.security.permissions import Role

ADULT = {"admitted_at": "2026-02-01 10:00", "arrival_mode": "self", "name": "测试甲", "sex": "F",
         "birth_date": "1990-03-04"}
CHILD = {**ADULT, "name": "测试乙", "birth_date": "2015-05-06"}
MAN = {**ADULT, "name": "测试丙", "sex": "M", "birth_date": "1985-01-01"}
PLACEMENT = {"start_on": "2026-02-01", "type": "station", "place": "县救助站", "room": "A-101"}


@pytest.fixture
def s(vault_factory, login):
    vault, _code, password = vault_factory()
    return login(vault, SUPERVISOR, password)


def new_case(s, raw) -> int:
    return s.intake.create(raw, reviewed_duplicates=list(range(1, 100)))


def step_status(s, case_id) -> str:
    return s.relief.records(case_id)["status"][0]


def audit_rows(s, case_id):
    return s.session.owner.call(lambda: s.session.conn("audit").execute(
        "SELECT action, categories, detail FROM audit_log WHERE object_type = 'step_record' AND object_id = ?",
        (case_ref(s, case_id),)).fetchall())


def test_a_placement_then_a_departure_moves_the_step_and_the_deadline(s):
    case_id = new_case(s, ADULT)
    assert step_status(s, case_id) == "not_started"
    assert any(d.rule == "relief.adult_stay" and d.done_on is None for d in s.deadlines.for_case(case_id))
    s.relief.save(case_id, "placement", PLACEMENT)
    assert step_status(s, case_id) == "in_progress"
    s.relief.save(case_id, "departure", {"left_on": "2026-02-09", "mode": "self_return", "fare": "15",
                                         "belongings_returned": True})
    data = s.relief.records(case_id)
    assert data["status"][0] == "done"
    assert data["records"]["departure"][0]["fare"] == 15
    stay = next(d for d in s.deadlines.for_case(case_id) if d.rule == "relief.adult_stay")
    assert stay.done_on is not None, "the departure ends the ten-day reminder"
    events = [e["summary"] for e in s.cases.timeline(case_id)]
    assert "安置：站内安置（2026-02-01 起）" in events and "离站：自行返乡（2026-02-09）" in events
    assert [a for a, _c, _d in audit_rows(s, case_id)] == ["create", "create"]


def test_an_edit_names_the_changed_fields_never_their_values(s):
    case_id = new_case(s, ADULT)
    rid = s.relief.save(case_id, "placement", PLACEMENT)
    s.relief.save(case_id, "placement", {**PLACEMENT, "place": "县救助站东楼", "room": "A-102"}, record_id=rid)
    placement = s.relief.records(case_id)["records"]["placement"][0]
    assert placement["place"] == "县救助站东楼" and placement["updated_by"] == SUPERVISOR
    assert "修改安置记录（安置场所、住宿区/房间）" in [e["summary"] for e in s.cases.timeline(case_id)]
    action, categories, detail = audit_rows(s, case_id)[-1]
    assert (action, categories) == ("update", "placement")
    assert detail == "relief.placement:place,room" and "东楼" not in detail


@pytest.mark.parametrize("raw, field", [
    ({**PLACEMENT, "start_on": "2026-02-30"}, "start_on"),
    ({**PLACEMENT, "start_on": "2026-01-01"}, "start_on"),            # before admission
    ({**PLACEMENT, "end_on": "2026-01-31"}, "end_on"),                # before its start
    ({**PLACEMENT, "type": "castle"}, "type"),
    ({**PLACEMENT, "place": ""}, "place"),
    ({**PLACEMENT, "type": "foster"}, "type"),                        # an adult in a foster family
    ({**PLACEMENT, "colour": "red"}, "colour"),                       # not a field of the kind
])
def test_bad_placements_are_refused_in_chinese_and_change_nothing(s, raw, field):
    case_id = new_case(s, ADULT)
    with pytest.raises(ValidationErrors) as err:
        s.relief.save(case_id, "placement", raw)
    assert field in err.value.by_field() and re.search(r"[\u4e00-\u9fff]{4}", err.value.by_field()[field])
    assert s.relief.records(case_id)["records"]["placement"] == [] and audit_rows(s, case_id) == []


def test_a_child_may_go_to_a_foster_family(s):
    case_id = new_case(s, CHILD)
    s.relief.save(case_id, "placement", {**PLACEMENT, "type": "foster", "place": "寄养家庭（编号 3）", "room": ""})
    assert s.relief.records(case_id)["records"]["placement"][0]["type"] == "foster"


def test_rooms_are_separated_by_sex(s):
    woman, man, other_woman = new_case(s, ADULT), new_case(s, MAN), new_case(s, {**ADULT, "name": "测试丁"})
    s.relief.save(woman, "placement", PLACEMENT)
    with pytest.raises(ValidationErrors, match="房间按性别分开"):
        s.relief.save(man, "placement", {**PLACEMENT, "start_on": "2026-02-03"})
    s.relief.save(other_woman, "placement", PLACEMENT)  # same sex: fine
    s.relief.save(man, "placement", {**PLACEMENT, "room": "B-201"})
    # once the woman's placement has ended, the room may be used again
    rid = s.relief.records(woman)["records"]["placement"][0]["id"]
    s.relief.save(woman, "placement", {**PLACEMENT, "end_on": "2026-02-05"}, record_id=rid)
    rid_other = s.relief.records(other_woman)["records"]["placement"][0]["id"]
    s.relief.save(other_woman, "placement", {**PLACEMENT, "end_on": "2026-02-05"}, record_id=rid_other)
    s.relief.save(man, "placement", {**PLACEMENT, "start_on": "2026-02-06"})


def test_single_records_are_edited_not_repeated(s):
    case_id = new_case(s, ADULT)
    assessment = {"assessed_on": "2026-02-02", "assessor": "测试社工", "care_level": "normal", "needs": "生活照料"}
    s.relief.save(case_id, "assessment", assessment)
    with pytest.raises(UserError, match="只有一份"):
        s.relief.save(case_id, "assessment", assessment)


def test_a_closed_case_and_a_missing_case_are_refused(s):
    case_id = new_case(s, ADULT)
    s.session.owner.call(lambda: s.session.conn("core").execute(
        "UPDATE cases SET status = 'closed' WHERE id = ?", (case_id,)))
    with pytest.raises(UserError, match="已结案"):
        s.relief.save(case_id, "placement", PLACEMENT)
    with pytest.raises(UserError, match="找不到"):
        s.relief.save(99999, "placement", PLACEMENT)


@pytest.mark.parametrize("role", [Role.EDUCATION_OFFICER, Role.AUDITOR])
def test_roles_without_case_work_are_refused_and_audited(s, add_account, login, role):
    case_id = new_case(s, ADULT)
    other = login(s.session.vault, "other", add_account(s.session, "other", role))
    with pytest.raises(PermissionDenied):
        other.relief.save(case_id, "placement", PLACEMENT)
    with pytest.raises(PermissionDenied):
        other.relief.records(case_id)
    denied = s.session.owner.call(lambda: s.session.conn("audit").execute(
        "SELECT count(*) FROM audit_log WHERE actor = ? AND result = 'denied'", (other.session.staff_id,)).fetchone()[0])
    assert denied == 2
