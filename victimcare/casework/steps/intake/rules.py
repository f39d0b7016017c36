"""Intake (接收登记) validation: raw form or import values in, a clean record (or every error) out.

The same function serves the GUI form, the importer and the demo-data generator, so every way
into the vault applies the same rules (domain §4). Nothing here touches the database.
"""

import re
from dataclasses import dataclass, field
from datetime import date, datetime, time

from victimcare.domain import codes as regions
from victimcare.domain.dates import parse_date, parse_estimated_age, estimated_birth_date, age_on
from victimcare.domain.vocabulary import (ARRIVAL_MODES, DECISIONS, ID_TYPES, MENTAL_STATES, POLICE_CHECKS, SEXES,
                                     codes)
from victimcare.domain.identity import IdStatus, convert_15_to_18, id_consistency_warnings, validate_resident_id
from victimcare.domain.names import validate_free_text, validate_person_name
from victimcare.core.errors import ValidationError, ValidationErrors

MAX_PHOTO_BYTES = 5 * 1024 * 1024
MAX_LIST_ITEMS = 50
_TIME = re.compile(r"(\d{1,2})[:：](\d{2})")


@dataclass
class IntakeRecord:
    core: dict
    sensitive: dict
    aliases: list[str] = field(default_factory=list)
    relatives: list[dict] = field(default_factory=list)
    belongings: list[dict] = field(default_factory=list)
    handover: dict = field(default_factory=dict)
    photo: tuple[str, bytes] | None = None
    warnings: list[str] = field(default_factory=list)

    @property
    def birth_date(self) -> date | None:
        value = self.core.get("birth_date")
        return date.fromisoformat(value) if value else None


def parse_datetime(text: str, field_name: str, *, now: datetime, required: bool = False) -> str:
    """'2026-03-01 14:30' or '2026年3月1日 14:30' (time optional) → local ISO text, '' when empty."""
    text = (text or "").strip()
    if not text:
        if required:
            raise ValidationError(field_name, "请填写日期和时间，例如 2026-03-01 14:30。")
        return ""
    parts = text.replace("T", " ").split()
    day = parse_date(parts[0], field_name, today=now.date())
    at = time(0, 0)
    if len(parts) > 1:
        m = _TIME.fullmatch(parts[1][:5]) if len(parts) == 2 else None
        if m is None or int(m.group(1)) > 23 or int(m.group(2)) > 59:
            raise ValidationError(field_name, "时间格式不正确，请写成 14:30 这样的 24 小时制。")
        at = time(int(m.group(1)), int(m.group(2)))
    result = datetime.combine(day, at)
    if result > now.replace(tzinfo=None):
        raise ValidationError(field_name, "时间不能晚于现在。请核对。")
    return result.isoformat(timespec="minutes")


def _flag(value) -> int:
    if isinstance(value, str):
        return int(value.strip().lower() in ("1", "true", "yes", "y", "是", "有", "√"))
    return int(bool(value))


class _Collector:
    """Runs field checks, keeping every error so the form can show them all at once."""

    def __init__(self):
        self.errors: list[ValidationError] = []

    def run(self, fn, *args, default=None, **kwargs):
        try:
            return fn(*args, **kwargs)
        except ValidationError as exc:
            self.errors.append(exc)
            return default

    def fail(self, field_name: str, message: str) -> None:
        self.errors.append(ValidationError(field_name, message))


def _choice(c: _Collector, raw: dict, key: str, options, message: str, default: str | None = None) -> str:
    value = str(raw.get(key) or default or "").strip()
    if value not in codes(options):
        label_to_code = {label: code for code, label in options}
        if value in label_to_code:
            return label_to_code[value]
        c.fail(key, message)
    return value


