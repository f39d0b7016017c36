"""The one-file 专门档案 (case dossier): cover, 卷内目录, one section per document, 备考表. Pure
rendering: it takes the sections' stories (functions returning fresh reportlab flowables) and knows
nothing of cases or the database. No Qt.

Layout: the forms kit's page (``forms.pages``: GB/T 9704 frame, diagonal watermark, （续） titles); every
section starts on a new page and has a PDF bookmark; every page carries "第 x 页 / 共 y 页" below the type
area and a header line naming who printed it, when, and the audit sequence number of this print, plus
内部资料 注意保密.

Two passes: the first lays the whole file out to learn where each section starts and how many pages
there are; the second draws it with those numbers in the 目录, on the cover and in every footer. Every
number sits in a fixed-width cell or in the page margin, so the second pass breaks pages exactly as the
first (checked; a third pass would run if it ever did not). Everything stays in memory.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Paragraph, Spacer, Table, TableStyle

from victimcare.core.errors import UserError
from victimcare.forms.fonts import BODY, draw_string, markup, paragraph_style
from victimcare.forms.kit import MARGIN_BOTTOM, MARGIN_LEFT, PAGE, WIDTH, FormContext
from victimcare.forms.pages import FormDocTemplate, footer_text

PAGE_W, PAGE_H = PAGE
TEXT_W = WIDTH  # 156 mm: the GB/T 9704 type area of the forms kit
CONFIDENTIAL = "内部资料 注意保密"
_GRID = colors.Color(0.3, 0.3, 0.3)
_FONT_RULE = ("FONT", (0, 0), (-1, -1), BODY)


class RenderCancelled(UserError):
    """The user cancelled the render; nothing was produced."""

    def __init__(self):
        super().__init__("已取消生成。没有产生任何文件。")


@dataclass(frozen=True)
class Mark:
    """Who printed it, as whom, when (local time, already worded), the print's audit sequence number and
    the start of that entry's chain hash (``victimcare admin verify --printed SEQ:HASH`` checks a paper
    copy against the log: a log cut back or rewritten since no longer has it)."""
    user: str
    role: str
    printed_at: str
    seq: int
    head: str = ""

    def line(self) -> str:
        """The header line of every page (plain text, so it extracts as it reads)."""
        check = f"校验 {self.head}  " if self.head else ""
        return f"打印：{self.user}（{self.role}） {self.printed_at}  审计序号 {self.seq} {check} {CONFIDENTIAL}"

    def watermark(self) -> str:
        """The diagonal watermark."""
        return f"{self.user} {self.printed_at} 序号{self.seq} {CONFIDENTIAL}"


@dataclass(frozen=True)
class Section:
    """One document of the file: its 题名 in the 目录 and the bookmark, and its story (called once per
    pass: flowables are consumed by a build, so each pass needs fresh ones)."""
    title: str
    story: Callable[[], list[Flowable]]
    responsible: str = ""      # 责任者
    date: str = ""             # 日期, 8 digits (20260201) or ''
    note: str = ""             # 备注


@dataclass(frozen=True)
class Cover:
    """The GB/T 9705 cover items (件、页数 are counted here)."""
    fonds_name: str            # 全宗名称: the station
    fonds_no: str              # 全宗号
    category: str              # 类目名称
    title: str                 # 案卷题名
    file_no: str               # 案卷号
    archive_no: str            # 档号
    period: str                # 时间 (起止)
    retention: str             # 保管期限
    classification: str = "内部"  # 密级
    filing_no: str = ""        # 归档号


@dataclass(frozen=True)
class BackNote:
    """The 卷内备考表 (GB/T 9705 §5 names the section; the items are the ones proposed in the reference)."""
    remarks: list[str] = field(default_factory=list)  # 本卷情况说明, one paragraph each
    compiled_by: str = ""      # 立卷人
    checked_by: str = ""       # 检查人
    compiled_on: str = ""      # 立卷时间


@dataclass
class Layout:
    """What the first pass found: the page each section starts on (cover, 目录, sections…, 备考表)."""
    starts: list[int]
    pages: int


class _Styles:
    def __init__(self):
        self.title = paragraph_style("vc-dossier-title", 22, leading=32, alignment=TA_CENTER, spaceAfter=8 * mm)
        self.heading = paragraph_style("vc-dossier-heading", 16, leading=24, alignment=TA_CENTER, spaceAfter=5 * mm)
        self.cell = paragraph_style("vc-dossier-cell", 10.5, leading=15)
        self.small = paragraph_style("vc-dossier-small", 9, leading=13)
        self.body = paragraph_style("vc-dossier-body", 12, leading=20, firstLineIndent=24, spaceAfter=2 * mm)


_styles: _Styles | None = None


def styles() -> _Styles:
    global _styles
    if _styles is None:  # built on first use: registering the fonts takes a moment
        _styles = _Styles()
    return _styles


def p(text, style=None) -> Paragraph:
    """A paragraph of plain text (escaped, with the per-character font fallback); '' gives an empty cell."""
    return Paragraph(markup("" if text is None else str(text)), style or styles().cell)


class _Start(Flowable):
    """Zero-size marker at the top of a section: where it starts, and (second pass) its bookmark."""

    def __init__(self, index: int, title: str):
        super().__init__()
        self.index, self.title = index, title
        self.width = self.height = 0

    def wrap(self, _aw, _ah):
        return 0, 0

    def draw(self):
        pass


def grid(rows, widths, *, header_rows: int = 1, style_rules=()) -> Table:
    """A ruled table of paragraphs, its header repeated on every page it runs onto."""
    table = Table(rows, colWidths=widths, repeatRows=header_rows)
    table.setStyle(TableStyle([_FONT_RULE, ("GRID", (0, 0), (-1, -1), 0.6, _GRID),
                               ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                               ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                               *([("BACKGROUND", (0, 0), (-1, header_rows - 1), colors.Color(0.93, 0.93, 0.93))]
                                 if header_rows else []),
                               *style_rules]))
    return table


def table_story(title: str, header: Sequence[str], rows: Sequence[Sequence[str]], widths: Sequence[float],
                empty: str = "（无）") -> list[Flowable]:
    """A section that is one table under a heading (the timeline, the audit excerpt)."""
    st = styles()
    if not rows:
        return [p(title, st.heading), p(empty, st.body)]
    cells = [[p(h, st.small) for h in header]] + [[p(v, st.small) for v in row] for row in rows]
    return [p(title, st.heading), grid(cells, list(widths))]


class _Doc(FormDocTemplate):
    """The forms' page (GB/T 9704 frame, the diagonal watermark under the content, a form's title with
    （续） on its later pages) plus the dossier's header line, footer, 目录 starts and bookmarks."""

    def __init__(self, buf, mark: Mark, layout: Layout | None, *, final: bool, cancelled, on_section):
        super().__init__(buf, FormContext(user=mark.user, watermark=mark.watermark()))
        self.mark, self.layout, self.final = mark, layout, final
        self.cancelled, self.on_section = cancelled, on_section
        self.starts: list[int] = []

    def afterFlowable(self, flowable):
        if isinstance(flowable, _Start):
            self.starts.append(self.page)
            self.vc_form = None  # a section that is not a form has no （续） title
            if self.final:
                key = f"s{flowable.index}"
                self.canv.bookmarkPage(key)
                self.canv.addOutlineEntry(flowable.title, key, level=0, closed=False)
            self.on_section(flowable.index)
        if self.cancelled is not None and self.cancelled():
            raise RenderCancelled()

    def _page_ends(self, canvas, doc):
        """The form's continued title, then the header line naming the print and the footer."""
        super()._page_ends(canvas, doc)
        total = self.layout.pages if self.layout else 999
        canvas.saveState()
        canvas.setFillColor(colors.Color(0.35, 0.35, 0.35))
        draw_string(canvas, MARGIN_LEFT, PAGE_H - 20 * mm, self.mark.line(), 8)
        canvas.setFillColor(colors.black)
        draw_string(canvas, PAGE_W / 2, MARGIN_BOTTOM - 12 * mm, footer_text(doc.page, total), 10.5,
                    align="centre")
        canvas.restoreState()


