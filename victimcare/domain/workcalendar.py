"""Working days under China's public-holiday arrangement.

Several legal time limits count 工作日 (DNA request ≤ 7 working days, 学籍 transfer ≤ 10 working days).
In China a working day is not simply Monday–Friday: the State Council publishes each year which days are
holidays and which weekend days are 调休 make-up working days. That table changes every year and a county
may need to correct it, so it is data (``resources/data/holidays_cn.json``, later a supervisor-edited copy in
the vault), never code. Dates outside the table's years fall back to plain Monday–Friday.

JSON format::

    {"source": "...", "years": {"2025": {"holidays": ["2025-01-01", ...], "workdays": ["2025-01-26", ...]}}}
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from victimcare.core.errors import ValidationError
from victimcare.core.resources import resource_path

FIELD = "holidays"
"""Field code for every calendar validation error (the settings page shows them under the holiday table)."""

DEFAULT_FILE = "holidays_cn.json"

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class WorkCalendar:
    """Knows which days are working days: Mon–Fri, minus holidays, plus 调休 make-up days."""

    def __init__(
        self,
        holidays: Iterable[date] = (),
        extra_workdays: Iterable[date] = (),
        *,
        source: str = "",
        years: Iterable[int] = (),
    ):
        self.holidays: frozenset[date] = frozenset(holidays)
        self.extra_workdays: frozenset[date] = frozenset(extra_workdays)
        self.source = source
        # Years the table claims to cover, so the UI can warn when a deadline falls in a year nobody entered.
        self.years: frozenset[int] = frozenset(years) | {d.year for d in self.holidays | self.extra_workdays}
        clash = sorted(self.holidays & self.extra_workdays)
        if clash:
            raise ValidationError(FIELD, f"{_iso(clash[0])} 不能既是放假日又是调休上班日")

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, WorkCalendar):
            return NotImplemented
        return (self.holidays, self.extra_workdays, self.years) == (other.holidays, other.extra_workdays, other.years)

    def __repr__(self) -> str:
        counts = f"{len(self.holidays)} holidays, {len(self.extra_workdays)} make-up days"
        return f"WorkCalendar({counts}, years={sorted(self.years)})"

    def covers(self, d: date) -> bool:
        """Whether the holiday table has an entry for ``d``'s year (if not, only weekends count)."""
        return d.year in self.years

    def last_day(self) -> date | None:
        """The last day the table holds (31 December of its last year), None for an empty table.

        After it, working days are plain Monday–Friday until someone enters the next year's arrangement,
        which the State Council publishes late in the year before."""
        return date(max(self.years), 12, 31) if self.years else None

    def is_workday(self, d: date) -> bool:
        if d in self.extra_workdays:
            return True
        if d in self.holidays:
            return False
        return d.weekday() < 5

    def add_workdays(self, start: date, n: int) -> date:
        """The n-th working day after ``start`` (``start`` itself is not counted; n=0 returns ``start``).

        That is how "within 7 working days of admission" is read: admission on a Friday gives the 7th working
        day counted from the following Monday.
        """
        if n < 0:
            raise ValueError("n must be >= 0")
        d = start
        while n:
            d += timedelta(days=1)
            if self.is_workday(d):
                n -= 1
        return d

    def workdays_between(self, a: date, b: date) -> int:
        """Working days in (a, b]; negative when b < a. ``workdays_between(d, add_workdays(d, n)) == n``.

        Computed arithmetically plus a pass over the (small) holiday table, so it stays cheap for long spans.
        """
        if b < a:
            return -self.workdays_between(b, a)
        count = _weekdays_after(b) - _weekdays_after(a)
        count -= sum(1 for h in self.holidays if a < h <= b and h.weekday() < 5)
        count += sum(1 for w in self.extra_workdays if a < w <= b and w.weekday() >= 5)
        return count


