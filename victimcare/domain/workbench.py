"""The 工作台's order (pure): which deadlines it shows, a case's items together, the most urgent first.

Urgency, as the brief for the screen puts it: overdue before due soon; among overdue items the most
overdue first (the earliest due moment — a date deadline counts from the end of its day, so a date
overdue since midnight comes before a 24-hour limit passed this morning); among items due soon the
soonest first. A case is as urgent as its most urgent item, and its items follow it in that order.
Ties go by case number, then rule, so the same facts always give the same list.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time

from victimcare.domain.deadlines import DUE_SOON, OVERDUE, Deadline, local_time


def shown(d: Deadline, today: date) -> bool:
    """Whether the 工作台 lists a deadline: overdue, or due soon (an eligibility notice only while it is new)."""
    if d.status == OVERDUE:
        return True
    if d.status != DUE_SOON:
        return False
    due = d.due.date() if isinstance(d.due, datetime) else d.due
    return not (d.informational and due < today)


def urgency(d: Deadline) -> tuple[int, datetime, str, str]:
    """Sort key, most urgent first (see the module docstring)."""
    due = local_time(d.due) if isinstance(d.due, datetime) else datetime.combine(d.due, time.max)
    return (0 if d.status == OVERDUE else 1), due, d.case_no, d.rule


@dataclass(frozen=True)
class CaseItems:
    """One case on the 工作台: who it is (as this user may see it) and its open items, most urgent first."""

    case_id: int
    case_no: str
    name: str  # the name ('' when unknown); the school's display name for education staff
    alias: str  # when the name is unknown: the first name the person gave or was called by ('' if none)
    worker: str  # the responsible worker's account (for education staff: the worker who referred the child)
    items: tuple[Deadline, ...]

    @property
    def overdue(self) -> int:
        return sum(d.status == OVERDUE for d in self.items)

    @property
    def due_soon(self) -> int:
        return sum(d.status == DUE_SOON for d in self.items)

    @property
    def steps(self) -> tuple[str, ...]:
        """The steps the items belong to, in the items' order, each once."""
        return tuple(dict.fromkeys(d.step for d in self.items))


def case_urgency(case: CaseItems) -> tuple[int, datetime, str, str]:
    return urgency(case.items[0])


def group(cases: Iterable[tuple[int, str, str, str, str, list[Deadline]]], today: date) -> list[CaseItems]:
    """(case id, case number, name, alias, worker, that case's deadlines) → the cases with something to
    show, most urgent first."""
    out = []
    for case_id, case_no, name, alias, worker, deadlines in cases:
        items = sorted((d for d in deadlines if shown(d, today)), key=urgency)
        if items:
            out.append(CaseItems(case_id, case_no, name, alias, worker, tuple(items)))
    return sorted(out, key=case_urgency)
