"""Deadlines of a case, computed from plain facts (PRODUCT.md §2, domain rules §1 and §4.5).

Pure functions: no Qt, no database, no clock. The caller passes ``now`` and a ``WorkCalendar``, so the
same facts always give the same list, and the home screen (工作台) and the case page agree.

Every deadline is a warning, never a block (domain §4.5). Conventions, chosen so results are predictable:

- Times are local wall-clock times. Naive datetimes are taken as local; aware ones are converted to local.
- A date deadline ``due`` means "done on or before that day is on time"; it is overdue from the next day.
  Only the 24-hour search-notice rule has a time of day.
- Calendar months clamp to the month end: 01-31 + 1 month = 02-28 (02-29 in a leap year).
- ``due_soon`` starts ``due_soon_days`` calendar days before the due date (a follow-up visit is due soon as
  soon as its visit window opens).
- Done items are always reported (``met`` / ``met_late``) so the case page shows the history. Items not yet
  done are dropped when they no longer make sense: tracing rules and 落户 once identity is known or the
  person has left the station.
- Adults (16+ at admission by birth date, else ``not is_minor``; not disabled) normally stay ≤ 10 days
  (domain §1 row 9); leaving or a long-term placement decision completes that item.
- Steps (or single rule codes) in ``steps_not_applicable`` produce nothing; a closed case produces nothing.
- 落户 (hukou) is an eligibility notice, not a legal time limit: ``pending`` while eligibility is more than
  ``due_soon_days`` away, then ``due_soon`` for as long as no application is recorded (so it stays on the
  工作台 as something to act on), ``met`` once applied. It is never ``overdue`` or ``met_late``.
- Follow-up visits: a visit counts for a scheduled visit if it falls inside its window (nominal date ±
  ``follow_up_tolerance_days``, default 15) → ``met``; a visit after the window but before the next visit's
  window opens → ``met_late``. Each recorded visit counts once. ``due`` is the window's last day.
"""

from __future__ import annotations

import calendar as _cal
import math
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field, fields
from datetime import date, datetime, time, timedelta
from typing import Any

from victimcare.domain.dates import format_date_zh
from victimcare.domain.workcalendar import WorkCalendar
from victimcare.core.errors import ValidationError, ValidationErrors

STEPS = (
    "intake", "relief", "tracing", "medical", "social", "legal_aid",
    "school", "employment", "hukou", "return", "follow_up", "closure",
)  # fmt: skip

OVERDUE = "overdue"
DUE_SOON = "due_soon"
PENDING = "pending"
MET = "met"
MET_LATE = "met_late"
STATUSES = (OVERDUE, DUE_SOON, PENDING, MET, MET_LATE)

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


def _local(dt: datetime) -> datetime:
    """Naive local wall-clock time, so naive and aware inputs can be compared."""
    return dt.astimezone().replace(tzinfo=None) if dt.tzinfo is not None else dt


def _day(d: date | datetime) -> date:
    return d.date() if isinstance(d, datetime) else d


def _age_on(birth: date, on: date) -> int:
    """Like ``dates.age_on`` but tolerant of a birth date after ``on`` (bad data must not crash the 工作台)."""
    return on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))


def _sort_key(d: date | datetime) -> datetime:
    return _local(d) if isinstance(d, datetime) else datetime.combine(d, time.max)


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
    "follow_up_months": "回归后回访时间（月）",
    "minor_follow_up_every_months": "未成年人此后回访间隔（月）",
    "follow_up_tolerance_days": "回访允许前后浮动（天）",
    "adult_age": "成年年龄（岁）",
    "adult_stay_days": "成年人一般在站天数（天）",
    "adult_stay_min_age": "在站天数提醒适用年龄（岁）",
    "due_soon_days": "提前提醒天数（天）",
}

# Smallest sensible value of each number (a 0-day decision limit is a typo, a 0-day reminder is not).
_MINIMUM = {"notice_refresh_after_months": 0, "follow_up_tolerance_days": 0, "adult_stay_min_age": 0,
            "due_soon_days": 0}
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
    follow_up_months: tuple[int, ...] = (1, 3, 6, 12)
    minor_follow_up_every_months: int = 6
    follow_up_tolerance_days: int = 15
    adult_age: int = 18
    adult_stay_days: int = 10
    adult_stay_min_age: int = 16  # domain §1 row 9: the ≤10-day stay applies to people aged 16 and over
    due_soon_days: int = 3

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
    hukou_applied_on: date | None = None
    long_term_placement_on: date | None = None  # 滞留 → 照料安置 decided: ends the short-stay warning
    left_on: date | None = None  # left the station, by any route
    returned_on: date | None = None  # returned home / to the community: starts follow-ups
    follow_up_dates: list[date] = field(default_factory=list)
    steps_not_applicable: set[str] = field(default_factory=set)  # step codes, or single rule codes

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

    def explain(self) -> str:
        """One plain Chinese sentence for the 工作台 and the case page."""
        due = format_date(self.due)
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