def _cover_story(cover: Cover, sections: int, layout: Layout | None) -> list[Flowable]:
    st = styles()
    pages = str(layout.pages) if layout else "000"
    rows = [("全宗名称", cover.fonds_name), ("全宗号", cover.fonds_no), ("类目名称", cover.category),
            ("案卷题名", cover.title), ("案卷号", cover.file_no), ("档号", cover.archive_no),
            ("归档号", cover.filing_no), ("时间", cover.period), ("保管期限", cover.retention),
            ("密级", cover.classification), ("件数", f"{sections} 件"), ("页数", f"{pages} 页")]
    table = grid([[p(k), p(v)] for k, v in rows], [36 * mm, TEXT_W - 36 * mm], header_rows=0,
                 style_rules=[("TOPPADDING", (0, 0), (-1, -1), 6), ("BOTTOMPADDING", (0, 0), (-1, -1), 6)])
    return [Spacer(1, 18 * mm), p("专 门 档 案", st.title), p(cover.title, st.heading), Spacer(1, 10 * mm), table]


_TOC_WIDTHS = [11 * mm, 13 * mm, 24 * mm, 53 * mm, 20 * mm, 12 * mm, 12 * mm, 11 * mm]  # 156 mm


def _toc_story(entries: list[Section], first_section: int, layout: Layout | None) -> list[Flowable]:
    st = styles()
    header = ["序号", "件号", "责任者", "题名", "日期", "页号", "页数", "备注"]
    rows = [[p(h, st.small) for h in header]]
    for i, section in enumerate(entries):
        where = first_section + i
        if layout:
            start = layout.starts[where]
            end = layout.starts[where + 1] if where + 1 < len(layout.starts) else layout.pages + 1
            page, count = str(start), str(end - start)
        else:
            page = count = "000"
        rows.append([p(str(i + 1), st.small), p(f"{i + 1:04d}", st.small), p(section.responsible, st.small),
                     p(section.title, st.small), p(section.date, st.small), p(page, st.small), p(count, st.small),
                     p(section.note, st.small)])
    return [p("卷 内 目 录", st.heading), grid(rows, _TOC_WIDTHS)]


