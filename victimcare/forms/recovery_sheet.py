"""The printed recovery sheet made when a vault is created (security requirement 40).

One A4 page in Chinese with GB/T 9704 geometry (margins top 37 mm, left 28 mm, right 26 mm,
bottom 35 mm; a 156 x 225 mm text block). It is rendered only in memory and its metadata stays
neutral (no station name in the file's properties). It holds the master recovery code, so it leaves
memory only to the printer, or as a file encrypted with AES-256 under a password of its own
(``encrypted_recovery_sheet``). No Qt here.
"""

from __future__ import annotations

import io
import re
from datetime import datetime
from functools import cache
from types import SimpleNamespace

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (BaseDocTemplate, Flowable, Frame, KeepTogether, PageTemplate,
                                Paragraph, Spacer, Table, TableStyle)

from victimcare.forms.fonts import BODY, MONO, draw_string, markup, paragraph_style, string_width
from victimcare.core.errors import ValidationError
from victimcare.forms.pdfout import NEUTRAL_DOC_KWARGS, encrypt_pdf

SHEET_PASSWORD_MIN = 12
SAVE_WARNING = ("恢复凭证上的恢复码可以打开保险库里的全部数据。PDF 文件已用 AES-256 加密，打开时需要刚才设置的"
                "文件密码；请尽快打印两份、分别密封保管，然后彻底删除这个文件（包括回收站中的副本），"
                "不要把它发送或同步到任何地方。")


def check_sheet_password(password: str, repeat: str | None = None) -> str:
    """The password that opens the saved sheet: long enough, typed the same twice."""
    if len(password) < SHEET_PASSWORD_MIN:
        raise ValidationError("sheet_password", f"恢复凭证文件的密码至少需要 {SHEET_PASSWORD_MIN} 个字符。")
    if repeat is not None and repeat != password:
        raise ValidationError("sheet_password", "两次输入的文件密码不一致。")
    return password


def encrypted_recovery_sheet(pdf_password: str, **fields) -> bytes:
    """The sheet as an AES-256-encrypted PDF (``fields``: those of ``render_recovery_sheet``)."""
    return encrypt_pdf(render_recovery_sheet(**fields), check_sheet_password(pdf_password))

TITLE = "数据库恢复凭证（请密封保管）"
RECOVER_COMMAND = "victimcare admin recover --user 账户名"

_MARGIN_TOP, _MARGIN_BOTTOM = 37 * mm, 35 * mm
_MARGIN_LEFT, _MARGIN_RIGHT = 28 * mm, 26 * mm
_TEXT_WIDTH = A4[0] - _MARGIN_LEFT - _MARGIN_RIGHT  # 156 mm

_CODE_SIZE = 20
_CODE_GROUP = 4  # characters per group when the code comes without separators
_CODE_MAX_COLUMNS = 6  # groups per row at most; rows are balanced so none is left nearly empty
_GRID = colors.Color(0.35, 0.35, 0.35)
# Table draws plain-string cells (even empty ones) in its default Helvetica, which is not
# embedded; every table here names a bundled font instead.
_FONT_RULE = ("FONT", (0, 0), (-1, -1), BODY)


@cache
def _styles() -> SimpleNamespace:
    # Built on first use, not at import: paragraph_style registers the fonts (~0.4 s).
    return SimpleNamespace(
        title=paragraph_style("vc-recovery-title", 22, leading=30, alignment=TA_CENTER,
                              spaceAfter=5 * mm),
        label=paragraph_style("vc-recovery-label", 12, leading=18),
        value=paragraph_style("vc-recovery-value", 12, leading=18),
        heading=paragraph_style("vc-recovery-heading", 14, leading=20, spaceBefore=4.5 * mm,
                                spaceAfter=2.5 * mm),
        body=paragraph_style("vc-recovery-body", 11, leading=17, leftIndent=6 * mm,
                             firstLineIndent=-6 * mm, spaceAfter=1 * mm),
        command=paragraph_style("vc-recovery-command", 11, leading=17, base=MONO,
                                leftIndent=12 * mm, spaceBefore=0.5 * mm, spaceAfter=2 * mm),
        code=paragraph_style("vc-recovery-code", _CODE_SIZE, leading=_CODE_SIZE * 1.2, base=MONO,
                             alignment=TA_CENTER),
        note=paragraph_style("vc-recovery-note", 9, leading=14, alignment=TA_CENTER,
                             textColor=colors.Color(0.3, 0.3, 0.3)),
    )


