"""F6 在站服务及离站登记表, from the intake and the 救助安置 records. Pure rendering: no Qt, no database.
The ticket details, the collector's papers and the receiving station are not kept apart from the
departure's destination: their boxes print empty."""

from __future__ import annotations

from victimcare.casework.steps.relief import rules
from victimcare.forms import kit, person
from victimcare.forms.kit import FormContext, cn_date, pairs, section

F6_TITLE = "在站服务及离站登记表"
_KINDS = {k.code: k for k in rules.KINDS}


def f6_story(bundle: dict | None, ctx: FormContext) -> list:
    case = person.case_of(bundle)
    blank = bundle is None
    placements = kit.kind_records(bundle, "relief", "placement")
    room = placements[-1].get("room", "") if placements else ""
    departure = kit.first_record(bundle, "relief", "departure")
    rows = [*person.basic_rows(case)[:2],
            pairs(("入站日期", cn_date(case.get("admitted_at"))), ("住宿区/房间", room)),
            section("离站登记"), *kit.record_rows(_KINDS["departure"], departure, blank=blank),
            pairs(("乘车凭证（目的地/车次）", ""), ("接领人及证件", ""))]
    return [*kit.form_head(F6_TITLE, bundle, ctx),
            kit.para("安置记录", kit.styles().section),
            kit.record_list(_KINDS["placement"], placements, ("start_on", "type", "place", "room", "end_on"),
                            [26, 30, 44, 30, 26], blank_rows=2),
            kit.gap(2), kit.para("服务记录", kit.styles().section),
            kit.record_list(_KINDS["service"], kit.kind_records(bundle, "relief", "service"),
                            ("on", "type", "content"), [26, 26, 104], blank_rows=5),
            kit.gap(2), *kit.grid(rows), kit.gap(4), kit.signature_block(("受助人", "经办人"))]


def has_f6(bundle: dict) -> bool:
    return any(kit.kind_records(bundle, "relief", k) for k in ("placement", "service", "departure", "assessment"))
