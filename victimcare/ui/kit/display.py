"""Formatting of stored values for screens: dates, ages, sexes, days in care."""

from datetime import date, datetime

from victimcare.casework.steps import STEP_STATUSES, STEPS, status_label, step_label
from victimcare.domain.dates import age_on, format_date_zh
from victimcare.domain.vocabulary import SEXES, label
from victimcare.ui.i18n import english


def step_text(code: str) -> str:
    """A step (or the follow-up deadlines) in the interface language."""
    return step_label(code, english())


def status_text(code: str) -> str:
    return status_label(code, english())


def vocab_text(table: dict[str, tuple[str, str]], code: str) -> str:
    """A code of a bilingual vocabulary table (code → (Chinese, English)) in the interface language."""
    entry = table.get(code)
    return entry[1 if english() else 0] if entry else code


def step_choices() -> list[tuple[str, str]]:
    return [(s.code, step_text(s.code)) for s in STEPS]


def status_choices() -> list[tuple[str, str]]:
    return [(code, status_text(code)) for code, _zh, _en in STEP_STATUSES]


def sex_label(code: str) -> str:
    return label(SEXES, code) if code else ""


def date_label(iso: str | None) -> str:
    if not iso:
        return ""
    try:
        return format_date_zh(date.fromisoformat(iso[:10]))
    except ValueError:
        return iso


def datetime_label(iso: str | None) -> str:
    if not iso:
        return ""
    try:
        dt = datetime.fromisoformat(iso)
    except ValueError:
        return iso
    return f"{format_date_zh(dt.date())} {dt:%H:%M}"


def age_label(birth_iso: str | None, estimated: int | bool, today: date | None = None) -> str:
    """'9岁', or '约9岁' when the birth date was estimated."""
    if not birth_iso:
        return ""
    today = today or date.today()
    born = date.fromisoformat(birth_iso)
    years = age_on(born, today) if born <= today else 0
    return f"约{years}岁" if estimated else f"{years}岁"


def days_in_care(admitted_iso: str, today: date | None = None) -> int:
    today = today or date.today()
    return max((today - datetime.fromisoformat(admitted_iso).date()).days, 0)


def due_label(iso: str | None) -> str:
    """A deadline: date only for whole-day deadlines (stored as 23:59), date and time otherwise."""
    if iso and iso.endswith("T23:59"):
        return date_label(iso)
    return datetime_label(iso)
