"""落户 household registration (F13): eligible when the identity is still unknown after 3 months in care.

The eligibility is a notice, not a legal time limit (``Builder.inform``): it stays on the 工作台 as
something to act on until an application is recorded; never overdue. Once the approved application is
handed to the police, they register the household within 20 working days (a local rule, configurable).

The records: the application (proposed name, estimated birth date and its basis, the collective
household, the identity-search summary), 民政's review, the supervisor's approval (an approval of kind
"hukou", filed when the application is saved), the hand-over to the police and the registration with
the new ID number, which gives the person an identity. In progress from the application; done once
registered.
"""

from victimcare.core.errors import UserError, ValidationError, ValidationErrors
from victimcare.domain.deadlines import Builder, add_months
from victimcare.domain.fields import CHOICE, DATE, NAME, NOTE, Derived, Field, RecordKind, later_than


def deadlines(b: Builder) -> None:
    f, r = b.facts, b.rules
    if f.hukou_applied_on is not None or f.searching:
        n = r.hukou_eligible_months
        b.inform("hukou.eligible", f"身份不明在站满{n}个月可申请落户", add_months(b.admitted.date(), n),
                 f.hukou_applied_on, "提出申请",
                 en=f"Household registration can be applied for after {n} months in care with identity unknown")
    if f.hukou_submitted_on is not None:
        n = r.hukou_police_workdays
        b.add("hukou.police", f"公安机关应在受理后{n}个工作日内办结落户", b.calendar.add_workdays(f.hukou_submitted_on, n),
              f.hukou_registered_on, workdays=True, done_verb="办结",
              en=f"Police register the household within {n} working days")


# -- the records ---------------------------------------------------------------------------------------

OPINIONS = (("agree", "同意", "Agreed"), ("disagree", "不同意", "Not agreed"))
SUPPORT = (("tekun", "特困供养", "Subsistence support"), ("insurance", "医保与社保", "Medical and social insurance"),
           ("both", "特困供养、医保与社保", "Both"), ("none", "暂无", "None yet"))

KINDS = (
    RecordKind("application", "落户申请", "Application", (
        Field("applied_on", "申请日期", "Applied on", DATE, required=True),
        Field("proposed_name", "拟用姓名", "Proposed name", NAME, required=True),
        Field("estimated_birth", "推定出生日期", "Estimated birth date", DATE, required=True),
        Field("basis", "推定依据", "Basis of the estimate", NOTE, required=True, max_len=500, listed=False),
        Field("collective_address", "拟落户地址（机构集体户）", "Collective household", required=True, max_len=100),
        Field("collective_book", "集体户口簿编号", "Collective household book no.", max_len=30, listed=False),
        Field("plan_no", "安置方案文号", "Placement plan reference", max_len=40, listed=False),
        Field("search_summary", "寻亲工作记录摘要", "Identity-search summary", NOTE, max_len=2000, listed=False),
        Field("support", "落户后保障", "Support after registration", CHOICE, choices=SUPPORT, listed=False),
    ), single=True),
    RecordKind("review", "民政审核", "Civil-affairs review", (
        Field("reviewed_on", "审核日期", "Reviewed on", DATE, required=True),
        Field("opinion", "审核意见", "Opinion", CHOICE, required=True, choices=OPINIONS),
        Field("note", "说明", "Note", NOTE, max_len=500),
    ), single=True),
    RecordKind("police", "公安办理", "Police registration", (
        Field("submitted_on", "送交公安日期", "Handed to the police on", DATE, required=True),
        Field("unit", "受理单位", "Police unit", required=True, max_len=60),
        Field("registered_on", "落户日期", "Registered on", DATE),
        Field("id_number", "落户后身份证号", "ID number after registration", max_len=30),
    ), single=True),
)
MILESTONES = ("hukou_applied_on", "hukou_submitted_on", "hukou_registered_on")


def search_summary(tracing: dict, kinds) -> str:
    """The 寻亲 work so far, one line per kind of record (``kinds``: the tracing step's): how many, and
    the latest date. ``tracing``: kind code → records."""
    lines = []
    for kind in kinds:
        found = tracing.get(kind.code, [])
        if found:
            dates = [str(r.get(f.name, "")) for r in found for f in kind.fields if f.kind in ("date", "datetime")]
            latest = max((d for d in dates if d), default="")
            lines.append(f"{kind.label}：{len(found)} 条" + (f"（最近 {latest[:10]}）" if latest else ""))
    return "\n".join(lines) or "尚无寻亲工作记录。"


def approval_state(case: dict) -> str:
    """The state of the case's latest 落户 approval ('' when none was filed)."""
    return case.get("approvals", {}).get("hukou", "")


def check(kind: str, values: dict, records: dict, case: dict) -> None:
    admitted = case["admitted_at"][:10]
    if kind == "application" and values["applied_on"] < admitted:
        raise ValidationErrors([ValidationError("applied_on", "申请日期不能早于入站日期。")])
    if kind == "review" and not records.get("application"):
        raise UserError("请先登记落户申请，再登记民政审核。")
    if kind == "police":
        if approval_state(case) != "approved":
            raise UserError("落户申请须经站长批准后才能送交公安机关。")
        later_than(values, "submitted_on", "registered_on", "落户日期不能早于送交公安日期。")
        if values["registered_on"] and not values["id_number"]:
            raise ValidationErrors([ValidationError("id_number", "落户后请填写新的身份证号。")])


def derive(records: dict, case: dict) -> Derived:
    application = (records.get("application") or [None])[0]
    police = (records.get("police") or [None])[0]
    milestones = {"hukou_applied_on": application["applied_on"] if application else "",
                  "hukou_submitted_on": police["submitted_on"] if police else "",
                  "hukou_registered_on": police["registered_on"] if police else ""}
    if police and police["registered_on"]:
        return Derived("done", "", milestones)
    if application is None:
        return Derived("not_started", "", milestones)
    reason = {"pending": "待站长审批", "rejected": "站长未批准，请修改后重新申请",
              "approved": "已批准"}.get(approval_state(case), "")
    return Derived("in_progress", reason, milestones)


def summary(kind: str, values: dict) -> str:
    return {"application": f"提出落户申请（{values.get('applied_on', '')}）",
            "police": "送交公安机关办理落户" if not values.get("registered_on") else f"已落户（{values['registered_on']}）",
            }.get(kind, "")
