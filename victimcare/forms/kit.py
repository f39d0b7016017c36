"""The official form layout, as reportlab flowables: title, 编号 line, a ruled grid of label and value
cells with spans, lists of records with a repeated header row, and signature/date blocks.

A form is a *story*: the list of flowables one function returns (``form_story``). The page furniture —
footer 第 x 页 / 共 y 页, watermark, the continued title on later pages — lives in ``forms/pages.py``; the
case dossier strings several stories together on the same pages.

Every value may be missing: None and '' print an empty box, never "None". Text goes through the
per-character font fallback (``forms.fonts.markup``), so rare hanzi in names print and extract. No Qt here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from types import SimpleNamespace

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from victimcare.domain.fields import CHOICE, DATE, DATETIME, FLAG, NOTE, Field, RecordKind
from victimcare.forms.fonts import body_font, heading_font, markup, paragraph_style, string_width

# GB/T 9704-2012 page geometry (domain-forms-and-rules §4.4): A4, top 37 mm, binding (left) 28 mm, a 156 x 225
# mm type area; forms may adjust, and these keep it.
PAGE = A4
MARGIN_TOP, MARGIN_BOTTOM = 37 * mm, 35 * mm
MARGIN_LEFT, MARGIN_RIGHT = 28 * mm, 26 * mm
WIDTH = PAGE[0] - MARGIN_LEFT - MARGIN_RIGHT  # 156 mm
HEIGHT = PAGE[1] - MARGIN_TOP - MARGIN_BOTTOM  # 225 mm
# A ledger of many columns (F10) prints across an A4 turned sideways, binding margin kept on the left.
LANDSCAPE = (A4[1], A4[0])
LANDSCAPE_MARGIN_TOP = LANDSCAPE_MARGIN_BOTTOM = 25 * mm
LANDSCAPE_WIDTH = LANDSCAPE[0] - MARGIN_LEFT - MARGIN_RIGHT  # 243 mm

BOX_HEIGHT = 9 * mm  # the least height of a value box: room to write by hand on a blank form
NOTE_LINES = 4  # a long-text box on a blank form is this many boxes high
_GRID = colors.black
_LABEL_BG = colors.Color(0.93, 0.93, 0.93)
# Table draws plain-string cells (even empty ones) in its default Helvetica, which is not embedded.
def font_rule() -> tuple:
    """The table font rule: the station's form font (``fonts.body_font``: bundled or 仿宋)."""
    return ("FONT", (0, 0), (-1, -1), body_font())


@dataclass(frozen=True)
class FormContext:
    """What a print knows besides the case: who prints, when, for which station, and the watermark."""
    station: str = ""
    user: str = ""
    printed_at: datetime | None = None
    watermark: str = ""


def styles() -> SimpleNamespace:
    """The form's paragraph styles on the station's form fonts (set before each print)."""
    return _styles(body_font(), heading_font())


@cache
def _styles(body: str, heading: str) -> SimpleNamespace:
    # built on first use: paragraph_style registers the fonts
    return SimpleNamespace(
        title=paragraph_style("vc-form-title", 20, leading=28, alignment=TA_CENTER, spaceAfter=2 * mm, base=heading),
        meta=paragraph_style("vc-form-meta", 10.5, leading=15, base=body),
        label=paragraph_style("vc-form-label", 10.5, leading=14, base=body),
        value=paragraph_style("vc-form-value", 10.5, leading=15, base=body),
        section=paragraph_style("vc-form-section", 11, leading=15, keepWithNext=1, base=heading),
        head=paragraph_style("vc-form-head", 9.5, leading=13, alignment=TA_CENTER, base=body),
        cell=paragraph_style("vc-form-cell", 9.5, leading=13, base=body),
        sign=paragraph_style("vc-form-sign", 10.5, leading=15, base=body),
        letter=paragraph_style("vc-form-letter", 12, leading=22, firstLineIndent=24, base=body),
    )


# -- values ------------------------------------------------------------------------------------------


def text(value) -> str:
    """A value as printed text: '' for None and '' (never "None"), the rest as str."""
    return "" if value is None else str(value)


def cn_date(value) -> str:
    """'2026-12-02' (or a date/datetime, or an ISO date-time) → 2026年12月2日; '' stays ''."""
    if value in (None, ""):
        return ""
    if isinstance(value, (date, datetime)):
        day = value
    else:
        try:
            day = date.fromisoformat(str(value)[:10])
        except ValueError:
            return str(value)  # not a date: print what is stored rather than nothing
    return f"{day.year}年{day.month}月{day.day}日"


