"""The deadline engine: facts, rule numbers, the ``Deadline`` type and its plain-Chinese sentences
(PRODUCT.md §2, domain rules §1 and §4.5).

The rules themselves live in each step's home (``victimcare/casework/steps/<home>/rules.py``) and come in
as ``step_rules``, an ordered sequence of (step code, rule function) whose order is the order of the result;
so this module holds no list of steps, and a step's deadlines change in one place.

Pure functions: no Qt, no database, no clock. The caller passes ``now`` and a ``WorkCalendar``, so the
same facts always give the same list, and the home screen (工作台) and the case page agree.

Every deadline is a warning, never a block (domain §4.5). Conventions, chosen so results are predictable:

- Times are local wall-clock times. Naive datetimes are taken as local; aware ones are converted to local.
- A date deadline ``due`` means "done on or before that day is on time"; it is overdue from the next day.
  Only the 24-hour search-notice rule has a time of day.
- Calendar months clamp to the month end: 01-31 + 1 month = 02-28 (02-29 in a leap year).
- ``due_soon`` starts ``due_soon_days`` calendar days before the due date, unless a rule says when
  (a follow-up visit is due soon as soon as its visit window opens).
- Done items are always reported (``met`` / ``met_late``) so the case page shows the history. Items not yet
  done are dropped by their rule when they no longer make sense (e.g. tracing once identity is known).
- A recurring duty whose occurrence was not done and whose place the next one has taken (a follow-up visit
  missed, then a later visit or the next visit's window) is ``missed`` (``Builder.missed``): history on the
  case page, never open, never on the 工作台.
- Working days are counted with the holiday table. Where a working-day count runs through a year the table
  does not hold, it counts Monday–Friday only and the deadline says so (``Deadline.uncovered_years``,
  ``explain``): the 工作台 warns the supervisor ``holiday_table_warn_days`` before the table runs out.
- An eligibility notice (``Builder.inform``, 落户) is ``pending`` while more than ``due_soon_days`` away,
  then ``due_soon`` until done, then ``met``; never ``overdue`` or ``met_late``.
- Steps (or single rule codes) in ``steps_not_applicable`` produce nothing; a closed case produces nothing.
"""

from __future__ import annotations

import calendar as _cal
import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, field, fields
from datetime import date, datetime, time, timedelta
from typing import Any

from victimcare.domain.dates import format_date_zh
from victimcare.domain.workcalendar import WorkCalendar
from victimcare.core.errors import ValidationError, ValidationErrors

OVERDUE = "overdue"
DUE_SOON = "due_soon"
PENDING = "pending"
MET = "met"
MET_LATE = "met_late"
MISSED = "missed"  # not done, and replaced by a later occurrence: history, no longer open
STATUSES = (OVERDUE, DUE_SOON, PENDING, MET, MET_LATE, MISSED)
OPEN_STATUSES = (OVERDUE, DUE_SOON, PENDING)

WORKDAYS = "个工作日"
DAYS = "天"
HOURS = "小时"


# --------------------------------------------------------------------------------------------------- helpers


def add_months(d: date, n: int) -> date:
    """Calendar months with end-of-month clamping (01-31 + 1 → 02-28/29), as people count "one month"."""
    y, m = divmod(d.month - 1 + n, 12)
    year, month = d.year + y, m + 1
    return date(year, month, min(d.day, _cal.monthrange(year, month)[1]))


def format_date(d: date | datetime) -> str:
    """YYYY年MM月DD日 (domain §4.5); with HH:MM for datetimes."""
    s = format_date_zh(d)
    if isinstance(d, datetime):
        s += f" {d.hour:02d}:{d.minute:02d}"
    return s


def local_time(dt: datetime) -> datetime:
    """Naive local wall-clock time, so naive and aware inputs can be compared."""
    return dt.astimezone().replace(tzinfo=None) if dt.tzinfo is not None else dt


def _day(d: date | datetime) -> date:
    return d.date() if isinstance(d, datetime) else d


def _age_on(birth: date, on: date) -> int:
    """Like ``dates.age_on`` but tolerant of a birth date after ``on`` (bad data must not crash the 工作台)."""
    return on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))


def _sort_key(d: date | datetime) -> datetime:
    return local_time(d) if isinstance(d, datetime) else datetime.combine(d, time.max)


# --------------------------------------------------------------------------------------------------- rules

