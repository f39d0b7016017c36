"""Intake validation as the form and the importer use it: every problem at once, in Chinese."""

from datetime import date, datetime

import pytest

from victimcare.domain.dates import age_on
from victimcare.core.errors import ValidationErrors
from victimcare.casework.steps.intake.rules import validate_intake

NOW = datetime(2026, 11, 28, 15, 0)
BASE = {"admitted_at": "2026-11-28 09:00", "arrival_mode": "police_transfer", "name": "张三测试", "sex": "M",
        "estimated_age": "9", "age_basis": "目测", "id_status": "none"}


def fields_of(raw) -> dict[str, str]:
    with pytest.raises(ValidationErrors) as info:
        validate_intake(raw, now=NOW, registrar="shegong")
    return info.value.by_field()


def test_estimated_age_counts_from_admission_not_today():
    record = validate_intake({**BASE, "admitted_at": "2024-03-01 10:00", "estimated_age": "19"}, now=NOW,
                             registrar="shegong")
    assert age_on(record.birth_date, date(2024, 3, 1)) == 19
    assert record.core["birth_estimated"] == 1


def test_young_child_admitted_years_ago_is_accepted():
    record = validate_intake({**BASE, "admitted_at": "2023-05-01 10:00", "estimated_age": "0"}, now=NOW,
                             registrar="shegong")
    assert record.birth_date <= date(2023, 5, 1)


def test_every_problem_is_reported_at_once():
    errors = fields_of({**BASE, "arrival_mode": "", "name": "", "sex": "", "estimated_age": "", "id_number": "123"})
    assert set(errors) >= {"arrival_mode", "name", "sex", "birth_date", "id_number"}
    assert all(any("\u4e00" <= ch <= "\u9fff" for ch in message) for message in errors.values())


def test_suspected_trafficking_needs_the_police_report():
    errors = fields_of({**BASE, "suspected_trafficking": True})
    assert "报警" in errors["police_report_at"]


def test_refusal_needs_a_reason():
    assert "理由" in fields_of({**BASE, "decision": "refuse"})["decision_reason"]


def test_unknown_name_is_allowed_and_flagged():
    record = validate_intake({**BASE, "name": "", "name_unknown": True, "aliases": "小红；红红"}, now=NOW,
                             registrar="shegong")
    assert record.core["name"] == "" and record.core["name_unknown"] == 1
    assert record.aliases == ["小红", "红红"]


def test_old_15_digit_id_is_converted_with_a_warning():
    record = validate_intake({**BASE, "id_status": "has", "id_type": "resident_id", "id_number": "130503670401001",
                              "estimated_age": "", "birth_date": "1967-04-01"}, now=NOW, registrar="shegong")
    assert record.core["id_number"] == "130503196704010016"
    assert any("15 位" in w for w in record.warnings)


def test_id_disagreeing_with_sex_warns_but_saves():
    record = validate_intake({**BASE, "sex": "M", "id_status": "has", "id_number": "11010519491231002X",
                              "estimated_age": "", "birth_date": "1949-12-31"}, now=NOW, registrar="shegong")
    assert record.warnings  # the 17th digit says female: a warning, not a block


def test_photo_must_be_an_image():
    assert "JPG" in fields_of({**BASE, "photo": b"GIF89a...."})["photo"]