def _weekdays_after(d: date) -> int:
    """Mon–Fri days from a fixed Monday (0001-01-01) up to and including ``d``."""
    days = d.toordinal()  # ordinal 1 is a Monday
    weeks, rest = divmod(days, 7)
    return weeks * 5 + min(rest, 5)


def _iso(d: date) -> str:
    return d.isoformat()


def _parse_dates(values: Any, year: int, what: str) -> list[date]:
    if not isinstance(values, list):
        raise ValidationError(FIELD, f"{year}年的{what}应是日期列表")
    out = []
    for v in values:
        if not isinstance(v, str) or not _ISO_DATE.match(v):
            raise ValidationError(FIELD, f"{year}年的{what}中有无效日期：{str(v)[:20]}（格式应为 2025-01-01）")
        try:
            d = date.fromisoformat(v)
        except ValueError:
            raise ValidationError(FIELD, f"{year}年的{what}中有不存在的日期：{v}") from None
        if d.year != year:
            raise ValidationError(FIELD, f"日期 {v} 不属于{year}年")
        out.append(d)
    return out


def calendar_from_dict(data: Any) -> WorkCalendar:
    """Build and validate a calendar from the parsed JSON structure (see the module docstring)."""
    if not isinstance(data, dict) or not isinstance(data.get("years"), dict):
        raise ValidationError(FIELD, "节假日表格式不对：缺少“years”")
    source = data.get("source", "")
    if not isinstance(source, str):
        raise ValidationError(FIELD, "节假日表的来源说明应是文字")
    holidays: list[date] = []
    workdays: list[date] = []
    years: list[int] = []
    for key, entry in data["years"].items():
        if not (isinstance(key, str) and key.isdigit() and len(key) == 4):
            raise ValidationError(FIELD, f"年份无效：{str(key)[:10]}")
        year = int(key)
        if not isinstance(entry, dict):
            raise ValidationError(FIELD, f"{year}年的节假日安排格式不对")
        holidays += _parse_dates(entry.get("holidays", []), year, "放假日")
        made_up = _parse_dates(entry.get("workdays", []), year, "调休上班日")
        for d in made_up:
            if d.weekday() < 5:
                raise ValidationError(FIELD, f"调休上班日 {_iso(d)} 不是周六或周日")
        workdays += made_up
        years.append(year)
    return WorkCalendar(holidays, workdays, source=source, years=years)


def calendar_to_dict(calendar: WorkCalendar) -> dict[str, Any]:
    years: dict[str, dict[str, list[str]]] = {}
    for y in sorted(calendar.years):
        years[str(y)] = {
            "holidays": [_iso(d) for d in sorted(calendar.holidays) if d.year == y],
            "workdays": [_iso(d) for d in sorted(calendar.extra_workdays) if d.year == y],
        }
    return {"source": calendar.source, "years": years}


def calendar_to_json(calendar: WorkCalendar) -> str:
    """Serialise for storage in the vault (stable order, so equal tables give equal text)."""
    return json.dumps(calendar_to_dict(calendar), ensure_ascii=False, indent=2)


def calendar_from_json(text: str | bytes) -> WorkCalendar:
    """Parse and validate; any problem raises ``ValidationError(field="holidays")`` with a Chinese message."""
    try:
        data = json.loads(text)
    except (ValueError, UnicodeDecodeError):
        raise ValidationError(FIELD, "节假日表不是有效的 JSON 文本") from None
    return calendar_from_dict(data)


def default_calendar_path() -> Path:
    """The bundled table of official arrangements."""
    return resource_path("data", DEFAULT_FILE)


def load_calendar(path: str | Path | None = None) -> WorkCalendar:
    """Read a holiday table from ``path`` (default: the bundled official table)."""
    p = Path(path) if path is not None else default_calendar_path()
    try:
        raw = p.read_bytes()
    except OSError:
        raise ValidationError(FIELD, "无法读取节假日表文件") from None
    return calendar_from_json(raw)
