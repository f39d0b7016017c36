"""The records a case-work step keeps, described once: each kind of record (a placement, a search notice,
a hospital visit …) is a ``RecordKind`` with its ``Field``\\ s. The description serves four ends: the
service validates what is typed against it (``validate_record``), the store keeps the values it gives,
the case page builds its table and form from it, and the audit log names the fields changed (never
their values). Pure: no Qt, no database.

A field's wording is the official Chinese one (as on the forms) with an English gloss for the English
interface. Values are kept as text (dates as ISO ``YYYY-MM-DD``, date-times as ``YYYY-MM-DDTHH:MM``),
whole numbers as int, flags as bool, choices as their stable code.
"""

import re
import unicodedata
from dataclasses import dataclass, field as dataclass_field
from datetime import date, datetime

from victimcare.core.errors import ValidationError, ValidationErrors
from victimcare.domain.dates import parse_date
from victimcare.domain.names import validate_free_text, validate_person_name

TEXT, NOTE, NAME, DATE, DATETIME, CHOICE, NUMBER, FLAG = (
    "text", "note", "name", "date", "datetime", "choice", "number", "flag")
KINDS = frozenset({TEXT, NOTE, NAME, DATE, DATETIME, CHOICE, NUMBER, FLAG})
_TIME_RE = re.compile(r"(\d{1,2})[:：](\d{2})")


def choice_label(choices: tuple[tuple[str, str, str], ...], code: str, english: bool = False) -> str:
    """The wording of a choice's code (its English gloss on request); the code itself if unknown."""
    for c, zh, en in choices:
        if c == code:
            return en if english else zh
    return code


@dataclass(frozen=True)
class Field:
    name: str                                   # stable code, the key of the stored value
    label: str                                  # official wording
    label_en: str
    kind: str = TEXT
    required: bool = False
    choices: tuple[tuple[str, str, str], ...] = ()  # (code, wording, English) for CHOICE
    max_len: int = 100                          # TEXT / NOTE / NAME
    minimum: int = 0                            # NUMBER
    maximum: int = 100_000
    unit: str = ""                              # NUMBER, shown after the value (小时, 元 …)
    future: bool = False                        # DATE / DATETIME may lie ahead (a planned date)
    listed: bool = True                         # a column of the step tab's table

    def __post_init__(self):
        if self.kind not in KINDS:
            raise ValueError(f"unknown field kind {self.kind!r}")
        if self.kind == CHOICE and not self.choices:
            raise ValueError(f"choice field {self.name} has no choices")

    def choice_label(self, code: str, english: bool = False) -> str:
        return choice_label(self.choices, code, english)

    def shown(self, value, english: bool = False) -> str:
        """The stored value as a screen or a form prints it ('' when empty)."""
        if value in (None, ""):
            return ""
        if self.kind == CHOICE:
            return self.choice_label(str(value), english)
        if self.kind == FLAG:
            return ("Yes" if english else "是") if value else ("No" if english else "否")
        if self.kind == NUMBER:
            return f"{value}{(' ' if english else '') + self.unit if self.unit else ''}"
        if self.kind == DATETIME:
            return str(value).replace("T", " ")
        return str(value)


@dataclass(frozen=True)
class RecordKind:
    """One kind of record a step keeps. ``single``: at most one per case (an assessment, a decision).
    ``categories``: the audit categories of this kind's data where they differ from its step's (a DNA
    sample reference among the family-search records); '' = the step's."""
    code: str
    label: str
    label_en: str
    fields: tuple[Field, ...]
    single: bool = False
    order_by: str = ""                          # the (date) field the table sorts by, newest first
    compartment: str = ""
    categories: str = ""

    def __post_init__(self):
        names = [f.name for f in self.fields]
        if len(names) != len(set(names)):
            raise ValueError(f"record kind {self.code} names a field twice")
        if self.order_by and self.order_by not in names:
            raise ValueError(f"record kind {self.code} sorts by unknown field {self.order_by}")

    def field(self, name: str) -> Field:
        for f in self.fields:
            if f.name == name:
                return f
        raise KeyError(name)

    def labels(self, names) -> list[str]:
        return [self.field(n).label for n in names if any(f.name == n for f in self.fields)]


