"""社会服务 social services by social organisations and volunteers (counselling, behaviour correction,
education, skills training). No deadlines of its own.

Each service is one record; the step is in progress while a service is open (no end date or no
outcome yet) and done once every service recorded has ended with its outcome.
"""

from victimcare.core.errors import ValidationError, ValidationErrors
from victimcare.domain.fields import CHOICE, DATE, NOTE, NUMBER, Derived, Field, RecordKind, choice_label, later_than

SERVICE_TYPES = (
    ("counselling", "心理疏导", "Counselling"), ("behaviour", "行为矫治", "Behaviour correction"),
    ("education", "文化教育", "Education"), ("skills", "技能培训", "Skills training"),
    ("companionship", "陪伴关爱", "Companionship"), ("other", "其他", "Other"),
)
PROVIDER_KINDS = (
    ("social_org", "社会组织", "Social organisation"), ("volunteer", "志愿者", "Volunteer"),
    ("social_worker", "专业社工机构", "Social-work agency"), ("other", "其他", "Other"),
)

KINDS = (
    RecordKind("service", "服务记录", "Service", (
        Field("type", "服务类型", "Type", CHOICE, required=True, choices=SERVICE_TYPES),
        Field("provider", "服务提供方", "Provider", required=True, max_len=60),
        Field("provider_kind", "提供方类型", "Provider kind", CHOICE, required=True, choices=PROVIDER_KINDS),
        Field("start_on", "开始日期", "From", DATE, required=True),
        Field("end_on", "结束日期", "Until", DATE),
        Field("hours", "服务时长", "Hours", NUMBER, maximum=2000, unit="小时"),
        Field("outcome", "服务成效", "Outcome", NOTE, max_len=1000),
    ), order_by="start_on"),
)
MILESTONES = ()


def check(kind: str, values: dict, records: dict, case: dict) -> None:
    later_than(values, "start_on", "end_on", "结束日期不能早于开始日期。")
    if values["outcome"] and not values["end_on"]:
        raise ValidationErrors([ValidationError("end_on", "填写服务成效时请同时填写结束日期。")])


def derive(records: dict, case: dict) -> Derived:
    services = records.get("service", [])
    if not services:
        return Derived("not_started")
    if all(s["end_on"] and s["outcome"] for s in services):
        return Derived("done")
    return Derived("in_progress")


def summary(kind: str, values: dict) -> str:
    return f"社会服务：{choice_label(SERVICE_TYPES, values['type'])}（{values['provider']}）"
