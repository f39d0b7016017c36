"""The page furniture of every printed form and of the dossier: GB/T 9704 frame, footer
第 x 页 / 共 y 页, an optional light diagonal watermark, and on a form's later pages its title with
（续） and the 编号 above the type area.

The total page count is known only at the end, so the canvas keeps each page's drawing and writes the
footers when the document is saved (the second pass over the pages). Everything renders into memory;
the PDF's metadata stays neutral. No Qt here.
"""

from __future__ import annotations

import io

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate


from victimcare.forms.fonts import BODY, draw_string, register_fonts
from victimcare.forms.kit import (LANDSCAPE, LANDSCAPE_MARGIN_BOTTOM, LANDSCAPE_MARGIN_TOP, MARGIN_BOTTOM, MARGIN_LEFT,
                                  MARGIN_RIGHT, MARGIN_TOP, PAGE, FormContext)
from victimcare.forms.pdfout import NEUTRAL_DOC_KWARGS

CONTINUED = "（续）"
_GREY = colors.Color(0.3, 0.3, 0.3)
_WATERMARK = colors.Color(0.55, 0.55, 0.55, alpha=0.18)


def footer_text(page: int, total: int) -> str:
    return f"第 {page} 页 / 共 {total} 页"


class _NumberedCanvas(Canvas):
    """Keeps every page until save() so each footer can say how many pages there are."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._vc_pages: list[dict] = []

    def showPage(self):
        self._vc_pages.append(dict(self.__dict__))
        self._startPage()

    def save(self):
        total = len(self._vc_pages)
        for number, state in enumerate(self._vc_pages, start=1):
            self.__dict__.update(state)
            self.saveState()
            self.setFillColor(_GREY)
            width, height = self._pagesize
            bottom = MARGIN_BOTTOM if height > width else LANDSCAPE_MARGIN_BOTTOM
            draw_string(self, width / 2, bottom - 12 * mm, footer_text(number, total), 10.5, align="centre")
            self.restoreState()
            super().showPage()
        super().save()


def _draw_watermark(canvas: Canvas, text: str) -> None:
    canvas.saveState()
    canvas.setFillColor(_WATERMARK)
    width, height = canvas._pagesize
    canvas.translate(width / 2, height / 2)
    canvas.rotate(35)
    for offset in (-90 * mm, 0, 90 * mm):  # three lines across the page, so a crop still shows it
        draw_string(canvas, 0, offset, text, 22, align="centre")
    canvas.restoreState()


def _continued_header(canvas: Canvas, doc: BaseDocTemplate) -> None:
    form = getattr(doc, "vc_form", None)
    if not form:
        return
    title, case_no, first_page = form
    if canvas.getPageNumber() == first_page:
        return
    canvas.saveState()
    width, height = canvas._pagesize
    y = height - doc.topMargin + 6 * mm
    draw_string(canvas, MARGIN_LEFT, y, f"{title}{CONTINUED}", 12)
    if case_no:
        draw_string(canvas, width - MARGIN_RIGHT, y, f"编号：{case_no}", 10.5, align="right")
    canvas.setLineWidth(0.5)
    canvas.line(MARGIN_LEFT, y - 2 * mm, width - MARGIN_RIGHT, y - 2 * mm)
    canvas.restoreState()


class FormDocTemplate(BaseDocTemplate):
    """A4 with the GB/T 9704 type area, the watermark under every page's content, the continued title
    on a form's later pages. The dossier may subclass it (afterFlowable for its 目录 and bookmarks)."""

    def __init__(self, buffer, ctx: FormContext, *, landscape: bool = False, **kwargs):
        register_fonts()
        super().__init__(buffer, pagesize=LANDSCAPE if landscape else PAGE,
                         leftMargin=MARGIN_LEFT, rightMargin=MARGIN_RIGHT,
                         topMargin=LANDSCAPE_MARGIN_TOP if landscape else MARGIN_TOP,
                         bottomMargin=LANDSCAPE_MARGIN_BOTTOM if landscape else MARGIN_BOTTOM,
                         initialFontName=BODY,  # otherwise reportlab writes a non-embedded Helvetica
                         invariant=0, lang="zh-CN", **NEUTRAL_DOC_KWARGS, **kwargs)
        self.ctx = ctx
        self.vc_form = None
        frame = Frame(self.leftMargin, self.bottomMargin, self.width, self.height, id="body",
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        self.addPageTemplates([PageTemplate(id="form", frames=[frame], onPage=self._page_begins,
                                            onPageEnd=self._page_ends)])

    def _page_begins(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        if self.ctx.watermark:
            _draw_watermark(canvas, self.ctx.watermark)

    def _page_ends(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        _continued_header(canvas, doc)


def build_pdf(story: list[Flowable], ctx: FormContext, *, landscape: bool = False,
              doc_class=FormDocTemplate) -> bytes:
    """Render ``story`` with the form pages into PDF bytes (in memory, never a temp file)."""
    buffer = io.BytesIO()
    doc = doc_class(buffer, ctx, landscape=landscape)
    doc.build(list(story), canvasmaker=_NumberedCanvas)
    return buffer.getvalue()


def numbered_canvas():
    """The canvas class that writes 第 x 页 / 共 y 页 (for a caller's own ``doc.build``/``multiBuild``)."""
    return _NumberedCanvas