def validate_intake(raw: dict, *, now: datetime, registrar: str) -> IntakeRecord:
    """Check an intake; raise ValidationErrors listing every problem, else return the clean record."""
    c = _Collector()
    today = now.date()
    text = lambda key, n=200, multi=False: c.run(validate_free_text, str(raw.get(key) or ""), key, max_len=n,
                                                 multiline=multi, default="")
    core: dict = {"registrar": registrar}
    core["admitted_at"] = c.run(parse_datetime, str(raw.get("admitted_at") or ""), "admitted_at", now=now,
                                required=True, default="")
    core["arrival_mode"] = _choice(c, raw, "arrival_mode", ARRIVAL_MODES, "请选择来站方式。")
    for key in ("escort_unit", "escort_officers", "police_case_no", "hukou_detail", "residence", "dialect",
                "police_report_unit", "assigned_worker"):
        core[key] = text(key)
    for key in ("appearance", "request", "decision_reason"):
        core[key] = text(key, 2000, True)

    # -- name and aliases --------------------------------------------------------------------------
    core["name_unknown"] = _flag(raw.get("name_unknown"))
    core["name"] = c.run(validate_person_name, str(raw.get("name") or ""), "name",
                         required=not core["name_unknown"], default="")
    aliases = raw.get("aliases") or []
    if isinstance(aliases, str):
        aliases = [a for a in re.split(r"[;；,，、\n]", aliases)]
    clean_aliases = []
    for alias in aliases[:MAX_LIST_ITEMS]:
        value = c.run(validate_person_name, str(alias), "aliases", default="")
        if value and value not in clean_aliases:
            clean_aliases.append(value)

    # -- sex, age, birth date ------------------------------------------------------------------------
    core["sex"] = _choice(c, raw, "sex", SEXES, "请选择性别（不清楚时选“不详”）。")
    birth_text = str(raw.get("birth_date") or "").strip()
    age_text = str(raw.get("estimated_age") if raw.get("estimated_age") is not None else "").strip()
    core["birth_date"], core["birth_estimated"], core["estimated_age"] = None, 0, None
    core["age_basis"] = text("age_basis", 200)
    if birth_text:
        born = c.run(parse_date, birth_text, "birth_date", today=today)
        core["birth_date"] = born.isoformat() if born else None
    elif age_text:
        age = c.run(parse_estimated_age, age_text, "estimated_age")
        if age is not None:
            core["estimated_age"] = age
            core["birth_estimated"] = 1
            # the age was estimated when the person arrived, not today (imports of past intakes)
            on = datetime.fromisoformat(core["admitted_at"]).date() if core["admitted_at"] else today
            core["birth_date"] = estimated_birth_date(age, on).isoformat()
            if not core["age_basis"]:
                c.fail("age_basis", "估计年龄时请写明依据，例如“目测”“骨龄鉴定”“本人自述”。")
    else:
        c.fail("birth_date", "请填写出生日期；不清楚时请填写估计年龄及依据。")

    # -- ethnicity, ID -------------------------------------------------------------------------------
    ethnicity = str(raw.get("ethnicity") or "").strip()
    if ethnicity and regions.ethnicity_name(ethnicity) is None:
        by_name = {name: code for code, name in regions.ethnicities()}
        if ethnicity in by_name:
            ethnicity = by_name[ethnicity]
        else:
            c.fail("ethnicity", "民族不在 GB/T 3304 民族代码表中，请从列表中选择。")
    core["ethnicity"] = ethnicity
    warnings: list[str] = []
    core["id_status"] = _choice(c, raw, "id_status", tuple((s.value, s.label) for s in IdStatus),
                                "请选择身份证件情况。", default=IdStatus.PENDING.value)
    core["id_type"] = ""
    core["id_number"] = ""
    number = str(raw.get("id_number") or "").strip()
    if core["id_status"] == IdStatus.HAS:
        core["id_type"] = _choice(c, raw, "id_type", ID_TYPES, "请选择证件类型。", default="resident_id")
        if not number:
            c.fail("id_number", "已选择“有”证件，请填写证件号码；没有号码时请改选“无”或“待查”。")
        elif core["id_type"] == "resident_id":
            if len(number.replace(" ", "")) == 15:
                converted = c.run(convert_15_to_18, number)
                if converted:
                    warnings.append("已将 15 位旧身份证号码转换为 18 位。")
                    number = converted
            rid = c.run(validate_resident_id, number, today=today)
            if rid is not None:
                core["id_number"] = rid.number
                birth = date.fromisoformat(core["birth_date"]) if core["birth_date"] and not core["birth_estimated"] else None
                warnings += id_consistency_warnings(rid, birth, core["sex"] if core["sex"] in ("M", "F") else None)
        else:
            core["id_number"] = c.run(validate_free_text, number, "id_number", max_len=40, multiline=False, default="")
    elif number:
        c.fail("id_number", "填写了证件号码时，证件情况请选择“有”。")

    hukou = str(raw.get("hukou_code") or "").strip()
    if hukou and not regions.is_known_region(hukou):
        c.fail("hukou_code", "户籍地代码不在行政区划代码表中，请从列表中选择。")
    core["hukou_code"] = hukou

    # -- flags, police report, decision ----------------------------------------------------------------
    for key in ("on_assistance", "fingerprints_taken", "flag_trafficking", "flag_disabled", "flag_foreign",
                "suspected_trafficking"):
        core[key] = _flag(raw.get(key))
    core["police_report_at"] = c.run(parse_datetime, str(raw.get("police_report_at") or ""), "police_report_at",
                                     now=now, default="")
    if core["suspected_trafficking"] and not (core["police_report_at"] and core["police_report_unit"]):
        c.fail("police_report_at", "疑似被拐卖时须立即报警：请填写报警时间和接警单位。")
    core["decision"] = _choice(c, raw, "decision", DECISIONS, "请选择是否予以救助。", default="aid")
    if core["decision"] == "refuse" and not core["decision_reason"]:
        c.fail("decision_reason", "不予救助时须写明理由。")

    # -- lists -----------------------------------------------------------------------------------------
    relatives = []
    for item in (raw.get("relatives") or [])[:MAX_LIST_ITEMS]:
        row = {k: c.run(validate_free_text, str(item.get(k) or ""), "relatives", max_len=100, multiline=False,
                        default="") for k in ("relation", "name", "contact")}
        if any(row.values()):
            relatives.append(row)
    belongings = []
    for item in (raw.get("belongings") or [])[:MAX_LIST_ITEMS]:
        row = {k: c.run(validate_free_text, str(item.get(k) or ""), "belongings", max_len=100, multiline=False,
                        default="") for k in ("item", "quantity", "storage_no")}
        if row["item"]:
            belongings.append(row)
        elif any(row.values()):
            c.fail("belongings", "每件随身物品都要写明名称。")

    handover = {k: text(f"handover_{k}") for k in ("unit", "officers", "found_place")}
    handover["found_at"] = c.run(parse_datetime, str(raw.get("handover_found_at") or ""), "handover_found_at",
                                 now=now, default="")
    handover["handover_at"] = c.run(parse_datetime, str(raw.get("handover_at") or ""), "handover_at", now=now,
                                    default="")
    checks = raw.get("handover_checks") or []
    if isinstance(checks, str):
        checks = [x for x in re.split(r"[;；,，、]", checks) if x.strip()]
    by_label = {label: code for code, label in POLICE_CHECKS}
    clean_checks = []
    for check in checks:
        check = by_label.get(check.strip(), check.strip())
        if check not in codes(POLICE_CHECKS):
            c.fail("handover_checks", "已开展的核查只能从列表中选择。")
        elif check not in clean_checks:
            clean_checks.append(check)
    handover["checks"] = ",".join(clean_checks)

    photo = None
    data = raw.get("photo")
    if data:
        photo = c.run(_check_photo, data)

    sensitive = {key: text(key, 5000, True) for key in ("health_check", "mental_note", "injuries_note",
                                                        "circumstances", "found_circumstances")}
    sensitive["mental_state"] = ""
    if raw.get("mental_state"):
        sensitive["mental_state"] = _choice(c, raw, "mental_state", MENTAL_STATES, "请选择精神/智力状况初检结果。")
    sensitive["injuries"] = _flag(raw.get("injuries"))

    if core["admitted_at"] and core["birth_date"]:
        admitted = datetime.fromisoformat(core["admitted_at"]).date()
        if date.fromisoformat(core["birth_date"]) > admitted:
            c.fail("birth_date", "出生日期不能晚于入站日期。")
    if c.errors:
        raise ValidationErrors(c.errors)
    return IntakeRecord(core=core, sensitive=sensitive, aliases=clean_aliases, relatives=relatives,
                        belongings=belongings, handover=handover, photo=photo, warnings=warnings)


