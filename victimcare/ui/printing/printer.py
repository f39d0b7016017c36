"""Sending a rendered PDF to a printer: each page rasterised by QtPdf at the printer's resolution and
drawn into the printer's painter. A function of its own so that a test can hand it a QPrinter set to
PDF output instead of a printer chosen in the system print dialog.

It runs on a worker thread (painting on a QPrinter and a QImage is allowed there); the document is
loaded from memory through a QBuffer, never a temp file.
"""

from collections.abc import Callable

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRect, QSize
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter

from victimcare.core.errors import UserError

MAX_DPI = 300  # finer adds nothing on paper and costs ~35 MB a page


class PrintCancelled(UserError):
    def __init__(self):
        super().__init__("已取消打印。已送出的页可能仍会打印，请到打印机处确认。")


def open_pdf(pdf: bytes) -> tuple[QPdfDocument, QBuffer]:
    """A QPdfDocument read from memory (keep the buffer alive as long as the document)."""
    buffer = QBuffer()
    buffer.setData(QByteArray(pdf))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    if document.status() != QPdfDocument.Status.Ready or document.pageCount() < 1:
        raise UserError("无法读取生成的文件，没有打印。请重新生成后再试。")
    return document, buffer


def print_pdf(pdf: bytes, printer: QPrinter, *, cancelled: Callable[[], bool] | None = None,
              progress: Callable[[int, int], None] | None = None) -> int:
    """Print every page of ``pdf`` on ``printer`` (its range as chosen in the print dialog); the number
    of pages sent."""
    document, _buffer = open_pdf(pdf)
    total = document.pageCount()
    first, last = 1, total
    if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
        first, last = max(printer.fromPage(), 1), min(printer.toPage() or total, total)
    pages = list(range(first - 1, last))
    painter = QPainter()
    if not painter.begin(printer):
        raise UserError("打印机无法开始打印。请检查打印机是否已连接、有纸，然后再试。")
    dpi = min(printer.resolution(), MAX_DPI)
    sent = 0
    try:
        for index, page in enumerate(pages):
            if cancelled is not None and cancelled():
                printer.abort()
                raise PrintCancelled()
            if index and not printer.newPage():
                raise UserError("打印机在打印中途出错。请检查打印机后重新打印。")
            _draw_page(painter, document, page, dpi)
            sent += 1
            if progress is not None:
                progress(sent, len(pages))
    finally:
        if painter.isActive():
            painter.end()
        document.close()
    return sent


def _draw_page(painter: QPainter, document: QPdfDocument, page: int, dpi: int) -> None:
    """One page, scaled to fit the printable area without distortion, centred."""
    points = document.pagePointSize(page)
    image = document.render(page, QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72)))
    area = painter.viewport()
    scale = min(area.width() / image.width(), area.height() / image.height())
    width, height = round(image.width() * scale), round(image.height() * scale)
    target = QRect(area.x() + (area.width() - width) // 2, area.y() + (area.height() - height) // 2, width, height)
    painter.drawImage(target, image)
