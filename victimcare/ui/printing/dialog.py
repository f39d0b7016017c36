"""The print dialog: the purpose (redaction profile, with its one line of what it leaves out), for a
form which form, then the render off the GUI thread with a progress bar and a working 取消. The
rendered file opens in the preview.

What is printed is a ``PrintTarget``: the open case's dossier, one of its forms (all, or a step tab's),
or a blank form for hand filling.
"""

import threading
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QFormLayout, QHBoxLayout, QListWidget, QListWidgetItem,
                               QProgressBar, QPushButton, QVBoxLayout)

from victimcare.casework.printing.profiles import PROFILES
from victimcare.core.errors import UserError
from victimcare.ui.kit.tasks import run
from victimcare.ui.kit.widgets import ErrorLabel, plain_label

DOSSIER, FORM, BLANK = "dossier", "form", "blank"


@dataclass(frozen=True)
class PrintTarget:
    kind: str                           # DOSSIER, FORM or BLANK
    case_id: int | None = None
    case_no: str = ""
    codes: tuple[str, ...] = ()         # the forms offered (a step tab's, the blank ones); () = every form
    titles: tuple[tuple[str, str], ...] = ()  # (code, title) known already (blank forms)


class PrintDialog(QDialog):
    def __init__(self, services, target: PrintTarget, parent=None):
        super().__init__(parent)
        self.services, self.target = services, target
        self._cancel = threading.Event()
        self._rendering = False
        self._purposes: list[dict] = []
        self.job = None
        self.preview = None
        self.setWindowTitle(self._title())
        self.setAccessibleName(self.tr("Print"))
        self.setMinimumWidth(460)
        lay = QVBoxLayout(self)
        form = QFormLayout()
        self.purpose = QComboBox(self)
        self.purpose.setAccessibleName(self.tr("Purpose"))
        self.purpose.currentIndexChanged.connect(self._purpose_changed)
        self.explanation = plain_label("", self)
        self.explanation.setAccessibleName(self.tr("What this purpose leaves out"))
        self.explanation.setWordWrap(True)
        self.explanation.setStyleSheet("color: #555;")
        self.forms = QListWidget(self)
        self.forms.setAccessibleName(self.tr("Form"))
        self.forms.setMinimumHeight(120)
        self.forms.itemDoubleClicked.connect(self._double_clicked)
        self.includes: dict[str, QCheckBox] = {}  # a profile's optional parts (the court copy's health, school)
        self.include_box = QVBoxLayout()
        self.include_box.setContentsMargins(0, 0, 0, 0)
        if target.kind != BLANK:
            form.addRow(self.tr("Purpose"), self.purpose)
            form.addRow("", self.explanation)
        if target.kind == DOSSIER:
            form.addRow("", self.include_box)
        else:  # a blank form carries no case: nothing to redact
            self.purpose.hide()
            self.explanation.hide()
        if target.kind == DOSSIER:
            what = plain_label(self.tr("The whole case dossier (专门档案): cover, table of contents, every form "
                                       "with data, timeline and back note"))
            what.setWordWrap(True)
            what.setAccessibleName(self.tr("What is printed"))
            form.addRow(self.tr("Print"), what)
            self.forms.hide()  # the dossier is every form with data: nothing to choose
        else:
            form.addRow(self.tr("Form"), self.forms)
        lay.addLayout(form)
        self.progress = QProgressBar()
        self.progress.setAccessibleName(self.tr("Rendering progress"))
        self.progress.setRange(0, 0)
        self.progress.hide()
        lay.addWidget(self.progress)
        self.note = plain_label("")
        self.note.setAccessibleName(self.tr("Print status"))
        self.note.setWordWrap(True)
        lay.addWidget(self.note)
        self.error = ErrorLabel(self.tr("Print error"))
        lay.addWidget(self.error)
        row = QHBoxLayout()
        row.addStretch()
        self.preview_button = QPushButton(self.tr("Preview…"))
        self.preview_button.setAccessibleName(self.tr("Preview"))
        self.preview_button.setDefault(True)
        self.preview_button.setEnabled(False)
        self.preview_button.clicked.connect(self.render)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setAccessibleName(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.cancel)
        row.addWidget(self.preview_button)
        row.addWidget(self.cancel_button)
        lay.addLayout(row)
        if target.kind == BLANK:
            self._show_forms([{"code": c, "title": t} for c, t in target.titles])
        else:
            self.note.setText(self.tr("Reading the purposes this role may print…"))
            run(self, services.printing.purposes, done=self._show_purposes, failed=self._refused)

    def _title(self) -> str:
        """Only the case number: a window title ends up in task bars and screenshots."""
        t = self.target
        if t.kind == BLANK:
            return self.tr("Print a blank form")
        if t.kind == DOSSIER:
            return self.tr("Print the case dossier — {case_no}").format(case_no=t.case_no)
        return self.tr("Print a form — {case_no}").format(case_no=t.case_no)

    # -- choices ------------------------------------------------------------------------------------

    def _show_purposes(self, purposes: list[dict]) -> None:
        self.note.setText("")
        self._purposes = purposes
        if not purposes:
            self._refused(UserError(self.tr("This role may not print case records.")))
            return
        self.purpose.blockSignals(True)
        for p in purposes:
            self.purpose.addItem(p["label"], p["code"])
        self.purpose.blockSignals(False)
        self.purpose.setCurrentIndex(0)
        self._purpose_changed(0)

    def _purpose_changed(self, index: int) -> None:
        if index < 0 or index >= len(self._purposes):
            return
        self.explanation.setText(self._purposes[index]["explanation"])
        if self.target.kind == DOSSIER:
            self._show_includes(self.purpose.currentData())
            self.preview_button.setEnabled(True)
            return
        self.preview_button.setEnabled(False)
        run(self, self.services.printing.forms, self.purpose.currentData(), done=self._show_forms,
            failed=self._refused)

    def _show_includes(self, code: str) -> None:
        """A check box per optional part of the profile, unticked: it is added only when asked for."""
        for box in self.includes.values():
            self.include_box.removeWidget(box)
            box.deleteLater()
        self.includes = {}
        profile = PROFILES.get(code)
        words = {"medical": self.tr("Include the first health check, injuries and the medical and psychological "
                                    "records"),
                 "school": self.tr("Include the school placement")}
        for part in (profile.optional if profile is not None else {}):
            box = QCheckBox(words.get(part, part))
            box.setAccessibleName(words.get(part, part))
            self.include_box.addWidget(box)
            self.includes[part] = box

    def _show_forms(self, forms: list[dict]) -> None:
        chosen = self.forms.currentItem().data(Qt.ItemDataRole.UserRole) if self.forms.currentItem() else None
        self.forms.clear()
        wanted = set(self.target.codes)
        for f in forms:
            if wanted and f["code"] not in wanted:
                continue
            item = QListWidgetItem(f"{f['code']}  {f['title']}")
            item.setData(Qt.ItemDataRole.UserRole, f["code"])
            self.forms.addItem(item)
            if f["code"] == chosen:
                self.forms.setCurrentItem(item)
        if self.forms.count() and self.forms.currentItem() is None:
            self.forms.setCurrentRow(0)
        has_forms = self.forms.count() > 0
        self.error.show_error("" if has_forms else self.tr("This purpose prints none of these forms: "
                                                            "choose another purpose."))
        self.preview_button.setEnabled(has_forms)

    def _refused(self, exc: UserError) -> None:
        self.note.setText("")
        self.error.show_error(exc.message)
        self.preview_button.setEnabled(False)

    def choose_form(self, code: str) -> None:
        """Select the form ``code`` in the list (as a click on it)."""
        for i in range(self.forms.count()):
            if self.forms.item(i).data(Qt.ItemDataRole.UserRole) == code:
                self.forms.setCurrentRow(i)
                return
        raise LookupError(code)

    def _double_clicked(self, _item) -> None:
        if self.preview_button.isEnabled():
            self.render()

    # -- rendering ----------------------------------------------------------------------------------

    def render(self) -> None:
        if self._rendering:
            return
        t, printing = self.target, self.services.printing
        self._cancel.clear()
        self.error.show_error("")
        profile = self.purpose.currentData()
        if t.kind == DOSSIER:
            call, args = printing.render_dossier, (t.case_id, profile)
            extra = {"include": tuple(part for part, box in self.includes.items() if box.isChecked())}
        else:
            extra = {}
            item = self.forms.currentItem()
            if item is None:
                self.error.show_error(self.tr("Choose a form first."))
                return
            code = item.data(Qt.ItemDataRole.UserRole)
            call, args = (printing.render_blank, (code,)) if t.kind == BLANK else \
                (printing.render_form, (t.case_id, code, profile))
        self._busy(True)
        run(self, call, *args, **extra, cancelled=self._cancel.is_set, progress=self._progress, done=self._rendered,
            failed=self._render_failed, background=True)

    def _busy(self, rendering: bool) -> None:
        self._rendering = rendering
        self.progress.setRange(0, 0)
        self.progress.setVisible(rendering)
        for w in (self.preview_button, self.purpose, self.forms, *self.includes.values()):
            w.setEnabled(not rendering)
        self.cancel_button.setEnabled(True)
        self.note.setText(self.tr("Preparing the file…") if rendering else "")

    def _progress(self, done: int, total: int) -> None:
        if self._rendering and total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(done)

    def _rendered(self, job) -> None:
        self._busy(False)
        self.job = job
        from victimcare.ui.printing.preview import PreviewWindow
        self.preview = PreviewWindow(self.services, job, self.parentWidget())
        self.preview.show()
        self.accept()

    def _render_failed(self, exc: UserError) -> None:
        self._busy(False)
        self.error.show_error(exc.message)

    def cancel(self) -> None:
        """取消: stop a render under way (nothing is produced; the audit says cancelled), else close."""
        if self._rendering:
            self._cancel.set()
            self.cancel_button.setEnabled(False)
            self.note.setText(self.tr("Cancelling…"))
        else:
            self.reject()

    def reject(self) -> None:
        self._cancel.set()  # closed (Esc, the lock) while rendering: the worker stops at its next check
        super().reject()
