"""入学安置 deadlines (steps/school/rules.py): 学籍 transfer ≤ 10 working days on the 2026 calendar."""

from dataclasses import replace
from datetime import date

from victimcare.domain.deadlines import DUE_SOON, MET, MET_LATE, OVERDUE
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


# --- the item ends once the work is recorded -------------------------------------------------------------


def test_a_placement_recorded_after_the_start_ends_the_transfer():
    # Started 2024-03-04, the child placed at the school 2024-03-11: never overdue again, in 2026 or later.
    f = facts(school_transfer_started_on=date(2024, 3, 4), school_enrolled_on=date(2024, 3, 11))
    d = only(f, "school.transfer", at(2026, 6, 17))
    assert d.status == MET and not d.is_open
    assert d.explain().startswith("学籍转接应在启动后10个工作日内办结，已于 2024年03月11日登记入学")
    # Without the placement it would still be overdue (the bug a social worker found: 838 days).
    assert only(replace(f, school_enrolled_on=None), "school.transfer", at(2026, 6, 17)).status == OVERDUE


def test_a_late_placement_counts_late_and_an_earlier_one_does_not_end_a_later_transfer():
    late = facts(school_transfer_started_on=date(2026, 3, 2), school_enrolled_on=date(2026, 4, 1))
    d = only(late, "school.transfer", at(2026, 6, 1))
    assert d.status == MET_LATE and d.explain().endswith("已于 2026年04月01日登记入学（逾期 16 天）")  # due Mon 03-16
    # Placed in March, a move to another school started in May: open until that one is recorded.
    moving = facts(school_enrolled_on=date(2026, 3, 9), school_transfer_started_on=date(2026, 5, 11))
    assert only(moving, "school.transfer", at(2026, 6, 1)).status == OVERDUE
    assert only(replace(moving, school_transfer_done_on=date(2026, 5, 20)), "school.transfer",
                at(2026, 6, 1)).status == MET


def test_a_closed_school_record_drops_an_unfinished_transfer():
    f = facts(school_transfer_started_on=date(2026, 3, 2), school_left_on=date(2026, 3, 20))
    assert "school.transfer" not in rules_of(f, at(2026, 6, 1))
    done = replace(f, school_transfer_done_on=date(2026, 3, 10))  # a completed one stays in the history
    assert only(done, "school.transfer", at(2026, 6, 1)).status == MET


# --- past the end of the holiday table --------------------------------------------------------------------


def test_a_transfer_counted_past_the_table_says_it_assumes_no_holidays():
    # The fixed calendar holds 2026 only. Started Thu 2026-12-24: the count runs into 2027.
    d = only(facts(school_transfer_started_on=date(2026, 12, 24)), "school.transfer", at(2027, 1, 4))
    assert d.uncovered_years == (2027,)
    assert d.due == date(2027, 1, 7)  # Mon–Fri only from 2027-01-01: 12-25, 28-31, 01-01, 04-07
    assert d.explain().endswith("（节假日表未含2027年，按无节假日、无调休计算）")
    assert "no public holidays" in d.explain(english=True)
    inside = only(facts(school_transfer_started_on=date(2026, 9, 24)), "school.transfer", at(2026, 10, 12))
    assert inside.uncovered_years == () and "节假日表" not in inside.explain()
