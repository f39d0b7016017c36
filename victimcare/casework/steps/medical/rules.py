"""医疗康复 medical, psychological and disability care (F5, F7): records kept in the sensitive
compartment, every view audited (``service``). No deadlines of its own.

The step is in progress while a hospital stay has no discharge date or the latest psychological
assessment puts the risk at 中 or 高; it is done once there are records and neither holds.
"""

from datetime import date

from victimcare.core.errors import ValidationError, ValidationErrors
from victimcare.domain.fields import (CHOICE, DATE, FLAG, NAME, NOTE, NUMBER, Derived, Field, RecordKind,
                                      later_than)
from victimcare.domain.identity import validate_resident_id

COST_SOURCES = (
    ("relief_fund", "救助经费", "Relief funds"), ("medical_aid", "医疗救助", "Medical assistance"),
    ("insurance", "医保", "Medical insurance"), ("emergency", "疾病应急救助", "Emergency illness fund"),
    ("other", "其他", "Other"),
)
VISIT_TYPES = (("outpatient", "门诊", "Outpatient"), ("inpatient", "住院", "Inpatient"))
TOOLS = (("observation", "观察", "Observation"), ("interview", "访谈", "Interview"), ("scale", "量表", "Scale"))
RISK_LEVELS = (("low", "低", "Low"), ("medium", "中", "Medium"), ("high", "高", "High"))
DISABILITY_CATEGORIES = (
    ("1", "视力残疾", "Visual"), ("2", "听力残疾", "Hearing"), ("3", "言语残疾", "Speech"),
    ("4", "肢体残疾", "Physical"), ("5", "智力残疾", "Intellectual"), ("6", "精神残疾", "Mental"),
    ("7", "多重残疾", "Multiple"),
)
DISABILITY_GRADES = (("1", "一级", "Grade 1"), ("2", "二级", "Grade 2"), ("3", "三级", "Grade 3"),
                     ("4", "四级", "Grade 4"))

KINDS = (
    RecordKind("visit", "就诊记录", "Hospital visit", (
        Field("visited_on", "就诊/入院日期", "Visited or admitted on", DATE, required=True),
        Field("type", "就诊类型", "Type", CHOICE, required=True, choices=VISIT_TYPES),
        Field("hospital", "定点医院", "Hospital", required=True, max_len=60),
        Field("department", "科室", "Department", max_len=30),
        Field("diagnosis", "诊断", "Diagnosis", required=True, max_len=200),
        Field("treatment", "治疗经过", "Treatment", NOTE, max_len=1000, listed=False),
        Field("cost_source", "费用来源", "Paid from", CHOICE, choices=COST_SOURCES),
        Field("discharged_on", "出院日期", "Discharged on", DATE),
        Field("discharge_certificate", "有出院证明", "Discharge certificate", FLAG, listed=False),
        Field("escort", "陪护人员", "Escort", NAME, listed=False),
        Field("psych_referral", "转介心理服务", "Referred for psychological care", FLAG, listed=False),
    ), order_by="visited_on"),
    RecordKind("assessment", "心理评估", "Psychological assessment", (
        Field("assessed_on", "评估日期", "Date", DATE, required=True),
        Field("assessor", "评估人及资质", "Assessor and qualification", required=True, max_len=60),
        Field("tool", "评估工具", "Method", CHOICE, required=True, choices=TOOLS),
        Field("scale", "量表名称", "Scale", max_len=60, listed=False),
        Field("findings", "情绪、人际、自我认知、行为", "Emotions, relations, self-image, behaviour", NOTE,
              max_len=1000, listed=False),
        Field("risk", "风险等级", "Risk level", CHOICE, required=True, choices=RISK_LEVELS),
        Field("self_harm", "有危机/自伤风险", "Crisis or self-harm risk", FLAG),
        Field("mental_health_referral", "转介精神卫生机构", "Referred to mental-health services", max_len=60),
        Field("plan", "疏导计划", "Counselling plan", NOTE, max_len=1000, listed=False),
    ), order_by="assessed_on"),
    RecordKind("session", "心理疏导记录", "Counselling session", (
        Field("on", "日期", "Date", DATE, required=True),
        Field("minutes", "时长", "Length", NUMBER, required=True, minimum=5, maximum=480, unit="分钟"),
        Field("topic", "主题", "Topic", required=True, max_len=60),
        Field("intervention", "干预", "Intervention", NOTE, max_len=1000, listed=False),
        Field("next", "下次安排", "Next", max_len=100),
    ), order_by="on"),
    RecordKind("disability", "残疾评定", "Disability assessment", (
        Field("assessed_on", "评定日期", "Assessed on", DATE, required=True),
        Field("category", "残疾类别", "Category", CHOICE, required=True, choices=DISABILITY_CATEGORIES),
        Field("grade", "残疾等级", "Grade", CHOICE, required=True, choices=DISABILITY_GRADES),
        Field("body", "评定机构", "Assessing body", required=True, max_len=60),
        Field("doctor", "评定医师", "Doctor(s)", max_len=40, listed=False),
        Field("cause", "致残原因", "Cause", max_len=100, listed=False),
        Field("certificate", "残疾人证号", "Certificate number", max_len=20),
    ), order_by="assessed_on"),
)
MILESTONES = ()


def check(kind: str, values: dict, records: dict, case: dict) -> None:
    admitted = case["admitted_at"][:10]
    if kind == "visit":
        later_than(values, "visited_on", "discharged_on", "出院日期不能早于就诊/入院日期。")
        if values["type"] == "outpatient" and values["discharged_on"]:
            raise ValidationErrors([ValidationError("discharged_on", "门诊没有出院日期；住院请把就诊类型选为“住院”。")])
    if kind == "disability" and values["certificate"]:
        _check_certificate(values)
    for name in ("visited_on", "assessed_on", "on"):
        if values.get(name) and values[name] < _years_before(admitted, 1):
            raise ValidationErrors([ValidationError(name, "日期早于入站一年以上，请核对。")])


def _years_before(iso: str, years: int) -> str:
    return f"{int(iso[:4]) - years}{iso[4:]}"


def _check_certificate(values: dict) -> None:
    """残疾人证号: the 18-digit ID number, then the category and grade digits (20 characters)."""
    number = values["certificate"].strip().upper()
    problem = ""
    if len(number) != 20:
        problem = "残疾人证号应为 20 位：18 位身份证号 + 残疾类别 + 残疾等级。"
    else:
        try:
            validate_resident_id(number[:18], today=date.fromisoformat(values["assessed_on"]))
        except ValidationError:
            problem = "残疾人证号的前 18 位不是有效的身份证号。请核对。"
        else:
            if number[18:] != values["category"] + values["grade"]:
                problem = "残疾人证号的最后两位应与残疾类别和等级一致。请核对。"
    if problem:
        raise ValidationErrors([ValidationError("certificate", problem)])


def derive(records: dict, case: dict) -> Derived:
    if not any(records.values()):
        return Derived("not_started")
    in_hospital = any(v["type"] == "inpatient" and not v["discharged_on"] for v in records.get("visit", []))
    assessments = sorted(records.get("assessment", []), key=lambda a: (a["assessed_on"], a.get("id", 0)))
    at_risk = bool(assessments) and (assessments[-1]["risk"] in ("medium", "high") or assessments[-1]["self_harm"])
    if in_hospital or at_risk:
        return Derived("in_progress", "住院中" if in_hospital else "心理风险待跟进")
    return Derived("done")
