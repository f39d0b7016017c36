"""救助安置 deadlines (steps/relief/rules.py): adults normally stay ≤ 10 days."""

from datetime import date

from victimcare.domain.deadlines import MET, MET_LATE, OVERDUE
from deadline_helpers import at, facts, only, rules_of


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