def render_recovery_sheet(*, station_name: str, vault_id: str, created_at: datetime,
                          supervisor_account: str, recovery_code: str) -> bytes:
    """Return the recovery sheet as PDF bytes (unencrypted: it is for printing and sealing).

    ``created_at`` is printed as given (pass local time), e.g. 2026年11月28日 20:15.
    ``recovery_code`` is shown in groups: its own groups if it has spaces or hyphens,
    otherwise groups of four characters.
    """
    groups = _code_groups(recovery_code)
    st = _styles()
    buf = io.BytesIO()
    doc = BaseDocTemplate(
        buf, pagesize=A4, leftMargin=_MARGIN_LEFT, rightMargin=_MARGIN_RIGHT,
        topMargin=_MARGIN_TOP, bottomMargin=_MARGIN_BOTTOM,
        initialFontName=BODY,  # otherwise reportlab writes a non-embedded Helvetica
        invariant=0, lang="zh-CN", **NEUTRAL_DOC_KWARGS,
    )
    frame = Frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id="body",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    doc.addPageTemplates([PageTemplate(id="sheet", frames=[frame], onPage=_draw_page_furniture)])
    doc.build([
        Paragraph(markup(TITLE), st.title),
        _facts_table([
            ("机构名称", station_name),
            ("保险库标识", vault_id),
            ("创建时间", format_cn_datetime(created_at)),
            ("主管账户", supervisor_account),
        ]),
        Paragraph(markup("恢复码"), st.heading),
        KeepTogether([
            _code_table(groups),
            Spacer(1, 2 * mm),
            Paragraph(markup(f"共 {len(groups)} 组，请逐组核对"), st.note),
        ]),
        Paragraph(markup("用途与保管说明"), st.heading),
        *_instructions(),
        Spacer(1, 4 * mm),
        _signature_row(),
    ])
    return buf.getvalue()


def format_cn_datetime(value: datetime) -> str:
    """2026年11月28日 20:15 (no leading zeros in month and day, as in Chinese documents)."""
    return f"{value.year}年{value.month}月{value.day}日 {value.hour:02d}:{value.minute:02d}"


def _code_groups(code: str) -> list[str]:
    groups = [g for g in re.split(r"[\s\-]+", code.strip()) if g]
    if not groups:
        raise ValueError("recovery code is empty")
    if len(groups) == 1:
        single = groups[0]
        groups = [single[i:i + _CODE_GROUP] for i in range(0, len(single), _CODE_GROUP)]
    return groups


def _facts_table(rows: list[tuple[str, str]]) -> Table:
    st = _styles()
    label_width = 30 * mm
    data = [[Paragraph(markup(label), st.label), Paragraph(markup(value), st.value)]
            for label, value in rows]
    table = Table(data, colWidths=[label_width, _TEXT_WIDTH - label_width])
    table.setStyle(TableStyle([
        _FONT_RULE,
        ("GRID", (0, 0), (-1, -1), 0.6, _GRID),
        ("BACKGROUND", (0, 0), (0, -1), colors.Color(0.94, 0.94, 0.94)),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 1.8 * mm),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.8 * mm),
        ("LEFTPADDING", (0, 0), (-1, -1), 3 * mm),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3 * mm),
    ]))
    return table