RULE_LABELS: dict[str, str] = {
    "notice_hours": "寻亲公告发布时限（小时）",
    "dna_request_workdays": "DNA采血申请时限（工作日）",
    "dna_collection_months": "DNA采血完成时限（月）",
    "notice_refresh_after_months": "在站满几个月后更新寻亲公告（月）",
    "notice_refresh_days": "寻亲公告更新间隔（天）",
    "legal_aid_decision_days": "法律援助决定时限（天）",
    "lawyer_assign_days": "指派律师时限（天）",
    "school_transfer_workdays": "学籍转接时限（工作日）",
    "hukou_eligible_months": "身份不明可申请落户（月）",
    "hukou_police_workdays": "公安办理落户（工作日）",
    "follow_up_months": "回归后回访时间（月）",
    "minor_follow_up_every_months": "未成年人此后回访间隔（月）",
    "follow_up_tolerance_days": "回访允许前后浮动（天）",
    "adult_age": "成年年龄（岁）",
    "adult_stay_days": "成年人一般在站天数（天）",
    "adult_stay_min_age": "在站天数提醒适用年龄（岁）",
    "due_soon_days": "提前提醒天数（天）",
    "holiday_table_warn_days": "节假日表用完前提醒站长（天）",
}

# Smallest sensible value of each number (a 0-day decision limit is a typo, a 0-day reminder is not).
_MINIMUM = {"notice_refresh_after_months": 0, "follow_up_tolerance_days": 0, "adult_stay_min_age": 0,
            "due_soon_days": 0, "holiday_table_warn_days": 0}
_MAXIMUM = 1000


@dataclass(frozen=True)
class DeadlineRules:
    """Every number the deadline engine uses; defaults from PRODUCT.md §2, each configurable per county."""

    notice_hours: int = 24
    dna_request_workdays: int = 7
    dna_collection_months: int = 1
    notice_refresh_after_months: int = 1
    notice_refresh_days: int = 30
    legal_aid_decision_days: int = 7
    lawyer_assign_days: int = 3
    school_transfer_workdays: int = 10
    hukou_eligible_months: int = 3
    hukou_police_workdays: int = 20
    follow_up_months: tuple[int, ...] = (1, 3, 6, 12)
    minor_follow_up_every_months: int = 6
    follow_up_tolerance_days: int = 15
    adult_age: int = 18
    adult_stay_days: int = 10
    adult_stay_min_age: int = 16  # domain §1 row 9: the ≤10-day stay applies to people aged 16 and over
    due_soon_days: int = 3
    holiday_table_warn_days: int = 60  # the 工作台 tells the supervisor this long before the holiday table ends

    def __post_init__(self) -> None:
        errors = [e for f in fields(self) if (e := _check_rule(f.name, getattr(self, f.name)))]
        if errors:
            raise ValidationErrors(errors)

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["follow_up_months"] = list(self.follow_up_months)
        return d

    @classmethod
    def from_dict(cls, data: Any) -> DeadlineRules:
        """Load stored settings; missing numbers take the default, unknown or bad ones are refused."""
        if not isinstance(data, dict):
            raise ValidationError("deadline_rules", "期限设置格式不对")
        known = {f.name for f in fields(cls)}
        errors = [ValidationError(str(k), f"未知的期限设置项：{str(k)[:40]}") for k in data if k not in known]
        values = dict(data)
        if isinstance(values.get("follow_up_months"), list):
            values["follow_up_months"] = tuple(values["follow_up_months"])
        errors += [e for k, v in values.items() if k in known and (e := _check_rule(k, v))]
        if errors:
            raise ValidationErrors(errors)
        return cls(**{k: v for k, v in values.items() if k in known})


def _check_rule(name: str, value: Any) -> ValidationError | None:
    label = RULE_LABELS[name]
    if name == "follow_up_months":
        ok = (
            isinstance(value, tuple) and value
            and all(type(m) is int and 1 <= m <= 240 for m in value)
            and all(a < b for a, b in zip(value, value[1:]))
        )
        return None if ok else ValidationError(name, f"{label}应是由小到大的月数，例如 1、3、6、12")
    low = _MINIMUM.get(name, 1)
    if type(value) is not int or not low <= value <= _MAXIMUM:
        return ValidationError(name, f"{label}应是 {low} 到 {_MAXIMUM} 之间的整数")
    return None


# --------------------------------------------------------------------------------------------------- facts


