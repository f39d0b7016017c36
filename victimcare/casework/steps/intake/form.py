"""F1 受助人员求助登记表, F2 公安机关护送流浪乞讨人员交接表 and F14 强制报告登记表, from the intake
(the bundle's ``case`` and ``sensitive``). Pure rendering: no Qt, no database.

The app keeps no separate record of a mandatory report: F14 prints what the intake holds (the
suspected trafficking, the police report's time and unit, the police case number) and leaves the rest
blank for hand filling. F1's photo and the applicant's thumbprint are left to the paper form.
"""

from __future__ import annotations

from victimcare.domain.vocabulary import ARRIVAL_MODES, DECISIONS, MENTAL_STATES, POLICE_CHECKS
from victimcare.forms import kit
from victimcare.forms.kit import FormContext, cn_datetime, flag, pairs, pick, section, text, wide
from victimcare.forms import person

F1_TITLE = "受助人员求助登记表"
F2_TITLE = "公安机关护送流浪乞讨人员交接表"
F14_TITLE = "强制报告登记表"


def _relatives(case: dict) -> list[list[str]]:
    return [[text(r.get("relation")), text(r.get("name")), text(r.get("contact"))] for r in case.get("relatives") or []]


def _belongings(case: dict) -> list[list[str]]:
    return [[text(b.get("item")), text(b.get("quantity")), text(b.get("storage_no"))]
            for b in case.get("belongings") or []]


def _checks(codes: str) -> str:
    return "、".join(kit.choice(POLICE_CHECKS, c) for c in text(codes).split(",") if c)


def _yes(value) -> str:
    """A flag on a filled form: 是/否; '' on a blank one (None)."""
    return flag(value)


def f1_story(bundle: dict | None, ctx: FormContext) -> list:
    case, sens = person.case_of(bundle), pick(bundle, "sensitive", default={}) or {}
    blank = bundle is None
    escort = "　".join(t for t in (text(case.get("escort_unit")), text(case.get("escort_officers"))) if t)
    mental = kit.choice(MENTAL_STATES, sens.get("mental_state"))
    mental_note = "；".join(t for t in (mental, text(sens.get("mental_note"))) if t)
    injuries = "；".join(t for t in (_yes(sens.get("injuries")) if sens else "", text(sens.get("injuries_note"))) if t)
    police = "　".join(t for t in (cn_datetime(case.get("police_report_at")), text(case.get("police_report_unit"))) if t)
    decision = "；".join(t for t in (kit.choice(DECISIONS, case.get("decision")), text(case.get("decision_reason")))
                        if t)
    lines = 3 if blank else 1
    rows = [
        section("一、基本情况"),
        pairs(("登记编号", text(case.get("case_no"))), ("求助时间", cn_datetime(case.get("admitted_at")))),
        pairs(("来站方式", kit.choice(ARRIVAL_MODES, case.get("arrival_mode"))), ("护送单位及人员", escort)),
        pairs(("姓名", person.name(case)), ("曾用名/自述名", person.aliases(case))),
        pairs(("性别", person.sex(case)), ("民族", person.ethnicity(case))),
        pairs(("出生日期/目测年龄", person.birth(case)), ("身份证件", person.id_text(case))),
        pairs(("户籍地", person.hukou(case)), ("住所地", text(case.get("residence")))),
        pairs(("享受低保/特困供养", _yes(case.get("on_assistance"))), ("方言/口音", text(case.get("dialect")))),
        wide("体貌特征", case.get("appearance"), lines=lines),
        section("二、求助原因及身体状况"),
        wide("流浪乞讨原因、时间、经过", sens.get("circumstances"), lines=4 if blank else 1),
        wide("身体状况初检", sens.get("health_check"), lines=lines),
        pairs(("精神/智力状况初检", mental_note), ("明显外伤", injuries)),
        pairs(("安全检查结果", ""), ("指纹采集", _yes(case.get("fingerprints_taken")))),
        wide("求助需求", case.get("request"), lines=lines),
        pairs(("疑似被拐/走失/遗弃", _yes(case.get("suspected_trafficking"))), ("报警时间/接警单位", police)),
        wide("是否予以救助及理由", decision, lines=2 if blank else 1),
        wide("代填说明", "", lines=2),
    ]
    return [
        *kit.form_head(F1_TITLE, bundle, ctx, number_label="编号"),
        *kit.grid(rows),
        kit.gap(2),
        kit.para("近亲属及联系方式", kit.styles().section),
        kit.list_table(["关系", "姓名", "联系方式（住址、电话）"], _relatives(case), [25, 35, 96], blank_rows=3),
        kit.gap(2),
        kit.para("随身物品", kit.styles().section),
        kit.list_table(["物品名称", "数量", "寄存编号"], _belongings(case), [86, 30, 40], blank_rows=3),
        kit.gap(4),
        kit.signature_block(("求助人签名/捺印", "登记人")),
    ]


