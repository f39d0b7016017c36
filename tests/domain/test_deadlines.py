"""Deadline rules on a fixed 2026 calendar, read the way a caseworker reads them."""

from dataclasses import replace
from datetime import date, datetime, timedelta

import pytest

from victimcare.domain.deadlines import (
    DUE_SOON,
    MET,
    MET_LATE,
    OVERDUE,
    PENDING,
    CaseFacts,
    DeadlineRules,
    add_months,
    compute_deadlines,
    follow_up_schedule,
    format_date,
    open_items,
)
from victimcare.domain.workcalendar import WorkCalendar
from victimcare.core.errors import ValidationErrors


def _span(first: date, last: date) -> set[date]:
    return {first + timedelta(days=i) for i in range((last - first).days + 1)}


# The published 2026 arrangement (fixed here so the tests do not depend on the bundled file).
CAL = WorkCalendar(
    holidays=_span(date(2026, 1, 1), date(2026, 1, 3))
    | _span(date(2026, 2, 15), date(2026, 2, 23))
    | _span(date(2026, 4, 4), date(2026, 4, 6))
    | _span(date(2026, 5, 1), date(2026, 5, 5))
    | _span(date(2026, 6, 19), date(2026, 6, 21))
    | _span(date(2026, 9, 25), date(2026, 9, 27))
    | _span(date(2026, 10, 1), date(2026, 10, 7)),
    extra_workdays={date(2026, m, d) for m, d in [(1, 4), (2, 14), (2, 28), (5, 9), (9, 20), (10, 10)]},
)
RULES = DeadlineRules()
ADMITTED = datetime(2026, 2, 25, 9, 0)  # Wednesday


def facts(**kw) -> CaseFacts:
    base = dict(case_id=1, case_no="YX2026-001", admitted_at=ADMITTED)
    return CaseFacts(**(base | kw))


def at(y, m, d, h=10, mi=0) -> datetime:
    return datetime(y, m, d, h, mi)


def only(f: CaseFacts, rule: str, now: datetime, rules: DeadlineRules = RULES):
    items = [d for d in compute_deadlines(f, now, CAL, rules) if d.rule == rule]
    assert len(items) == 1, items
    return items[0]


def rules_of(f: CaseFacts, now: datetime, rules: DeadlineRules = RULES) -> list[str]:
    return [d.rule for d in compute_deadlines(f, now, CAL, rules)]


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


# --- 寻亲公告 within 24 hours -----------------------------------------------------------------------------


def test_notice_overdue():
    d = only(facts(), "tracing.notice", at(2026, 3, 1, 10))
    assert (d.status, d.step) == (OVERDUE, "tracing")
    assert d.due == datetime(2026, 2, 26, 9, 0)
    assert d.explain() == "寻亲公告应在入站后24小时内发布，已超期 3 天"


def test_notice_overdue_by_hours_only():
    d = only(facts(), "tracing.notice", at(2026, 2, 26, 14))
    assert d.status == OVERDUE
    assert d.explain().endswith("已超期 5 小时")


def test_notice_due_soon_counts_hours():
    d = only(facts(), "tracing.notice", at(2026, 2, 26, 5))
    assert d.status == DUE_SOON
    assert d.explain() == "寻亲公告应在入站后24小时内发布，还剩 4 小时（截止 2026年02月26日 09:00）"


def test_notice_met_and_met_late():
    on_time = only(facts(notice_published_at=at(2026, 2, 25, 15)), "tracing.notice", at(2026, 3, 1))
    assert on_time.status == MET
    assert on_time.explain() == "寻亲公告应在入站后24小时内发布，已于 2026年02月25日发布（按期）"
    late = only(facts(notice_published_at=at(2026, 2, 28, 10)), "tracing.notice", at(2026, 3, 1))
    assert late.status == MET_LATE
    assert "已于 2026年02月28日发布（逾期 2 天）" in late.explain()


