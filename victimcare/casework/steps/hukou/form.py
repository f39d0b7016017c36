"""F13 落户申请函及入户申请审批表, from the intake and the 落户 records. Pure rendering: no Qt, no database."""

from __future__ import annotations

from victimcare.casework.steps.hukou import rules
from victimcare.forms import kit, person
from victimcare.forms.kit import FormContext, cn_date, pairs, pick, section

F13_TITLE = "落户申请函及入户申请审批表"
_KINDS = {k.code: k for k in rules.KINDS}


def f13_story(bundle: dict | None, ctx: FormContext) -> list:
    case = person.case_of(bundle)
    blank = bundle is None
    station = pick(bundle, "station", "name") or ctx.station
    rows = [pairs(("申请单位", station), ("性别", person.sex(case))),
            pairs(("拟落户人员（现用名）", person.name(case)), ("入站日期", cn_date(case.get("admitted_at")))),
            section("落户申请"),
            *kit.record_rows(_KINDS["application"], kit.first_record(bundle, "hukou", "application"), blank=blank),
            pairs(("继续寻亲承诺", ""), ("", "")),
            section("民政部门审核意见"),
            *kit.record_rows(_KINDS["review"], kit.first_record(bundle, "hukou", "review"), blank=blank),
            section("公安机关受理/审批"),
            *kit.record_rows(_KINDS["police"], kit.first_record(bundle, "hukou", "police"), blank=blank)]
    return [*kit.form_head(F13_TITLE, bundle, ctx), *kit.grid(rows), kit.gap(4),
            kit.signature_block(("申请单位经办人", "民政部门审核人", "公安机关审批人"))]


def has_f13(bundle: dict) -> bool:
    return any(kit.kind_records(bundle, "hukou", k.code) for k in rules.KINDS)