# --------------------------------------------------------------------------------------------------- engine


def _span(delta: timedelta, round_up: bool) -> tuple[int, str]:
    """A positive time span as whole days, or hours when under a day."""
    if delta >= timedelta(days=1):
        return delta.days, DAYS
    hours = delta / timedelta(hours=1)
    return max(1, math.ceil(hours) if round_up else math.floor(hours)), HOURS


class _Builder:
    """Turns (rule, due, done) into ``Deadline`` objects for one case; holds the shared context."""

    def __init__(self, facts: CaseFacts, now: datetime, calendar: WorkCalendar, rules: DeadlineRules):
        self.facts, self.now, self.calendar, self.rules = facts, _local(now), calendar, rules
        self.today = self.now.date()
        self.items: list[Deadline] = []

    def add(self, step: str, rule: str, requirement: str, due: date | datetime,
            done: date | datetime | None, *, workdays: bool = False, soon_from: date | None = None,
            done_verb: str = "完成") -> None:  # fmt: skip
        f = self.facts
        common = dict(case_id=f.case_id, case_no=f.case_no, step=step, rule=rule, requirement=requirement,
                      done_verb=done_verb)  # fmt: skip
        if isinstance(due, datetime):
            due = _local(due)
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

    def _lateness(self, done: date | datetime, due: date | datetime) -> tuple[int, str]:
        """How late ``done`` is after ``due`` (≤ 0 means on time)."""
        if isinstance(due, datetime) and isinstance(done, datetime):
            done = _local(done)
            return (0, DAYS) if done <= due else _span(done - due, round_up=False)
        return (_day(done) - _day(due)).days, DAYS

    def inform(self, step: str, rule: str, requirement: str, eligible_on: date, done: date | None,
               done_verb: str) -> None:  # fmt: skip
        f = self.facts
        if done is not None:
            status, left = MET, 0
        else:
            left = max(0, (eligible_on - self.today).days)
            soon = self.today >= eligible_on - timedelta(days=self.rules.due_soon_days)
            status = DUE_SOON if soon else PENDING
        self.items.append(Deadline(case_id=f.case_id, case_no=f.case_no, step=step, rule=rule, due=eligible_on,
                                   done_on=done, status=status, requirement=requirement, amount=left,
                                   done_verb=done_verb, informational=True))  # fmt: skip


def compute_deadlines(facts: CaseFacts, now: datetime, calendar: WorkCalendar,
                      rules: DeadlineRules) -> list[Deadline]:  # fmt: skip
    """All deadlines of one case at ``now``, in step order then due order. See the module docstring."""
    if facts.closed:
        return []
    b = _Builder(facts, now, calendar, rules)
    admitted = _local(facts.admitted_at)
    # Tracing and stay rules only matter while the person is in care with an unknown identity.
    searching = not facts.identity_known and facts.left_on is None

    _tracing(b, facts, rules, calendar, admitted, searching)
    _stay(b, facts, rules, admitted)
    _legal_aid(b, facts, rules)
    if facts.school_transfer_started_on is not None:
        n = rules.school_transfer_workdays
        b.add("school", "school.transfer", f"学籍转接应在启动后{n}个工作日内办结",
              calendar.add_workdays(facts.school_transfer_started_on, n), facts.school_transfer_done_on,
              workdays=True, done_verb="办结")
    if facts.hukou_applied_on is not None or searching:
        n = rules.hukou_eligible_months
        b.inform("hukou", "hukou.eligible", f"身份不明在站满{n}个月可申请落户",
                 add_months(admitted.date(), n), facts.hukou_applied_on, "提出申请")
    _follow_ups(b, facts, rules)

    skip = facts.steps_not_applicable
    items = [d for d in b.items if d.step not in skip and d.rule not in skip]
    items.sort(key=lambda d: (STEPS.index(d.step), _sort_key(d.due)))
    return items


def _tracing(b: _Builder, f: CaseFacts, r: DeadlineRules, cal: WorkCalendar, admitted: datetime,
             searching: bool) -> None:  # fmt: skip
    if f.notice_published_at is not None or searching:
        b.add("tracing", "tracing.notice", f"寻亲公告应在入站后{r.notice_hours}小时内发布",
              admitted + timedelta(hours=r.notice_hours), f.notice_published_at, done_verb="发布")
    if not f.dna_not_applicable:
        if f.dna_requested_on is not None or searching:
            n = r.dna_request_workdays
            b.add("tracing", "tracing.dna_request", f"DNA采血申请应在入站后{n}个工作日内提出",
                  cal.add_workdays(admitted.date(), n), f.dna_requested_on, workdays=True, done_verb="提出")
        if f.dna_requested_on is not None and (f.dna_collected_on is not None or searching):
            n = r.dna_collection_months
            b.add("tracing", "tracing.dna_collection", f"DNA采血应在申请后{n}个月内完成",
                  add_months(f.dna_requested_on, n), f.dna_collected_on)
    if searching and f.notice_published_at is not None:
        # A recurring duty: the item is always the next refresh, so it is never "done".
        last = f.notice_last_refreshed_on or _local(f.notice_published_at).date()
        start = add_months(admitted.date(), r.notice_refresh_after_months)
        due = max(start, last + timedelta(days=r.notice_refresh_days))
        after = f"在站满{r.notice_refresh_after_months}个月后，" if r.notice_refresh_after_months else ""
        b.add("tracing", "tracing.notice_refresh", f"{after}寻亲公告应每{r.notice_refresh_days}天更新一次",
              due, None)