@dataclass
class CaseFacts:
    """What the deadline rules need to know about one case, as plain values (no DB rows)."""

    case_id: int
    case_no: str
    admitted_at: datetime
    identity_known: bool = False
    is_minor: bool = False
    birth_date: date | None = None  # real or estimated; when set it decides minor/adult at each date
    birth_date_estimated: bool = False
    has_disability: bool = False  # exempts from the ≤10-day adult stay warning
    closed: bool = False
    notice_published_at: datetime | None = None
    notice_last_refreshed_on: date | None = None
    dna_requested_on: date | None = None
    dna_collected_on: date | None = None
    dna_not_applicable: bool = False
    legal_aid_applied_on: date | None = None
    legal_aid_decided_on: date | None = None
    legal_aid_refused: bool = False  # no lawyer to assign
    lawyer_assigned_on: date | None = None
    school_transfer_started_on: date | None = None
    school_transfer_done_on: date | None = None
    school_enrolled_on: date | None = None  # the placement at the school recorded (the child is on its roll)
    school_left_on: date | None = None  # the school record closed: left school care, graduated, dropped out
    hukou_applied_on: date | None = None
    hukou_submitted_on: date | None = None  # the approved application handed to the police
    hukou_registered_on: date | None = None  # the police registered the household
    long_term_placement_on: date | None = None  # 滞留 → 照料安置 decided: ends the short-stay warning
    left_on: date | None = None  # left the station, by any route
    returned_on: date | None = None  # returned home / to the community: starts follow-ups
    follow_up_dates: list[date] = field(default_factory=list)
    steps_not_applicable: set[str] = field(default_factory=set)  # step codes, or single rule codes

    @property
    def searching(self) -> bool:
        """Still in care with an unknown identity: while so, tracing and 落户 items are due."""
        return not self.identity_known and self.left_on is None

    def is_minor_on(self, d: date, adult_age: int = 18) -> bool:
        if self.birth_date is not None:
            return _age_on(self.birth_date, d) < adult_age
        return self.is_minor


# --------------------------------------------------------------------------------------------------- result


@dataclass(frozen=True)
class Deadline:
    """One deadline of one case, with its status at the ``now`` it was computed for."""

    case_id: int
    case_no: str
    step: str
    rule: str
    due: date | datetime
    done_on: date | datetime | None
    status: str
    requirement: str  # the rule in words, e.g. "寻亲公告应在入站后24小时内发布"
    amount: int = 0  # overdue / met_late: how late; pending / due_soon: how much is left
    unit: str = DAYS  # unit of ``amount``: 天, 个工作日 or 小时
    done_verb: str = "完成"
    informational: bool = False  # an eligibility notice (落户): never overdue
    requirement_en: str = ""  # the rule in English words, for the English interface
    replaced_on: date | None = None  # missed: the date of the later work that took its place (None: time did)
    uncovered_years: tuple[int, ...] = ()  # working days counted through years the holiday table lacks

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    def explain(self, english: bool = False) -> str:
        """One plain sentence for the 工作台 and the case page (Chinese, or English on request)."""
        if english:
            return self._explain_en() + self._no_holidays_en()
        return self._explain_zh() + self._no_holidays_zh()

    def _no_holidays_zh(self) -> str:
        if not self.uncovered_years:
            return ""
        years = "、".join(f"{y}年" for y in self.uncovered_years)
        return f"（节假日表未含{years}，按无节假日、无调休计算）"

    def _no_holidays_en(self) -> str:
        if not self.uncovered_years:
            return ""
        years = ", ".join(str(y) for y in self.uncovered_years)
        return f" (the holiday table has no entries for {years}: counted as if there were no public holidays)"

    def _explain_zh(self) -> str:
        due = format_date(self.due)
        if self.status == MISSED:
            if self.replaced_on is not None:
                when = format_date(self.replaced_on)
                return f"{self.requirement}，未{self.done_verb}（已由 {when} 的{self.done_verb}接续）"
            return f"{self.requirement}，未{self.done_verb}（此后以下一次为准）"
        if self.done_on is not None:
            when = format_date(_day(self.done_on))
            if self.informational:
                return f"{self.requirement}，已于 {when}{self.done_verb}"
            timing = "按期" if self.status == MET else f"逾期 {self.amount} {self.unit}"
            return f"{self.requirement}，已于 {when}{self.done_verb}（{timing}）"
        if self.informational:
            if self.amount == 0:
                return f"{self.requirement}，现在可以申请（{due}起）"
            return f"{self.requirement}，还剩 {self.amount} {self.unit}（{due}起可申请）"
        if self.status == OVERDUE:
            return f"{self.requirement}，已超期 {self.amount} {self.unit}"
        if self.amount == 0:
            return f"{self.requirement}，今天截止（{due}）"
        return f"{self.requirement}，还剩 {self.amount} {self.unit}（截止 {due}）"

    def _explain_en(self) -> str:
        req, unit = self.requirement_en or self.rule, _UNITS_EN.get(self.unit, self.unit)
        due = _iso(self.due)
        if self.status == MISSED:
            if self.replaced_on is not None:
                return f"{req}: missed (followed by the one on {self.replaced_on.isoformat()})"
            return f"{req}: missed (the next one is what is due now)"
        if self.done_on is not None:
            when = _day(self.done_on).isoformat()
            if self.informational:
                return f"{req}: done on {when}"
            timing = "on time" if self.status == MET else f"late by {self.amount} {unit}"
            return f"{req}: done on {when} ({timing})"
        if self.informational:
            if self.amount == 0:
                return f"{req}: can be applied for now (from {due})"
            return f"{req}: {self.amount} {unit} to go (can be applied for from {due})"
        if self.status == OVERDUE:
            return f"{req}: overdue by {self.amount} {unit}"
        if self.amount == 0:
            return f"{req}: due today ({due})"
        return f"{req}: {self.amount} {unit} left (due {due})"


