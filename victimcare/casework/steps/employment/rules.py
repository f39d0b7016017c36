"""就业服务 employment (F12 就业服务登记表; domain §1 row 8): offered from 16 to people with work capacity
(国办发〔2011〕39号 provincial rules: career guidance, free job referral, priority for public-welfare
posts; 就业服务与就业管理规定: 失业登记 and the 《就业创业证》).

Whether the step applies is one function, ``applies(birth_date, capacity, today)``: under 16 (or an
unknown age) or assessed as unable to work → 不适用 with the reason. ``initial_status`` gives the
same answer from the age alone when a case is opened or its birth date changes; ``derive`` applies it
again to the records every time an employment record is saved.
"""

import re
from datetime import date

from victimcare.core.errors import UserError, ValidationError, ValidationErrors
from victimcare.domain.dates import age_on
from victimcare.domain.fields import CHOICE, DATE, FLAG, NAME, NOTE, Derived, Field, RecordKind, later_than

WORK_AGE = 16
UNDER_AGE, AGE_UNKNOWN, NO_CAPACITY = f"未满{WORK_AGE}周岁", "年龄不详", "无劳动能力"
NO_WISH, EMPLOYED = "暂无就业意愿", "已就业"


def initial_status(age: int | None) -> tuple[str, str]:
    """(status, reason) from the age in whole years alone (no records yet)."""
    if age is None:
        return "not_applicable", AGE_UNKNOWN
    return ("not_started", "") if age >= WORK_AGE else ("not_applicable", UNDER_AGE)


def _age(birth_date: str | date | None, on: str | date) -> int | None:
    if not birth_date:
        return None
    born = birth_date if isinstance(birth_date, date) else date.fromisoformat(birth_date)
    day = on if isinstance(on, date) else date.fromisoformat(on)
    return age_on(born, day) if born <= day else 0


def applies(birth_date: str | date | None, capacity: dict | None, today: str | date) -> tuple[bool, str]:
    """Whether the step is offered: 16 or older on ``today`` and, once assessed, able to work (fully or
    partly). (False, reason) otherwise; ``capacity`` is the work-capacity record or None."""
    age = _age(birth_date, today)
    if age is None:
        return False, AGE_UNKNOWN
    if age < WORK_AGE:
        return False, UNDER_AGE
    if capacity is not None and capacity.get("capacity") == "none":
        return False, NO_CAPACITY
    return True, ""


def applies_anyway(case: dict) -> bool:
    """A step marked 不适用 still takes records from someone 16 or older today: they were under 16 when
    the case was opened, or were assessed as unable to work (the assessment may be corrected)."""
    age = _age(case.get("birth_date"), case["today"])
    return age is not None and age >= WORK_AGE


# -- the records (F12) ---------------------------------------------------------------------------------------

CAPACITY = (
    ("full", "有劳动能力", "Able to work"),
    ("partial", "部分丧失劳动能力", "Partly able to work"),
    ("none", "无劳动能力", "Unable to work"),
)
RESULTS = (
    ("pending", "待反馈", "Waiting for an answer"),
    ("hired", "录用", "Hired"),
    ("not_hired", "未录用", "Not hired"),
    ("declined", "本人放弃", "Declined by the person"),
)
JOB_TYPES = (  # 就业类型 as the employment register lists them
    ("unit", "单位就业", "Employed by a unit"),
    ("self_employed", "个体经营", "Self-employed"),
    ("flexible", "灵活就业", "Flexible employment"),
    ("public_welfare", "公益性岗位", "Public-welfare post"),
)
NEEDS_EMPLOYER = frozenset({"unit", "public_welfare"})

