"""Build the deadline engine's CaseFacts from stored rows, and keep cases.next_due current."""

from dataclasses import fields
from datetime import date, datetime

from victimcare.domain.dates import age_on
from victimcare.domain.deadlines import DUE_SOON, OVERDUE, PENDING, CaseFacts
from victimcare.domain.identity import IdStatus

# milestone keys are CaseFacts fields holding a date or datetime
_DATETIME_FACTS = {"notice_published_at"}
_DATE_FACTS = {f.name for f in fields(CaseFacts)
               if f.name.endswith("_on") and f.name != "follow_up_dates"}
MILESTONE_KEYS = frozenset(_DATE_FACTS | _DATETIME_FACTS | {"follow_up_dates", "identity_known",
                                                            "dna_not_applicable", "legal_aid_refused",
                                                            "steps_not_applicable"})


def parse_milestone(key: str, value: str):
    if key in _DATETIME_FACTS:
        return datetime.fromisoformat(value)
    if key in _DATE_FACTS:
        return date.fromisoformat(value)
    if key == "follow_up_dates":
        return [date.fromisoformat(v) for v in value.split(",") if v]
    if key == "steps_not_applicable":
        return {v for v in value.split(",") if v}
    return value == "1"


def facts_from_rows(case: dict, milestones: dict[str, str], school: dict | None, not_applicable: set[str],
                    today: date) -> CaseFacts:
    birth = date.fromisoformat(case["birth_date"]) if case.get("birth_date") else None
    values = {k: parse_milestone(k, v) for k, v in milestones.items() if k in MILESTONE_KEYS}
    values.setdefault("identity_known", case.get("id_status") == IdStatus.HAS and not case.get("name_unknown"))
    values["steps_not_applicable"] = set(values.get("steps_not_applicable", set())) | not_applicable
    if school:
        for key in ("transfer_started_on", "transfer_done_on"):
            if school.get(key):
                values[f"school_{key}"] = date.fromisoformat(school[key])
    facts = CaseFacts(case_id=case["id"], case_no=case["case_no"],
                      admitted_at=datetime.fromisoformat(case["admitted_at"]),
                      birth_date=birth, birth_date_estimated=bool(case.get("birth_estimated")),
                      is_minor=birth is not None and birth <= today and age_on(birth, today) < 18,
                      has_disability=bool(case.get("flag_disabled")), closed=case.get("status") == "closed",
                      **values)
    return facts


def next_due(deadlines) -> str:
    """The earliest due moment among unmet, non-informational deadlines, as sortable ISO text."""
    open_ = [d for d in deadlines if d.status in (OVERDUE, DUE_SOON, PENDING) and not d.informational]
    if not open_:
        return ""
    due = min(_as_datetime(d.due) for d in open_)
    return due.isoformat(timespec="minutes")


def _as_datetime(d) -> datetime:
    if isinstance(d, datetime):
        return d.replace(tzinfo=None)
    return datetime.combine(d, datetime.max.time()).replace(second=0, microsecond=0)
