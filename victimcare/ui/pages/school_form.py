"""The 入学安置 form of one child in the ledger (F9): the placement, the 学籍 transfer and later changes,
with the history of what was recorded. The services check and refuse; errors show under their fields."""

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtWidgets import (QComboBox, QCompleter, QFormLayout, QGroupBox, QHBoxLayout, QLineEdit, QListWidget,
                               QPlainTextEdit, QPushButton, QTabWidget, QVBoxLayout, QWidget)

from victimcare.casework.steps.school import rules
from victimcare.security.permissions import Op, allowed
from victimcare.ui.kit.display import age_label, date_label, datetime_label, sex_label, vocab_text
from victimcare.ui.kit.inputs import DateField
from victimcare.ui.kit.tasks import run
from victimcare.ui.kit.widgets import ErrorLabel, add_field, isolate, plain_label, show_field_error

GRADES = ("一年级", "二年级", "三年级", "四年级", "五年级", "六年级", "初一", "初二", "初三", "高一", "高二", "高三",
          "中职一年级", "中职二年级", "中职三年级")


def _text_box(height: int = 56) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setTabChangesFocus(True)
    box.setFixedHeight(height)
    return box


class PlacementForm(QWidget):
    """Shows one child (``show_child``); saving calls the school service and emits ``saved(row)``."""

    saved = Signal(dict)

    def __init__(self, services, parent=None):
        super().__init__(parent)
        self.services = services
        self.row: dict | None = None
        self._read_only = ""
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.heading = plain_label(self.tr("Select a child in the ledger to see and record the school placement."))
        self.heading.setAccessibleName(self.tr("Selected child"))
        self.heading.setWordWrap(True)
        self.heading.setStyleSheet("font-weight: bold;")
        lay.addWidget(self.heading)
        self.state = plain_label("")
        self.state.setAccessibleName(self.tr("Placement state"))
        self.state.setWordWrap(True)
        lay.addWidget(self.state)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("School placement form"))
        self.tabs.addTab(self._placement_tab(), self.tr("Placement"))
        self.tabs.addTab(self._transfer_tab(), self.tr("Record transfer"))
        self.tabs.addTab(self._change_tab(), self.tr("Changes"))
        lay.addWidget(self.tabs, 1)
        self.general = ErrorLabel(self.tr("School form error"))
        lay.addWidget(self.general)
        self.message = plain_label("")
        self.message.setAccessibleName(self.tr("School form message"))
        self.message.setStyleSheet("color: #2e7d32;")
        lay.addWidget(self.message)
        self.can_edit = allowed(services.role, Op.SCHOOL_EDIT)
        self._set_enabled(False)

    # -- building ------------------------------------------------------------------------------------

    def _placement_tab(self) -> QWidget:
        tab = QWidget()
        outer = QVBoxLayout(tab)
        form = QFormLayout()
        outer.addLayout(form)
        outer.addStretch(1)  # rows keep their height; the room left stays below the form
        self.school = QLineEdit()
        self._schools = QStringListModel(self)
        self.school.setCompleter(QCompleter(self._schools, self))
        self.grade = QLineEdit()  # the usual grades suggested as one types; any other may be written
        completer = QCompleter(list(GRADES), self)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.grade.setCompleter(completer)
        self.class_name = QLineEdit()
        self.enrolled_on = DateField()
        self.attendance = QComboBox()
        self.attendance.addItem(self.tr("(choose)"), "")
        for code in rules.ATTENDANCE:
            self.attendance.addItem(vocab_text(rules.ATTENDANCE, code), code)
        self.student_no = QLineEdit()
        self.student_no.setPlaceholderText(self.tr("G + ID number, or J + 18 characters"))
        self.teacher = QLineEdit()
        self.counselling = _text_box()
        self.privacy = _text_box()
        self.errors = {
            "school": add_field(form, self.tr("Placement school"), self.school, required=True),
            "grade": add_field(form, self.tr("Grade"), self.grade, required=True),
            "class_name": add_field(form, self.tr("Class"), self.class_name),
            "enrolled_on": add_field(form, self.tr("Enrolment date"), self.enrolled_on, required=True),
            "attendance": add_field(form, self.tr("Attendance"), self.attendance, required=True),
            "student_no": add_field(form, self.tr("Student number"), self.student_no),
            "pairing_teacher": add_field(form, self.tr("Pairing teacher"), self.teacher),
            "counselling": add_field(form, self.tr("School counselling"), self.counselling),
            "privacy_measures": add_field(form, self.tr("Privacy measures at school"), self.privacy),
        }
        self.save_button = QPushButton(self.tr("Save placement"))
        self.save_button.setAccessibleName(self.tr("Save placement"))
        self.save_button.clicked.connect(self._save_placement)
        form.addRow(self.save_button)
        return tab

    def _transfer_tab(self) -> QWidget:
        tab = QWidget()
        outer = QVBoxLayout(tab)
        form = QFormLayout()
        outer.addLayout(form)
        outer.addStretch(1)
        hint = plain_label(self.tr("Both schools and both record offices finish a transfer within 10 "
                                   "working days."))
        hint.setWordWrap(True)
        form.addRow(hint)
        self.transfer_started = DateField()
        self.transfer_done = DateField()
        self.errors.update({
            "transfer_started_on": add_field(form, self.tr("Transfer started on"), self.transfer_started, required=True),
            "transfer_done_on": add_field(form, self.tr("Transfer done on"), self.transfer_done),
        })
        self.transfer_due = plain_label("")
        self.transfer_due.setAccessibleName(self.tr("Transfer deadline"))
        form.addRow(self.transfer_due)
        self.transfer_button = QPushButton(self.tr("Save transfer"))
        self.transfer_button.setAccessibleName(self.tr("Save transfer"))
        self.transfer_button.clicked.connect(self._save_transfer)
        form.addRow(self.transfer_button)
        return tab

    def _change_tab(self) -> QWidget:
        tab = QWidget()
        lay = QVBoxLayout(tab)
        box = QGroupBox(self.tr("Record a change"))
        form = QFormLayout(box)
        self.change_kind = QComboBox()
        self.change_kind.addItem(self.tr("(choose)"), "")
        for code in rules.CHANGES:
            self.change_kind.addItem(vocab_text(rules.CHANGES, code), code)
        self.changed_on = DateField()
        self.new_school = QLineEdit()
        self.new_grade = QLineEdit()
        self.change_note = QLineEdit()
        self.errors.update({
            "kind": add_field(form, self.tr("Kind of change"), self.change_kind, required=True),
            "changed_on": add_field(form, self.tr("Date of change"), self.changed_on, required=True),
            "change_school": add_field(form, self.tr("New school"), self.new_school),
            "change_grade": add_field(form, self.tr("New grade"), self.new_grade),
            "note": add_field(form, self.tr("Note"), self.change_note),
        })
        row = QHBoxLayout()
        self.change_button = QPushButton(self.tr("Record change"))
        self.change_button.setAccessibleName(self.tr("Record change"))
        self.change_button.clicked.connect(self._save_change)
        row.addWidget(self.change_button)
        row.addStretch()
        form.addRow(row)
        lay.addWidget(box)
        self.history = QListWidget()
        self.history.setAccessibleName(self.tr("Placement history"))
        lay.addWidget(plain_label(self.tr("History")))
        lay.addWidget(self.history, 1)
        return tab

    # -- showing -------------------------------------------------------------------------------------

    def set_choices(self, schools: list[str]) -> None:
        """Schools already in the ledger, suggested as the name is typed (one spelling per school)."""
        self._schools.setStringList(schools)

    def set_read_only(self, message: str) -> None:
        self._read_only = message
        self._set_enabled(self.row is not None)

    def clear(self) -> None:
        self.row = None
        self.heading.setText(self.tr("Select a child in the ledger to see and record the school placement."))
        self.state.setText("")
        self.history.clear()
        self._set_enabled(False)

    def show_child(self, row: dict) -> None:
        self.row = row
        self._clear_errors()
        self.heading.setText(self.tr("{name} · {case_no} · {sex} · {age}").format(
            name=isolate(row["display_name"]), case_no=row["case_no"], sex=sex_label(row["sex"]),
            age=age_label(row["birth_date"], row["birth_estimated"])))
        state = vocab_text(rules.PLACEMENT_STATUSES, row["status"])
        if row["case_status"] == "closed":
            state = self.tr("The case is closed: the placement can only be viewed.")
        self.state.setText(self.tr("{state} · School record: {record}").format(
            state=state, record=vocab_text(rules.RECORD_STATES, row["record_state"])))
        self.school.setText(row["school"])
        self.grade.setText(row["grade"])
        self.class_name.setText(row["class_name"])
        self.enrolled_on.setText(row["enrolled_on"])
        self.attendance.setCurrentIndex(max(self.attendance.findData(row["attendance"]), 0))
        self.student_no.setText(row["student_no"])
        self.teacher.setText(row["pairing_teacher"])
        self.counselling.setPlainText(row["counselling"])
        self.privacy.setPlainText(row["privacy_measures"])
        self.transfer_started.setText(row["transfer_started_on"])
        self.transfer_done.setText(row["transfer_done_on"])
        if row["transfer_due"]:
            text = self.tr("To be done by {due}.").format(due=date_label(row["transfer_due"]))
            if row["transfer_overdue"]:
                text = self.tr("Overdue: it was to be done by {due}.").format(due=date_label(row["transfer_due"]))
            self.transfer_due.setText(text)
        else:
            self.transfer_due.setText("")
        self.history.clear()
        for h in reversed(row.get("history", [])):
            what = vocab_text(rules.HISTORY_KINDS, h["kind"])
            extra = " ".join(x for x in (h["school"], h["grade"], h["note"]) if x)
            self.history.addItem(f"{date_label(h['changed_on'])}  {what}  {extra}  "
                                 f"({h['recorded_by']} {datetime_label(h['recorded_at'])})".replace("  ()", ""))
        if not row.get("history"):
            self.history.addItem(self.tr("Nothing recorded yet."))
        self._set_enabled(True)

    def _set_enabled(self, shown: bool) -> None:
        writable = (shown and self.can_edit and not self._read_only and self.row is not None
                    and self.row["case_status"] != "closed")
        for w in (self.school, self.grade, self.class_name, self.enrolled_on, self.attendance, self.student_no,
                  self.teacher, self.counselling, self.privacy, self.transfer_started, self.transfer_done,
                  self.change_kind, self.changed_on, self.new_school, self.new_grade, self.change_note):
            w.setEnabled(writable)
        for b in (self.save_button, self.transfer_button, self.change_button):
            b.setEnabled(writable)
            b.setVisible(self.can_edit)
            b.setToolTip(self._read_only)
        self.tabs.setEnabled(shown)

    # -- saving --------------------------------------------------------------------------------------

    def _clear_errors(self) -> None:
        for e in self.errors.values():
            e.show_error("")
        self.general.show_error("")
        self.message.setText("")

    def _failed(self, exc) -> None:
        sub = getattr(exc, "errors", None)
        if sub:
            for e in sub:
                show_field_error(e, self._field_errors(), self.general)
        else:
            show_field_error(exc, self._field_errors(), self.general)

    def _field_errors(self) -> dict:
        """The service's field codes → the error lines (the change form's school and grade have their own)."""
        errors = dict(self.errors)
        if self.tabs.currentIndex() == 2:
            errors["school"], errors["grade"] = self.errors["change_school"], self.errors["change_grade"]
        return errors

    def _done(self, row: dict, message: str) -> None:
        self.show_child(row)
        self.message.setText(message)
        self.saved.emit(row)

    def _save_placement(self) -> None:
        self._clear_errors()
        values = {"school": self.school.text(), "grade": self.grade.text(),
                  "class_name": self.class_name.text(), "enrolled_on": self.enrolled_on.text(),
                  "attendance": self.attendance.currentData() or "", "student_no": self.student_no.text(),
                  "pairing_teacher": self.teacher.text(), "counselling": self.counselling.toPlainText(),
                  "privacy_measures": self.privacy.toPlainText()}
        run(self, self.services.school.record_placement, self.row["case_id"], values, busy=self.save_button,
            done=lambda row: self._done(row, self.tr("Placement saved.")), failed=self._failed)

    def _save_transfer(self) -> None:
        self._clear_errors()
        run(self, self.services.school.record_transfer, self.row["case_id"], self.transfer_started.text(),
            self.transfer_done.text(), busy=self.transfer_button,
            done=lambda row: self._done(row, self.tr("Transfer saved.")), failed=self._failed)

    def _save_change(self) -> None:
        self._clear_errors()
        values = {"school": self.new_school.text(), "grade": self.new_grade.text(), "note": self.change_note.text()}
        run(self, self.services.school.record_change, self.row["case_id"], self.change_kind.currentData() or "",
            self.changed_on.text(), values, busy=self.change_button,
            done=lambda row: self._changed(row), failed=self._failed)

    def _changed(self, row: dict) -> None:
        for w in (self.new_school, self.new_grade, self.change_note):
            w.clear()
        self.changed_on.setText("")
        self.change_kind.setCurrentIndex(0)
        self._done(row, self.tr("Change recorded."))