def _check_photo(data: bytes) -> tuple[str, bytes]:
    if not isinstance(data, (bytes, bytearray)) or len(data) > MAX_PHOTO_BYTES:
        raise ValidationError("photo", "照片不能超过 5 MB。请压缩后再选。")
    if data[:8] == b"\x89PNG\r\n\x1a\n":
        return "image/png", bytes(data)
    if data[:3] == b"\xff\xd8\xff":
        return "image/jpeg", bytes(data)
    raise ValidationError("photo", "照片只能是 JPG 或 PNG 格式。")


def age_years(record_birth: str | None, on: date) -> int | None:
    if not record_birth:
        return None
    born = date.fromisoformat(record_birth)
    return age_on(born, on) if born <= on else 0


# -- editing a saved intake ------------------------------------------------------------------------------
# What an edit compares, field by field: key → (the form's label in Chinese, in English, the audit category).
# The timeline names the labels of what changed and the audit log the categories, never a value.
EDIT_FIELDS: dict[str, tuple[str, str, str]] = {
    "admitted_at": ("入站时间", "Admitted at", "identity"),
    "arrival_mode": ("来站方式", "How arrived", "identity"),
    "escort": ("护送单位及人员", "Escort", "identity"),
    "police_case_no": ("公安案件编号", "Police case number", "identity"),
    "name": ("姓名", "Name", "identity"),
    "aliases": ("曾用名/自述名", "Aliases", "identity"),
    "sex": ("性别", "Sex", "identity"),
    "birth_date": ("出生日期/估计年龄", "Date of birth / estimated age", "identity"),
    "ethnicity": ("民族", "Ethnicity", "identity"),
    "id": ("身份证件", "ID document", "identity"),
    "hukou": ("户籍地", "Hukou place", "identity"),
    "residence": ("居住地", "Residence", "identity"),
    "dialect": ("方言/口音", "Dialect / accent", "identity"),
    "appearance": ("体貌特征", "Appearance", "identity"),
    "photo": ("照片", "Photo", "identity"),
    "flags": ("标记", "Flags", "identity"),
    "police_report": ("疑似被拐卖及报警", "Suspected trafficking and police report", "trafficking"),
    "request": ("本人诉求", "What they ask for", "identity"),
    "decision": ("处理决定", "Decision", "identity"),
    "assigned_worker": ("责任社工", "Assigned worker", "identity"),
    "handover": ("公安护送/交接", "Police handover", "trafficking"),
    "belongings": ("随身物品", "Belongings", "identity"),
    "relatives": ("近亲属", "Close relatives", "identity"),
    "health_check": ("身体状况", "Physical state", "medical"),
    "mental": ("精神/智力状况", "Mental / intellectual signs", "medical"),
    "injuries": ("明显外伤", "Visible injuries", "medical"),
    "found_circumstances": ("发现经过", "How they were found", "trafficking"),
    "circumstances": ("起因、时间及经过", "Cause, time and course of events", "trafficking"),
}
SENSITIVE_EDIT_FIELDS = frozenset({"health_check", "mental", "injuries", "found_circumstances", "circumstances"})
_CORE_GROUPS = {
    "escort": ("escort_unit", "escort_officers"), "name": ("name", "name_unknown"),
    "birth_date": ("birth_date", "birth_estimated", "estimated_age", "age_basis"),
    "id": ("id_status", "id_type", "id_number"), "hukou": ("hukou_code", "hukou_detail"),
    "flags": ("on_assistance", "fingerprints_taken", "flag_trafficking", "flag_disabled", "flag_foreign"),
    "police_report": ("suspected_trafficking", "police_report_at", "police_report_unit"),
    "decision": ("decision", "decision_reason"),
}
_SENSITIVE_GROUPS = {"mental": ("mental_state", "mental_note"), "injuries": ("injuries", "injuries_note")}
CATEGORY_ORDER = ("identity", "medical", "trafficking")


