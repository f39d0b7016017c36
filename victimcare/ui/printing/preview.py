"""The preview of a rendered file (QtPdf, read from memory through a QBuffer: no temp file), with
打印… (the system print dialog) and 另存为…. The document is shown only once the service has recorded
the preview in the audit log; printing and saving are recorded by the service too, with the SHA-256.

The window's title names the case number and the form, never a person.
"""

import threading

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QHBoxLayout, QProgressBar, QPushButton, QVBoxLayout

from victimcare.core.errors import UserError
from victimcare.ui.kit.tasks import run
from victimcare.ui.kit.widgets import ErrorLabel, fit_to_screen, plain_label
from victimcare.ui.printing.printer import print_pdf


def job_title(job) -> str:
    """What the file is, by case number and form code only."""
    what = "专门档案" if job.what == "dossier" else job.what
    return f"{job.case_no} {what}" if not job.blank else f"{what}（空白表）"


class PreviewWindow(QDialog):
    def __init__(self, services, job, parent=None):
        super().__init__(parent)
        self.services, self.job = services, job
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # the PDF goes with the window
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint)
        self.setWindowTitle(self.tr("Print preview — {what}").format(what=job_title(job)))
        self.setAccessibleName(self.tr("Print preview"))
        self._printing = False
        self._cancel_print = threading.Event()
        self.printer: QPrinter | None = None
        lay = QVBoxLayout(self)
        top = QHBoxLayout()
        self.info = plain_label(self.tr("{pages} page(s) · audit no. {seq}").format(pages=job.pages, seq=job.seq))
        self.info.setAccessibleName(self.tr("Preview pages"))
        top.addWidget(self.info)
        top.addStretch()
        self.print_button = QPushButton(self.tr("Print…"))
        self.print_button.setAccessibleName(self.tr("Print…"))
        self.print_button.clicked.connect(self.choose_printer)
        self.save_button = QPushButton(self.tr("Save as…"))
        self.save_button.setAccessibleName(self.tr("Save as…"))
        self.save_button.clicked.connect(self.save_as)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setAccessibleName(self.tr("Close preview"))
        self.close_button.clicked.connect(self.close)
        for b in (self.print_button, self.save_button, self.close_button):
            top.addWidget(b)
        lay.addLayout(top)
        self.progress = QProgressBar()
        self.progress.setAccessibleName(self.tr("Printing progress"))
        self.progress.hide()
        self.cancel_print_button = QPushButton(self.tr("Cancel printing"))
        self.cancel_print_button.setAccessibleName(self.tr("Cancel printing"))
        self.cancel_print_button.clicked.connect(self._cancel_print.set)
        self.cancel_print_button.hide()
        prow = QHBoxLayout()
        prow.addWidget(self.progress, 1)
        prow.addWidget(self.cancel_print_button)
        lay.addLayout(prow)
        self.status = plain_label("")
        self.status.setAccessibleName(self.tr("Preview status"))
        self.status.setWordWrap(True)
        lay.addWidget(self.status)
        self.error = ErrorLabel(self.tr("Preview error"))
        lay.addWidget(self.error)
        self.view = QPdfView(self)
        self.view.setAccessibleName(self.tr("Document"))
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        lay.addWidget(self.view, 1)
        self.document = QPdfDocument(self)
        self._buffer = QBuffer(self)
        for b in (self.print_button, self.save_button):
            b.setEnabled(False)
        fit_to_screen(self, 900, 760)
        self.status.setText(self.tr("Opening the preview…"))
        run(self, services.printing.record_preview, job, done=self._show_document, failed=self._refused)

    def _show_document(self, _seq) -> None:
        """The preview is in the audit log: show the pages."""
        self._buffer.setData(QByteArray(self.job.pdf))
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(self._buffer)
        if self.document.status() != QPdfDocument.Status.Ready:
            self._refused(UserError(self.tr("The file could not be shown. Prepare it again.")))
            return
        self.view.setDocument(self.document)
        self.status.setText("")
        for b in (self.print_button, self.save_button):
            b.setEnabled(True)

    def _refused(self, exc: UserError) -> None:
        self.status.setText("")
        self.error.show_error(exc.message)

    # -- printing -----------------------------------------------------------------------------------

    def choose_printer(self) -> None:
        """打印…: the system print dialog, then the pages to the printer chosen."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(job_title(self.job))
        printer.setFromTo(1, self.document.pageCount())
        dialog = QPrintDialog(printer, self)
        dialog.setMinMax(1, self.document.pageCount())
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.print_to(printer)

    def print_to(self, printer: QPrinter) -> None:
        """Send the file to ``printer`` off the GUI thread; once sent, the service records it."""
        if self._printing:
            return
        self.printer = printer  # kept alive while the worker paints on it
        self._printing = True
        self._cancel_print.clear()
        self.error.show_error("")
        self.progress.setRange(0, 0)
        self.progress.show()
        self.cancel_print_button.show()
        self.cancel_print_button.setEnabled(True)
        for b in (self.print_button, self.save_button):
            b.setEnabled(False)
        self.status.setText(self.tr("Sending the pages to the printer…"))
        run(self, print_pdf, self.job.pdf, printer, cancelled=self._cancel_print.is_set, progress=self._progressed,
            done=self._printed, failed=self._print_failed, background=True)

    def _progressed(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    def _print_done(self) -> None:
        self._printing = False
        self.printer = None
        self.progress.hide()
        self.cancel_print_button.hide()
        for b in (self.print_button, self.save_button):
            b.setEnabled(True)

    def _printed(self, pages: int) -> None:
        self._print_done()
        self.status.setText(self.tr("{pages} page(s) sent to the printer.").format(pages=pages))
        run(self, self.services.printing.record_printed, self.job, failed=self._refused)

    def _print_failed(self, exc: UserError) -> None:
        self._print_done()
        self.error.show_error(exc.message)

    # -- saving -------------------------------------------------------------------------------------

    def save_as(self) -> None:
        from victimcare.ui.printing.save_dialog import SaveDialog
        dialog = SaveDialog(self.services, self.job, self)
        dialog.saved.connect(self._saved)
        dialog.open()

    def _saved(self, result: dict) -> None:
        text = self.tr("Saved to {path}, encrypted with a password.") if result["encrypted"] \
            else self.tr("Saved to {path}.")
        self.status.setText(text.format(path=result["path"]))

    def closeEvent(self, event) -> None:
        self._cancel_print.set()
        super().closeEvent(event)
