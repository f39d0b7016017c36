"""F9 入学安置登记表 (one child), F10 入学安置台账 (the county ledger of many children) and F11 转学/学籍接续
联系函, from the school compartment's row (the bundle's ``school``). Pure rendering: no Qt, no database.

The ledger names a child by the pseudonym chosen at referral (it sits outside the case file). The
school row keeps no 原就读学校, 学业水平评估, 监护人 or 最近回访日期: those boxes print empty. F11's wording
names no trafficking detail: the reason is 解救安置."""

from __future__ import annotations

from datetime import date

from victimcare.casework.steps.school import rules
from victimcare.domain.vocabulary import SEXES
from victimcare.forms import kit, person
from victimcare.forms.kit import FormContext, cn_date, pairs, pick, section, text, wide

F9_TITLE = "入学安置登记表"
F10_TITLE = "入学安置台账"
F11_TITLE = "转学/学籍接续联系函"
TRANSFER_WORKDAYS = 10


def _word(table: dict, code) -> str:
    return table.get(code, ("",))[0] if code else ""


def _school(bundle) -> dict:
    row = pick(bundle, "school", default={})
    return row if isinstance(row, dict) else {}


def _name(bundle) -> str:
    return text(_school(bundle).get("display_name")) or person.name(person.case_of(bundle))


def f9_story(bundle: dict | None, ctx: FormContext) -> list:
    school, case = _school(bundle), person.case_of(bundle)
    blank = bundle is None
    birth = cn_date(school.get("birth_date") or case.get("birth_date"))
    if school.get("birth_estimated"):
        birth += "（估计）"
    rows = [
        section("儿童基本情况"),
        pairs(("儿童姓名", _name(bundle)), ("性别", kit.choice(SEXES, school.get("sex") or case.get("sex")))),
        pairs(("出生日期/目测年龄", birth), ("身份证号", person.id_text(case))),
        pairs(("学籍号", text(school.get("student_no"))), ("学籍状态", _word(rules.RECORD_STATES, school.get("record_state")))),
        pairs(("安置机构/寄养家庭", ""), ("监护人（民政临时监护）", "")),
        pairs(("原就读学校/年级", ""), ("", "")),
        wide("学业水平评估", "", lines=2),
        section("安置情况"),
        pairs(("安置学校", text(school.get("school"))), ("年级/班级", " ".join(
            t for t in (text(school.get("grade")), text(school.get("class_name"))) if t))),
        pairs(("入学日期", cn_date(school.get("enrolled_on"))), ("就读性质", _word(rules.ATTENDANCE, school.get("attendance")))),
        pairs(("结对帮扶教师", text(school.get("pairing_teacher"))), ("心理辅导安排", text(school.get("counselling")))),
        wide("隐私保护措施（不公开来历）", school.get("privacy_measures"), lines=2 if blank else 1),
        pairs(("学校联系人", ""), ("学籍转接", _transfer(school))),
    ]
    history = [[cn_date(h.get("changed_on")), _word(rules.HISTORY_KINDS, h.get("kind")), text(h.get("school")),
                text(h.get("grade")), text(h.get("note"))] for h in school.get("history") or []]
    return [*kit.form_head(F9_TITLE, bundle, ctx), *kit.grid(rows), kit.gap(2),
            kit.para("变动记录", kit.styles().section),
            kit.list_table(["日期", "事项", "学校", "年级", "说明"], history, [26, 30, 40, 20, 40], blank_rows=3),
            kit.gap(4), kit.signature_block(("教育局经办人", "学校负责人"))]


def _transfer(school: dict) -> str:
    started, done = school.get("transfer_started_on"), school.get("transfer_done_on")
    if done:
        return f"{cn_date(started)}启动，{cn_date(done)}办结"
    return f"{cn_date(started)}启动，办理中" if started else ""


def _age(birth_iso, on: date) -> str:
    age = rules.age_now(birth_iso, on) if birth_iso else None
    return "" if age is None else f"{age}岁"


