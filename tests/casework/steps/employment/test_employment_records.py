"""就业服务 records through the service (issue 9, item 7): offered to people of 16 and over who can work;
a record dated before the 16th birthday refused in Chinese, one dated on it accepted; the step withdrawn
(不适用, with the reason) when the assessment finds no work capacity and offered again when it is
corrected; an employment finishing the step; roles and closed cases refused."""

from datetime import date, datetime

import pytest

from support import SUPERVISOR, case_ref
from victimcare.casework.steps import BY_CODE, initial_statuses
from victimcare.casework.steps.employment import rules
from victimcare.core.clock import FakeClock
from victimcare.core.errors import PermissionDenied, UserError, ValidationErrors
from victimcare.security.permissions import Role

TODAY = datetime(2026, 9, 1, 9, 0)
TEEN = {"admitted_at": "2026-02-01 10:00", "arrival_mode": "police_transfer", "name": "测试丙", "sex": "M",
        "birth_date": "2010-06-15"}  # 15 at admission, 16 from 2026-06-15
ADULT = {**TEEN, "name": "测试甲", "sex": "F", "birth_date": "1990-03-04"}
CHILD = {**TEEN, "name": "测试乙", "birth_date": "2013-01-01"}
CAPACITY = {"assessed_on": "2026-06-15", "capacity": "full", "wants_work": True, "job_wish": "餐饮服务"}
JOB = {"start_on": "2026-08-01", "type": "unit", "employer": "测试餐饮有限公司", "post": "帮厨", "contract": True,
       "contract_on": "2026-08-01"}


@pytest.fixture
def s(vault_factory, login):
    vault, _code, password = vault_factory(clock=FakeClock(TODAY.timestamp()))
    return login(vault, SUPERVISOR, password)


def new_case(s, raw) -> int:
    return s.intake.create(raw, reviewed_duplicates=list(range(1, 100)))


def status(s, case_id) -> tuple[str, str]:
    return s.employment.records(case_id)["status"]


def audit_rows(s, case_id):
    return s.session.owner.call(lambda: s.session.conn("audit").execute(
        "SELECT action, categories, detail FROM audit_log WHERE object_type = 'step_record' AND object_id = ?",
        (case_ref(s, case_id),)).fetchall())


def test_refused_at_15_accepted_at_16(s):
    case_id = new_case(s, TEEN)
    assert status(s, case_id) == ("not_applicable", "未满16周岁"), "15 at admission"
    with pytest.raises(ValidationErrors) as err:
        s.employment.save(case_id, "capacity", {**CAPACITY, "assessed_on": "2026-06-14"})
    assert "未满16周岁" in err.value.by_field()["assessed_on"]
    assert s.employment.records(case_id)["records"]["capacity"] == [] and audit_rows(s, case_id) == []
    s.employment.save(case_id, "capacity", CAPACITY)  # the 16th birthday: offered now
    assert status(s, case_id) == ("in_progress", "")
    assert "劳动能力评估：有劳动能力（2026-06-15）" in [e["summary"] for e in s.cases.timeline(case_id)]
    with pytest.raises(ValidationErrors, match="未满16周岁"):
        s.employment.save(case_id, "guidance", {"on": "2026-06-01", "content": "职业指导"})


def test_under_16_today_is_not_offered_and_refused(s):
    case_id = new_case(s, CHILD)
    assert status(s, case_id) == ("not_applicable", "未满16周岁")
    with pytest.raises(UserError, match="不适用（未满16周岁）"):
        s.employment.save(case_id, "capacity", {**CAPACITY, "assessed_on": "2026-08-01"})
    assert audit_rows(s, case_id) == []


def test_the_step_follows_the_work_capacity_and_an_employment_finishes_it(s):
    case_id = new_case(s, ADULT)
    assert status(s, case_id) == ("not_started", "")
    with pytest.raises(UserError, match="请先记录"):
        s.employment.save(case_id, "guidance", {"on": "2026-03-01", "content": "职业指导"})
    rid = s.employment.save(case_id, "capacity", {**CAPACITY, "capacity": "none", "wants_work": False})
    assert status(s, case_id) == ("not_applicable", "无劳动能力")
    with pytest.raises(UserError, match="无劳动能力"):
        s.employment.save(case_id, "training", {"start_on": "2026-03-01", "program": "面点制作"})
    s.employment.save(case_id, "capacity", {**CAPACITY, "capacity": "partial", "wants_work": False}, record_id=rid)
    assert status(s, case_id) == ("in_progress", "暂无就业意愿")
    s.employment.save(case_id, "capacity", {**CAPACITY, "capacity": "partial"}, record_id=rid)
    assert status(s, case_id) == ("in_progress", "")
    s.employment.save(case_id, "training", {"start_on": "2026-03-01", "end_on": "2026-03-31", "program": "面点制作",
                                            "completed": True, "certificate": "结业证书"})
    s.employment.save(case_id, "guidance", {"on": "2026-04-02", "adviser": "县人社局", "content": "求职准备"})
    s.employment.save(case_id, "referral", {"on": "2026-04-10", "employer": "测试餐饮有限公司", "post": "帮厨",
                                            "result": "hired", "result_on": "2026-04-20"})
    s.employment.save(case_id, "certificate", {"number": "3504260001", "issued_on": "2026-04-25",
                                               "issuer": "尤溪县人社局", "unemployment_registered": True})
    assert status(s, case_id)[0] == "in_progress"
    job = s.employment.save(case_id, "job", JOB)
    assert status(s, case_id) == ("done", "已就业")
    s.employment.save(case_id, "job", {**JOB, "end_on": "2026-08-20"}, record_id=job)  # left the job
    assert status(s, case_id) == ("in_progress", "")
    records = s.employment.records(case_id)["records"]
    assert records["certificate"][0]["number"] == "3504260001" and records["training"][0]["completed"] is True
    events = [e["summary"] for e in s.cases.timeline(case_id)]
    assert "就业：单位就业（2026-08-01 起）" in events and "修改就业登记（离职日期）" in events
    assert not any("3504260001" in e or "测试餐饮" in e for e in events), "no employer or number on the timeline"
    assert {c for _a, c, _d in audit_rows(s, case_id)} == {"employment"}
    assert audit_rows(s, case_id)[-1] == ("update", "employment", "employment.job:end_on")