def f2_story(bundle: dict | None, ctx: FormContext) -> list:
    case, sens = person.case_of(bundle), pick(bundle, "sensitive", default={}) or {}
    handover = case.get("handover") or {}
    blank = bundle is None
    belongings = "；".join(f"{b[0]}×{b[1]}" if b[1] else b[0] for b in _belongings(case))
    rows = [
        pairs(("护送单位", text(handover.get("unit") or case.get("escort_unit"))),
              ("护送民警及警号", text(handover.get("officers") or case.get("escort_officers")))),
        pairs(("发现时间", cn_datetime(handover.get("found_at"))), ("发现地点", text(handover.get("found_place")))),
        wide("发现经过", sens.get("found_circumstances"), lines=3 if blank else 1),
        wide("已开展的核查", _checks(handover.get("checks")) if handover else
             ("□调取监控 □走访 □走失人口库比对 □人口信息系统查询 □发布协查通报" if blank else "")),
        section("被护送人员"),
        *person.basic_rows(case),
        wide("人员体貌特征", case.get("appearance"), lines=3 if blank else 1),
        wide("随身物品", belongings, lines=2 if blank else 1),
        pairs(("交接时间", cn_datetime(handover.get("handover_at"))), ("公安案件编号", text(case.get("police_case_no")))),
    ]
    return [*kit.form_head(F2_TITLE, bundle, ctx), *kit.grid(rows), kit.gap(4),
            kit.signature_block(("护送民警", "接收人（救助管理机构）"))]


def f14_story(bundle: dict | None, ctx: FormContext) -> list:
    case = person.case_of(bundle)
    handover = case.get("handover") or {}
    blank = bundle is None
    situations = "被拐卖、收买" if case.get("suspected_trafficking") else ""
    rows = [
        pairs(("发现时间", cn_datetime(handover.get("found_at") or case.get("admitted_at"))),
              ("发现地点", text(handover.get("found_place")))),
        section("未成年人基本信息"),
        *person.basic_rows(case),
        wide("情形", situations or ("□被拐卖、收买、被组织乞讨 □非正常损伤 □性侵/怀孕/流产 □被遗弃 □严重营养不良 □其他"
                                    if blank else ""), lines=2 if blank else 1),
        pairs(("报告对象", "公安机关" if case.get("police_report_unit") else ("□公安 □民政 □教育" if blank else "")),
              ("报告时间", cn_datetime(case.get("police_report_at")))),
        pairs(("接报单位与人员", text(case.get("police_report_unit"))), ("报警回执号", text(case.get("police_case_no")))),
        pairs(("报告人", ""), ("", "")),
        wide("后续处置", "", lines=4),
    ]
    return [*kit.form_head(F14_TITLE, bundle, ctx), *kit.grid(rows), kit.gap(2),
            kit.note("报告人信息予以保密（《未成年人保护法》第十一条）。"), kit.gap(4),
            kit.signature_block(("报告人", "审核人"))]


def has_f2(bundle: dict) -> bool:
    case = person.case_of(bundle)
    handover = case.get("handover") or {}
    return any(handover.get(k) for k in ("unit", "officers", "found_at", "found_place", "handover_at"))


def has_f14(bundle: dict) -> bool:
    case = person.case_of(bundle)
    return bool(case.get("suspected_trafficking") or case.get("police_report_at"))
