"""法律援助 legal aid (F8 法律援助申请表; domain §1 row 6, 《法律援助法》2021): the records of one case —
the application, its acceptance, the decision, the lawyer's assignment and the case's progress — what
they decide, and the deadlines: decision ≤ 7 days after the application (Art.43), lawyer ≤ 3 days after
the decision. No lawyer is due when the aid was refused.

The application holds the F8 facts that steer the work (who applies, the means-check exemption, the
legal status and the stage), not the case narrative: the narrative belongs to the sensitive compartment.
"""

from datetime import date, timedelta

from victimcare.core.errors import UserError, ValidationError, ValidationErrors
from victimcare.domain.dates import age_on
from victimcare.domain.deadlines import Builder
from victimcare.domain.fields import CHOICE, DATE, FLAG, NAME, NOTE, Derived, Field, RecordKind, later_than


def deadlines(b: Builder) -> None:
    f, r = b.facts, b.rules
    if f.legal_aid_applied_on is not None:
        b.add("legal_aid.decision", f"法律援助应在申请后{r.legal_aid_decision_days}天内作出决定",
              f.legal_aid_applied_on + timedelta(days=r.legal_aid_decision_days), f.legal_aid_decided_on,
              done_verb="作出决定", en=f"Legal aid decided within {r.legal_aid_decision_days} days of the application")
    if f.legal_aid_decided_on is not None and not f.legal_aid_refused:
        b.add("legal_aid.lawyer", f"决定给予法律援助后{r.lawyer_assign_days}天内应指派律师",
              f.legal_aid_decided_on + timedelta(days=r.lawyer_assign_days), f.lawyer_assigned_on,
              done_verb="指派", en=f"Lawyer assigned within {r.lawyer_assign_days} days of the legal aid decision")


# -- the records (F8 and the legal-aid office's use block) ---------------------------------------------------

ADULT_AGE = 18
APPLIED_BY = (  # Art.40: a legal representative applies for a person without full capacity
    ("self", "本人申请", "The person"),
    ("legal_rep", "法定代理人代为申请", "Legal representative"),
    ("relative", "近亲属代为申请", "Close relative"),
)
RELATIONS = (
    ("parent", "父母", "Parent"),
    ("guardian", "其他监护人", "Other guardian"),
    ("civil_affairs", "民政部门（临时监护）", "Civil affairs (temporary guardianship)"),
    ("relative", "其他近亲属", "Other close relative"),
    ("other", "其他", "Other"),
)
EXEMPT_GROUNDS = (  # Art.42: 免予核查经济困难状况
    ("minor_no_income", "无固定生活来源的未成年人", "Minor without a fixed income"),
    ("no_income_group", "无固定生活来源的老年人、残疾人等", "Elderly or disabled person without a fixed income"),
    ("social_assistance", "社会救助、司法救助或优抚对象", "Recipient of social or judicial assistance or special care"),
    ("migrant_worker", "请求劳动报酬或工伤赔偿的进城务工人员", "Migrant worker claiming wages or injury compensation"),
    ("other", "法律、法规、规章规定的其他人员", "Other, as laws and regulations provide"),
)
LEGAL_STATUS = (
    ("victim", "被害人", "Victim"),
    ("victim_relative", "被害人近亲属", "Victim's close relative"),
    ("incidental_plaintiff", "附带民事诉讼原告人", "Plaintiff in an incidental civil action"),
    ("plaintiff", "民事原告", "Plaintiff (civil)"),
    ("defendant", "民事被告", "Defendant (civil)"),
    ("third_party", "第三人", "Third party"),
    ("other", "其他", "Other"),
)
MATTERS = (
    ("criminal_victim", "刑事案件被害人代理", "Acting for the victim in a criminal case"),
    ("incidental_civil", "刑事附带民事诉讼代理", "Incidental civil action"),
    ("civil", "民事诉讼代理", "Civil action"),
    ("arbitration", "劳动争议仲裁代理", "Labour arbitration"),
    ("non_litigation", "非诉讼法律事务代理", "Non-litigation matter"),
    ("advice", "法律咨询、代拟法律文书", "Legal advice or drafting"),
)
STAGES = (
    ("pre_procedure", "未进入诉讼程序", "Not yet in proceedings"),
    ("investigation", "侦查", "Investigation"),
    ("prosecution", "审查起诉", "Review for prosecution"),
    ("first_instance", "一审", "Trial (first instance)"),
    ("second_instance", "二审", "Appeal (second instance)"),
    ("retrial", "再审", "Retrial"),
    ("enforcement", "执行", "Enforcement"),
    ("arbitration", "仲裁", "Arbitration"),
)
RESULTS = (("granted", "给予法律援助", "Legal aid granted"), ("refused", "不予法律援助", "Legal aid refused"))
EVENTS = (
    ("meeting", "会见受助人", "Met the person"),
    ("file_review", "阅卷", "Read the case file"),
    ("opinion", "提出法律意见", "Gave a legal opinion"),
    ("hearing", "出庭", "Court hearing"),
    ("mediation", "调解、和解", "Mediation or settlement"),
    ("judgment", "判决、裁定", "Judgment or ruling"),
    ("compensation", "获得赔偿或救助", "Compensation or aid obtained"),
    ("concluded", "援助事项办结", "Legal aid concluded"),
    ("other", "其他", "Other"),
)
CONCLUDED = "concluded"

