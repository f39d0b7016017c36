"""First-run setup: station, first supervisor, password, then the recovery sheet."""

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (QFileDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton,
                               QStackedWidget, QVBoxLayout, QWidget)

from victimcare.core.errors import UserError, ValidationError
from victimcare.ui.kit.tasks import Task, run
from victimcare.ui.kit.widgets import ErrorLabel, add_field, enlarge, plain_label


class SetupPage(QWidget):
    """Creates the vault. Emits ``finished(vault)`` once the recovery sheet has been dealt with."""

    finished = Signal(object)

    def __init__(self, vault_dir: Path, create_vault, parent=None):
        super().__init__(parent)
        self.vault_dir = vault_dir
        self._create_vault = create_vault  # Vault.create, injectable for tests
        self.vault = None
        self.recovery_code = ""
        self._task = None
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self._form_page())
        self.pages.addWidget(self._recovery_page())
        lay = QVBoxLayout(self)
        lay.addWidget(self.pages)

    # -- step 1: the form -------------------------------------------------------------------------

    def _form_page(self) -> QWidget:
        page = QWidget()
        outer = QVBoxLayout(page)
        title = QLabel(self.tr("Set up VictimCare"))
        enlarge(title, 1.5, bold=True)
        outer.addWidget(title)
        intro = plain_label(self.tr(
            "Create the encrypted vault for this station and its first supervisor account. "
            "The password protects every record: use a sentence of at least 15 characters that only you know."))
        intro.setWordWrap(True)
        outer.addWidget(intro)
        form = QFormLayout()
        self.station = QLineEdit()
        self.station_code = QLineEdit()
        self.station_code.setMaxLength(12)
        self.account = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirm = QLineEdit()
        self.confirm.setEchoMode(QLineEdit.EchoMode.Password)
        self.errors = {
            "station": add_field(form, self.tr("Station name"), self.station, required=True),
            "station_code": add_field(form, self.tr("Station code"), self.station_code, required=True),
            "account": add_field(form, self.tr("Supervisor account"), self.account, required=True),
            "password": add_field(form, self.tr("Password"), self.password, required=True),
            "confirm": add_field(form, self.tr("Repeat password"), self.confirm, required=True),
        }
        self.station_code.setPlaceholderText(self.tr("Letters or digits, used in case numbers, e.g. YX"))
        outer.addLayout(form)
        self.general_error = ErrorLabel(self.tr("Setup error"))
        outer.addWidget(self.general_error)
        row = QHBoxLayout()
        row.addStretch()
        self.create_button = QPushButton(self.tr("Create vault"))
        self.create_button.setAccessibleName(self.tr("Create vault"))
        self.create_button.setDefault(True)
        self.create_button.clicked.connect(self._create)
        row.addWidget(self.create_button)
        outer.addLayout(row)
        outer.addStretch()
        for edit in (self.station, self.station_code, self.account, self.password, self.confirm):
            edit.returnPressed.connect(self._create)
        return page

    def _create(self) -> None:
        if self._task is not None:
            return
        for err in self.errors.values():
            err.show_error("")
        self.general_error.show_error("")
        if self.password.text() != self.confirm.text():
            self.errors["confirm"].show_error(self.tr("The two passwords differ. Type the same password twice."))
            return
        self.create_button.setEnabled(False)
        self.create_button.setText(self.tr("Creating…"))
        self._task = Task(self._create_vault, self.vault_dir, station_name=self.station.text(),
                          station_code=self.station_code.text(), supervisor=self.account.text(),
                          password=self.password.text())
        self._task.start(self._created, self._failed)

    def _created(self, result) -> None:
        self._task = None
        self.vault, self.recovery_code = result
        self.password.clear()
        self.confirm.clear()
        self.code_label.setText(self.recovery_code)
        self.pages.setCurrentIndex(1)

    def _failed(self, exc) -> None:
        self._task = None
        self.create_button.setEnabled(True)
        self.create_button.setText(self.tr("Create vault"))
        if isinstance(exc, ValidationError) and exc.field in self.errors:
            self.errors[exc.field].show_error(exc.message)
        elif isinstance(exc, UserError):
            self.general_error.show_error(exc.message)
        else:
            raise exc

    # -- step 2: the recovery sheet ---------------------------------------------------------------

    def _recovery_page(self) -> QWidget:
        page = QWidget()
        lay = QVBoxLayout(page)
        intro = plain_label(self.tr(
            "The vault has been created. Below is its recovery code. If every supervisor password is "
            "lost, only this code can open the data again. Save the recovery sheet as a PDF, print two "
            "copies, seal them in separate safes, then delete the file."))
        intro.setWordWrap(True)
        lay.addWidget(intro)
        self.code_label = plain_label("")
        self.code_label.setAccessibleName(self.tr("Recovery code"))
        font = QFont("monospace")
        font.setPointSizeF(self.font().pointSizeF() * 1.6)
        self.code_label.setFont(font)
        lay.addWidget(self.code_label)
        self.sheet_status = plain_label("")
        self.sheet_status.setAccessibleName(self.tr("Recovery sheet status"))
        lay.addWidget(self.sheet_status)
        row = QHBoxLayout()
        print_button = QPushButton(self.tr("Print recovery sheet…"))
        print_button.setAccessibleName(self.tr("Print recovery sheet"))
        print_button.clicked.connect(self._print_sheet)
        row.addWidget(print_button)
        self.save_button = QPushButton(self.tr("Save as encrypted PDF…"))
        self.save_button.setAccessibleName(self.tr("Save recovery sheet"))
        self.save_button.clicked.connect(self._ask_sheet_path)
        row.addWidget(self.save_button)
        row.addStretch()
        self.done_button = QPushButton(self.tr("I have stored the recovery code safely — continue"))
        self.done_button.setAccessibleName(self.tr("Continue"))
        self.done_button.clicked.connect(self._finish)
        row.addWidget(self.done_button)
        lay.addLayout(row)
        lay.addStretch()
        return page

    def _sheet_fields(self) -> dict:
        return dict(station_name=self.vault.station_name, vault_id=self.vault.keyring.vault_id,
                    created_at=datetime.now(), supervisor_account=self.account.text(), recovery_code=self.recovery_code)

    # printing: rendered off the GUI thread, then the print dialog; no file is written by us

    def _print_sheet(self) -> None:
        from victimcare.forms.recovery_sheet import render_recovery_sheet
        run(self, render_recovery_sheet, **self._sheet_fields(), done=self._print_rendered,
            failed=self._sheet_failed, busy=self.done_button)

    def _print_rendered(self, pdf: bytes) -> None:
        from victimcare.ui.recovery_print import print_pdf
        if print_pdf(self, pdf):
            self.sheet_status.setText(self.tr("Sent to the printer. Seal both copies in separate safes."))

    # saving: only as an AES-256-encrypted PDF under a password of its own

    def _ask_sheet_path(self) -> None:
        from victimcare.ui.recovery_print import ask_sheet_password
        password = ask_sheet_password(self)
        if not password:
            return
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save recovery sheet"),
                                              str(Path.home() / "recovery-sheet.pdf"), "PDF (*.pdf)")
        if path:
            self.save_sheet(Path(path), password)

    def save_sheet(self, path: Path, password: str) -> None:
        """Render, encrypt and write on a worker thread; a failure leaves the code on screen."""
        run(self, _write_encrypted_sheet, path, password, self._sheet_fields(), done=self._sheet_saved,
            failed=self._sheet_failed, busy=self.save_button)

    def _sheet_saved(self, _result) -> None:
        from victimcare.forms.recovery_sheet import SAVE_WARNING
        self.sheet_status.setText(self.tr("Saved as an encrypted PDF.") + " " + SAVE_WARNING)

    def _sheet_failed(self, exc) -> None:
        message = exc.message if isinstance(exc, UserError) else self.tr("The recovery sheet could not be made.")
        self.sheet_status.setText(message + " " + self.tr(
            "The recovery code stays on screen: copy it by hand onto paper before you continue."))

    def _finish(self) -> None:
        self.recovery_code = ""
        self.code_label.clear()
        self.finished.emit(self.vault)


def _write_encrypted_sheet(path: Path, password: str, fields: dict) -> None:
    from victimcare.core.errors import os_error_message
    from victimcare.core.fsutil import write_private_file
    from victimcare.forms.recovery_sheet import encrypted_recovery_sheet
    pdf = encrypted_recovery_sheet(password, **fields)
    if not path.parent.is_dir():
        raise UserError("保存恢复凭证的文件夹不存在。")
    try:
        write_private_file(path, pdf)
    except OSError as exc:
        raise UserError(f"恢复凭证无法保存（{os_error_message(exc)}）。") from None