KINDS = (
    RecordKind("capacity", "劳动能力与就业意愿", "Work capacity and wish to work", (
        Field("assessed_on", "评估日期", "Assessed on", DATE, required=True),
        Field("capacity", "劳动能力", "Work capacity", CHOICE, required=True, choices=CAPACITY),
        Field("wants_work", "有就业意愿", "Wants to work", FLAG),
        Field("job_wish", "求职意向", "Work wanted", max_len=60),
        Field("training_needs", "技能与培训需求", "Skills and training needs", NOTE, max_len=300, listed=False),
        Field("assessor", "评估人", "Assessed by", NAME),
    ), single=True),
    RecordKind("training", "参加培训", "Training", (
        Field("start_on", "开始日期", "From", DATE, required=True),
        Field("end_on", "结束日期", "Until", DATE, future=True),
        Field("program", "培训项目", "Course", required=True, max_len=60),
        Field("provider", "培训机构", "Provider", max_len=60),
        Field("completed", "已结业", "Completed", FLAG),
        Field("certificate", "取得证书", "Certificate obtained", max_len=60),
    ), order_by="start_on"),
    RecordKind("guidance", "职业指导", "Career guidance", (
        Field("on", "日期", "Date", DATE, required=True),
        Field("adviser", "指导人或机构", "Adviser or office", max_len=60),
        Field("content", "指导内容", "What was discussed", NOTE, required=True, max_len=500),
    ), order_by="on"),
    RecordKind("referral", "推荐岗位", "Job referral", (
        Field("on", "推荐日期", "Referred on", DATE, required=True),
        Field("employer", "用人单位", "Employer", required=True, max_len=60),
        Field("post", "岗位", "Post", required=True, max_len=40),
        Field("public_welfare", "公益性岗位", "Public-welfare post", FLAG),
        Field("result", "推荐结果", "Result", CHOICE, required=True, choices=RESULTS),
        Field("result_on", "结果日期", "Result on", DATE),
    ), order_by="on"),
    RecordKind("job", "就业登记", "Employment", (
        Field("start_on", "就业日期", "Employed from", DATE, required=True),
        Field("type", "就业类型", "Type", CHOICE, required=True, choices=JOB_TYPES),
        Field("employer", "就业单位", "Employer", max_len=60),
        Field("post", "岗位", "Post", max_len=40),
        Field("contract", "已订立劳动合同", "Labour contract signed", FLAG),
        Field("contract_on", "合同订立日期", "Contract signed on", DATE, listed=False),
        Field("end_on", "离职日期", "Left on", DATE),
    ), order_by="start_on"),
    RecordKind("certificate", "就业创业证", "Employment and entrepreneurship certificate", (
        Field("number", "就业创业证号", "Certificate number", required=True, max_len=30),
        Field("issued_on", "发证日期", "Issued on", DATE, required=True),
        Field("issuer", "发证机构", "Issued by", max_len=60),
        Field("unemployment_registered", "已办理失业登记", "Registered as unemployed", FLAG),
        Field("hard_to_employ", "认定为就业困难人员", "Recognised as hard to employ", FLAG),
    ), single=True),
)
MILESTONES: tuple[str, ...] = ()

DATE_OF = {"capacity": "assessed_on", "training": "start_on", "guidance": "on", "referral": "on",
           "job": "start_on", "certificate": "issued_on"}
SERVICES_IN_CARE = frozenset({"capacity", "training", "guidance", "referral"})  # given from admission on
_CERTIFICATE_NO = re.compile(r"[0-9A-Za-z-]{4,30}")


def _capacity(records: dict) -> dict | None:
    found = records.get("capacity") or []
    return found[0] if found else None