KINDS = (
    RecordKind("application", "法律援助申请", "Application", (
        Field("applied_on", "申请日期", "Applied on", DATE, required=True),
        Field("office", "受理机构", "Legal-aid office", required=True, max_len=60),
        Field("applied_by", "申请人", "Applicant", CHOICE, required=True, choices=APPLIED_BY),
        Field("representative", "代理申请人", "Applying on their behalf", max_len=60),
        Field("relation", "代理申请人与受助人关系", "Relation to the person", CHOICE, choices=RELATIONS, listed=False),
        Field("legal_status", "法律地位", "Legal status", CHOICE, required=True, choices=LEGAL_STATUS),
        Field("matter", "申请援助事项", "Aid asked for", CHOICE, choices=MATTERS, listed=False),
        Field("cause", "案由", "Cause of action", max_len=60, listed=False),
        Field("stage", "案件所处阶段", "Stage of the case", CHOICE, required=True, choices=STAGES),
        Field("means_exempt", "免予核查经济困难状况", "Exempt from the means check", FLAG),
        Field("exempt_ground", "免予核查情形", "Ground of the exemption", CHOICE, choices=EXEMPT_GROUNDS),
        Field("pledge", "已签经济困难诚信承诺", "Means pledge signed", FLAG, listed=False),
        Field("urgent", "申请先行提供法律援助", "Urgent aid asked for", FLAG, listed=False),
        Field("number", "申请编号", "Application number", max_len=40, listed=False),
    ), single=True),
    RecordKind("acceptance", "受理", "Acceptance", (
        Field("accepted_on", "受理日期", "Accepted on", DATE, required=True),
        Field("handler", "受理人", "Accepted by", NAME),
        Field("complete", "申请材料齐全", "Papers complete", FLAG),
        Field("missing", "需补充的材料（一次性告知）", "Papers still needed (told once)", max_len=200),
        Field("supplemented_on", "材料补齐日期", "Papers completed on", DATE),
    ), single=True),
    RecordKind("decision", "审查决定", "Decision", (
        Field("decided_on", "决定日期", "Decided on", DATE, required=True),
        Field("result", "决定", "Decision", CHOICE, required=True, choices=RESULTS),
        Field("reason", "不予援助的理由", "Reason for refusing", max_len=200),
        Field("number", "决定书编号", "Decision number", max_len=40, listed=False),
    ), single=True),
    RecordKind("lawyer", "指派律师", "Lawyer assignment", (
        Field("assigned_on", "指派日期", "Assigned on", DATE, required=True),
        Field("firm", "律师事务所（法律援助机构）", "Law firm (legal-aid office)", required=True, max_len=60),
        Field("lawyer", "承办律师", "Lawyer", NAME, required=True),
        Field("phone", "联系电话", "Phone", max_len=30),
        Field("note", "备注（如更换律师的原因）", "Note (such as why the lawyer changed)", max_len=200, listed=False),
    ), order_by="assigned_on"),
    RecordKind("progress", "案件进展", "Case progress", (
        Field("on", "日期", "Date", DATE, required=True),
        Field("stage", "诉讼阶段", "Stage", CHOICE, required=True, choices=STAGES),
        Field("event", "进展事项", "What happened", CHOICE, required=True, choices=EVENTS),
        Field("note", "情况说明", "Details", NOTE, max_len=300),
    ), order_by="on"),
)
MILESTONES = ("legal_aid_applied_on", "legal_aid_decided_on", "legal_aid_refused", "lawyer_assigned_on")