def _code_table(groups: list[str]) -> Table:
    st = _styles()
    # One cell per group in the monospaced face, so columns line up like on a code card.
    widest = max(string_width(g, _CODE_SIZE, base=MONO) for g in groups) + 10 * mm
    fit = max(1, min(_CODE_MAX_COLUMNS, int(_TEXT_WIDTH // widest)))
    rows_needed = -(-len(groups) // fit)
    columns = -(-len(groups) // rows_needed)  # 8 groups -> 2 x 4, 13 -> 5 + 5 + 3
    cells = [Paragraph(markup(g, base=MONO), st.code) for g in groups]
    cells += [""] * (-len(cells) % columns)
    rows = [cells[i:i + columns] for i in range(0, len(cells), columns)]
    table = Table(rows, colWidths=[_TEXT_WIDTH / columns] * columns)
    table.setStyle(TableStyle([
        _FONT_RULE,
        ("BOX", (0, 0), (-1, -1), 1.2, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 2 * mm),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2 * mm),
    ]))
    return table


def _instructions() -> list[Flowable]:
    st = _styles()
    items = [
        "1. 用途：本凭证只在所有主管账户的密码都遗失时使用。恢复码可以把每个分区密钥重新封装到"
        "新设定的主管密码之下，个案数据本身不会改动。",
        "2. 使用方法：在存放本保险库的电脑上运行以下命令，按提示输入上方恢复码，"
        "再为该主管账户设置新密码。每次使用都会记入审计日志。",
    ]
    after_command = [
        "3. 保管：打印两份，分别装入信封密封，在封口处签字，存放在两个不同地点的保险柜中。"
        "不要拍照、扫描、复印，也不要以任何电子形式保存。",
        "4. 警告：任何人只要同时拿到本恢复码和保险库文件夹，就能读取库中的全部数据。"
        "凭证遗失或疑似泄露时，请立即报告机构负责人。",
        "5. 恢复码和全部主管密码都遗失时，数据将永久无法恢复，任何人（包括软件开发者）都无法找回。",
    ]
    return [
        *(Paragraph(markup(text), st.body) for text in items),
        Paragraph(markup(RECOVER_COMMAND, base=MONO), st.command),
        *(Paragraph(markup(text), st.body) for text in after_command),
    ]


def _signature_row() -> Table:
    """保管人（签字）：____ 日期：____年___月___日. Blanks are empty cells ruled underneath:
    room for handwriting, and nothing for Paragraph to squeeze (it collapses runs of spaces).
    The copy number (第 _ 份) is in the page header, where GB/T 9704 puts 份号."""
    st = _styles()
    texts = ["保管人（签字）：", "", "日期：", "", "年", "", "月", "", "日"]
    widths = [36, 41, 18, 20, 6, 12, 6, 12, 5]  # mm; sums to the 156 mm text width
    table = Table([[Paragraph(markup(t), st.label) if t else "" for t in texts]],
                  colWidths=[w * mm for w in widths], rowHeights=[10 * mm])
    table.setStyle(TableStyle([
        _FONT_RULE,
        ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("LEFTPADDING", (2, 0), (2, 0), 3 * mm),  # keep 日期 clear of the signature rule
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
        *(("LINEBELOW", (c, 0), (c, 0), 0.6, colors.black) for c in (1, 3, 5, 7)),
    ]))
    return table


def _draw_page_furniture(canvas: Canvas, doc: BaseDocTemplate) -> None:
    """Copy number top left in the margin (GB/T 9704 份号 position) and a warning footer."""
    canvas.saveState()
    x, y = _MARGIN_LEFT, A4[1] - _MARGIN_TOP + 8 * mm
    x += draw_string(canvas, x, y, "本件为第", 12)
    canvas.setLineWidth(0.6)
    canvas.line(x + 1 * mm, y - 1.5, x + 13 * mm, y - 1.5)  # blank for the copy number
    draw_string(canvas, x + 14 * mm, y, "份，共 2 份", 12)
    canvas.setFillColor(colors.Color(0.35, 0.35, 0.35))
    draw_string(canvas, A4[0] / 2, _MARGIN_BOTTOM - 14 * mm,
                "本页含有可解锁全部数据的恢复码　请勿拍照、扫描、复印或以电子方式保存", 9,
                align="centre")
    canvas.restoreState()