def _back_note_story(note: BackNote, sections: int, layout: Layout | None) -> list[Flowable]:
    st = styles()
    pages = str(layout.pages) if layout else "000"
    remarks = [f"本卷共 {sections} 件，{pages} 页。", *note.remarks]
    body = [p(r, st.body) for r in remarks]
    rows = [[p("本卷情况说明"), body], [p("立卷人"), p(note.compiled_by)], [p("检查人"), p(note.checked_by)],
            [p("立卷时间"), p(note.compiled_on)]]
    table = grid(rows, [30 * mm, TEXT_W - 30 * mm], header_rows=0,
                 style_rules=[("VALIGN", (0, 0), (-1, 0), "TOP"), ("TOPPADDING", (0, 0), (-1, -1), 6),
                              ("BOTTOMPADDING", (0, 0), (-1, -1), 6)])
    return [p("卷 内 备 考 表", st.heading), table]


def _story(cover: Cover, sections: list[Section], note: BackNote, layout: Layout | None) -> list[Flowable]:
    """cover (index 0), 目录 (1), the sections (2…), 备考表 (last); each starts on a fresh page."""
    parts: list[tuple[str, Callable[[], list[Flowable]]]] = [
        ("封面", lambda: _cover_story(cover, len(sections), layout)),
        ("卷内目录", lambda: _toc_story(sections, 2, layout)),
        *[(s.title, s.story) for s in sections],
        ("卷内备考表", lambda: _back_note_story(note, len(sections), layout)),
    ]
    story: list[Flowable] = []
    for index, (title, make) in enumerate(parts):
        if index:
            story.append(PageBreak())
        story.append(_Start(index, title))
        story.extend(make())
    return story


def render_dossier(cover: Cover, sections: list[Section], note: BackNote, mark: Mark, *,
                   cancelled: Callable[[], bool] | None = None,
                   progress: Callable[[int, int], None] | None = None) -> bytes:
    """The dossier as PDF bytes (unencrypted, neutral metadata). ``cancelled()`` is asked after every
    flowable (raises RenderCancelled); ``progress(done, total)`` hears of each section in both passes."""
    parts = len(sections) + 3
    total = 2 * parts

    def reporter(offset):
        def on_section(index):
            if progress is not None:
                progress(offset + index + 1, total)
        return on_section

    layout, offset = None, 0
    for _attempt in range(3):
        final = layout is not None
        buf = io.BytesIO()
        doc = _Doc(buf, mark, layout, final=final, cancelled=cancelled, on_section=reporter(offset))
        doc.build(_story(cover, sections, note, layout))
        found = Layout(doc.starts, doc.page)
        if final and found.starts == layout.starts and found.pages == layout.pages:
            return buf.getvalue()
        layout, offset = found, parts
    raise RuntimeError("the dossier's page breaks did not settle")
