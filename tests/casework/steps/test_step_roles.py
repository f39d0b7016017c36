"""Every step kept as records, enumerated from the registry (issue 9, "roles for every step operation"):
the education officer and the auditor are refused every read and write of them, each refusal audited;
the social worker and the supervisor may read; a closed case refuses every write of every step."""

import pytest

from support import SUPERVISOR
from victimcare.casework.steps import STEPS
from victimcare.casework.steps.records import StepRecords
from victimcare.core.errors import PermissionDenied, UserError
from victimcare.security.permissions import Role
from victimcare.services import step_service_class

RECORD_STEPS = [s.code for s in STEPS if s.service and issubclass(step_service_class(s.service), StepRecords)]
ADULT = {"admitted_at": "2026-02-01 10:00", "arrival_mode": "self", "name": "测试甲", "sex": "F",
         "birth_date": "1990-03-04"}


def test_the_record_steps_are_found():
    assert {"relief", "medical", "social", "return", "followup"} <= set(RECORD_STEPS)


@pytest.fixture
def case(vault_factory, login):
    vault, _code, password = vault_factory()
    s = login(vault, SUPERVISOR, password)
    return s, s.intake.create(ADULT)


def denied_count(s) -> int:
    return s.session.owner.call(lambda: s.session.conn("audit").execute(
        "SELECT count(*) FROM audit_log WHERE result = 'denied'").fetchone()[0])


@pytest.mark.parametrize("role", [Role.EDUCATION_OFFICER, Role.AUDITOR], ids=str)
def test_roles_without_case_work_are_refused_every_step_and_each_refusal_is_audited(case, add_account, login, role):
    s, case_id = case
    other = login(s.session.vault, "other", add_account(s.session, "other", role))
    before = denied_count(s)
    for code in RECORD_STEPS:
        service = getattr(other, code)
        kind = service.RULES.KINDS[0].code
        for call in (lambda: service.records(case_id), lambda: service.save(case_id, kind, {})):
            with pytest.raises(PermissionDenied):
                call()
    assert denied_count(s) == before + 2 * len(RECORD_STEPS)


def test_the_social_worker_reads_every_step(case, add_account, login):
    s, case_id = case
    worker = login(s.session.vault, "worker", add_account(s.session, "worker", Role.SOCIAL_WORKER))
    for code in RECORD_STEPS:
        assert set(getattr(worker, code).records(case_id)["records"]) == {k.code for k in getattr(worker, code).RULES.KINDS}


def test_a_closed_case_refuses_every_write_of_every_step(case):
    s, case_id = case
    s.session.owner.call(lambda: s.session.conn("core").execute("UPDATE cases SET status = 'closed' WHERE id = ?",
                                                                (case_id,)))
    for code in RECORD_STEPS:
        service = getattr(s, code)
        for kind in service.RULES.KINDS:
            with pytest.raises(UserError, match="已结案"):
                service.save(case_id, kind.code, {})
