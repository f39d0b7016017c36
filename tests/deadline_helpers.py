"""Shared by the deadline tests (the engine's in tests/domain, each step's rules beside its home):
a fixed 2026 calendar, facts of a case admitted on a Wednesday, and the engine run with the
registry's rules, as the app runs it. Importable because tests/ is on sys.path (tests/conftest.py)."""

from datetime import date, datetime, timedelta

from victimcare.casework.steps import deadline_rules
from victimcare.domain.deadlines import CaseFacts, DeadlineRules, compute_deadlines
from victimcare.domain.workcalendar import WorkCalendar


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
STEP_RULES = deadline_rules()


def facts(**kw) -> CaseFacts:
    base = dict(case_id=1, case_no="YX2026-001", admitted_at=ADMITTED)
    return CaseFacts(**(base | kw))


def at(y, m, d, h=10, mi=0) -> datetime:
    return datetime(y, m, d, h, mi)


def compute(f: CaseFacts, now: datetime, cal: WorkCalendar = CAL, rules: DeadlineRules = RULES):
    """The engine with every step's rules from the registry."""
    return compute_deadlines(f, now, cal, rules, STEP_RULES)


def only(f: CaseFacts, rule: str, now: datetime, rules: DeadlineRules = RULES):
    items = [d for d in compute(f, now, CAL, rules) if d.rule == rule]
    assert len(items) == 1, items
    return items[0]


def rules_of(f: CaseFacts, now: datetime, rules: DeadlineRules = RULES) -> list[str]:
    return [d.rule for d in compute(f, now, CAL, rules)]