@pytest.mark.parametrize("kind, raw, field", [
    ("job", {**JOB, "employer": ""}, "employer"),                               # a unit job names its employer
    ("job", {**JOB, "end_on": "2026-07-01"}, "end_on"),                         # left before starting
    ("job", {**JOB, "contract": False}, "contract"),                            # a contract date, no contract
    ("training", {"start_on": "2026-03-05", "end_on": "2026-03-01", "program": "面点"}, "end_on"),
    ("training", {"start_on": "2026-03-05", "program": "面点", "completed": True}, "end_on"),
    ("referral", {"on": "2026-04-10", "employer": "测试", "post": "帮厨", "result": "hired",
                  "result_on": "2026-04-01"}, "result_on"),
    ("guidance", {"on": "2026-01-01", "content": "指导"}, "on"),                  # before admission
    ("certificate", {"number": "３５０４２６０００１", "issued_on": "2026-04-25"}, "number"),  # full-width digits
    ("certificate", {"number": "3504260001", "issued_on": "2026-09-02"}, "issued_on"),      # in the future
])
def test_bad_employment_records_are_refused_in_chinese_and_change_nothing(s, kind, raw, field):
    case_id = new_case(s, ADULT)
    s.employment.save(case_id, "capacity", CAPACITY)
    with pytest.raises(ValidationErrors) as err:
        s.employment.save(case_id, kind, raw)
    assert field in err.value.by_field()
    assert s.employment.records(case_id)["records"][kind] == [] and len(audit_rows(s, case_id)) == 1


def test_a_closed_case_is_refused(s):
    case_id = new_case(s, ADULT)
    s.session.owner.call(lambda: s.session.conn("core").execute(
        "UPDATE cases SET status = 'closed' WHERE id = ?", (case_id,)))
    with pytest.raises(UserError, match="已结案"):
        s.employment.save(case_id, "capacity", CAPACITY)


@pytest.mark.parametrize("role", [Role.EDUCATION_OFFICER, Role.AUDITOR])
def test_roles_without_case_work_are_refused_and_audited(s, add_account, login, role):
    case_id = new_case(s, ADULT)
    other = login(s.session.vault, "other", add_account(s.session, "other", role))
    with pytest.raises(PermissionDenied):
        other.employment.save(case_id, "capacity", CAPACITY)
    with pytest.raises(PermissionDenied):
        other.employment.records(case_id)
    denied = s.session.owner.call(lambda: s.session.conn("audit").execute(
        "SELECT count(*) FROM audit_log WHERE actor = ? AND result = 'denied'", (other.session.staff_id,)).fetchone()[0])
    assert denied == 2


# -- the rules alone ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("age, expected", [(5, ("not_applicable", "未满16周岁")), (15, ("not_applicable", "未满16周岁")),
                                           (16, ("not_started", "")), (40, ("not_started", "")),
                                           (None, ("not_applicable", "年龄不详"))])
def test_offered_at_16_and_over(age, expected):
    assert rules.initial_status(age) == expected
    assert BY_CODE["employment"].initial_status is rules.initial_status
    assert initial_statuses(age)["employment"] == expected


def test_applies_is_re_evaluated_from_the_birth_date_and_the_capacity():
    day = date(2026, 9, 1)
    assert rules.applies("2010-06-15", None, day) == (True, "")
    assert rules.applies("2010-09-02", None, day) == (False, "未满16周岁"), "an estimated birth date moved later"
    assert rules.applies(None, None, day) == (False, "年龄不详")
    assert rules.applies("1990-03-04", {"capacity": "none"}, day) == (False, "无劳动能力")
    assert rules.applies("1990-03-04", {"capacity": "partial"}, day) == (True, "")
    case = {"birth_date": "2010-09-02", "today": "2026-09-01"}
    assert rules.derive({"capacity": [{**CAPACITY, "id": 1}]}, case).status == "not_applicable"
    assert rules.derive({"capacity": [{**CAPACITY, "id": 1}]}, {**case, "today": "2026-09-02"}).status == "in_progress"
    assert not rules.applies_anyway(case) and rules.applies_anyway({**case, "today": "2026-09-02"})