def check(kind: str, values: dict, records: dict, case: dict) -> None:
    """Nobody under 16 on the record's date; the services given in care not before admission; the
    capacity assessment first, and nothing more for someone assessed as unable to work."""
    day_field = DATE_OF[kind]
    day = values[day_field]
    if not case.get("birth_date"):
        raise UserError(f"出生日期不详，无法确认已满{WORK_AGE}周岁，不能记录就业服务。请先核对出生日期或估计年龄。")
    age = _age(case["birth_date"], day)
    if age < WORK_AGE:
        raise ValidationErrors([ValidationError(
            day_field, f"就业服务只面向年满{WORK_AGE}周岁的人员：{day}时未满{WORK_AGE}周岁。请核对日期或出生日期。")])
    if kind in SERVICES_IN_CARE and day < case["admitted_at"][:10]:
        raise ValidationErrors([ValidationError(day_field, "日期不能早于入站日期。")])
    if kind != "capacity":
        capacity = _capacity(records)
        if capacity is None:
            raise UserError("请先记录“劳动能力与就业意愿”评估。")
        if capacity["capacity"] == "none":
            raise UserError("劳动能力评估为“无劳动能力”，就业服务不适用。如情况有变化，请先修改劳动能力评估。")
    {"training": _check_training, "referral": _check_referral, "job": _check_job,
     "certificate": _check_certificate}.get(kind, lambda _v: None)(values)


def _check_training(v: dict) -> None:
    later_than(v, "start_on", "end_on", "结束日期不能早于开始日期。")
    if v["completed"] and not v["end_on"]:
        raise ValidationErrors([ValidationError("end_on", "已结业时请填写结束日期。")])


def _check_referral(v: dict) -> None:
    later_than(v, "on", "result_on", "结果日期不能早于推荐日期。")


def _check_job(v: dict) -> None:
    errors = []
    if v["type"] in NEEDS_EMPLOYER and not v["employer"]:
        errors.append(ValidationError("employer", "单位就业或公益性岗位请填写就业单位。"))
    if v["contract_on"] and not v["contract"]:
        errors.append(ValidationError("contract", "填写了合同订立日期：请勾选“已订立劳动合同”。"))
    if v["end_on"] and v["end_on"] < v["start_on"]:
        errors.append(ValidationError("end_on", "离职日期不能早于就业日期。"))
    if errors:
        raise ValidationErrors(errors)


def _check_certificate(v: dict) -> None:
    if not _CERTIFICATE_NO.fullmatch(v["number"]):
        raise ValidationErrors([ValidationError(
            "number", "就业创业证号只能由半角数字、字母和连字符组成（4–30 位）。请核对证号。")])


def derive(records: dict, case: dict) -> Derived:
    """The step's status from ``applies`` and the records (``case["today"]``: the day of the save):

    - under 16 today, the age unknown, or assessed as unable to work: 不适用 with that reason;
    - an employment not ended (no 离职日期): 已完成, “已就业”;
    - any other record: 进行中 (reason “暂无就业意愿” while the assessment says so);
    - no records: 未开始."""
    capacity = _capacity(records)
    ok, reason = applies(case.get("birth_date"), capacity, case["today"])
    if not ok:
        return Derived("not_applicable", reason)
    if any(not j["end_on"] for j in records.get("job", [])):
        return Derived("done", EMPLOYED)
    if any(records.get(k.code) for k in KINDS):
        return Derived("in_progress", NO_WISH if capacity is not None and not capacity["wants_work"] else "")
    return Derived("not_started", "")


def summary(kind: str, values: dict) -> str:
    """The timeline text of a new record: what and when (no employer, no certificate number)."""
    label = {"capacity": CAPACITY, "job": JOB_TYPES, "referral": RESULTS}
    if kind == "capacity":
        return f"劳动能力评估：{_choice(label[kind], values['capacity'])}（{values['assessed_on']}）"
    if kind == "job":
        return f"就业：{_choice(label[kind], values['type'])}（{values['start_on']} 起）"
    if kind == "referral":
        return f"推荐岗位（{values['on']}）：{_choice(label[kind], values['result'])}"
    if kind == "certificate":
        return f"取得就业创业证（{values['issued_on']}）"
    return ""


def _choice(choices, code: str) -> str:
    return next((zh for c, zh, _en in choices if c == code), code)