def cn_datetime(value) -> str:
    """'2026-12-02T14:30' → 2026年12月2日 14:30 (a bare date keeps no time)."""
    if value in (None, ""):
        return ""
    raw = value.isoformat() if isinstance(value, (date, datetime)) else str(value)
    day, time_part = cn_date(raw), raw[11:16]
    return f"{day} {time_part}" if time_part else day


def choice(options, code) -> str:
    """The wording of a choice code from (code, wording[, English]) pairs; '' when empty."""
    if code in (None, ""):
        return ""
    for option in options:
        if option[0] == code:
            return option[1]
    return str(code)


def flag(value) -> str:
    """是/否 for a stored yes/no; '' when it was never answered (None)."""
    return "" if value in (None, "") else ("是" if value else "否")


def shown(field: Field, value) -> str:
    """A record field's value as the form prints it: choices worded, dates in Chinese form."""
    if value in (None, ""):
        return ""
    if field.kind == DATE:
        return cn_date(value)
    if field.kind == DATETIME:
        return cn_datetime(value)
    if field.kind == CHOICE:
        return field.choice_label(str(value))
    if field.kind == FLAG:
        return flag(value)
    return field.shown(value)


def options(field: Field, most: int = 8) -> str:
    """What a blank form offers to tick: □入户 □电话 … for a choice (of up to ``most`` options), □是 □否
    for a yes/no; '' for anything else (an empty box)."""
    if field.kind == CHOICE and len(field.choices) <= most:
        return " ".join(f"□{c[1]}" for c in field.choices)
    if field.kind == FLAG:
        return "□是 □否"
    return ""


def pick(mapping, *keys, default=None):
    """``mapping[k1][k2]…`` where any level may be absent or None (a profile drops keys)."""
    for key in keys:
        if not isinstance(mapping, dict):
            return default
        mapping = mapping.get(key)
    return default if mapping is None else mapping


# -- cells and rows ----------------------------------------------------------------------------------


def para(value, style=None) -> Paragraph:
    """A paragraph of plain text; newlines kept as line breaks."""
    body = "<br/>".join(markup(line, body_font()) for line in text(value).split("\n"))
    return Paragraph(body, style or styles().value)


def box(value, height: float = BOX_HEIGHT):
    """A value cell: the text, or for an empty value a box ``height`` high to write in by hand.
    (reportlab's rowHeights are exact and would clip long text, so an empty cell holds a spacer.)"""
    if text(value) == "":
        return Spacer(1, max(0.0, height - 2.6 * mm))
    return para(value)


@dataclass(frozen=True)
class Row:
    """One grid row: ``cells`` of (label, value, columns the value spans) and the height of its boxes
    when they are empty."""
    cells: tuple[tuple[str, object, int], ...]
    height: float = BOX_HEIGHT
    section: bool = False


def pairs(*items: tuple[str, object]) -> Row:
    """Up to two label/value pairs side by side (a single pair's value spans the rest of the row)."""
    if len(items) == 1:
        return Row(((items[0][0], items[0][1], 3),))
    return Row(tuple((label, value, 1) for label, value in items[:2]))


def wide(label: str, value, *, lines: float = 1) -> Row:
    """A label and a value box across the row. Empty, the box is ``lines`` boxes high (room to write by
    hand); filled, it is as high as its text, however long."""
    return Row(((label, value, 3),), height=BOX_HEIGHT * lines)


def section(title: str) -> Row:
    """A heading across the grid (e.g. 二、身体状况)."""
    return Row(((title, None, 0),), section=True)


def grid(rows: list[Row], *, label_width: float = 28 * mm) -> list[Flowable]:
    """The ruled table of a form as flowables stacked without a gap: runs of label/value pairs in four
    columns (label, value, label, value); a wide row or a section heading in a table of its own (in
    reportlab 5.1 a value spanning columns wrapped at one column's width when its row split over pages).

    Rows split across pages, long values inside a row too (``splitInRow``), so nothing is clipped."""
    out: list[Flowable] = []
    run: list[Row] = []
    for row in rows:
        if row.section or row.cells[0][2] == 3:
            if run:
                out.append(_pair_table(run, label_width))
                run = []
            out.append(_section_table(row) if row.section else _wide_table(row, label_width))
        else:
            run.append(row)
    if run:
        out.append(_pair_table(run, label_width))
    return out