def _stay(b: _Builder, f: CaseFacts, r: DeadlineRules, admitted: datetime) -> None:
    """Adults normally stay ≤ N days (domain §1 row 9): a reminder to arrange leaving or long-term care."""
    day = admitted.date()
    if f.birth_date is not None:
        adult = _age_on(f.birth_date, day) >= r.adult_stay_min_age
    else:
        adult = not f.is_minor
    if not adult or f.has_disability:
        return
    ends = [d for d in (f.left_on, f.long_term_placement_on) if d is not None]
    b.add("relief", "relief.adult_stay", f"成年受助人在站一般不超过{r.adult_stay_days}天",
          day + timedelta(days=r.adult_stay_days), min(ends) if ends else None, done_verb="离站或转入安置")


def _legal_aid(b: _Builder, f: CaseFacts, r: DeadlineRules) -> None:
    if f.legal_aid_applied_on is not None:
        b.add("legal_aid", "legal_aid.decision", f"法律援助应在申请后{r.legal_aid_decision_days}天内作出决定",
              f.legal_aid_applied_on + timedelta(days=r.legal_aid_decision_days), f.legal_aid_decided_on,
              done_verb="作出决定")
    if f.legal_aid_decided_on is not None and not f.legal_aid_refused:
        b.add("legal_aid", "legal_aid.lawyer", f"决定给予法律援助后{r.lawyer_assign_days}天内应指派律师",
              f.legal_aid_decided_on + timedelta(days=r.lawyer_assign_days), f.lawyer_assigned_on,
              done_verb="指派")


def follow_up_schedule(f: CaseFacts, r: DeadlineRules, today: date) -> list[tuple[int, date]]:
    """(months after return, nominal visit date): the fixed visits, then every N months while a minor.

    The open-ended part stops at the first visit whose window opens after ``today`` (or at adulthood), so a
    minor with an unknown birth date still gets a finite list.
    """
    if f.returned_on is None:
        return []
    plan = [(m, add_months(f.returned_on, m)) for m in r.follow_up_months]
    m = r.follow_up_months[-1]
    while plan[-1][1] - timedelta(days=r.follow_up_tolerance_days) <= today:
        m += r.minor_follow_up_every_months
        nominal = add_months(f.returned_on, m)
        if not f.is_minor_on(nominal, r.adult_age):
            break
        plan.append((m, nominal))
    return plan


def _follow_ups(b: _Builder, f: CaseFacts, r: DeadlineRules) -> None:
    tol = timedelta(days=r.follow_up_tolerance_days)
    plan = follow_up_schedule(f, r, b.today)
    unused = sorted(set(f.follow_up_dates))
    for i, (months, nominal) in enumerate(plan):
        opens = nominal - tol
        next_opens = plan[i + 1][1] - tol if i + 1 < len(plan) else None
        visit = next((v for v in unused if v >= opens and (next_opens is None or v < next_opens)), None)
        if visit is not None:
            unused.remove(visit)
        window = f"{format_date(nominal)}前后{r.follow_up_tolerance_days}天内" if tol else format_date(nominal)
        b.add("follow_up", f"follow_up.{months}m", f"回归后满{months}个月应回访（{window}）",
              nominal + tol, visit, soon_from=opens, done_verb="回访")


def open_items(list_of_facts: Iterable[CaseFacts], now: datetime, calendar: WorkCalendar,
               rules: DeadlineRules) -> tuple[list[Deadline], list[Deadline]]:  # fmt: skip
    """(overdue, due_soon) across cases for the 工作台, each sorted by due (most urgent first)."""
    overdue: list[Deadline] = []
    soon: list[Deadline] = []
    for facts in list_of_facts:
        for d in compute_deadlines(facts, now, calendar, rules):
            if d.status == OVERDUE:
                overdue.append(d)
            elif d.status == DUE_SOON:
                soon.append(d)

    def key(d: Deadline) -> tuple[datetime, str, str]:
        return _sort_key(d.due), d.case_no, d.rule

    return sorted(overdue, key=key), sorted(soon, key=key)
