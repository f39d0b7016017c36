"""结案 closure: the F16 结案审批表 fields and their checks, and what is still open on a case (pure).

The fields follow domain-forms-and-rules §2 F16: 结案类型, 服务摘要, 未完成事项, 回访计划, 归档日期 and
保管期限 (永久/30年/10年, DA/T 22-2015). 其他 is added to the reference's closure types for what none of
them names; the summary then says what happened. A closure takes effect only when the supervisor approves
it (``victimcare.casework.approvals``); until then the case stays open.
"""

from datetime import date, timedelta

from victimcare.casework.steps import CODES, DONE, IN_PROGRESS, NOT_APPLICABLE, step_label
from victimcare.core.errors import ValidationError, ValidationErrors
from victimcare.domain.dates import parse_date
from victimcare.domain.deadlines import DUE_SOON, OVERDUE, PENDING
from victimcare.domain.names import validate_free_text

CLOSURE_TYPES = (
    ("family", "返回家庭"),
    ("hukou", "落户安置"),
    ("institution", "机构长期照料"),
    ("left", "自行离站"),
    ("referred", "转介"),
    ("death", "死亡"),
    ("other", "其他"),
)
RETENTION = (("permanent", "永久"), ("30y", "30年"), ("10y", "10年"))
ENGLISH = {
    "返回家庭": "Returned to the family", "落户安置": "Settled with household registration",
    "机构长期照料": "Long-term institutional care", "自行离站": "Left the station on their own",
    "转介": "Referred elsewhere", "死亡": "Death", "其他": "Other",
    "永久": "Permanent", "30年": "30 years", "10年": "10 years",
    "结案": "Case closed", "重新开案": "Case reopened",
}
MAX_SUMMARY = 4000
MAX_OPEN_ITEMS = 4000
MAX_PLAN = 200
ARCHIVE_AHEAD_DAYS = 366  # an archive date is planned within a year of the request
FIELDS = ("closure_type", "summary", "open_items", "follow_up_plan", "retention", "archive_on")


def _text(raw: dict, key: str) -> str:
    value = raw.get(key, "")
    if value is None:
        return ""
    if not isinstance(value, str):
        raise ValidationError(key, "这一栏只能填写文字。")
    return value


def validate_closure(raw, *, today: date, admitted: date) -> dict:
    """The closure's fields cleaned for storage, or ``ValidationErrors`` naming every bad field."""
    if not isinstance(raw, dict):
        raise ValidationErrors([ValidationError("closure_type", "结案申请的内容格式不正确。")])
    errors: list[ValidationError] = []
    out: dict[str, str] = {}

    def field(key, check):
        try:
            out[key] = check()
        except ValidationError as exc:
            errors.append(exc)

    def choice(key, options, message):
        value = raw.get(key)
        if value not in dict(options):
            raise ValidationError(key, message)
        return value

    def summary():
        text = validate_free_text(_text(raw, "summary"), "summary", max_len=MAX_SUMMARY)
        if not text:
            raise ValidationError("summary", "请填写服务摘要：为受助人做了哪些工作、结果如何。")
        return text

    def archive_on():
        typed = _text(raw, "archive_on")
        day = parse_date(typed, "archive_on", today=today, allow_future=True)
        if day < admitted:
            raise ValidationError("archive_on", "归档日期不能早于入站日期。请核对日期。")
        if day > today + timedelta(days=ARCHIVE_AHEAD_DAYS):
            raise ValidationError("archive_on", "归档日期最晚在一年之内。请核对年份。")
        return day.isoformat()

    field("closure_type", lambda: choice("closure_type", CLOSURE_TYPES, "请选择结案类型。"))
    field("summary", summary)
    field("open_items", lambda: validate_free_text(_text(raw, "open_items"), "open_items", max_len=MAX_OPEN_ITEMS))
    field("follow_up_plan", lambda: validate_free_text(_text(raw, "follow_up_plan"), "follow_up_plan",
                                                       max_len=MAX_PLAN, multiline=False))
    field("retention", lambda: choice("retention", RETENTION, "请选择保管期限（永久、30年或10年）。"))
    field("archive_on", archive_on)
    if errors:
        raise ValidationErrors(errors)
    return out


def open_items(steps: dict[str, dict], deadlines, english: bool = False) -> list[str]:
    """What is still open on a case, one line each, to pre-fill 未完成事项: the steps in progress, then
    every deadline not yet met (in the engine's order)."""
    lines = []
    for code in CODES:
        if code != "closure" and steps.get(code, {}).get("status") == IN_PROGRESS:
            lines.append(f"{step_label(code, english)}{': in progress' if english else '：进行中'}")
    for d in deadlines:
        if d.done_on is None and d.status in (OVERDUE, DUE_SOON, PENDING) and d.step not in _skip(steps):
            lines.append(f"{step_label(d.step, english)}{': ' if english else '：'}{d.explain(english)}")
    return lines


def _skip(steps: dict[str, dict]) -> set[str]:
    return {code for code, row in steps.items() if row.get("status") in (DONE, NOT_APPLICABLE)}
