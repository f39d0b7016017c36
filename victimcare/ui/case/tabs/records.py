"""A step's tab built from its record kinds (``domain.fields``): the step's status as its records decide
it, then one table per kind with 新增 / 修改, and a form dialog per record. The step's own tab module
(``tabs/<home>.py``) makes one with its service and rules and may add to it.

Reading and saving go through the step's service off the GUI thread; a refusal shows under its field.
"""

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QDialog, QFormLayout, QGroupBox,
                               QHBoxLayout, QHeaderView, QLineEdit, QMessageBox, QPlainTextEdit, QPushButton,
                               QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from victimcare.domain.fields import CHOICE, DATE, DATETIME, FLAG, NAME, NOTE, Field, RecordKind
from victimcare.ui.i18n import english
from victimcare.ui.kit.display import datetime_label, shown, status_text
from victimcare.ui.kit.inputs import DateField
from victimcare.ui.kit.tasks import run
from victimcare.ui.kit.widgets import ErrorLabel, add_field, plain_label, save_buttons, scrolling, show_field_error


def label_of(f: Field | RecordKind) -> str:
    return f.label_en if english() else f.label


# -- one record's form ------------------------------------------------------------------------------------

def _input(f: Field) -> QWidget:
    if f.kind == NOTE:
        w = QPlainTextEdit()
        w.setTabChangesFocus(True)
        w.setMinimumHeight(70)
        return w
    if f.kind in (DATE, DATETIME):
        return DateField(with_time=f.kind == DATETIME)
    if f.kind == CHOICE:
        w = QComboBox()
        w.addItem("", "")
        for code, _zh, _en in f.choices:
            w.addItem(f.choice_label(code, english()), code)
        return w
    if f.kind == FLAG:
        return QCheckBox()
    w = QLineEdit()
    if f.kind == NAME:
        w.setMaxLength(60)
    return w


def _value(w: QWidget):
    if isinstance(w, QPlainTextEdit):
        return w.toPlainText()
    if isinstance(w, QComboBox):
        return w.currentData() or ""
    if isinstance(w, QCheckBox):
        return w.isChecked()
    return w.text()


def _set(w: QWidget, f: Field, value) -> None:
    if value in (None, ""):
        return
    if isinstance(w, QPlainTextEdit):
        w.setPlainText(str(value))
    elif isinstance(w, QComboBox):
        w.setCurrentIndex(max(w.findData(str(value)), 0))
    elif isinstance(w, QCheckBox):
        w.setChecked(bool(value))
    else:
        w.setText(str(value).replace("T", " ") if f.kind == DATETIME else str(value))


class RecordDialog(QDialog):
    """Add or change one record; ``save(raw)`` is the service call (worker thread)."""
    saved = Signal(int)

    def __init__(self, kind: RecordKind, save, values: dict | None = None, parent=None):
        super().__init__(parent)
        self.kind, self._save = kind, save
        self.setWindowTitle((self.tr("Edit: {kind}") if values else self.tr("Add: {kind}")).format(
            kind=label_of(kind)))
        self.setAccessibleName(label_of(kind))
        lay = QVBoxLayout(self)
        form = QFormLayout()
        self.inputs: dict[str, QWidget] = {}
        self.errors: dict[str, ErrorLabel] = {}
        for f in kind.fields:
            w = _input(f)
            _set(w, f, (values or {}).get(f.name))
            self.inputs[f.name] = w
            self.errors[f.name] = add_field(form, label_of(f) + (f"（{f.unit}）" if f.unit else ""), w,
                                            required=f.required)
            w.setAccessibleName(label_of(f))
        lay.addLayout(form)
        self.general = ErrorLabel(self.tr("Form error"))
        lay.addWidget(self.general)
        self.buttons = save_buttons(self)
        self.buttons.rejected.disconnect()
        self.buttons.rejected.connect(self.cancel)
        lay.addWidget(self.buttons)
        self._initial = self.raw()
        self._closing = False

    def raw(self) -> dict:
        return {name: _value(w) for name, w in self.inputs.items()}

    def accept(self) -> None:
        for e in [*self.errors.values(), self.general]:
            e.show_error("")
        run(self, self._save, self.raw(), busy=self.buttons, done=self._done, failed=self._failed)

    def _done(self, record_id) -> None:
        self.saved.emit(record_id or 0)
        super().accept()

    def _failed(self, exc) -> None:
        for error in getattr(exc, "errors", None) or [exc]:
            show_field_error(error, self.errors, self.general)

    def cancel(self) -> None:
        """Cancel, Esc or the window's close button: a form with entries asks first (without blocking:
        the lock may close the dialog meanwhile, quietly, through ``reject``)."""
        if self.raw() == self._initial:
            self.reject()
            return
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Unsaved changes"),
                          self.tr("Discard what you typed in this form?"),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setAccessibleName(self.tr("Unsaved changes"))
        box.accepted.connect(self.reject)
        box.open()

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.cancel()
        else:
            super().keyPressEvent(event)

    def closeEvent(self, event) -> None:
        if self.result() == 0 and self.isVisible() and self.raw() != self._initial and not self._closing:
            event.ignore()
            self.cancel()
        else:
            super().closeEvent(event)

    def reject(self) -> None:
        self._closing = True
        super().reject()