def _table(data, widths, commands) -> Table:
    table = Table(data, colWidths=widths, splitByRow=1, splitInRow=1)
    table.setStyle(TableStyle([
        font_rule(), ("GRID", (0, 0), (-1, -1), 0.6, _GRID),
        # MIDDLE would make reportlab fail to split a tall row across pages
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 1.4 * mm), ("BOTTOMPADDING", (0, 0), (-1, -1), 1.2 * mm),
        ("LEFTPADDING", (0, 0), (-1, -1), 1.6 * mm), ("RIGHTPADDING", (0, 0), (-1, -1), 1.6 * mm),
        *commands]))
    return table


def _pair_table(rows: list[Row], label_width: float) -> Table:
    st = styles()
    value_width = (WIDTH - 2 * label_width) / 2
    data = []
    for row in rows:
        cells: list[object] = []
        for label, value, _span in row.cells:
            cells += [para(label, st.label), box(value, row.height)]
        data.append(cells + [""] * (4 - len(cells)))
    return _table(data, [label_width, value_width, label_width, value_width],
                  [("BACKGROUND", (0, 0), (0, -1), _LABEL_BG), ("BACKGROUND", (2, 0), (2, -1), _LABEL_BG)])


def _wide_table(row: Row, label_width: float) -> Table:
    label, value, _span = row.cells[0]
    return _table([[para(label, styles().label), box(value, row.height)]], [label_width, WIDTH - label_width],
                  [("BACKGROUND", (0, 0), (0, 0), _LABEL_BG)])


def _section_table(row: Row) -> Table:
    return _table([[para(row.cells[0][0], styles().section)]], [WIDTH], [("BACKGROUND", (0, 0), (0, 0), _LABEL_BG)])


def list_table(headers: list[str], rows: list[list[object]], widths_mm: list[float], *,
               blank_rows: int = 0, width: float = WIDTH) -> Table:
    """A list of records under a repeated header row (on every page the list reaches); ``blank_rows``
    empty rows are added for hand filling (a blank form, or room below a short list)."""
    st = styles()
    scale = width / (sum(widths_mm) * mm)
    widths = [w * mm * scale for w in widths_mm]
    data = [[para(h, st.head) for h in headers]]
    data += [[para(v, st.cell) for v in row] for row in rows]
    data += [[box("", BOX_HEIGHT * 0.8)] + [""] * (len(headers) - 1) for _ in range(blank_rows)]
    table = Table(data, colWidths=widths, repeatRows=1, splitByRow=1, splitInRow=1)
    table.setStyle(TableStyle([
        font_rule(), ("GRID", (0, 0), (-1, -1), 0.6, _GRID), ("BACKGROUND", (0, 0), (-1, 0), _LABEL_BG),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 1 * mm), ("BOTTOMPADDING", (0, 0), (-1, -1), 1.2 * mm),
        ("LEFTPADDING", (0, 0), (-1, -1), 1.2 * mm), ("RIGHTPADDING", (0, 0), (-1, -1), 1.2 * mm),
    ]))
    return table


def signature_block(roles: tuple[str, ...] = ("经办人", "审核人"), *, dated: bool = True) -> Flowable:
    """经办人（签字）：______  日期：____年__月__日, one line per role. The blanks are empty cells ruled
    underneath: room for handwriting, and nothing for Paragraph to squeeze (it collapses runs of spaces)."""
    st = styles()
    labels = [f"{role}（签字）：" for role in roles]
    label_width = max(string_width(t, st.sign.fontSize) for t in labels) + 2 * mm
    texts = ["", "日期：", "", "年", "", "月", "", "日"] if dated else [""]
    date_widths = [18 * mm, 16 * mm, 6 * mm, 10 * mm, 6 * mm, 10 * mm, 6 * mm]  # 日期：____年__月__日
    blank = max(25 * mm, min(60 * mm, WIDTH - label_width - sum(date_widths) - 8 * mm))
    widths = [blank, *date_widths] if dated else [blank]
    data = [[para(label, st.sign)] + [para(t, st.sign) if t else "" for t in texts] for label in labels]
    ruled = [1, 3, 5, 7] if dated else [1]
    table = Table(data, colWidths=[label_width] + widths, rowHeights=[11 * mm] * len(roles), hAlign="LEFT")
    table.setStyle(TableStyle([
        font_rule(), ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1), ("LEFTPADDING", (2, 0), (2, -1), 3 * mm),
        *(("LINEBELOW", (c, 0), (c, -1), 0.6, colors.black) for c in ruled)]))
    return KeepTogether([table])  # the signatures are never split over two pages


