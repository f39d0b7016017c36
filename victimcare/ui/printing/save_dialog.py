"""另存为…: where to save the rendered file (the file name proposed carries the case number, never a
name) and an optional password (加密（AES-256）, typed twice, with the warning that a lost password
cannot be recovered). The service writes it off the GUI thread: atomic, owner-only, audited with the
SHA-256 of the file written.
"""

from pathlib import Path

from PySide6.QtCore import QStandardPaths, Signal
from PySide6.QtWidgets import (QCheckBox, QDialog, QFileDialog, QFormLayout, QHBoxLayout, QLineEdit, QPushButton,
                               QVBoxLayout, QWidget)

from victimcare.ui.kit.tasks import run
from victimcare.ui.kit.widgets import ERROR, ErrorLabel, add_field, plain_label, save_buttons


def default_folder() -> Path:
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    folder = Path(documents) if documents else Path.home()
    return folder if folder.is_dir() else Path.home()


class SaveDialog(QDialog):
    saved = Signal(dict)  # {"path", "sha256", "encrypted"}

    def __init__(self, services, job, parent=None):
        super().__init__(parent)
        self.services, self.job = services, job
        self._confirm_overwrite = ""
        self.setWindowTitle(self.tr("Save as"))
        self.setAccessibleName(self.tr("Save as"))
        self.setMinimumWidth(520)
        lay = QVBoxLayout(self)
        form = QFormLayout()
        self.path = QLineEdit(str(default_folder() / job.file_name))
        browse = QPushButton(self.tr("Browse…"))
        browse.setAccessibleName(self.tr("Browse"))
        browse.clicked.connect(self.browse)
        path_row = QWidget()
        row = QHBoxLayout(path_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        self.path_error = add_field(form, self.tr("File"), path_row)
        path_row.setAccessibleName("")
        self.path.setAccessibleName(self.tr("File"))
        self.encrypt = QCheckBox(self.tr("Encrypt (AES-256)"))
        self.encrypt.setAccessibleName(self.tr("Encrypt (AES-256)"))
        self.encrypt.toggled.connect(self._encrypt_toggled)
        form.addRow("", self.encrypt)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_error = add_field(form, self.tr("File password"), self.password)
        self.repeat = QLineEdit()
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat_error = add_field(form, self.tr("Repeat the password"), self.repeat)
        lay.addLayout(form)
        self.warning = plain_label(self.tr("A lost password cannot be recovered: nobody, not even the administrator, "
                                           "can open the file without it. Give it to the recipient separately, "
                                           "never with the file."))
        self.warning.setAccessibleName(self.tr("Password warning"))
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet(f"color: {ERROR};")
        lay.addWidget(self.warning)
        self.general = ErrorLabel(self.tr("Save error"))
        lay.addWidget(self.general)
        self.buttons = save_buttons(self)
        lay.addWidget(self.buttons)
        self._encrypt_toggled(False)

    def _encrypt_toggled(self, on: bool) -> None:
        for w in (self.password, self.repeat):
            w.setEnabled(on)
            if not on:
                w.clear()
        self.warning.setVisible(on)

    def browse(self) -> None:
        chosen, _filter = QFileDialog.getSaveFileName(self, self.tr("Save as"), self.path.text(),
                                                      self.tr("PDF files (*.pdf)"))
        if chosen:
            self.path.setText(chosen)

    def _chosen_path(self) -> Path | None:
        text = self.path.text().strip()
        if not text:
            self.path_error.show_error(self.tr("Give the file a name."))
            return None
        path = Path(text).expanduser()
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        return path

    def accept(self) -> None:
        for e in (self.path_error, self.password_error, self.repeat_error, self.general):
            e.show_error("")
        path = self._chosen_path()
        if path is None:
            return
        password = None
        if self.encrypt.isChecked():
            password = self.password.text()
            if not password:
                self.password_error.show_error(self.tr("Type the password, or untick encryption."))
                return
            if password != self.repeat.text():
                self.repeat_error.show_error(self.tr("The two passwords differ. Type them again."))
                return
        if path.exists() and self._confirm_overwrite != str(path):
            self._confirm_overwrite = str(path)  # a second click on 保存 replaces it
            self.path_error.show_error(self.tr("A file of this name exists. Click Save again to replace it, or "
                                               "change the name."))
            return
        run(self, self.services.printing.save, self.job, path, password, busy=self.buttons, done=self._done,
            failed=self._failed)

    def _done(self, result: dict) -> None:
        self.password.clear()
        self.repeat.clear()
        self.saved.emit(result)
        super().accept()

    def _failed(self, exc) -> None:
        target = self.password_error if getattr(exc, "field", "") == "password" else self.general
        target.show_error(exc.message)