def comparable(record: IntakeRecord) -> dict[str, object]:
    """Every EDIT_FIELDS key → a value that is equal for two records exactly when the field is the same."""
    core, sens = record.core, record.sensitive
    out: dict[str, object] = {}
    for key in EDIT_FIELDS:
        if key in _CORE_GROUPS:
            out[key] = tuple(core.get(k) or None for k in _CORE_GROUPS[key])
        elif key in _SENSITIVE_GROUPS:
            out[key] = tuple(sens.get(k) or None for k in _SENSITIVE_GROUPS[key])
        elif key in SENSITIVE_EDIT_FIELDS:
            out[key] = sens.get(key) or ""
        elif key in ("aliases", "relatives", "belongings"):
            rows = getattr(record, key)
            out[key] = tuple(r if isinstance(r, str) else tuple(sorted(r.items())) for r in rows)
        elif key == "handover":
            out[key] = tuple(record.handover.get(k) or "" for k in HANDOVER_KEYS)
        elif key == "photo":
            out[key] = record.photo
        else:
            out[key] = core.get(key) or ""
    return out


HANDOVER_KEYS = ("unit", "officers", "found_at", "found_place", "checks", "handover_at")


def changed_fields(before: IntakeRecord, after: IntakeRecord) -> list[str]:
    """The EDIT_FIELDS keys whose value differs, in the form's order. An empty assigned worker keeps
    the one recorded (a case always has a worker), so it is not a change."""
    old, new = comparable(before), comparable(after)
    return [k for k in EDIT_FIELDS if old[k] != new[k] and not (k == "assigned_worker" and not new[k])]


def edit_summary(keys: list[str]) -> str:
    """The timeline's words for an edit: the labels of what changed, never a value."""
    return "修改接收登记：" + "、".join(EDIT_FIELDS[k][0] for k in keys)


def edit_categories(keys: list[str]) -> str:
    """The audit categories of the changed fields, comma-separated in a fixed order."""
    found = {EDIT_FIELDS[k][2] for k in keys}
    return ",".join(c for c in CATEGORY_ORDER if c in found)


def reevaluated_steps(current: dict[str, str], old_age: int | None, new_age: int | None,
                      steps) -> dict[str, tuple[str, str]]:
    """Steps offered by age (入学安置 6–17, 就业服务 16+, each step's ``initial_status``) whose offer the new
    age changes: step → new (status, reason). Only a step still as its rule left it (``current``: step →
    status) follows; one that records have moved on (in progress, done) keeps its status."""
    changes = {}
    for step in steps:
        before, after = step.initial_status(old_age), step.initial_status(new_age)
        if before != after and current.get(step.code) == before[0] and after[0] != before[0]:
            changes[step.code] = after
    return changes
