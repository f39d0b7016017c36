"""F3 寻亲登记表（含寻亲公告要素） and F4 DNA采血/比对登记表, from the intake and the family-search records.
Pure rendering: no Qt, no database. The notice's photo, height, clothing and the station's contact are not
kept by the app: their boxes print empty for hand filling. F4 holds metadata only, never a DNA profile."""

from __future__ import annotations

from victimcare.casework.steps.tracing import rules
from victimcare.forms import kit, person
from victimcare.forms.kit import FormContext, pairs, pick, section, text, wide

F3_TITLE = "寻亲登记表"
F4_TITLE = "DNA采血/比对登记表"
_KINDS = {k.code: k for k in rules.KINDS}


def f3_story(bundle: dict | None, ctx: FormContext) -> list:
    case, sens = person.case_of(bundle), pick(bundle, "sensitive", default={}) or {}
    handover = case.get("handover") or {}
    blank = bundle is None
    outcome = kit.first_record(bundle, "tracing", "outcome")
    rows = [
        section("一、寻亲公告要素"),
        *person.basic_rows(case),
        pairs(("身高", ""), ("口音", text(case.get("dialect")))),
        pairs(("健康状况", text(sens.get("health_check"))), ("智力/精神状态", text(sens.get("mental_note")))),
        wide("体貌特征", case.get("appearance"), lines=3 if blank else 1),
        wide("发现时衣着特征", "", lines=2),
        pairs(("发现日期", kit.cn_date(handover.get("found_at") or case.get("admitted_at"))),
              ("发现地点", text(handover.get("found_place")))),
        wide("救助管理机构联系方式", ""),
        section("二、寻亲结果"),
        *kit.record_rows(_KINDS["outcome"], outcome, blank=blank),
    ]
    return [
        *kit.form_head(F3_TITLE, bundle, ctx), *kit.grid(rows), kit.gap(2),
        kit.para("公告发布记录", kit.styles().section),
        kit.record_list(_KINDS["notice"], kit.kind_records(bundle, "tracing", "notice"),
                        ("published_at", "channel", "reference", "basis"), [34, 34, 56, 32], blank_rows=3),
        kit.gap(2), kit.para("公告更新", kit.styles().section),
        kit.record_list(_KINDS["notice_refresh"], kit.kind_records(bundle, "tracing", "notice_refresh"),
                        ("refreshed_on", "channel", "content"), [30, 36, 90], blank_rows=2),
        kit.gap(2), kit.para("比对记录", kit.styles().section),
        kit.record_list(_KINDS["comparison"], kit.kind_records(bundle, "tracing", "comparison"),
                        ("on", "method", "result", "detail", "handler"), [26, 24, 22, 58, 26], blank_rows=3),
        kit.gap(2), kit.para("线索记录", kit.styles().section),
        kit.record_list(_KINDS["lead"], kit.kind_records(bundle, "tracing", "lead"),
                        ("on", "source", "content", "state"), [26, 30, 76, 24], blank_rows=3),
        kit.gap(4), kit.signature_block(),
    ]


def f4_story(bundle: dict | None, ctx: FormContext) -> list:
    case = person.case_of(bundle)
    blank = bundle is None
    dna = kit.first_record(bundle, "tracing", "dna")
    choice_record = kit.first_record(bundle, "tracing", "match_choice")
    waiver = kit.first_record(bundle, "tracing", "dna_waiver")
    rows = [*person.basic_rows(case)[:2],
            section("采血与比对"),
            *kit.record_rows(_KINDS["dna"], dna, blank=blank)]
    if waiver or blank:
        rows += [section("不采血说明"), *kit.record_rows(_KINDS["dna_waiver"], waiver, blank=blank)]
    if choice_record or blank:
        rows += [section("比中后本人选择（16周岁以上）"), *kit.record_rows(_KINDS["match_choice"], choice_record, blank=blank)]
    return [*kit.form_head(F4_TITLE, bundle, ctx), *kit.grid(rows), kit.gap(2),
            kit.note("本表只登记采血和比对的办理情况，不记录任何DNA分型数据。"), kit.gap(4), kit.signature_block()]


def has_f3(bundle: dict) -> bool:
    return any(kit.kind_records(bundle, "tracing", k) for k in ("notice", "notice_refresh", "comparison", "lead", "outcome"))


def has_f4(bundle: dict) -> bool:
    return any(kit.kind_records(bundle, "tracing", k) for k in ("dna", "dna_waiver", "match_choice"))
