"""F12 就业服务登记表, from the intake and the 就业服务 records. Pure rendering: no Qt, no database.
文化程度 and 常住地 beyond the intake's residence are not kept: blank boxes."""

from __future__ import annotations

from victimcare.casework.steps.employment import rules
from victimcare.forms import kit, person
from victimcare.forms.kit import FormContext, pairs, section, text

F12_TITLE = "就业服务登记表"
_KINDS = {k.code: k for k in rules.KINDS}


def f12_story(bundle: dict | None, ctx: FormContext) -> list:
    case = person.case_of(bundle)
    blank = bundle is None
    rows = [section("劳动者个人信息"), *person.basic_rows(case),
            pairs(("文化程度", ""), ("常住地", text(case.get("residence")))),
            section("劳动能力与就业意愿"),
            *kit.record_rows(_KINDS["capacity"], kit.first_record(bundle, "employment", "capacity"), blank=blank),
            section("就业创业证"),
            *kit.record_rows(_KINDS["certificate"], kit.first_record(bundle, "employment", "certificate"), blank=blank)]
    lists = [("参加培训", "training", ("start_on", "end_on", "program", "provider", "completed", "certificate"),
              [22, 22, 36, 36, 14, 26]),
             ("职业指导记录", "guidance", ("on", "adviser", "content"), [24, 36, 96]),
             ("推荐岗位", "referral", ("on", "employer", "post", "result", "result_on"), [24, 46, 34, 24, 28]),
             ("就业登记", "job", ("start_on", "type", "employer", "post", "contract", "end_on"), [24, 24, 44, 26, 14, 24])]
    story = [*kit.form_head(F12_TITLE, bundle, ctx), *kit.grid(rows)]
    for title, kind, names, widths in lists:
        story += [kit.gap(2), kit.para(title, kit.styles().section),
                  kit.record_list(_KINDS[kind], kit.kind_records(bundle, "employment", kind), names, widths,
                                  blank_rows=2)]
    return story + [kit.gap(4), kit.signature_block()]


def has_f12(bundle: dict) -> bool:
    return any(kit.kind_records(bundle, "employment", k.code) for k in rules.KINDS)