def date_line() -> Table:
    """____年__月__日 with ruled blanks, right-aligned (under a seal or a letter)."""
    st = styles()
    table = Table([["", para("年", st.sign), "", para("月", st.sign), "", para("日", st.sign)]],
                  colWidths=[16 * mm, 6 * mm, 10 * mm, 6 * mm, 10 * mm, 6 * mm], rowHeights=[10 * mm], hAlign="RIGHT")
    table.setStyle(TableStyle([font_rule(), ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
                               *(("LINEBELOW", (c, 0), (c, 0), 0.6, colors.black) for c in (0, 2, 4))]))
    return table


# -- records -------------------------------------------------------------------------------------------


def record_rows(kind: RecordKind, record: dict | None, names: tuple[str, ...] | None = None,
                *, blank: bool = False) -> list[Row]:
    """Grid rows for one record of ``kind`` (its fields in order, or ``names``): short fields two to a
    row, long text (NOTE) across the row. ``record`` None prints the boxes empty."""
    record = record or {}
    fields = [kind.field(n) for n in names] if names else list(kind.fields)
    rows: list[Row] = []
    pending: list[tuple[str, str]] = []
    for f in fields:
        value = options(f) if blank else shown(f, record.get(f.name))
        if f.kind == NOTE or len(value) > 40:
            if pending:
                rows.append(pairs(*pending))
                pending = []
            rows.append(wide(f.label, value, lines=2.4 if blank else 2))
        else:
            pending.append((f.label, value))
            if len(pending) == 2:
                rows.append(pairs(*pending))
                pending = []
    if pending:
        rows.append(pairs(*pending))
    return rows


def record_list(kind: RecordKind, records: list[dict] | None, names: tuple[str, ...], widths_mm: list[float],
                *, blank_rows: int = 0) -> Table:
    """The records of ``kind`` as a list table of the named fields, oldest first as on paper."""
    fields = [kind.field(n) for n in names]
    ordered = sorted(records or [], key=lambda r: str(r.get(kind.order_by, "") if kind.order_by else r.get("id", "")))
    rows = [[shown(f, r.get(f.name)) for f in fields] for r in ordered]
    return list_table([f.label for f in fields], rows, widths_mm,
                      blank_rows=blank_rows if not rows else max(0, blank_rows - len(rows)))


def kind_records(bundle: dict | None, step: str, kind: str) -> list[dict]:
    """The records of one kind of one step from the bundle ([] when the profile left them out)."""
    found = pick(bundle, "records", step, kind, default=[])
    return found if isinstance(found, list) else []


def first_record(bundle: dict | None, step: str, kind: str) -> dict | None:
    records = kind_records(bundle, step, kind)
    return records[0] if records else None


# -- the head of a form --------------------------------------------------------------------------------


class FormStart(Flowable):
    """Zero-size marker at the top of a form's story: later pages until the next marker carry this
    form's title with （续） and its 编号."""

    def __init__(self, title: str, case_no: str = ""):
        super().__init__()
        self.title, self.case_no = title, case_no
        self.width = self.height = 0

    def wrap(self, availWidth, availHeight):
        return 0, 0

    def draw(self):
        doc = getattr(self.canv, "_doctemplate", None)
        if doc is not None:
            doc.vc_form = (self.title, self.case_no, self.canv.getPageNumber())




def form_head(title: str, bundle: dict | None, ctx: FormContext, *, number_label: str = "编号",
              width: float = WIDTH) -> list[Flowable]:
    """Title, then 机构名称 and 编号 (the case number) on one line; both blank on a blank form."""
    st = styles()
    station = pick(bundle, "station", "name") or ctx.station
    case_no = text(pick(bundle, "case", "case_no"))
    head = Table([[para(f"机构名称：{station}", st.meta), para(f"{number_label}：{case_no}", st.meta)]],
                 colWidths=[width * 0.6, width * 0.4])
    head.setStyle(TableStyle([font_rule(), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                              ("RIGHTPADDING", (0, 0), (-1, -1), 0), ("ALIGN", (1, 0), (1, 0), "RIGHT")]))
    return [FormStart(title, case_no), Paragraph(markup(title, heading_font()), st.title), head, Spacer(1, 1.5 * mm)]


def gap(height_mm: float = 3) -> Spacer:
    return Spacer(1, height_mm * mm)


def note(value) -> Paragraph:
    """A line of small print under a table (what the form is for, who keeps it)."""
    return para(value, styles().cell)