_UNITS_EN = {DAYS: "day(s)", WORKDAYS: "working day(s)", HOURS: "hour(s)"}


def _iso(d: date | datetime) -> str:
    return f"{d:%Y-%m-%d %H:%M}" if isinstance(d, datetime) else d.isoformat()


# --------------------------------------------------------------------------------------------------- engine


def _span(delta: timedelta, round_up: bool) -> tuple[int, str]:
    """A positive time span as whole days, or hours when under a day."""
    if delta >= timedelta(days=1):
        return delta.days, DAYS
    hours = delta / timedelta(hours=1)
    return max(1, math.ceil(hours) if round_up else math.floor(hours)), HOURS


class Builder:
    """What a step's rule function gets: the case's context, and ``add`` / ``inform`` to turn
    (rule, due, done) into ``Deadline`` objects stamped with that step's code."""

    def __init__(self, facts: CaseFacts, now: datetime, calendar: WorkCalendar, rules: DeadlineRules,
                 step: str) -> None:  # fmt: skip
        self.facts, self.now, self.calendar, self.rules, self.step = facts, local_time(now), calendar, rules, step
        self.today = self.now.date()
        self.admitted = local_time(facts.admitted_at)
        self.items: list[Deadline] = []

    def add(self, rule: str, requirement: str, due: date | datetime, done: date | datetime | None, *,
            workdays: bool = False, start: date | None = None, soon_from: date | None = None,
            done_verb: str = "完成", en: str = "") -> None:  # fmt: skip
        """One deadline. ``workdays``: ``due`` was counted in working days from ``start`` (the day the
        count began), so the holiday table must hold every year from there to ``due``."""
        f = self.facts
        common = dict(case_id=f.case_id, case_no=f.case_no, step=self.step, rule=rule, requirement=requirement,
                      done_verb=done_verb, requirement_en=en,
                      uncovered_years=self._uncovered(start, due) if workdays else ())  # fmt: skip
        if isinstance(due, datetime):
            due = local_time(due)
        if done is not None:
            late, unit = self._lateness(done, due)
            status = MET if late <= 0 else MET_LATE
            self.items.append(Deadline(due=due, done_on=done, status=status, amount=max(late, 0), unit=unit,
                                       **common))  # fmt: skip
            return
        if isinstance(due, datetime):
            overdue = self.now > due
        else:
            overdue = self.today > due
        if overdue:
            late, unit = self._lateness(self.now if isinstance(due, datetime) else self.today, due)
            self.items.append(Deadline(due=due, done_on=None, status=OVERDUE, amount=late, unit=unit, **common))
            return
        if soon_from is None:
            soon_from = _day(due) - timedelta(days=self.rules.due_soon_days)
        status = DUE_SOON if self.today >= soon_from else PENDING
        if isinstance(due, datetime):
            left, unit = _span(due - self.now, round_up=True) if due > self.now else (0, HOURS)
        elif workdays:
            left, unit = self.calendar.workdays_between(self.today, due), WORKDAYS
        else:
            left, unit = (due - self.today).days, DAYS
        self.items.append(Deadline(due=due, done_on=None, status=status, amount=left, unit=unit, **common))

    def missed(self, rule: str, requirement: str, due: date, replaced_on: date | None, *, done_verb: str = "完成",
               en: str = "") -> None:
        """An occurrence of a recurring duty that was not done and whose place a later one has taken:
        ``replaced_on`` is the day of the later work, None when the next occurrence simply came due."""
        f = self.facts
        self.items.append(Deadline(case_id=f.case_id, case_no=f.case_no, step=self.step, rule=rule, due=due,
                                   done_on=None, status=MISSED, requirement=requirement, done_verb=done_verb,
                                   requirement_en=en, replaced_on=replaced_on))  # fmt: skip

    def _uncovered(self, start: date | None, due: date | datetime) -> tuple[int, ...]:
        """Years from ``start`` to ``due`` that the holiday table lacks: working days there are plain
        Monday–Friday, which the deadline then says."""
        last = _day(due)
        first = min(start or last, last)
        return tuple(y for y in range(first.year, last.year + 1) if not self.calendar.covers(date(y, 1, 1)))

    def _lateness(self, done: date | datetime, due: date | datetime) -> tuple[int, str]:
        """How late ``done`` is after ``due`` (≤ 0 means on time)."""
        if isinstance(due, datetime) and isinstance(done, datetime):
            done = local_time(done)
            return (0, DAYS) if done <= due else _span(done - due, round_up=False)
        return (_day(done) - _day(due)).days, DAYS

    def inform(self, rule: str, requirement: str, eligible_on: date, done: date | None, done_verb: str,
               en: str = "") -> None:
        """An eligibility notice: something that becomes possible, never overdue (see the module docstring)."""
        f = self.facts
        if done is not None:
            status, left = MET, 0
        else:
            left = max(0, (eligible_on - self.today).days)
            soon = self.today >= eligible_on - timedelta(days=self.rules.due_soon_days)
            status = DUE_SOON if soon else PENDING
        self.items.append(Deadline(case_id=f.case_id, case_no=f.case_no, step=self.step, rule=rule, due=eligible_on,
                                   done_on=done, status=status, requirement=requirement, amount=left,
                                   done_verb=done_verb, informational=True, requirement_en=en))  # fmt: skip


