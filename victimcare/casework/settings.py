"""Per-station settings kept in the vault, read through one typed accessor (``StationSettings``),
and the service the supervisor edits them with: the holiday table (法定节假日 and 调休 working days)
the case-number pattern and the form font (bundled, or the official Windows fonts when installed).

The holiday table is kept in the core and the school compartment (education staff compute school
deadlines from their own copy). Stored values never fall back silently: a missing entry means the
shipped default, a damaged one is an error.
"""

import json
import re
from collections import defaultdict
from datetime import date

from victimcare.core.errors import ValidationError, VaultError
from victimcare.db.connection import transaction
from victimcare.domain.dates import parse_date
from victimcare.domain.deadlines import DeadlineRules
from victimcare.domain.workcalendar import (WorkCalendar, calendar_from_dict, calendar_from_json, calendar_to_json,
                                            load_calendar)
from victimcare.forms.fonts import use_official_fonts
from victimcare.security.gate import Service, operation
from victimcare.security.permissions import Op

DEFAULT_CASE_NO_PATTERN = "{station}-{year}-{seq:05d}"
DEFAULT_BACKUP_KEEP = 7  # generations kept in a backup folder
DEFAULT_BACKUP_REMIND_DAYS = 7  # the 工作台 reminds the supervisor when the last backup is older
BACKUP_KEEP_RANGE = (1, 100)
BACKUP_REMIND_RANGE = (1, 365)
FORM_FONTS = ("bundled", "official")  # official = 仿宋/宋体/黑体 from %WINDIR%\Fonts when present
_PLACEHOLDER = re.compile(r"\{(\w+)(?::[^}]*)?\}")
_FAR_FUTURE = date(2100, 12, 31)


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
    """The ``meta`` table of one compartment, typed (owner thread only)."""

    def __init__(self, conn):
        self.conn = conn

    def _get(self, key: str) -> str | None:
        row = self.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def _put(self, key: str, value: str) -> None:
        self.conn.execute("INSERT INTO meta(key, value) VALUES (?, ?) "
                          "ON CONFLICT(key) DO UPDATE SET value = excluded.value", (key, value))

    def case_no_pattern(self) -> str:
        return self._get("case_no_pattern") or DEFAULT_CASE_NO_PATTERN

    def set_case_no_pattern(self, pattern: str) -> None:
        self._put("case_no_pattern", validate_case_no_pattern(pattern))

    def case_seq(self, year: int) -> int:
        """The last case number issued in ``year`` (0 before the first)."""
        stored = self._get(f"case_seq_{year}")
        try:
            return int(stored) if stored is not None else 0
        except ValueError:
            raise VaultError("保险库中的个案编号计数已损坏。请联系站长校验保险库。") from None

    def set_case_seq(self, year: int, seq: int) -> None:
        self._put(f"case_seq_{year}", str(seq))

    def calendar(self) -> WorkCalendar:
        stored = self._get("holidays")
        return calendar_from_json(stored) if stored else load_calendar()

    def set_calendar(self, calendar: WorkCalendar) -> None:
        self._put("holidays", calendar_to_json(calendar))

    def _int(self, key: str, default: int, bounds: tuple[int, int]) -> int:
        stored = self._get(key)
        if stored is None:
            return default
        try:
            value = int(stored)
        except ValueError:
            value = None
        if value is None or not bounds[0] <= value <= bounds[1]:
            raise VaultError("保险库中的备份设置已损坏。请在“设置”中重新保存备份设置。")
        return value

    def backup_keep(self) -> int:
        return self._int("backup_keep", DEFAULT_BACKUP_KEEP, BACKUP_KEEP_RANGE)

    def backup_remind_days(self) -> int:
        return self._int("backup_remind_days", DEFAULT_BACKUP_REMIND_DAYS, BACKUP_REMIND_RANGE)

    def set_backup_policy(self, keep: int, remind_days: int) -> None:
        keep, remind_days = _whole(keep, "backup_keep"), _whole(remind_days, "backup_remind_days")
        if not BACKUP_KEEP_RANGE[0] <= keep <= BACKUP_KEEP_RANGE[1]:
            raise ValidationError("backup_keep", "保留的备份份数须在 1 到 100 之间。")
        if not BACKUP_REMIND_RANGE[0] <= remind_days <= BACKUP_REMIND_RANGE[1]:
            raise ValidationError("backup_remind_days", "提醒备份的天数须在 1 到 365 之间。")
        self._put("backup_keep", str(keep))
        self._put("backup_remind_days", str(remind_days))

    def last_backup_at(self) -> float | None:
        """When the last verified backup was written (seconds since the epoch), None before the first."""
        stored = self._get("last_backup_at")
        if stored is None:
            return None
        try:
            return float(stored)
        except ValueError:
            raise VaultError("保险库中记录的上次备份时间已损坏。请立即做一次备份，记录会随之更新。") from None

    def set_last_backup_at(self, when: float) -> None:
        self._put("last_backup_at", repr(float(when)))

    def form_font(self) -> str:
        stored = self._get("form_font")
        if stored is None:
            return FORM_FONTS[0]
        if stored not in FORM_FONTS:
            raise VaultError("保险库中的表格字体设置已损坏。请在“设置”中重新选择表格字体。")
        return stored

    def set_form_font(self, choice: str) -> None:
        if choice not in FORM_FONTS:
            raise ValidationError("form_font", "表格字体只能选择“内置字体”或“公文字体（仿宋、宋体、黑体）”。")
        self._put("form_font", choice)

    def rules(self) -> DeadlineRules:
        stored = self._get("deadline_rules")
        return DeadlineRules.from_dict(json.loads(stored)) if stored else DeadlineRules()

    def set_rules(self, rules: DeadlineRules) -> None:
        self._put("deadline_rules", json.dumps(rules.to_dict(), ensure_ascii=False))