def test_notice_not_needed_when_identity_known_or_step_not_applicable():
    assert "tracing.notice" not in rules_of(facts(identity_known=True), at(2026, 3, 1))
    assert rules_of(facts(steps_not_applicable={"tracing"}, is_minor=True), at(2026, 3, 1)) == ["hukou.eligible"]
    assert "tracing.notice" not in rules_of(facts(steps_not_applicable={"tracing.notice"}), at(2026, 3, 1))


def test_notice_hours_are_configurable_and_worded():
    d = only(facts(), "tracing.notice", at(2026, 2, 26, 10), DeadlineRules(notice_hours=48))
    assert d.status == DUE_SOON
    assert d.explain().startswith("寻亲公告应在入站后48小时内发布")


# --- DNA request within 7 working days ------------------------------------------------------------------


def test_dna_request_due_soon_in_working_days():
    # Wed 02-25 + 7 working days, with Saturday 02-28 a make-up working day → Thu 03-05.
    d = only(facts(), "tracing.dna_request", at(2026, 3, 3))
    assert d.due == date(2026, 3, 5)
    assert d.status == DUE_SOON
    assert d.explain() == "DNA采血申请应在入站后7个工作日内提出，还剩 2 个工作日（截止 2026年03月05日）"


def test_dna_request_across_spring_festival():
    f = facts(admitted_at=datetime(2026, 2, 12, 16, 0))  # Thursday before the holiday
    assert only(f, "tracing.dna_request", at(2026, 2, 13)).due == date(2026, 2, 28)


def test_dna_request_pending_today_and_overdue():
    pending = only(facts(), "tracing.dna_request", at(2026, 2, 27))
    assert pending.status == PENDING
    assert "还剩 5 个工作日" in pending.explain()
    today = only(facts(), "tracing.dna_request", at(2026, 3, 5, 17))
    assert today.status == DUE_SOON
    assert today.explain().endswith("今天截止（2026年03月05日）")
    late = only(facts(), "tracing.dna_request", at(2026, 3, 8))
    assert late.status == OVERDUE
    assert late.explain() == "DNA采血申请应在入站后7个工作日内提出，已超期 3 天"


def test_dna_request_met_and_met_late():
    assert only(facts(dna_requested_on=date(2026, 3, 5)), "tracing.dna_request", at(2026, 3, 9)).status == MET
    late = only(facts(dna_requested_on=date(2026, 3, 6)), "tracing.dna_request", at(2026, 3, 9))
    assert late.status == MET_LATE
    assert late.explain().endswith("已于 2026年03月06日提出（逾期 1 天）")


def test_dna_not_applicable_or_identity_known():
    assert not [r for r in rules_of(facts(dna_not_applicable=True), at(2026, 3, 9)) if "dna" in r]
    assert not [r for r in rules_of(facts(identity_known=True), at(2026, 3, 9)) if "dna" in r]
    # Work already done stays in the history after the identity is found.
    done = facts(identity_known=True, dna_requested_on=date(2026, 3, 2))
    assert only(done, "tracing.dna_request", at(2026, 3, 9)).status == MET
    assert "tracing.dna_collection" not in rules_of(done, at(2026, 3, 9))


# --- DNA collection within 1 month of the request -------------------------------------------------------


def test_dna_collection_uses_month_end_clamping():
    f = facts(admitted_at=datetime(2026, 1, 22, 9), dna_requested_on=date(2026, 1, 31))
    d = only(f, "tracing.dna_collection", at(2026, 3, 3))
    assert d.due == date(2026, 2, 28)
    assert d.status == OVERDUE
    assert d.explain() == "DNA采血应在申请后1个月内完成，已超期 3 天"


