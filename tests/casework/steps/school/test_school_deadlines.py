"""入学安置 deadlines (steps/school/rules.py): 学籍 transfer ≤ 10 working days on the 2026 calendar."""

from dataclasses import replace
from datetime import date

from victimcare.domain.deadlines import DUE_SOON, MET
from deadline_helpers import at, facts, only, rules_of


# --- 学籍 transfer ≤ 10 working days ---------------------------------------------------------------------


def test_school_transfer_over_national_day():
    f = facts(school_transfer_started_on=date(2026, 9, 24))
    d = only(f, "school.transfer", at(2026, 10, 12))
    # 09-25 and 10-01..07 off, Saturday 10-10 worked → 10 working days end on Thu 10-15.
    assert d.due == date(2026, 10, 15)
    assert d.status == DUE_SOON
    assert d.explain() == "学籍转接应在启动后10个工作日内办结，还剩 3 个工作日（截止 2026年10月15日）"
    assert only(f, "school.transfer", at(2026, 10, 18)).explain().endswith("已超期 3 天")
    done = only(replace(f, school_transfer_done_on=date(2026, 10, 9)), "school.transfer", at(2026, 10, 18))
    assert done.status == MET and done.explain().endswith("已于 2026年10月09日办结（按期）")
    assert "school.transfer" not in rules_of(replace(f, steps_not_applicable={"school"}), at(2026, 10, 12))