def ledger_story(rows: list[dict] | None, ctx: FormContext, bundle: dict | None = None) -> list:
    """F10 from ledger rows (school rows, e.g. ``services.school.children``); None or [] prints empty lines."""
    today = (ctx.printed_at.date() if ctx.printed_at else date.today())
    data = []
    for n, r in enumerate(rows or [], start=1):
        last_change = next((h for h in reversed(r.get("history") or []) if h.get("kind") in rules.CHANGES), None)
        data.append([str(n), text(r.get("display_name") or r.get("case_no")), kit.choice(SEXES, r.get("sex")),
                     _age(r.get("birth_date"), today), text(r.get("school")), text(r.get("grade")),
                     cn_date(r.get("enrolled_on")), _word(rules.RECORD_STATES, r.get("record_state")),
                     text(r.get("pairing_teacher")), "",
                     _word(rules.CHANGES, last_change.get("kind")) if last_change else "", ""])
    headers = ["序号", "化名或编号", "性别", "年龄", "安置学校", "年级", "入学日期", "学籍状态", "结对帮扶人",
               "最近回访日期", "变动情况", "备注"]
    # 编号 is the case number on other forms; a ledger of many children carries the date it was drawn up
    ledger_head = {"station": pick(bundle, "station"), "case": {"case_no": cn_date(today)}}
    return [*kit.form_head(F10_TITLE, ledger_head, ctx, number_label="统计日期", width=kit.LANDSCAPE_WIDTH),
            kit.list_table(headers, data, [9, 22, 9, 10, 34, 12, 22, 14, 18, 20, 16, 20], blank_rows=10,
                           width=kit.LANDSCAPE_WIDTH),
            kit.gap(2), kit.note("本台账以化名或编号登记，不记录受助儿童的来历。"), kit.gap(4),
            kit.signature_block(("填表人", "审核人"))]


def f10_story(bundle: dict | None, ctx: FormContext) -> list:
    """F10 for a bundle: its ``ledger`` rows if the caller put the county's list there, else this child's row."""
    if bundle is None:
        return ledger_story(None, ctx)
    rows = bundle.get("ledger")
    if not isinstance(rows, list):
        rows = [_school(bundle)] if _school(bundle) else []
    return ledger_story(rows, ctx, bundle)


def f11_story(bundle: dict | None, ctx: FormContext) -> list:
    school = _school(bundle)
    station = pick(bundle, "station", "name") or ctx.station
    blank = bundle is None
    rows = [
        pairs(("发函单位", station), ("文号", "")),
        pairs(("收函学校/学籍主管部门", ""), ("", "")),
        pairs(("学生姓名", _name(bundle)), ("学籍号", text(school.get("student_no")))),
        pairs(("原学校/年级", ""), ("拟转入学校/年级", " ".join(
            t for t in (text(school.get("school")), text(school.get("grade"))) if t))),
        pairs(("事由", "解救安置" if not blank else ""), ("请求事项", "" if blank else "学籍接续")),
        pairs(("要求办结时限", f"{TRANSFER_WORKDAYS}个工作日内"), ("联系人", "")),
    ]
    letter = ("贵单位：因上述学生解救安置，需办理转学及学籍接续手续。请按照学籍管理规定，在收到本函之日起"
              f"{TRANSFER_WORKDAYS}个工作日内办结，并对学生的来历予以保密。感谢支持！")
    return [*kit.form_head(F11_TITLE, bundle, ctx), *kit.grid(rows), kit.gap(4),
            kit.para(letter, kit.styles().letter), kit.gap(6),
            kit.para(f"{station}（公章）", kit.styles().sign), kit.date_line()]


def has_f9(bundle: dict) -> bool:
    return bool(_school(bundle))


def has_f11(bundle: dict) -> bool:
    school = _school(bundle)
    return bool(school.get("transfer_started_on") or school.get("student_no"))