def test_dna_collection_states():
    f = facts(dna_requested_on=date(2026, 3, 2))  # due 04-02
    assert only(f, "tracing.dna_collection", at(2026, 3, 20)).status == PENDING
    soon = only(f, "tracing.dna_collection", at(2026, 3, 31))
    assert soon.status == DUE_SOON and "还剩 2 天（截止 2026年04月02日）" in soon.explain()
    assert only(replace(f, dna_collected_on=date(2026, 4, 1)), "tracing.dna_collection", at(2026, 5, 1)).status == MET
    late = only(replace(f, dna_collected_on=date(2026, 4, 10)), "tracing.dna_collection", at(2026, 5, 1))
    assert late.status == MET_LATE and "逾期 8 天" in late.explain()
    assert "tracing.dna_collection" not in rules_of(replace(f, dna_not_applicable=True), at(2026, 3, 20))


# --- notice refresh every 30 days after a month's stay ---------------------------------------------------


def test_notice_refresh_after_first_month():
    f = facts(notice_published_at=at(2026, 2, 25, 12))
    d = only(f, "tracing.notice_refresh", at(2026, 3, 30))
    assert d.due == date(2026, 3, 27)  # 30 days after publishing, later than the 1-month mark 03-25
    assert d.status == OVERDUE
    assert d.explain() == "在站满1个月后，寻亲公告应每30天更新一次，已超期 3 天"


def test_notice_refresh_counts_from_last_refresh():
    f = facts(notice_published_at=at(2026, 2, 25, 12), notice_last_refreshed_on=date(2026, 3, 20))
    d = only(f, "tracing.notice_refresh", at(2026, 4, 17))
    assert (d.due, d.status) == (date(2026, 4, 19), DUE_SOON)
    assert only(f, "tracing.notice_refresh", at(2026, 4, 1)).status == PENDING


def test_notice_refresh_stops_when_identity_known_or_left():
    f = facts(notice_published_at=at(2026, 2, 25, 12))
    assert "tracing.notice_refresh" not in rules_of(replace(f, identity_known=True), at(2026, 4, 1))
    assert "tracing.notice_refresh" not in rules_of(replace(f, left_on=date(2026, 3, 10)), at(2026, 4, 1))


# --- adult stay ≤ 10 days --------------------------------------------------------------------------------


def test_adult_stay_overdue_met_and_met_late():
    d = only(facts(), "relief.adult_stay", at(2026, 3, 10))
    assert (d.step, d.due, d.status) == ("relief", date(2026, 3, 7), OVERDUE)
    assert d.explain() == "成年受助人在站一般不超过10天，已超期 3 天"
    assert only(facts(left_on=date(2026, 3, 5)), "relief.adult_stay", at(2026, 3, 10)).status == MET
    placed = only(facts(long_term_placement_on=date(2026, 3, 9)), "relief.adult_stay", at(2026, 3, 10))
    assert placed.status == MET_LATE
    assert placed.explain().endswith("已于 2026年03月09日离站或转入安置（逾期 2 天）")


def test_adult_stay_not_for_children_or_disabled_people():
    assert "relief.adult_stay" not in rules_of(facts(is_minor=True), at(2026, 3, 10))
    assert "relief.adult_stay" not in rules_of(facts(has_disability=True), at(2026, 3, 10))
    assert "relief.adult_stay" not in rules_of(facts(birth_date=date(2011, 1, 1)), at(2026, 3, 10))  # 15
    assert "relief.adult_stay" in rules_of(facts(birth_date=date(2010, 1, 1), is_minor=True), at(2026, 3, 10))


# --- legal aid: decision ≤ 7 days, lawyer ≤ 3 days after the decision ------------------------------------


def test_legal_aid_decision_overdue_and_due_soon():
    f = facts(legal_aid_applied_on=date(2026, 3, 2))
    late = only(f, "legal_aid.decision", at(2026, 3, 12))
    assert late.explain() == "法律援助应在申请后7天内作出决定，已超期 3 天"
    soon = only(f, "legal_aid.decision", at(2026, 3, 6))
    assert soon.status == DUE_SOON and "还剩 3 天（截止 2026年03月09日）" in soon.explain()
    assert "legal_aid.lawyer" not in rules_of(f, at(2026, 3, 12))


