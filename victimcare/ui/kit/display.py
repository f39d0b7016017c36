"""Formatting of stored values for screens: dates, ages, sexes, days in care."""

from datetime import date, datetime

from victimcare.casework.approvals.rules import EVENTS_ENGLISH as APPROVAL_EVENTS
from victimcare.casework.steps import STEP_STATUSES, STEPS, status_label, step_label
from victimcare.casework.steps.intake.rules import EDIT_FIELDS
from victimcare.casework.steps.closure.rules import ENGLISH as CLOSURE_WORDS
from victimcare.domain.dates import age_on, format_date_zh
from victimcare.domain.vocabulary import ARRIVAL_MODES, ENGLISH, SEXES, label
from victimcare.security.permissions import ROLE_LABELS, ROLE_LABELS_EN, Role
from victimcare.ui.i18n import english


def shown(wording: str) -> str:
    """A fixed Chinese wording of the domain (a vocabulary label, a step reason) in the interface language."""
    return ENGLISH.get(wording, wording) if english() else wording


def option_text(options, code: str) -> str:
    """The label of a vocabulary code (``SEXES``, ``ARRIVAL_MODES`` …) in the interface language."""
    return shown(label(options, code)) if code else ""


def option_choices(options) -> list[tuple[str, str]]:
    return [(code, shown(text)) for code, text in options]


def event_text(event: dict, case: dict) -> str:
    """A timeline entry's summary: as recorded, or in English rebuilt from what it records."""
    if not english():
        return event["summary"]
    kind = (event["step"], event["kind"])
    if kind == ("intake", "created"):
        return f"Intake ({option_text(ARRIVAL_MODES, case['arrival_mode'])})"
    if kind == ("intake", "police_report"):
        return f"Suspected trafficking, reported to the police ({case['police_report_unit']})"
    if kind == ("return", "follow_up"):
        return "Follow-up visits"
    if kind == ("intake", "edited"):  # "修改接收登记：<labels>" — the labels of EDIT_FIELDS
        labels = event["summary"].partition("：")[2].split("、")
        return "Intake edited: " + ", ".join(_EDIT_LABELS_EN.get(x, x) for x in labels if x)
    if event["kind"] == "reevaluated":
        status = "not_applicable" if "不适用" in event["summary"] else "not_started"
        return f"Re-assessed by the changed age: {status_label(status, True).lower()}"
    summary = event["summary"]
    return APPROVAL_EVENTS.get(summary) or CLOSURE_WORDS.get(summary) or shown(summary)


_EDIT_LABELS_EN = {zh: en for zh, en, _category in EDIT_FIELDS.values()}


def joined(items) -> str:
    """A list of short items, separated as the interface language writes them."""
    return (", " if english() else "、").join(items)


def deadline_text(d, with_case: bool = False) -> str:
    """A deadline as one line: its step and the plain-words explanation."""
    line = f"{step_text(d.step)}{': ' if english() else '：'}{d.explain(english())}"
    return f"{d.case_no}{'  ' if english() else '　'}{line}" if with_case else line


def role_text(role) -> str:
    return (ROLE_LABELS_EN if english() else ROLE_LABELS)[Role(role)]


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
    return option_text(SEXES, code)


def _day(d: date) -> str:
    return d.isoformat() if english() else format_date_zh(d)


def date_label(iso: str | None) -> str:
    if not iso:
        return ""
    try:
        return _day(date.fromisoformat(iso[:10]))
    except ValueError:
        return iso


def datetime_label(iso: str | None) -> str:
    if not iso:
        return ""
    try:
        dt = datetime.fromisoformat(iso)
    except ValueError:
        return iso
    return f"{_day(dt.date())} {dt:%H:%M}"


def age_label(birth_iso: str | None, estimated: int | bool, today: date | None = None) -> str:
    """'9岁', or '约9岁' when the birth date was estimated."""
    if not birth_iso:
        return ""
    today = today or date.today()
    born = date.fromisoformat(birth_iso)
    years = age_on(born, today) if born <= today else 0
    if english():
        return f"about {years}" if estimated else str(years)
    return f"约{years}岁" if estimated else f"{years}岁"


def days_in_care(admitted_iso: str, today: date | None = None, left_iso: str = "") -> int:
    """Days from admission until the person left the station (``left_iso``), or until today."""
    until = date.fromisoformat(left_iso[:10]) if left_iso else today or date.today()
    return max((until - datetime.fromisoformat(admitted_iso).date()).days, 0)


def due_label(iso: str | None) -> str:
    """A deadline: date only for whole-day deadlines (stored as 23:59), date and time otherwise."""
    if iso and iso.endswith("T23:59"):
        return date_label(iso)
    return datetime_label(iso)
