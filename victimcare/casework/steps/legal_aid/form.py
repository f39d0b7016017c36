"""F8 法律援助申请表, from the intake and the 法律援助 records. Pure rendering: no Qt, no database.
文化程度, 身体状况, 人群类别, 家庭经济状况 and 案情 are not kept: blank boxes."""

from __future__ import annotations

from victimcare.casework.steps.legal_aid import rules
from victimcare.forms import kit, person
from victimcare.forms.kit import FormContext, pairs, section, text, wide

F8_TITLE = "法律援助申请表"
_KINDS = {k.code: k for k in rules.KINDS}


def f8_story(bundle: dict | None, ctx: FormContext) -> list:
    case = person.case_of(bundle)
    blank = bundle is None
    application = kit.first_record(bundle, "legal_aid", "application")
    rows = [section("申请人基本情况"), *person.basic_rows(case),
            pairs(("通讯地址", text(case.get("residence"))), ("联系电话", "")),
            pairs(("文化程度", ""), ("身体状况", "")),
            section("申请事项"), *kit.record_rows(_KINDS["application"], application, blank=blank),
            wide("案情及申请理由", "", lines=4 if blank else 2),
            section("受理与审查（法律援助机构填写）")]
    for kind in ("acceptance", "decision"):
        rows += kit.record_rows(_KINDS[kind], kit.first_record(bundle, "legal_aid", kind), blank=blank)
    return [*kit.form_head(F8_TITLE, bundle, ctx), *kit.grid(rows), kit.gap(2),
            kit.para("指派律师", kit.styles().section),
            kit.record_list(_KINDS["lawyer"], kit.kind_records(bundle, "legal_aid", "lawyer"),
                            ("assigned_on", "firm", "lawyer", "phone"), [28, 60, 34, 34], blank_rows=2),
            kit.gap(4), kit.signature_block(("申请人（代理申请人）", "承办人"))]


def has_f8(bundle: dict) -> bool:
    return any(kit.kind_records(bundle, "legal_aid", k) for k in ("application", "acceptance", "decision", "lawyer"))