def apply_form_font(conn) -> bool:
    """Point the form kit at the station's form font (owner thread, before rendering); returns
    whether the official fonts are in use (False when chosen but not installed here)."""
    return use_official_fonts(StationSettings(conn).form_font() == "official")


def _whole(value, field: str) -> int:
    try:
        return int(str(value).strip())
    except ValueError:
        raise ValidationError(field, "请填写一个整数。") from None


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


class SettingsService(Service):
    @operation(Op.SETTINGS_EDIT)
    def holidays(self) -> tuple[list[str], list[str], str]:
        """(days off, make-up working days, source note) as ISO dates, oldest first."""
        calendar = StationSettings(self.session.conn("core")).calendar()
        return ([d.isoformat() for d in sorted(calendar.holidays)],
                [d.isoformat() for d in sorted(calendar.extra_workdays)], calendar.source)

    @operation(Op.SETTINGS_EDIT)
    def set_holidays(self, holidays_text: str, workdays_text: str) -> int:
        """Replace the holiday table (one date per line in each box). Returns the number of years covered.
        Cases' next deadlines are then stale: the caller runs ``deadlines.recompute_due``."""
        days_off, workdays = _dates(holidays_text, "holidays"), _dates(workdays_text, "workdays")
        years: dict[str, dict[str, list[str]]] = defaultdict(lambda: {"holidays": [], "workdays": []})
        for d in days_off:
            years[str(d.year)]["holidays"].append(d.isoformat())
        for d in workdays:
            years[str(d.year)]["workdays"].append(d.isoformat())
        calendar = calendar_from_dict({"source": f"由站长维护（{self.session.account}）", "years": dict(years)})
        for name in ("core", "school"):
            conn = self.session.conn(name)
            with transaction(conn):
                StationSettings(conn).set_calendar(calendar)
        self.session.record("update", object_type="settings", object_id="holidays",
                            record_count=len(days_off) + len(workdays))
        return len(years)

    @operation(Op.SETTINGS_EDIT)
    def case_no_pattern(self) -> str:
        return StationSettings(self.session.conn("core")).case_no_pattern()

    @operation(Op.SETTINGS_EDIT)
    def set_case_no_pattern(self, pattern: str) -> str:
        """Change how new case numbers look; returns an example. Existing numbers never change."""
        pattern = validate_case_no_pattern(pattern.strip())
        conn = self.session.conn("core")
        with transaction(conn):
            StationSettings(conn).set_case_no_pattern(pattern)
        self.session.record("update", object_type="settings", object_id="case_no_pattern")
        return format_case_no(pattern, self.session.vault.keyring.station_code, date.today().year, 1)

    @operation(Op.SETTINGS_EDIT)
    def form_font(self) -> str:
        """"bundled" or "official"."""
        return StationSettings(self.session.conn("core")).form_font()

    @operation(Op.SETTINGS_EDIT)
    def set_form_font(self, choice: str) -> bool:
        """Choose the form font; returns whether the official fonts are in use on this computer
        (they are used only where installed, the bundled ones otherwise)."""
        conn = self.session.conn("core")
        with transaction(conn):
            StationSettings(conn).set_form_font(choice)
        self.session.record("update", object_type="settings", object_id="form_font")
        return apply_form_font(conn)
