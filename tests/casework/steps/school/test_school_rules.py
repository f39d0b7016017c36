"""入学安置 rules (steps/school/rules.py, pure): who may be referred, the 学籍号, what the step's status
follows from, and the dates the ledger filters by."""

from datetime import date

import pytest

from victimcare.casework.steps.school import rules
from victimcare.core.errors import ValidationError, ValidationErrors
from victimcare.domain.identity import check_digit
from victimcare.domain.workcalendar import load_calendar

TODAY = date(2026, 3, 16)
CHILD_ID = "35042620150304002" + check_digit("35042620150304002")  # synthetic: 尤溪县, born 2015-03-04


def test_the_student_number_is_g_and_a_valid_id_or_j_and_eighteen_coded_characters():
    assert rules.validate_student_no(f"G{CHILD_ID}", today=TODAY) == f"G{CHILD_ID}"
    assert rules.validate_student_no(f" g{CHILD_ID[:9]} {CHILD_ID[9:]} ", today=TODAY) == f"G{CHILD_ID}"
    assert rules.validate_student_no("Ｇ11010519491231002x", today=TODAY) == "G11010519491231002X"
    assert rules.validate_student_no(f"J{CHILD_ID}", today=TODAY) == f"J{CHILD_ID}"
    assert rules.validate_student_no("", today=TODAY) == ""
    wrong_check = CHILD_ID[:17] + ("0" if CHILD_ID[17] != "0" else "1")
    bad = {
        f"L{CHILD_ID}": "以字母 G",
        CHILD_ID: "以字母 G",
        "G130503670401001": "15 位的旧身份证号",
        f"G{CHILD_ID}1": "共 19 位",
        f"G{wrong_check}": "校验位不正确",
        f"J{wrong_check}": "J 字头学籍号",
        "G35042620270304002X": "晚于今天",
        "G99042620150304002X": "省级代码",
        "J12345": "共 19 位",
    }
    for text, words in bad.items():
        with pytest.raises(ValidationError) as err:
            rules.validate_student_no(text, today=TODAY)
        assert err.value.field == "student_no" and words in err.value.message, (text, err.value.message)
        assert CHILD_ID not in err.value.message, "a refusal never repeats the number"


@pytest.mark.parametrize("birth, step, refused", [
    ("2016-05-01", "not_started", ""),                  # 9: school age
    ("2008-01-01", "not_started", "已满18"),             # admitted at 17, now 18: no longer a child
    ("1990-01-01", "not_started", "已满18"),             # an adult (even with a wrong step status)
    ("2021-01-01", "not_started", "不满6"),              # 5
    (None, "not_started", "都不详"),                     # unknown age
    ("2016-05-01", "not_applicable", "不适用"),
    ("2016-05-01", None, "不适用"),
])
def test_only_school_age_children_can_be_referred(birth, step, refused):
    message = rules.referral_refusal(birth, step, TODAY)
    assert (refused in message) if refused else message == ""


def test_the_ledger_lists_children_younger_than_eighteen_today():
    assert rules.oldest_birth_date(TODAY) == "2008-03-16"  # born on it: 18 today, not listed
    assert rules.oldest_birth_date(date(2028, 2, 29)) == "2010-02-28"


def row(**kw):
    base = {"status": "referred", "student_no": "", "transfer_started_on": "", "transfer_done_on": ""}
    return {**base, **kw}


def test_the_step_status_follows_the_records():
    assert rules.step_status(None, "not_started") == "not_started"
    assert rules.step_status(row(), "x") == "in_progress"                                      # referred
    assert rules.step_status(row(status="placed"), "x") == "in_progress"                      # no 学籍号 yet
    assert rules.step_status(row(status="placed", student_no="G1"), "x") == "done"
    assert rules.step_status(row(status="placed", student_no="G1", transfer_started_on="2026-03-02"), "x") == \
        "in_progress"
    assert rules.step_status(row(status="placed", student_no="G1", transfer_started_on="2026-03-02",
                                 transfer_done_on="2026-03-09"), "x") == "done"
    assert rules.step_status(row(status="dropped_out", student_no="G1"), "x") == "in_progress"
    assert rules.step_status(row(status="graduated"), "x") == "done"
    assert [rules.record_state(r) for r in (row(), row(student_no="G1"), row(transfer_started_on="2026-03-02"),
                                            row(transfer_started_on="2026-03-02", transfer_done_on="2026-03-03"))] \
        == ["none", "set_up", "transferring", "transferred"]


def test_overdue_transfers_are_those_started_on_or_before_one_day():
    calendar = load_calendar()
    cutoff = rules.latest_overdue_start(TODAY, calendar, 10)
    assert calendar.add_workdays(cutoff, 10) < TODAY <= calendar.add_workdays(date.fromordinal(cutoff.toordinal() + 1), 10)
    # 2026-09-24 + 10 working days over National Day = 10-15: overdue from 10-16 on
    assert rules.latest_overdue_start(date(2026, 10, 16), calendar, 10) >= date(2026, 9, 24)
    assert rules.latest_overdue_start(date(2026, 10, 15), calendar, 10) < date(2026, 9, 24)


def test_the_placement_form_reports_every_error_at_once():
    with pytest.raises(ValidationErrors) as err:
        rules.validate_placement({"enrolled_on": "2014-01-01", "attendance": "both", "student_no": "G1"},
                                 today=TODAY, birth_iso="2015-03-04")
    assert set(err.value.by_field()) == {"school", "grade", "enrolled_on", "attendance", "student_no"}
    good = rules.validate_placement({"school": " 尤溪县第一实验小学 ", "grade": "三年级", "enrolled_on": "2026年3月2日",
                                     "attendance": "temporary", "pairing_teacher": "测试老师"},
                                    today=TODAY, birth_iso="2015-03-04").values
    assert (good["school"], good["enrolled_on"], good["class_name"]) == ("尤溪县第一实验小学", "2026-03-02", "")


def test_transfers_and_changes_are_checked():
    assert rules.validate_transfer("2026-03-02", "", today=TODAY, enrolled_on="2026-03-01") == ("2026-03-02", "")
    with pytest.raises(ValidationErrors) as err:
        rules.validate_transfer("2026-03-10", "2026-03-02", today=TODAY, enrolled_on="2026-03-01")
    assert "早于启动日期" in err.value.message
    with pytest.raises(ValidationErrors):
        rules.validate_transfer("2026-03-02", "", today=TODAY, enrolled_on="")  # not placed yet
    with pytest.raises(ValidationError, match="只有在读"):
        rules.validate_change("graduated", "2026-03-01", today=TODAY, status="referred", raw={})
    with pytest.raises(ValidationErrors, match="转入的学校"):
        rules.validate_change("transferred", "2026-03-01", today=TODAY, status="placed", raw={})
    assert rules.validate_change("returned", "2026-03-01", today=TODAY, status="dropped_out", raw={})["on"] == \
        "2026-03-01"
