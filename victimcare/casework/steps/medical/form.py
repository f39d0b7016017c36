"""F5 医疗救治记录及残疾评定登记 and F7 心理评估/疏导记录, from the 医疗康复 records (sensitive). Pure
rendering: no Qt, no database. The disability form's 监护人 and 公示 are not kept: blank boxes."""

from __future__ import annotations

from victimcare.casework.steps.medical import rules
from victimcare.forms import kit, person
from victimcare.forms.kit import FormContext, pairs, section

F5_TITLE = "医疗救治记录及残疾评定登记表"
F7_TITLE = "心理评估及疏导记录表"
_KINDS = {k.code: k for k in rules.KINDS}


def _records_block(bundle, kind: str, blank: bool, heading: str) -> list:
    """Each record of ``kind`` as its own grid section (a blank form: one empty section)."""
    records = kit.kind_records(bundle, "medical", kind) or ([None] if blank else [])
    rows = []
    for i, record in enumerate(records, start=1):
        rows += [section(f"{heading}（{i}）" if len(records) > 1 else heading),
                 *kit.record_rows(_KINDS[kind], record, blank=blank)]
    return rows


def f5_story(bundle: dict | None, ctx: FormContext) -> list:
    case = person.case_of(bundle)
    blank = bundle is None
    rows = [*person.basic_rows(case)[:2], *_records_block(bundle, "visit", blank, "医疗救治")]
    disability = _records_block(bundle, "disability", blank, "残疾评定")
    if disability:
        rows += disability + [pairs(("监护人", ""), ("公示", ""))]
    return [*kit.form_head(F5_TITLE, bundle, ctx), *kit.grid(rows), kit.gap(4), kit.signature_block()]


def f7_story(bundle: dict | None, ctx: FormContext) -> list:
    case = person.case_of(bundle)
    blank = bundle is None
    rows = [*person.basic_rows(case)[:2], *_records_block(bundle, "assessment", blank, "心理评估")]
    return [*kit.form_head(F7_TITLE, bundle, ctx), *kit.grid(rows), kit.gap(2),
            kit.para("会谈记录", kit.styles().section),
            kit.record_list(_KINDS["session"], kit.kind_records(bundle, "medical", "session"),
                            ("on", "minutes", "topic", "intervention", "next"), [24, 16, 34, 52, 30], blank_rows=4),
            kit.gap(2), kit.note("保密级别：内部资料，仅限经办人员查阅。"), kit.gap(4),
            kit.signature_block(("评估人", "审核人"))]


def has_f5(bundle: dict) -> bool:
    return bool(kit.kind_records(bundle, "medical", "visit") or kit.kind_records(bundle, "medical", "disability"))


def has_f7(bundle: dict) -> bool:
    return bool(kit.kind_records(bundle, "medical", "assessment") or kit.kind_records(bundle, "medical", "session"))