# A step's deadline rule: reads ``b.facts`` / ``b.rules`` and calls ``b.add`` or ``b.inform``.
StepRule = Callable[[Builder], None]


def compute_deadlines(facts: CaseFacts, now: datetime, calendar: WorkCalendar, rules: DeadlineRules,
                      step_rules: Sequence[tuple[str, StepRule]]) -> list[Deadline]:  # fmt: skip
    """All deadlines of one case at ``now``: each step's in the order of ``step_rules``, then by due.

    Each rule function's items carry the code it is listed under, so every ``Deadline.step`` is one
    of the codes passed in."""
    if facts.closed:
        return []
    skip = facts.steps_not_applicable
    items: list[Deadline] = []
    for code, rule_fn in step_rules:
        if code in skip:
            continue
        b = Builder(facts, now, calendar, rules, code)
        rule_fn(b)
        items += sorted((d for d in b.items if d.rule not in skip), key=lambda d: _sort_key(d.due))
    return items


def open_items(list_of_facts: Iterable[CaseFacts], now: datetime, calendar: WorkCalendar, rules: DeadlineRules,
               step_rules: Sequence[tuple[str, StepRule]]) -> tuple[list[Deadline], list[Deadline]]:  # fmt: skip
    """(overdue, due_soon) across cases for the 工作台, each sorted by due (most urgent first).

    An eligibility notice shows while it is new; once its date has passed it stays on the case page only."""
    overdue: list[Deadline] = []
    soon: list[Deadline] = []
    today = local_time(now).date()
    for facts in list_of_facts:
        for d in compute_deadlines(facts, now, calendar, rules, step_rules):
            if d.status == OVERDUE:
                overdue.append(d)
            elif d.status == DUE_SOON and not (d.informational and _day(d.due) < today):
                soon.append(d)

    def key(d: Deadline) -> tuple[datetime, str, str]:
        return _sort_key(d.due), d.case_no, d.rule

    return sorted(overdue, key=key), sorted(soon, key=key)