def _label(choices, code: str) -> str:
    return next((zh for c, zh, _en in choices if c == code), code)


def _first(records: dict, kind: str) -> dict | None:
    found = records.get(kind) or []
    return found[0] if found else None


def age_on_day(birth_date: str | None, day: str) -> int | None:
    """Whole years on ``day`` (ISO), None when the birth date is unknown or later than the day."""
    if not birth_date or birth_date > day:
        return None
    return age_on(date.fromisoformat(birth_date), date.fromisoformat(day))


def _fail(errors: list[ValidationError]) -> None:
    if errors:
        raise ValidationErrors(errors)


def _check_application(v: dict, records: dict, case: dict) -> None:
    errors: list[ValidationError] = []
    birth = case.get("birth_date")
    if birth and v["applied_on"] < birth:
        errors.append(ValidationError("applied_on", "申请日期不能早于出生日期。请核对日期。"))
    age = age_on_day(birth, v["applied_on"])
    if age is not None and age < ADULT_AGE:
        if v["applied_by"] == "self":
            errors.append(ValidationError("applied_by", f"申请时未满{ADULT_AGE}周岁，应由法定代理人代为申请。"
                                                        "请选择“法定代理人代为申请”。"))
        if not v["representative"]:
            errors.append(ValidationError("representative", f"申请时未满{ADULT_AGE}周岁：请填写代理申请人"
                                                            "（法定代理人，如民政部门临时监护）。"))
    if v["applied_by"] != "self":
        if not v["representative"] and not any(e.field == "representative" for e in errors):
            errors.append(ValidationError("representative", "代为申请时请填写代理申请人。"))
        if not v["relation"]:
            errors.append(ValidationError("relation", "代为申请时请选择代理申请人与受助人的关系。"))
    elif v["representative"] and (age is None or age >= ADULT_AGE):  # a minor is told to choose a representative
        errors.append(ValidationError("representative", "本人申请时不填写代理申请人。请清空，或选择代为申请。"))
    if v["means_exempt"] and not v["exempt_ground"]:
        errors.append(ValidationError("exempt_ground", "免予核查经济困难状况时，请选择免予核查的情形。"))
    if v["exempt_ground"] and not v["means_exempt"]:
        errors.append(ValidationError("means_exempt", "已选择免予核查情形：请勾选“免予核查经济困难状况”。"))
    if v["exempt_ground"] == "minor_no_income" and (age is None or age >= ADULT_AGE):
        errors.append(ValidationError("exempt_ground", "“无固定生活来源的未成年人”只适用于申请时未满18周岁的人。"))
    later = [(r["accepted_on"], "受理日期") for r in records.get("acceptance", [])] + \
            [(r["decided_on"], "决定日期") for r in records.get("decision", [])] + \
            [(r["on"], "进展日期") for r in records.get("progress", [])]
    for day, what in later:
        if v["applied_on"] > day:
            errors.append(ValidationError("applied_on", f"申请日期不能晚于已记录的{what}（{day}）。"))
            break
    _fail(errors)


def _need_application(records: dict) -> dict:
    application = _first(records, "application")
    if application is None:
        raise UserError("请先记录法律援助申请。")
    return application


def check(kind: str, values: dict, records: dict, case: dict) -> None:
    """The application names a representative for a minor; acceptance and the decision follow the
    application; a lawyer only after a decision to grant aid; progress only after the application."""
    if kind == "application":
        _check_application(values, records, case)
        return
    application = _need_application(records)
    applied = application["applied_on"]
    if kind == "acceptance":
        errors = []
        if values["accepted_on"] < applied:
            errors.append(ValidationError("accepted_on", f"受理日期不能早于申请日期（{applied}）。"))
        if values["supplemented_on"] and values["supplemented_on"] < values["accepted_on"]:
            errors.append(ValidationError("supplemented_on", "材料补齐日期不能早于受理日期。"))
        if not values["complete"] and not values["missing"]:
            errors.append(ValidationError("missing", "材料不齐全时，请写明需补充的材料（应一次性告知申请人）。"))
        _fail(errors)
    elif kind == "decision":
        _check_decision(values, records, applied)
    elif kind == "lawyer":
        decision = _first(records, "decision")
        if decision is None or decision["result"] != "granted":
            raise UserError("还没有“给予法律援助”的决定，不能指派律师。请先记录审查决定。")
        if values["assigned_on"] < decision["decided_on"]:
            raise ValidationErrors([ValidationError(
                "assigned_on", f"指派日期不能早于决定给予法律援助的日期（{decision['decided_on']}）。")])
    elif kind == "progress":
        if values["on"] < applied:
            raise ValidationErrors([ValidationError("on", f"进展日期不能早于申请日期（{applied}）。")])
        if values["event"] == CONCLUDED and not records.get("lawyer"):
            raise ValidationErrors([ValidationError("event", "还没有指派律师，不能记录“援助事项办结”。")])


