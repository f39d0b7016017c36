"""医疗康复 records (issue 9, item 3): kept in the sensitive compartment only, every view audited,
validated (the disability certificate number), the status following the records, and a kill between
the sensitive and the core commit completed at the next sign-in."""

import pytest

from support import PASSWORD, SUPERVISOR
from victimcare.casework.steps import records as step_records
from victimcare.core.errors import PermissionDenied, ValidationErrors
from victimcare.security.permissions import Role

ADULT = {"admitted_at": "2026-02-01 10:00", "arrival_mode": "self", "name": "测试甲", "sex": "F",
         "birth_date": "1990-03-04"}
VISIT = {"visited_on": "2026-02-02", "type": "inpatient", "hospital": "县人民医院", "department": "内科",
         "diagnosis": "CANARY-DIAGNOSIS 肺炎", "cost_source": "medical_aid"}
ID = "11010519491231002X"  # a valid check digit, synthetic


@pytest.fixture
def s(vault_factory, login):
    vault, _code, password = vault_factory()
    return login(vault, SUPERVISOR, password)


def new_case(s) -> int:
    return s.intake.create(ADULT)


def rows(s, compartment, sql, params=()):
    return s.session.owner.call(lambda: s.session.conn(compartment).execute(sql, params).fetchall())


def test_records_live_in_the_sensitive_compartment_and_every_view_is_audited(s):
    case_id = new_case(s)
    s.medical.save(case_id, "visit", VISIT)
    assert rows(s, "core", "SELECT count(*) FROM step_records") == [(0,)]
    assert rows(s, "sensitive", "SELECT count(*) FROM step_records WHERE step = 'medical'") == [(1,)]
    core_text = repr(rows(s, "core", "SELECT * FROM events")) + repr(rows(s, "core", "SELECT * FROM steps"))
    assert "CANARY" not in core_text and "肺炎" not in core_text, "the timeline says only the kind"
    views = lambda: rows(s, "audit", "SELECT categories FROM audit_log WHERE action = 'view' "  # noqa: E731
                                     "AND object_type = 'step_record'")
    before = len(views())
    assert s.medical.records(case_id)["records"]["visit"][0]["diagnosis"] == VISIT["diagnosis"]
    assert len(views()) == before + 1 and views()[-1] == ("medical",)


def test_the_status_follows_discharge_and_risk(s):
    case_id = new_case(s)
    rid = s.medical.save(case_id, "visit", VISIT)
    assert s.medical.records(case_id)["status"] == ("in_progress", "住院中")
    s.medical.save(case_id, "visit", {**VISIT, "discharged_on": "2026-02-10", "discharge_certificate": True},
                   record_id=rid)
    assert s.medical.records(case_id)["status"][0] == "done"
    s.medical.save(case_id, "assessment", {"assessed_on": "2026-02-11", "assessor": "测试心理师（二级）",
                                           "tool": "interview", "risk": "high"})
    assert s.medical.records(case_id)["status"] == ("in_progress", "心理风险待跟进")


@pytest.mark.parametrize("certificate, ok", [
    (ID + "52", True), (ID + "53", False), (ID[:17] + "1" + "52", False), ("123", False)])
def test_the_disability_certificate_number_is_the_id_with_category_and_grade(s, certificate, ok):
    case_id = new_case(s)
    raw = {"assessed_on": "2026-02-12", "category": "5", "grade": "2", "body": "县人民医院",
           "certificate": certificate}
    if ok:
        s.medical.save(case_id, "disability", raw)
    else:
        with pytest.raises(ValidationErrors) as err:
            s.medical.save(case_id, "disability", raw)
        assert "certificate" in err.value.by_field()
        assert rows(s, "sensitive", "SELECT count(*) FROM step_records") == [(0,)]


@pytest.mark.parametrize("role", [Role.EDUCATION_OFFICER, Role.AUDITOR])
def test_roles_without_the_sensitive_key_are_refused(s, add_account, login, role):
    case_id = new_case(s)
    other = login(s.session.vault, "other", add_account(s.session, "other", role))
    for call in (lambda: other.medical.records(case_id), lambda: other.medical.save(case_id, "visit", VISIT)):
        with pytest.raises(PermissionDenied):
            call()


class Killed(BaseException):
    pass


def test_a_kill_between_the_sensitive_and_the_core_commit_is_completed_at_sign_in(s, monkeypatch, login):
    case_id = new_case(s)

    def die(name):
        if name == "after_record_commit":
            raise Killed()
    monkeypatch.setattr(step_records, "crash_point", die)
    with pytest.raises(Killed):
        s.medical.save(case_id, "visit", VISIT)
    monkeypatch.undo()
    assert rows(s, "sensitive", "SELECT count(*) FROM outbox") == [(1,)]
    assert rows(s, "core", "SELECT status FROM steps WHERE case_id = ? AND step = 'medical'", (case_id,)) \
        == [("not_started",)]
    vault = s.session.vault
    s.close()
    again = login(vault, SUPERVISOR, PASSWORD)
    assert again.session.repaired.get("step_record") == 1
    assert rows(again, "core", "SELECT status FROM steps WHERE case_id = ? AND step = 'medical'", (case_id,)) \
        == [("in_progress",)]
    assert "新增就诊记录" in [e["summary"] for e in again.cases.timeline(case_id)]
    assert rows(again, "sensitive", "SELECT count(*) FROM outbox") == [(0,)]
    creates = rows(again, "audit", "SELECT count(*) FROM audit_log WHERE object_type = 'step_record' "
                                   "AND action = 'create'")
    assert creates == [(1,)]
    assert again.integrity.verify().ok
