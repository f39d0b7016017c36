"""跟踪回访 deadlines (steps/return_home/rules.py): visits 1, 3, 6, 12 months after return, then every 6
months while a minor; each visit counts once, within its window."""

from datetime import date, datetime

from victimcare.casework.steps.followup.rules import follow_up_schedule
from victimcare.domain.deadlines import DUE_SOON, MET, MET_LATE, MISSED, OVERDUE, PENDING, open_items
from deadline_helpers import CAL, RULES, STEP_RULES, at, compute, facts, only, rules_of


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
    # One visit cannot satisfy two scheduled visits; an early visit (before the window) does not count:
    # the 1-month visit was missed, and the 3-month visit (04-20) took its place.
    one = facts(**RETURNED, follow_up_dates=[date(2026, 2, 5), date(2026, 4, 20)])
    items = {x.rule: x for x in compute(one, at(2026, 5, 20))}
    assert items["follow_up.1m"].status == MISSED and items["follow_up.1m"].done_on is None
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


# --- a missed visit is history; the next due visit is what is open ----------------------------------------


def follow_up_items(f, now):
    return {d.rule: d for d in compute(f, now) if d.rule.startswith("follow_up")}


def test_a_later_visit_clears_the_missed_one():
    # Returned 01-31; the 1-month visit (window 02-13..03-15) was never made; the 3-month one was, on 04-28.
    missed = facts(**RETURNED)
    assert only(missed, "follow_up.1m", at(2026, 4, 1)).status == OVERDUE  # before anything replaced it
    f = facts(**RETURNED, follow_up_dates=[date(2026, 4, 28)])
    items = follow_up_items(f, at(2026, 5, 20))
    one = items["follow_up.1m"]
    assert one.status == MISSED and not one.is_open
    assert one.replaced_on == date(2026, 4, 28)
    assert one.explain() == ("回归后满1个月应回访（2026年02月28日前后15天内），未回访"
                             "（已由 2026年04月28日 的回访接续）")
    assert one.explain(english=True).endswith("missed (followed by the one on 2026-04-28)")
    assert items["follow_up.3m"].status == MET
    # The 工作台 shows neither; the case's next deadline is the 6-month visit.
    overdue, soon = open_items([f], at(2026, 5, 20), CAL, RULES, STEP_RULES)
    assert [d.rule for d in overdue + soon if d.rule.startswith("follow_up")] == []


def test_a_late_visit_in_a_later_window_counts_for_that_window_and_clears_every_earlier_one():
    f = facts(**RETURNED, follow_up_dates=[date(2026, 8, 1)])  # only the 6-month visit (07-31 ± 15) made
    items = follow_up_items(f, at(2026, 8, 10))
    assert items["follow_up.1m"].status == items["follow_up.3m"].status == MISSED
    assert items["follow_up.1m"].replaced_on == items["follow_up.3m"].replaced_on == date(2026, 8, 1)
    assert items["follow_up.6m"].status == MET
    assert items["follow_up.12m"].status == PENDING and "此前" not in items["follow_up.12m"].requirement


def test_when_the_next_window_opens_the_missed_visit_gives_way_to_it():
    f = facts(**RETURNED)  # no visit at all; 3-month window opens 04-15
    assert only(f, "follow_up.1m", at(2026, 4, 14)).status == OVERDUE
    items = follow_up_items(f, at(2026, 4, 20))
    assert items["follow_up.1m"].status == MISSED and items["follow_up.1m"].replaced_on is None
    assert items["follow_up.1m"].explain().endswith("未回访（此后以下一次为准）")
    three = items["follow_up.3m"]
    assert three.status == DUE_SOON
    assert three.explain() == ("回归后满3个月应回访（2026年04月30日前后15天内），此前有 1 次回访未做，"
                               "还剩 25 天（截止 2026年05月15日）")
    overdue, soon = open_items([f], at(2026, 4, 20), CAL, RULES, STEP_RULES)
    assert overdue == [] and [d.rule for d in soon] == ["follow_up.3m"]


def test_at_most_one_visit_is_open_however_long_nobody_visits():
    f = facts(**RETURNED, birth_date=date(2012, 1, 1), is_minor=True)
    for now in (at(2026, 6, 1), at(2027, 3, 1), at(2028, 9, 1)):
        items = [d for d in compute(f, now) if d.rule.startswith("follow_up") and d.is_open]
        shown = [d for d in items if d.status in (OVERDUE, DUE_SOON)]
        assert len(shown) <= 1, shown
        assert all(d.status == PENDING for d in items[1:])


def test_the_last_visit_of_an_adult_stays_overdue_until_someone_visits():
    f = facts(**RETURNED, birth_date=date(1990, 5, 1))
    assert only(f, "follow_up.12m", at(2027, 6, 1)).status == OVERDUE
    later = facts(**RETURNED, birth_date=date(1990, 5, 1), follow_up_dates=[date(2027, 5, 20)])
    assert only(later, "follow_up.12m", at(2027, 6, 1)).status == MET_LATE
