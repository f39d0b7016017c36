"""The supervisor's holiday table: validated, stored encrypted, audited, and it moves working-day deadlines."""

from datetime import datetime

import pytest

from victimcare.core.errors import PermissionDenied, ValidationError
from victimcare.security.permissions import Role


def dna_due(session, case_id):
    return next(d.due for d in session.deadlines.for_case(case_id) if d.rule == "tracing.dna_request")


def test_holiday_moves_a_working_day_deadline(vault_factory, login, fake_clock):
    fake_clock.t = datetime(2026, 3, 2, 9, 0).timestamp()  # a Monday
    vault, _code, password = vault_factory(clock=fake_clock)
    s = login(vault, password=password)
    case_id = s.intake.create({"admitted_at": "2026-03-02 08:00", "arrival_mode": "self", "name": "节假日测试",
                                     "sex": "F", "estimated_age": "30", "age_basis": "目测", "id_status": "none"})
    before = dna_due(s, case_id)  # 7 working days after Monday 2 March: Wednesday 11 March
    assert before.isoformat() == "2026-03-11"
    holidays, workdays, _source = s.settings.holidays()
    s.settings.set_holidays("\n".join(holidays + ["2026-03-05"]), "\n".join(workdays))
    assert dna_due(s, case_id).isoformat() == "2026-03-12"
    assert "2026-03-05" in s.settings.holidays()[0]
    s.deadlines.recompute_due()
    entry = next(e for e in s.audit.entries() if e["object_id"] == "holidays")
    assert entry["action"] == "update" and entry["object_type"] == "settings"


@pytest.mark.parametrize("days_off, workdays, message", [
    ("2026-02-30", "", "第 1 行"),
    ("2026-10-01\n国庆", "", "第 2 行"),
    ("", "2026-10-12", "不是周六或周日"),  # a Monday cannot be a make-up working day
])
def test_bad_holiday_table_is_refused_and_changes_nothing(vault_factory, login, days_off, workdays, message):
    vault, _code, password = vault_factory()
    s = login(vault, password=password)
    before = s.settings.holidays()
    with pytest.raises(ValidationError) as info:
        s.settings.set_holidays(days_off, workdays)
    assert message in info.value.message
    assert s.settings.holidays() == before


def test_only_the_supervisor_edits_holidays(vault_factory, login, add_account):
    vault, _code, password = vault_factory()
    boss = login(vault, password=password)
    other = add_account(boss, "shegong", Role.SOCIAL_WORKER)
    worker = login(vault, "shegong", other)
    with pytest.raises(PermissionDenied):
        worker.settings.set_holidays("2026-10-01", "")


def test_case_number_pattern_applies_to_new_cases(vault_factory, login):
    vault, _code, password = vault_factory()
    s = login(vault, password=password)
    with pytest.raises(ValidationError):
        s.settings.set_case_no_pattern("{station}-{year}")  # no running number: numbers would repeat
    example = s.settings.set_case_no_pattern("YX{year}{seq:04d}")
    assert example.startswith("YX") and example.endswith("0001")
    case_id = s.intake.create({"admitted_at": "2026-03-02 08:00", "arrival_mode": "self", "name": "编号测试",
                                     "sex": "F", "estimated_age": "30", "age_basis": "目测", "id_status": "none"})
    assert s.cases.get_case(case_id)["case_no"] == "YX20260001"
