"""Station settings the supervisor edits: the holiday table (法定节假日 and 调休 working days)."""

from collections import defaultdict
from datetime import date

from victimcare.casework.settings_store import StationSettings, format_case_no, validate_case_no_pattern
from victimcare.db.connection import transaction
from victimcare.db.owner import on_owner_thread
from victimcare.domain.dates import parse_date
from victimcare.domain.workcalendar import calendar_from_dict, calendar_to_json
from victimcare.core.errors import ValidationError
from victimcare.security.permissions import Op

_FAR_FUTURE = date(2100, 12, 31)


def _dates(text: str, field: str) -> list[date]:
    out = []
    for n, line in enumerate(text.splitlines(), 1):
        line = line.split("#")[0].strip()
        if line:
            try:
                out.append(parse_date(line, field, today=_FAR_FUTURE, min_year=2000))
            except ValidationError as exc:
                raise ValidationError(field, f"第 {n} 行：{exc.message}") from None
    return out


class SettingsService:
    def __init__(self, session):
        self.s = session
        self._owner = session.owner

    @on_owner_thread
    def holidays(self) -> tuple[list[str], list[str], str]:
        """(days off, make-up working days, source note) as ISO dates, oldest first."""
        self.s.require(Op.SETTINGS_EDIT)
        calendar = StationSettings(self.s.conn("core")).calendar()
        return ([d.isoformat() for d in sorted(calendar.holidays)],
                [d.isoformat() for d in sorted(calendar.extra_workdays)], calendar.source)

    @on_owner_thread
    def set_holidays(self, holidays_text: str, workdays_text: str) -> int:
        """Replace the holiday table (one date per line in each box). Returns the number of years covered."""
        self.s.require(Op.SETTINGS_EDIT)
        days_off, workdays = _dates(holidays_text, "holidays"), _dates(workdays_text, "workdays")
        years: dict[str, dict[str, list[str]]] = defaultdict(lambda: {"holidays": [], "workdays": []})
        for d in days_off:
            years[str(d.year)]["holidays"].append(d.isoformat())
        for d in workdays:
            years[str(d.year)]["workdays"].append(d.isoformat())
        calendar = calendar_from_dict({"source": f"由站长维护（{self.s.account}）", "years": dict(years)})
        text = calendar_to_json(calendar)
        for name in ("core", "school"):  # education staff compute school deadlines from their own copy
            conn = self.s.conn(name)
            with transaction(conn):
                StationSettings(conn).put("holidays", text)
        self.s.record("update", object_type="settings", object_id="holidays",
                      record_count=len(days_off) + len(workdays))
        self.s.cases.forget_settings()
        return len(years)

    @on_owner_thread
    def case_no_pattern(self) -> str:
        self.s.require(Op.SETTINGS_EDIT)
        return StationSettings(self.s.conn("core")).case_no_pattern()

    @on_owner_thread
    def set_case_no_pattern(self, pattern: str) -> str:
        """Change how new case numbers look; returns an example. Existing numbers never change."""
        self.s.require(Op.SETTINGS_EDIT)
        pattern = validate_case_no_pattern(pattern.strip())
        conn = self.s.conn("core")
        with transaction(conn):
            StationSettings(conn).put("case_no_pattern", pattern)
        self.s.record("update", object_type="settings", object_id="case_no_pattern")
        return format_case_no(pattern, self.s.vault.keyring.data.get("station_code", "VC"), date.today().year, 1)