# -- the tab ---------------------------------------------------------------------------------------------

class KindTable(QGroupBox):
    """The records of one kind: a table (newest first) and its buttons."""

    def __init__(self, kind: RecordKind, tab: "StepRecordsTab"):
        super().__init__(label_of(kind))
        self.kind, self.tab, self.records = kind, tab, []
        self.columns = [f for f in kind.fields if f.listed]
        lay = QVBoxLayout(self)
        self.table = QTableWidget(0, len(self.columns) + 1)
        self.table.setAccessibleName(label_of(kind))
        self.table.setHorizontalHeaderLabels([label_of(f) for f in self.columns] + [self.tr("Recorded")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._selection)
        self.table.doubleClicked.connect(lambda _index: self.edit())
        lay.addWidget(self.table)
        row = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Add…"))
        self.add_button.setAccessibleName(self.tr("Add {kind}").format(kind=label_of(kind)))
        self.add_button.clicked.connect(self.add)
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.edit_button.setAccessibleName(self.tr("Edit {kind}").format(kind=label_of(kind)))
        self.edit_button.clicked.connect(self.edit)
        self.edit_button.setEnabled(False)
        for b in (self.add_button, self.edit_button):
            row.addWidget(b)
        row.addStretch()
        lay.addLayout(row)

    def show_records(self, records: list[dict]) -> None:
        key = self.kind.order_by or "id"
        self.records = sorted(records, key=lambda r: (str(r.get(key, "")), r["id"]), reverse=True)
        self.table.setRowCount(len(self.records))
        for i, r in enumerate(self.records):
            for j, f in enumerate(self.columns):
                self.table.setItem(i, j, QTableWidgetItem(f.shown(r.get(f.name), english())))
            self.table.setItem(i, len(self.columns), QTableWidgetItem(
                f"{r['updated_by']} {datetime_label(r['updated_at'][:16])}"))
        self.table.resizeRowsToContents()
        self.table.setFixedHeight(min(60 + 34 * max(len(self.records), 1), 260))
        self.add_button.setEnabled(self.tab.writable and not (self.kind.single and self.records))
        self._selection()

    def _selection(self) -> None:
        self.edit_button.setEnabled(self.tab.writable and bool(self.table.selectedItems()))

    def selected(self) -> dict | None:
        rows = self.table.selectionModel().selectedRows()
        return self.records[rows[0].row()] if rows else None

    def add(self) -> None:
        self._open(None)

    def edit(self) -> None:
        record = self.selected()
        if record is not None and self.tab.writable:
            self._open(record)

    def _open(self, record: dict | None) -> None:
        rid = record["id"] if record else None
        dialog = RecordDialog(self.kind, lambda raw: self.tab.service.save(self.tab.case_id, self.kind.code, raw, rid),
                              record, self)
        dialog.saved.connect(lambda _id: self.tab.recorded())
        dialog.open()


class StepRecordsTab(QWidget):
    """The tab of a step kept as records: ``service`` has ``records(case_id)`` and ``save(...)``."""
    changed = Signal()
    refreshes_itself = True  # after a save it reloads its records; the case page updates around it

    def __init__(self, services, bundle, service, kinds, parent=None, *, sensitive: bool = False):
        super().__init__(parent)
        self.services, self.service = services, service
        self.case_id = bundle.case["id"]
        self.writable = bundle.case.get("status") != "closed" and not services.read_only
        body = QWidget()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scrolling(body))  # many records or a small screen: the tab scrolls
        lay = QVBoxLayout(body)
        self.status = plain_label("")
        self.status.setAccessibleName(self.tr("Step status"))
        lay.addWidget(self.status)
        self.error = ErrorLabel(self.tr("Step error"))
        lay.addWidget(self.error)
        self.tables = {k.code: KindTable(k, self) for k in kinds}
        for table in self.tables.values():
            lay.addWidget(table)
        lay.addStretch()
        if sensitive:  # nothing is read (or audited) before the user asks to see it
            self.reveal = QPushButton(self.tr("Show these records (the view is recorded in the audit log)"))
            self.reveal.setAccessibleName(self.tr("Show sensitive records"))
            self.reveal.clicked.connect(self._show)
            lay.insertWidget(2, self.reveal)
            for table in self.tables.values():
                table.hide()
        else:
            self.reload()

    def _show(self) -> None:
        self.reveal.hide()
        for table in self.tables.values():
            table.show()
        self.reload()

    def reload(self) -> None:
        run(self, self.service.records, self.case_id, done=self._loaded, failed=lambda e: self.error.show_error(e.message))

    def _loaded(self, data: dict) -> None:
        status, reason = data["status"]
        text = self.tr("Status: {status} (decided by the records below)").format(status=status_text(status))
        self.status.setText(text + (f" — {shown(reason)}" if reason else ""))
        for code, table in self.tables.items():
            table.show_records(data["records"].get(code, []))

    def recorded(self) -> None:
        self.reload()
        self.changed.emit()