@dataclass
class Derived:
    """What a step's records say (``rules.derive``): its status, the reason shown with it, and the
    deadline milestones it owns (key → ISO text; '' or absent clears one)."""
    status: str
    reason: str = ""
    milestones: dict[str, str] = dataclass_field(default_factory=dict)


def _date(text: str, f: Field, today: date) -> str:
    return parse_date(text, f.name, today=today, allow_future=f.future).isoformat()


def _datetime(text: str, f: Field, now: datetime) -> str:
    typed = unicodedata.normalize("NFKC", text).strip().replace("T", " ")
    day_part, _, time_part = typed.partition(" ")
    day = parse_date(day_part, f.name, today=now.date(), allow_future=True)
    time_part = time_part.strip()
    if not time_part:
        raise ValidationError(f.name, "请填写时间，例如 2026-03-01 14:30。")
    match = _TIME_RE.fullmatch(time_part)
    if match is None or int(match.group(1)) > 23 or int(match.group(2)) > 59:
        raise ValidationError(f.name, "时间格式不正确，请写成 时:分，例如 14:30。")
    value = datetime(day.year, day.month, day.day, int(match.group(1)), int(match.group(2)))
    if value > now and not f.future:
        raise ValidationError(f.name, "时间不能晚于现在。请核对日期和时间。")
    return value.isoformat(timespec="minutes")


def _number(value, f: Field) -> int:
    text = unicodedata.normalize("NFKC", str(value)).strip()
    if not re.fullmatch(r"\d{1,9}", text):
        raise ValidationError(f.name, f"“{f.label}”请填写整数（{f.minimum}–{f.maximum}）。")
    number = int(text)
    if not f.minimum <= number <= f.maximum:
        raise ValidationError(f.name, f"“{f.label}”应在 {f.minimum} 到 {f.maximum} 之间。")
    return number


def _one(f: Field, value, now: datetime):
    if f.kind == FLAG:
        if value in (None, "", False, 0, "0", "false"):
            return False
        if value in (True, 1, "1", "true"):
            return True
        raise ValidationError(f.name, f"“{f.label}”只能是“是”或“否”。")
    text = "" if value is None else value if isinstance(value, str) else str(value)
    if f.kind != NUMBER and not isinstance(value, (str, type(None))):
        raise ValidationError(f.name, f"“{f.label}”的内容无法识别，请重新填写。")
    if not text.strip():
        if f.required:
            raise ValidationError(f.name, f"请填写“{f.label}”。")
        return ""
    if f.kind == CHOICE:
        if text not in {c for c, _zh, _en in f.choices}:
            raise ValidationError(f.name, f"“{f.label}”请从列表中选择。")
        return text
    if f.kind == DATE:
        return _date(text, f, now.date())
    if f.kind == DATETIME:
        return _datetime(text, f, now)
    if f.kind == NUMBER:
        return _number(text, f)
    if f.kind == NAME:
        return validate_person_name(text, f.name)
    return validate_free_text(text, f.name, max_len=f.max_len, multiline=f.kind == NOTE)


def validate_record(kind: RecordKind, raw: dict, *, now: datetime) -> dict:
    """The cleaned values of every field of ``kind`` (missing ones empty), or ValidationErrors naming
    every field that is wrong. Keys that are not fields of the kind are refused: nothing is stored that
    the description does not name."""
    if not isinstance(raw, dict):
        raise ValidationErrors([ValidationError("", "记录内容无法识别。")])
    names = {f.name for f in kind.fields}
    errors = [ValidationError(k, f"不认识的栏目“{k}”。") for k in raw if k not in names]
    values = {}
    for f in kind.fields:
        try:
            values[f.name] = _one(f, raw.get(f.name), now)
        except ValidationError as exc:
            errors.append(exc)
    if errors:
        raise ValidationErrors(errors)
    return values


def changed_fields(kind: RecordKind, before: dict, after: dict) -> list[str]:
    """The names of the fields whose value differs (for the timeline and the audit: names, not values)."""
    return [f.name for f in kind.fields if before.get(f.name, "") != after.get(f.name, "")]


def later_than(values: dict, earlier: str, later: str, message: str) -> None:
    """A cross-field check steps use: ``later`` (if given) is not before ``earlier`` (if given)."""
    a, b = values.get(earlier), values.get(later)
    if a and b and str(b) < str(a):
        raise ValidationErrors([ValidationError(later, message)])
