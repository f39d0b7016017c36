"""法律援助 deadlines (steps/legal_aid/rules.py): decision ≤ 7 days, lawyer ≤ 3 days after the decision."""

from dataclasses import replace
from datetime import date

from victimcare.domain.deadlines import DUE_SOON, MET, MET_LATE, OVERDUE
from deadline_helpers import at, facts, only, rules_of


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
