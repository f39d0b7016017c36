"""The recovery sheet's two ways out of memory: the print dialog, or a password for the encrypted PDF."""

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFormLayout, QLineEdit

from victimcare.core.errors import ValidationError
from victimcare.forms.recovery_sheet import SHEET_PASSWORD_MIN, check_sheet_password
from victimcare.ui.kit.widgets import ErrorLabel, add_field, plain_label, save_buttons


class SheetPasswordDialog(QDialog):
    """Asks twice for the password that will open the saved sheet, with the warning first."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Password for the recovery sheet file"))
        form = QFormLayout(self)
        warning = plain_label(self.tr(
            "The recovery code opens all data in the vault. The PDF is encrypted (AES-256) with the password "
            "you set here; it is not your sign-in password. Print it soon, seal two copies, then delete the "
            "file, also from the recycle bin. Never e-mail or sync it."))
        warning.setWordWrap(True)
        form.addRow(warning)
        self.password, self.repeat = QLineEdit(), QLineEdit()
        for edit in (self.password, self.repeat):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = add_field(form, self.tr("File password"), self.password, required=True)
        add_field(form, self.tr("Repeat file password"), self.repeat, required=True)
        form.addRow(plain_label(self.tr("At least {n} characters.").format(n=SHEET_PASSWORD_MIN)))
        self.general = ErrorLabel(self.tr("File password error"))
        form.addRow(self.general)
        form.addRow(save_buttons(self))

    def accept(self) -> None:
        try:
            check_sheet_password(self.password.text(), self.repeat.text())
        except ValidationError as exc:
            self.error.show_error(exc.message)
            return
        super().accept()


def ask_sheet_password(parent) -> str:
    """The file password, or '' when the dialog was cancelled."""
    dialog = SheetPasswordDialog(parent)
    try:
        return dialog.password.text() if dialog.exec() else ""
    finally:
        dialog.password.clear()
        dialog.repeat.clear()
        dialog.deleteLater()


def print_pdf(parent, pdf: bytes) -> bool:
    """Through the print dialog; the pages are drawn from memory (no file of ours on disk)."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    if QPrintDialog(printer, parent).exec() != QDialog.DialogCode.Accepted:
        return False
    data = QByteArray(pdf)
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    doc = QPdfDocument(parent)
    try:
        doc.load(buffer)
        painter = QPainter()
        if not painter.begin(printer):
            return False
        try:
            rect = painter.viewport()
            for page in range(doc.pageCount()):
                if page:
                    printer.newPage()
                image = doc.render(page, QSize(rect.width(), rect.height()))
                painter.drawImage(rect, image)
        finally:
            painter.end()
        return True
    finally:
        doc.close()
        doc.deleteLater()
        buffer.close()
