"""The deadline engine (domain/deadlines.py): helpers, the whole-case list in step order, configuration.
Each step's rules are tested beside its home, tests/casework/steps/<home>/."""

from dataclasses import replace
from datetime import date, datetime

import pytest

from victimcare.domain.deadlines import (
    DeadlineRules,
    add_months,
    compute_deadlines,
    format_date,
    open_items,
)
from victimcare.core.errors import ValidationErrors
from deadline_helpers import CAL, RULES, STEP_RULES, at, compute, facts, rules_of


# --- helpers ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "start, months, expected",
    [
        (date(2026, 1, 31), 1, date(2026, 2, 28)),
        (date(2028, 1, 31), 1, date(2028, 2, 29)),  # leap year
        (date(2026, 3, 31), 1, date(2026, 4, 30)),
        (date(2025, 11, 30), 3, date(2026, 2, 28)),
        (date(2026, 8, 31), 6, date(2027, 2, 28)),
        (date(2026, 12, 15), 1, date(2027, 1, 15)),
        (date(2026, 1, 15), 0, date(2026, 1, 15)),
    ],
)
def test_add_months_clamps_to_month_end(start, months, expected):
    assert add_months(start, months) == expected


def test_dates_are_shown_as_chinese_dates():
    assert format_date(date(2026, 3, 5)) == "2026年03月05日"
    assert format_date(datetime(2026, 3, 5, 9, 5)) == "2026年03月05日 09:05"


# --- whole case ------------------------------------------------------------------------------------------


def test_closed_case_yields_nothing():
    f = facts(closed=True, legal_aid_applied_on=date(2026, 3, 2), returned_on=date(2026, 3, 1))
    assert compute(f, at(2026, 6, 1)) == []


def test_new_unidentified_adult_gets_the_intake_deadlines_in_step_order():
    assert rules_of(facts(), at(2026, 2, 25, 10)) == [
        "relief.adult_stay", "tracing.notice", "tracing.dna_request", "hukou.eligible",
    ]  # fmt: skip


def test_aware_now_is_read_as_local_time():
    naive = compute(facts(), at(2026, 3, 1, 10))
    aware = compute(facts(), at(2026, 3, 1, 10).astimezone())
    assert [d.explain() for d in naive] == [d.explain() for d in aware]


def test_open_items_splits_and_sorts_across_cases():
    a = facts(case_id=1, case_no="A", identity_known=True, is_minor=True,
              legal_aid_applied_on=date(2026, 3, 2))  # decision due 03-09  # fmt: skip
    b = facts(case_id=2, case_no="B", admitted_at=datetime(2026, 3, 4, 9), is_minor=True)
    overdue, soon = open_items([a, b], at(2026, 3, 10), CAL, RULES, STEP_RULES)
    # B's notice was due 03-05 09:00, A's decision on 03-09: the older one comes first.
    assert [(d.case_no, d.rule) for d in overdue] == [("B", "tracing.notice"), ("A", "legal_aid.decision")]
    assert [(d.case_no, d.rule) for d in soon] == [("B", "tracing.dna_request")]  # due Fri 03-13
    assert open_items([replace(a, closed=True)], at(2026, 3, 10), CAL, RULES, STEP_RULES) == ([], [])


# --- configuration ---------------------------------------------------------------------------------------


def test_rules_round_trip():
    r = DeadlineRules(notice_hours=48, follow_up_months=(1, 2, 6), due_soon_days=5)
    assert DeadlineRules.from_dict(r.to_dict()) == r
    assert DeadlineRules.from_dict({}) == DeadlineRules()
    assert RULES.to_dict()["follow_up_months"] == [1, 3, 6, 12]


@pytest.mark.parametrize(
    "data, field_code, words",
    [
        ({"notice_hours": 0}, "notice_hours", "寻亲公告发布时限"),
        ({"notice_hours": "24"}, "notice_hours", "整数"),
        ({"dna_request_workdays": True}, "dna_request_workdays", "整数"),
        ({"legal_aid_decision_days": -1}, "legal_aid_decision_days", "法律援助决定时限"),
        ({"follow_up_months": [3, 1]}, "follow_up_months", "由小到大"),
        ({"follow_up_months": []}, "follow_up_months", "由小到大"),
        ({"notice_houre": 24}, "notice_houre", "未知的期限设置项"),
    ],
)
def test_bad_rules_are_refused(data, field_code, words):
    with pytest.raises(ValidationErrors) as e:
        DeadlineRules.from_dict(data)
    assert words in e.value.by_field()[field_code]


def test_rules_constructor_validates_too():
    with pytest.raises(ValidationErrors):
        DeadlineRules(adult_stay_days=0)


# --- the engine takes each step's rules, in the order given ----------------------------------------------


def _due_on(day: int, rule: str):
    def rule_fn(b) -> None:
        b.add(rule, f"{rule} 应完成", date(2026, 3, day), None)
    return rule_fn


def test_result_follows_the_order_of_the_step_rules_then_due():
    step_rules = [("b", _due_on(9, "b.late")), ("a", _due_on(5, "a.x")), ("b2", _due_on(1, "b2.x"))]
    items = compute_deadlines(facts(), at(2026, 3, 1), CAL, RULES, step_rules)
    assert [(d.step, d.rule) for d in items] == [("b", "b.late"), ("a", "a.x"), ("b2", "b2.x")]
    both = compute_deadlines(facts(), at(2026, 3, 1), CAL, RULES,
                             [("a", lambda b: (_due_on(9, "a.late")(b), _due_on(2, "a.early")(b)))])
    assert [d.rule for d in both] == ["a.early", "a.late"]


def test_each_rule_function_writes_under_the_code_it_is_listed_with():
    items = compute_deadlines(facts(), at(2026, 3, 1), CAL, RULES, [("x", _due_on(5, "y.rule"))])
    assert [d.step for d in items] == ["x"]


def test_not_applicable_steps_and_rules_and_closed_cases_yield_nothing():
    step_rules = [("a", _due_on(5, "a.x")), ("b", lambda b: (_due_on(5, "b.x")(b), _due_on(6, "b.y")(b)))]
    assert [d.rule for d in compute_deadlines(facts(steps_not_applicable={"a", "b.x"}), at(2026, 3, 1), CAL, RULES,
                                              step_rules)] == ["b.y"]
    assert compute_deadlines(facts(closed=True), at(2026, 3, 1), CAL, RULES, step_rules) == []
    assert compute_deadlines(facts(), at(2026, 3, 1), CAL, RULES, []) == []


# --- working days past the end of the holiday table -------------------------------------------------------


def test_a_dna_request_counted_into_a_year_the_table_lacks_says_so():
    late_in_year = facts(admitted_at=datetime(2026, 12, 28, 9))
    d = next(x for x in compute(late_in_year, at(2026, 12, 28, 10)) if x.rule == "tracing.dna_request")
    assert d.due == date(2027, 1, 6) and d.uncovered_years == (2027,)
    assert d.explain() == ("DNA采血申请应在入站后7个工作日内提出，还剩 7 个工作日（截止 2027年01月06日）"
                           "（节假日表未含2027年，按无节假日、无调休计算）")
    # Calendar-day deadlines do not depend on the table and say nothing about it.
    notice = next(x for x in compute(late_in_year, at(2026, 12, 28, 10)) if x.rule == "tracing.notice")
    assert notice.uncovered_years == () and "节假日" not in notice.explain()
