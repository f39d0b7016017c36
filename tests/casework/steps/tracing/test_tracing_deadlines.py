"""寻亲 deadlines (steps/tracing/rules.py): notice ≤ 24 h, DNA request ≤ 7 working days, collection ≤ 1 month,
monthly refresh; on the fixed 2026 calendar, read the way a caseworker reads them."""

from dataclasses import replace
from datetime import date, datetime

from victimcare.domain.deadlines import DUE_SOON, MET, MET_LATE, OVERDUE, PENDING, DeadlineRules
from deadline_helpers import at, facts, only, rules_of


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