def test_lawyer_after_decision():
    f = facts(legal_aid_applied_on=date(2026, 3, 2), legal_aid_decided_on=date(2026, 3, 6))
    assert only(f, "legal_aid.decision", at(2026, 3, 12)).status == MET
    late = only(replace(f, lawyer_assigned_on=date(2026, 3, 11)), "legal_aid.lawyer", at(2026, 3, 12))
    assert late.status == MET_LATE
    assert late.explain() == "决定给予法律援助后3天内应指派律师，已于 2026年03月11日指派（逾期 2 天）"
    assert only(f, "legal_aid.lawyer", at(2026, 3, 12)).status == OVERDUE
    assert "legal_aid.lawyer" not in rules_of(replace(f, legal_aid_refused=True), at(2026, 3, 12))
    assert not [r for r in rules_of(replace(f, steps_not_applicable={"legal_aid"}), at(2026, 3, 12))
                if r.startswith("legal_aid")]  # fmt: skip


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


# --- 落户 eligibility after 3 months with identity unknown -----------------------------------------------


def test_hukou_eligibility_is_a_notice_never_overdue():
    f = facts(admitted_at=datetime(2025, 11, 30, 9), is_minor=True)  # eligible 2026-02-28 (clamped)
    pending = only(f, "hukou.eligible", at(2026, 2, 10))
    assert (pending.step, pending.due, pending.status) == ("hukou", date(2026, 2, 28), PENDING)
    soon = only(f, "hukou.eligible", at(2026, 2, 26))
    assert soon.status == DUE_SOON
    assert soon.explain() == "身份不明在站满3个月可申请落户，还剩 2 天（2026年02月28日起可申请）"
    now = only(f, "hukou.eligible", at(2026, 6, 1))
    assert now.status == DUE_SOON
    assert now.explain() == "身份不明在站满3个月可申请落户，现在可以申请（2026年02月28日起）"
    applied = only(replace(f, hukou_applied_on=date(2026, 3, 10)), "hukou.eligible", at(2026, 6, 1))
    assert applied.status == MET
    assert applied.explain().endswith("已于 2026年03月10日提出申请")


def test_hukou_not_when_identity_known_or_left():
    assert "hukou.eligible" not in rules_of(facts(identity_known=True), at(2026, 6, 1))
    assert "hukou.eligible" not in rules_of(facts(left_on=date(2026, 3, 1)), at(2026, 6, 1))


# --- follow-up visits after return -----------------------------------------------------------------------

RETURNED = dict(identity_known=True, left_on=date(2026, 1, 31), returned_on=date(2026, 1, 31),
                admitted_at=datetime(2026, 1, 20, 9))  # fmt: skip


def test_follow_up_dates_clamp_and_window():
    f = facts(**RETURNED)
    d = only(f, "follow_up.1m", at(2026, 3, 18))
    assert d.due == date(2026, 3, 15)  # nominal 02-28 (clamped from 02-31) + 15 days
    assert d.status == OVERDUE
    assert d.explain() == "回归后满1个月应回访（2026年02月28日前后15天内），已超期 3 天"
    assert only(f, "follow_up.3m", at(2026, 3, 18)).status == PENDING


def test_follow_up_due_soon_once_the_window_opens():
    f = facts(**RETURNED)  # 3-month visit: nominal 04-30, window 04-15..05-15
    assert only(f, "follow_up.3m", at(2026, 4, 14)).status == PENDING
    d = only(f, "follow_up.3m", at(2026, 4, 20))
    assert d.status == DUE_SOON
    assert "还剩 25 天（截止 2026年05月15日）" in d.explain()