def _check_decision(values: dict, records: dict, applied: str) -> None:
    errors = []
    if values["decided_on"] < applied:
        errors.append(ValidationError("decided_on", f"决定日期不能早于申请日期（{applied}）。"))
    accepted = _first(records, "acceptance")
    if accepted and values["decided_on"] < accepted["accepted_on"]:
        errors.append(ValidationError("decided_on", f"决定日期不能早于受理日期（{accepted['accepted_on']}）。"))
    if values["result"] == "refused" and not values["reason"]:
        errors.append(ValidationError("reason", "不予法律援助时请写明理由。"))
    lawyers = sorted(r["assigned_on"] for r in records.get("lawyer", []))
    if lawyers and values["result"] == "refused":
        errors.append(ValidationError("result", "已有指派律师的记录，决定不能改为“不予法律援助”。"))
    elif lawyers and values["decided_on"] > lawyers[0]:
        errors.append(ValidationError("decided_on", f"决定日期不能晚于已记录的律师指派日期（{lawyers[0]}）。"))
    _fail(errors)


def derive(records: dict, case: dict) -> Derived:
    """The step's status and its four deadline milestones, from the records:

    - no records: 未开始 (not_started);
    - an application without a decision: 进行中, “待审查决定”;
    - a decision to refuse: 已完成, “不予法律援助” (no lawyer is due);
    - a decision to grant without a lawyer: 进行中, “待指派律师”;
    - a lawyer assigned: 进行中, “律师承办中”, until a progress entry “援助事项办结”: 已完成.

    Milestones: ``legal_aid_applied_on`` (the application's date), ``legal_aid_decided_on`` (the
    decision's), ``legal_aid_refused`` ("1" for a refusal), ``lawyer_assigned_on`` (the first
    assignment: a later one replaces a lawyer, the deadline was met by the first)."""
    application, decision = _first(records, "application"), _first(records, "decision")
    lawyers = sorted(r["assigned_on"] for r in records.get("lawyer", []))
    refused = decision is not None and decision["result"] == "refused"
    milestones = {"legal_aid_applied_on": application["applied_on"] if application else "",
                  "legal_aid_decided_on": decision["decided_on"] if decision else "",
                  "legal_aid_refused": "1" if refused else "",
                  "lawyer_assigned_on": lawyers[0] if lawyers and not refused else ""}
    if not any(records.get(k.code) for k in KINDS):
        return Derived("not_started", "", milestones)
    if decision is None:
        return Derived("in_progress", "待审查决定", milestones)
    if refused:
        return Derived("done", "不予法律援助", milestones)
    if not lawyers:
        return Derived("in_progress", "待指派律师", milestones)
    if any(p["event"] == CONCLUDED for p in records.get("progress", [])):
        return Derived("done", "援助事项已办结", milestones)
    return Derived("in_progress", "律师承办中", milestones)


def summary(kind: str, values: dict) -> str:
    """The timeline text of a new record: what happened and when, no names."""
    if kind == "application":
        return f"法律援助申请（{values['applied_on']}，{values['office']}）"
    if kind == "acceptance":
        return f"法律援助申请已受理（{values['accepted_on']}）"
    if kind == "decision":
        return f"法律援助决定：{_label(RESULTS, values['result'])}（{values['decided_on']}）"
    if kind == "lawyer":
        return f"指派律师（{values['assigned_on']}）"
    if kind == "progress":
        return f"法律援助进展：{_label(EVENTS, values['event'])}（{values['on']}）"
    return ""
