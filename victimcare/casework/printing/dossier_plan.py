"""What goes into a case's dossier, worded for ``forms.dossier``: the GB/T 9705 cover items, one section
per form that has data (in the catalog's order), the timeline, the audit excerpt and the 备考表.
Pure apart from the catalog's stories: it reads only the (already redacted) bundle it is given."""

from __future__ import annotations

import re
from functools import partial
from datetime import date, datetime, timedelta, timezone

from reportlab.lib.units import mm

from victimcare.casework import audit_words
from victimcare.casework.printing import profiles
from victimcare.casework.steps import BY_CODE
from victimcare.casework.steps.closure.rules import RETENTION
from victimcare.forms import dossier
from victimcare.security.audit import ACTION_LABELS, RESULT_LABELS

CATEGORY = "受助人员专门档案"
_RETENTION_CODES = {"permanent": "Y", "30y": "30", "10y": "10"}


def cn_date(value) -> str:
    """2026年12月2日 from an ISO date or date-time ('' when there is none)."""
    if not value:
        return ""
    try:
        day = value if isinstance(value, date) else datetime.fromisoformat(str(value)[:19]).date()
    except ValueError:
        return str(value)
    return f"{day.year}年{day.month}月{day.day}日"


def eight_digits(value) -> str:
    text = str(value or "")[:10].replace("-", "")
    return text if len(text) == 8 and text.isdigit() else ""


def _closure(bundle: dict) -> dict:
    return ((bundle.get("closure") or {}).get("closure") or {}) if isinstance(bundle.get("closure"), dict) else {}


def cover(bundle: dict, profile: profiles.Profile, printed_on: date) -> dossier.Cover:
    case, station = bundle.get("case") or {}, bundle.get("station") or {}
    school = bundle.get("school") or {}
    closure = _closure(bundle)
    case_no = case.get("case_no", "")
    begun = case.get("admitted_at") or school.get("referred_at") or ""
    ended = case.get("closed_at") or closure.get("closed_at") or printed_on.isoformat()
    retention = closure.get("retention", "")
    retention_label = dict(RETENTION).get(retention, "")
    year = str(begun)[:4] or str(printed_on.year)
    archive_no = f"{station.get('code', '')}-ZM·{year}-{_RETENTION_CODES.get(retention, '—')}-{case_no}"
    period = f"{cn_date(begun)}至{cn_date(ended)}" if begun else ""
    return dossier.Cover(
        fonds_name=station.get("name", ""), fonds_no=station.get("code", ""), category=CATEGORY,
        title=f"{case_no} {CATEGORY}（{profile.label}）", file_no=case_no, archive_no=archive_no,
        period=period, retention=retention_label or "（结案时确定）", classification="内部",
        filing_no=eight_digits(closure.get("archive_on")))


def form_date(spec, bundle: dict) -> str:
    """The 日期 of a form in the 目录: when its step's first record was made (the intake's admission)."""
    case = bundle.get("case") or {}
    if spec.step in ("intake", ""):
        return eight_digits(case.get("admitted_at"))
    if spec.step == "school":
        school = bundle.get("school") or {}
        return eight_digits(school.get("enrolled_on") or school.get("referred_at"))
    if spec.step == "closure":
        return eight_digits(_closure(bundle).get("closed_at"))
    kinds = (bundle.get("records") or {}).get(spec.step) or {}
    made = sorted(r.get("created_at", "") for rows in kinds.values() for r in rows if r.get("created_at"))
    return eight_digits(made[0]) if made else ""


def timeline_rows(events: list[dict]) -> list[list[str]]:
    """Oldest first, as a file is read."""
    rows = []
    for e in reversed(events or []):
        step = BY_CODE.get(e.get("step", ""))
        rows.append([str(e.get("at", "")).replace("T", " ")[:16], step.label if step else e.get("step", ""),
                     e.get("summary", ""), e.get("actor", "")])
    return rows


def station_time(ts_utc: str, tz_offset: str = "") -> str:
    """An entry's time as the station's clock showed it (the offset it recorded), to the second."""
    try:
        when = datetime.fromisoformat(ts_utc)
        if re.fullmatch(r"[+-]\d{4}", tz_offset or ""):
            sign = -1 if tz_offset[0] == "-" else 1
            when = when.astimezone(timezone(sign * timedelta(hours=int(tz_offset[1:3]), minutes=int(tz_offset[3:]))))
        return when.strftime("%Y-%m-%d %H:%M:%S")
    except ValueError:
        return str(ts_utc)


def audit_rows(entries: list[dict]) -> list[list[str]]:
    """序号, 时间, 账户 (name and staff ID), 操作, 对象与说明, 用途 — every code in words (``audit_words``)."""
    rows = []
    for e in entries:
        what = ACTION_LABELS.get(e["action"], (e["action"],))[0]
        if e.get("result", "ok") != "ok":
            what += f"（{RESULT_LABELS.get(e['result'], (e['result'],))[0]}）"
        name = e.get("actor_name", "")
        who = f"{name} {e['actor']}" if name and name != e["actor"] else e["actor"]
        about = [audit_words.object_text(e), audit_words.categories_text(e.get("categories", "")),
                 audit_words.row_detail(e)]
        rows.append([str(e["seq"]), station_time(str(e["ts_utc"]), e.get("tz_offset", "")), who, what,
                     "；".join(x for x in about if x), audit_words.purpose_text(e.get("purpose", ""))])
    return rows


def sections(catalog, bundle: dict, profile: profiles.Profile, ctx, audit: list[dict] | None) -> list[dossier.Section]:
    """Every form of the profile that has data, then the timeline and (when given) the audit excerpt."""
    station = (bundle.get("station") or {}).get("name", "")
    out = []
    for spec in catalog.FORMS:
        if profiles.form_allowed(profile, spec.code) and catalog.has_data(spec.code, bundle):
            out.append(dossier.Section(f"{spec.code} {spec.title}", _story(spec, bundle, ctx), station,
                                       form_date(spec, bundle)))
    if "events" in profile.sections:
        events = timeline_rows(bundle.get("events") or [])
        out.append(dossier.Section("个案时间线", partial(
            dossier.table_story, "个案时间线", ["时间", "环节", "事项", "经办人"], events,
            [30 * mm, 24 * mm, 80 * mm, 22 * mm]), station, eight_digits(events[-1][0]) if events else ""))
    if audit is not None:  # each story gets its own rows (a closure over one name would print the last twice)
        out.append(dossier.Section("审计记录摘录", partial(
            dossier.table_story, "审计记录摘录（本个案；只列类别，不含内容）",
            ["序号", "时间", "账户", "操作", "对象与说明", "用途"], audit_rows(audit),
            [11 * mm, 21 * mm, 24 * mm, 16 * mm, 68 * mm, 16 * mm]), station, ""))
    return out


def _story(spec, bundle, ctx):
    def make():
        return list(spec.story(bundle, ctx))
    return make


def back_note(profile: profiles.Profile, user: str, printed_on: date, seq: int) -> dossier.BackNote:
    return dossier.BackNote(
        remarks=[f"本卷按“{profile.label}”用途打印。{profile.explanation}",
                 f"本卷由系统根据个案记录生成，打印记录见审计日志第 {seq} 条；没有记录的表格未列入。"],
        compiled_by=user, checked_by="", compiled_on=cn_date(printed_on))
