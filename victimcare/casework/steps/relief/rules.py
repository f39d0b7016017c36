"""救助安置 relief and placement: its records (placements, the needs assessment, the service log, the
departure; F6) and what they decide, and the rule that adults normally stay ≤ 10 days (domain §1 row 9).

A reminder to arrange leaving or long-term care, for people aged 16 and over at admission (by birth date,
else ``not is_minor``) without a disability; leaving or a long-term placement decision completes it.
"""

from datetime import date, timedelta

from victimcare.core.errors import ValidationError, ValidationErrors
from victimcare.domain.dates import age_on
from victimcare.domain.deadlines import Builder
from victimcare.domain.fields import (CHOICE, DATE, FLAG, NAME, NOTE, NUMBER, Derived, Field, RecordKind, choice_label,
                                      later_than)


def deadlines(b: Builder) -> None:
    f, r = b.facts, b.rules
    day = b.admitted.date()
    if f.is_minor_on(day, r.adult_stay_min_age) or f.has_disability:
        return
    ends = [d for d in (f.left_on, f.long_term_placement_on) if d is not None]
    b.add("relief.adult_stay", f"成年受助人在站一般不超过{r.adult_stay_days}天",
          day + timedelta(days=r.adult_stay_days), min(ends) if ends else None, done_verb="离站或转入安置",
          en=f"Adults normally stay at most {r.adult_stay_days} days")


# -- the records (F6 在站服务及离站登记表) -----------------------------------------------------------------

PLACEMENT_TYPES = (
    ("station", "站内安置", "In the station"),
    ("transit_rehab", "中转康复机构", "Transit and rehabilitation facility"),
    ("foster", "家庭寄养", "Foster family"),
    ("hospital", "医院", "Hospital"),
    ("contracted", "协议托养机构", "Contracted care"),
    ("welfare", "福利机构", "Welfare institution"),
)
LONG_TERM = frozenset({"contracted", "welfare", "foster"})  # 滞留 → 照料安置: ends the short-stay reminder
MINORS_ONLY = frozenset({"foster"})
SERVICE_TYPES = (
    ("daily", "生活照料", "Daily care"), ("medical", "医疗", "Medical"), ("education", "教育", "Education"),
    ("psych", "心理", "Psychological"), ("skills", "技能", "Skills"), ("tracing", "寻亲", "Family tracing"),
)
DEPARTURE_MODES = (  # 离站方式 as the statistics report lists them
    ("placed", "安置", "Placed"), ("ticket", "提供乘车凭证", "Travel ticket provided"),
    ("self_return", "自行返乡", "Went home alone"), ("terminated", "终止救助", "Aid ended"),
    ("absconded", "擅自离站", "Left without notice"), ("escorted", "护送返乡（跨省）", "Escorted home (other province)"),
    ("collected", "接领返乡（跨省）", "Collected by relatives (other province)"), ("died", "死亡", "Died"),
    ("other", "其他", "Other"),
)
CARE_LEVELS = (("normal", "一般", "Normal"), ("close", "重点关注", "Close attention"))

KINDS = (
    RecordKind("placement", "安置记录", "Placement", (
        Field("start_on", "安置日期", "From", DATE, required=True),
        Field("type", "安置类型", "Type", CHOICE, required=True, choices=PLACEMENT_TYPES),
        Field("place", "安置场所", "Place", required=True, max_len=60),
        Field("room", "住宿区/房间", "Room", max_len=20),
        Field("end_on", "结束日期", "Until", DATE),
        Field("note", "备注", "Note", NOTE, max_len=500, listed=False),
    ), order_by="start_on"),
    RecordKind("assessment", "需求评估", "Needs assessment", (
        Field("assessed_on", "评估日期", "Date", DATE, required=True),
        Field("assessor", "评估人", "Assessed by", NAME, required=True),
        Field("care_level", "照料等级", "Care level", CHOICE, required=True, choices=CARE_LEVELS),
        Field("needs", "需求（按年龄、性别、健康）", "Needs (by age, sex, health)", NOTE, required=True, max_len=1000),
    ), single=True),
    RecordKind("service", "服务记录", "Service log", (
        Field("on", "日期", "Date", DATE, required=True),
        Field("type", "服务类型", "Type", CHOICE, required=True, choices=SERVICE_TYPES),
        Field("content", "服务内容", "What was done", NOTE, required=True, max_len=500),
    ), order_by="on"),
    RecordKind("departure", "离站登记", "Departure", (
        Field("left_on", "离站日期", "Left on", DATE, required=True),
        Field("mode", "离站方式", "How", CHOICE, required=True, choices=DEPARTURE_MODES),
        Field("destination", "去向/接收单位", "Destination or receiving unit", max_len=60),
        Field("fare", "短途交通费", "Short-trip fare", NUMBER, maximum=20, unit="元"),
        Field("belongings_returned", "寄存物品已清点返还", "Belongings returned", FLAG),
        Field("note", "备注", "Note", NOTE, max_len=500, listed=False),
    ), single=True),
)
MILESTONES = ("left_on", "long_term_placement_on")


def _age_on(case: dict, day: str) -> int | None:
    if not case.get("birth_date"):
        return None
    return age_on(date.fromisoformat(case["birth_date"]), date.fromisoformat(day))


def check(kind: str, values: dict, records: dict, case: dict) -> None:
    """Placements match age and dates; a departure ends the stay, not before admission."""
    admitted = case["admitted_at"][:10]
    if kind == "placement":
        later_than(values, "start_on", "end_on", "结束日期不能早于安置日期。")
        if values["start_on"] < admitted:
            raise ValidationErrors([ValidationError("start_on", "安置日期不能早于入站日期。")])
        age = _age_on(case, values["start_on"])
        if values["type"] in MINORS_ONLY and (age is None or age >= 18):
            raise ValidationErrors([ValidationError("type", "家庭寄养只适用于未成年人。请选择其他安置类型。")])
    if kind == "departure" and values["left_on"] < admitted:
        raise ValidationErrors([ValidationError("left_on", "离站日期不能早于入站日期。")])
    if kind == "service" and values["on"] < admitted:
        raise ValidationErrors([ValidationError("on", "服务日期不能早于入站日期。")])


def derive(records: dict, case: dict) -> Derived:
    """Done once the departure is recorded; in progress with any placement, assessment or service."""
    departure = records.get("departure") or []
    long_term = sorted(p["start_on"] for p in records.get("placement", []) if p["type"] in LONG_TERM)
    milestones = {"left_on": departure[0]["left_on"] if departure else "",
                  "long_term_placement_on": long_term[0] if long_term else ""}
    if departure:
        return Derived("done", "", milestones)
    if any(records.get(k) for k in ("placement", "assessment", "service")):
        return Derived("in_progress", "", milestones)
    return Derived("not_started", "", milestones)


def summary(kind: str, values: dict) -> str:
    if kind == "placement":
        return f"安置：{choice_label(PLACEMENT_TYPES, values['type'])}（{values['start_on']} 起）"
    if kind == "departure":
        return f"离站：{choice_label(DEPARTURE_MODES, values['mode'])}（{values['left_on']}）"
    return ""