def test_follow_up_visit_counts_once_within_tolerance():
    on_time = facts(**RETURNED, follow_up_dates=[date(2026, 3, 5)])
    assert only(on_time, "follow_up.1m", at(2026, 4, 1)).explain().endswith("已于 2026年03月05日回访（按期）")
    late = facts(**RETURNED, follow_up_dates=[date(2026, 3, 20)])
    d = only(late, "follow_up.1m", at(2026, 4, 1))
    assert d.status == MET_LATE and d.explain().endswith("（逾期 5 天）")
    # One visit cannot satisfy two scheduled visits; an early visit (before the window) does not count.
    one = facts(**RETURNED, follow_up_dates=[date(2026, 2, 5), date(2026, 4, 20)])
    items = {x.rule: x for x in compute_deadlines(one, at(2026, 5, 20), CAL, RULES)}
    assert items["follow_up.1m"].status == OVERDUE
    assert items["follow_up.3m"].status == MET


def test_adults_get_four_visits_only():
    f = facts(**RETURNED, birth_date=date(1990, 5, 1))
    assert [r for r in rules_of(f, at(2030, 1, 1)) if r.startswith("follow_up")] == [
        "follow_up.1m", "follow_up.3m", "follow_up.6m", "follow_up.12m",
    ]  # fmt: skip


def test_minors_continue_every_six_months_until_eighteen():
    f = facts(**(RETURNED | dict(returned_on=date(2026, 1, 10))), birth_date=date(2010, 6, 1), is_minor=True)
    plan = follow_up_schedule(f, RULES, date(2030, 1, 1))
    assert [m for m, _ in plan] == [1, 3, 6, 12, 18, 24]
    assert plan[-1][1] == date(2028, 1, 10)  # 2028-07-10 would be after the 18th birthday (2028-06-01)
    assert [r for r in rules_of(f, at(2030, 1, 1)) if r.startswith("follow_up")][-1] == "follow_up.24m"


def test_minor_with_unknown_birth_date_gets_only_the_next_visit_ahead():
    f = facts(**(RETURNED | dict(returned_on=date(2026, 1, 10))), is_minor=True)
    plan = follow_up_schedule(f, RULES, date(2027, 3, 1))
    assert [m for m, _ in plan] == [1, 3, 6, 12, 18]
    assert only(f, "follow_up.18m", at(2027, 3, 1)).status == PENDING


def test_follow_up_not_applicable():
    f = facts(**RETURNED, steps_not_applicable={"follow_up"})
    assert not [r for r in rules_of(f, at(2027, 1, 1)) if r.startswith("follow_up")]


# --- whole case ------------------------------------------------------------------------------------------


def test_closed_case_yields_nothing():
    f = facts(closed=True, legal_aid_applied_on=date(2026, 3, 2), returned_on=date(2026, 3, 1))
    assert compute_deadlines(f, at(2026, 6, 1), CAL, RULES) == []


def test_new_unidentified_adult_gets_the_intake_deadlines_in_step_order():
    assert rules_of(facts(), at(2026, 2, 25, 10)) == [
        "relief.adult_stay", "tracing.notice", "tracing.dna_request", "hukou.eligible",
    ]  # fmt: skip


def test_aware_now_is_read_as_local_time():
    naive = compute_deadlines(facts(), at(2026, 3, 1, 10), CAL, RULES)
    aware = compute_deadlines(facts(), at(2026, 3, 1, 10).astimezone(), CAL, RULES)
    assert [d.explain() for d in naive] == [d.explain() for d in aware]


def test_open_items_splits_and_sorts_across_cases():
    a = facts(case_id=1, case_no="A", identity_known=True, is_minor=True,
              legal_aid_applied_on=date(2026, 3, 2))  # decision due 03-09  # fmt: skip
    b = facts(case_id=2, case_no="B", admitted_at=datetime(2026, 3, 4, 9), is_minor=True)
    overdue, soon = open_items([a, b], at(2026, 3, 10), CAL, RULES)
    # B's notice was due 03-05 09:00, A's decision on 03-09: the older one comes first.
    assert [(d.case_no, d.rule) for d in overdue] == [("B", "tracing.notice"), ("A", "legal_aid.decision")]
    assert [(d.case_no, d.rule) for d in soon] == [("B", "tracing.dna_request")]  # due Fri 03-13
    assert open_items([replace(a, closed=True)], at(2026, 3, 10), CAL, RULES) == ([], [])


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
