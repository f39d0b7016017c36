"""落户 eligibility (steps/hukou/rules.py): a notice after 3 months with identity unknown, never overdue."""

from dataclasses import replace
from datetime import date, datetime

from victimcare.domain.deadlines import DUE_SOON, MET, PENDING
from deadline_helpers import at, facts, only, rules_of


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
