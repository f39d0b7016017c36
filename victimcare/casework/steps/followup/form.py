"""F15 回访记录表, one sheet per visit, from the 跟踪回访 records; blank for rural rounds (no case needed).
Pure rendering: no Qt, no database."""

from __future__ import annotations

from reportlab.platypus import PageBreak

from victimcare.casework.steps.followup import rules
from victimcare.forms import kit, person
from victimcare.forms.kit import FormContext, pairs

F15_TITLE = "回访记录表"
_VISIT = rules.KINDS[0]


def f15_story(bundle: dict | None, ctx: FormContext) -> list:
    """Every visit on its own sheet, oldest first; a blank sheet without a case or without visits."""
    case = person.case_of(bundle)
    visits = sorted(kit.kind_records(bundle, "followup", "visit"), key=lambda v: str(v.get("on", "")))
    story: list = []
    for i, visit in enumerate(visits or [None]):
        if i:
            story.append(PageBreak())
        rows = [pairs(("受访人", person.name(case)), ("性别", person.sex(case))),
                *kit.record_rows(_VISIT, visit, blank=visit is None)]
        story += [*kit.form_head(F15_TITLE, bundle, ctx), *kit.grid(rows), kit.gap(4),
                  kit.signature_block(("受访人（可不签）", "回访人"))]
    return story


def has_f15(bundle: dict) -> bool:
    return bool(kit.kind_records(bundle, "followup", "visit"))
