"""Per-station settings kept in the core compartment: case-number pattern, holidays, deadline rules."""

import json
import re

from victimcare.domain.deadlines import DeadlineRules
from victimcare.domain.workcalendar import WorkCalendar, calendar_from_json, calendar_to_json, load_calendar
from victimcare.core.errors import ValidationError

DEFAULT_CASE_NO_PATTERN = "{station}-{year}-{seq:05d}"
_PLACEHOLDER = re.compile(r"\{(\w+)(?::[^}]*)?\}")


def validate_case_no_pattern(pattern: str) -> str:
    names = _PLACEHOLDER.findall(pattern)
    if "seq" not in names or set(names) - {"station", "year", "seq"} or len(pattern) > 40:
        raise ValidationError("case_no_pattern", "个案编号格式须包含 {seq}，只能使用 {station}、{year}、{seq}，"
                                                 "例如 {station}-{year}-{seq:05d}。")
    try:
        format_case_no(pattern, "YX", 2026, 1)
    except (ValueError, KeyError, IndexError):
        raise ValidationError("case_no_pattern", "个案编号格式无法使用，请参照 {station}-{year}-{seq:05d} 修改。") from None
    return pattern


def format_case_no(pattern: str, station: str, year: int, seq: int) -> str:
    return pattern.format(station=station, year=year, seq=seq)


class StationSettings:
    """Reads and writes the ``meta`` table of the core compartment (owner thread only)."""

    def __init__(self, conn):
        self.conn = conn

    def get(self, key: str, default: str | None = None) -> str | None:
        row = self.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else default

    def put(self, key: str, value: str) -> None:
        self.conn.execute("INSERT INTO meta(key, value) VALUES (?, ?) "
                          "ON CONFLICT(key) DO UPDATE SET value = excluded.value", (key, value))

    def case_no_pattern(self) -> str:
        return self.get("case_no_pattern", DEFAULT_CASE_NO_PATTERN)

    def next_case_no(self, station_code: str, year: int) -> str:
        """Issue the next number of the year (call inside the intake transaction)."""
        key = f"case_seq_{year}"
        seq = int(self.get(key, "0")) + 1
        self.put(key, str(seq))
        return format_case_no(self.case_no_pattern(), station_code, year, seq)

    def calendar(self) -> WorkCalendar:
        stored = self.get("holidays")
        return calendar_from_json(stored) if stored else load_calendar()

    def set_calendar(self, text: str) -> WorkCalendar:
        calendar = calendar_from_json(text)
        self.put("holidays", calendar_to_json(calendar))
        return calendar

    def rules(self) -> DeadlineRules:
        stored = self.get("deadline_rules")
        return DeadlineRules.from_dict(json.loads(stored)) if stored else DeadlineRules()

    def set_rules(self, data: dict) -> DeadlineRules:
        rules = DeadlineRules.from_dict(data)
        self.put("deadline_rules", json.dumps(rules.to_dict(), ensure_ascii=False))
        return rules
