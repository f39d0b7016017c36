"""新建接收登记 / 修改接收登记: the intake form (F1 with the F2 police handover), grouped as on paper, for a
new case or, pre-filled, to edit a saved one.

Errors come from the services layer and are shown inline under each field; nothing is saved
until the whole form is valid, and beside 保存 the form says which required fields are still empty.
An ID number that disagrees with the birth date or sex is pointed out in amber (a warning, not a
block); a valid one fills an empty birth date and sex. Possible duplicates are shown for the user to
decide (``duplicate_dialog``).
"""

from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QFileDialog, QFormLayout, QGroupBox, QHBoxLayout,
                               QHeaderView, QLayout, QLineEdit, QMessageBox, QPlainTextEdit, QPushButton,
                               QScrollArea, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from victimcare.casework.steps.intake.service import DuplicateCandidates
from victimcare.domain.codes import ethnicities, region_full_name
from victimcare.domain.vocabulary import (ARRIVAL_MODES, DECISIONS, ID_TYPES, MENTAL_STATES, POLICE_CHECKS, SEXES)
from victimcare.domain.identity import IdStatus
from victimcare.core.errors import ValidationErrors
from victimcare.ui.case.duplicate_dialog import DuplicateDialog
from victimcare.ui.case.intake_hints import id_check
from victimcare.ui.kit.inputs import DateField, NameField, RegionField
from victimcare.ui.kit.display import joined, option_choices
from victimcare.ui.kit.tasks import run
from victimcare.ui.kit.widgets import ErrorLabel, add_field, fit_to_screen, plain_label

__all__ = ["DuplicateDialog", "IntakeDialog"]
AMBER = "#b26a00"  # warnings that do not block saving


class _Combo(QComboBox):
    """A drop-down that scrolling the form past does not change: the wheel works only once focused."""

    def __init__(self):
        super().__init__()
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def wheelEvent(self, event) -> None:
        if self.hasFocus():
            super().wheelEvent(event)
        else:
            event.ignore()


def _combo(options, *, blank: str | None = None) -> QComboBox:
    box = _Combo()
    if blank is not None:
        box.addItem(blank, "")
    for code, text in option_choices(options):  # official wording, or its English gloss
        box.addItem(text, code)
    return box


def _value_of(widget):
    if isinstance(widget, QComboBox):
        return widget.currentData()
    if isinstance(widget, QCheckBox):
        return widget.isChecked()
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText()
    if isinstance(widget, RegionField):
        return widget.code()
    if isinstance(widget, _RowsTable):
        return widget.rows()
    return widget.text()


def _set_value(widget, value) -> None:
    if isinstance(widget, QComboBox):
        widget.setCurrentIndex(max(widget.findData(value or ""), 0))
    elif isinstance(widget, QCheckBox):
        widget.setChecked(bool(value))
    elif isinstance(widget, QPlainTextEdit):
        widget.setPlainText(str(value or ""))
    elif isinstance(widget, _RowsTable):
        widget.set_rows(value or [])
    elif isinstance(widget, RegionField):
        widget.setText(f"{value} {region_full_name(value) or ''}".strip() if value else "")
    else:
        widget.setText(str(value or ""))


def _text_area(height: int = 60) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setTabChangesFocus(True)
    edit.setFixedHeight(height)
    return edit


class _RowsTable(QTableWidget):
    """A small editable table for repeating rows (belongings, relatives): one empty row always waits
    at the bottom, so any number can be typed (and a saved list of any length shows whole)."""

    def __init__(self, headers: list[str], keys: list[str], name: str):
        super().__init__(3, len(headers))
        self.keys = keys
        self.setHorizontalHeaderLabels(headers)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.setAccessibleName(name)
        self.setFixedHeight(120)
        self.itemChanged.connect(self._keep_an_empty_row)

    def _keep_an_empty_row(self, _item=None) -> None:
        last = self.rowCount() - 1
        if any(self.item(last, c) and self.item(last, c).text().strip() for c in range(self.columnCount())):
            self.insertRow(self.rowCount())

    def set_rows(self, rows: list[dict]) -> None:
        self.clearContents()
        self.setRowCount(max(3, len(rows) + 1))
        for r, row in enumerate(rows):
            for key in self.keys:
                self.set_cell(r, key, str(row.get(key, "")))

    def rows(self) -> list[dict]:
        out = []
        for r in range(self.rowCount()):
            row = {k: (self.item(r, c).text() if self.item(r, c) else "") for c, k in enumerate(self.keys)}
            if any(v.strip() for v in row.values()):
                out.append(row)
        return out

    def set_cell(self, row: int, key: str, text: str) -> None:
        self.setItem(row, self.keys.index(key), QTableWidgetItem(text))


class IntakeDialog(QDialog):
    created = Signal(int)        # new case id
    edited = Signal(int)         # the case whose saved intake was edited
    open_existing = Signal(int)  # the user decided it is an existing case

    def __init__(self, services, parent=None, *, case_id: int | None = None):
        super().__init__(parent)
        self.services = services
        self.case_id = case_id   # None: a new intake; else the case whose saved intake this form edits
        self.photo_bytes: bytes | None = None
        self.setWindowTitle(self.tr("New intake registration") if case_id is None else self.tr("Edit intake registration"))
        fit_to_screen(self, 900, 680)  # the form scrolls; Save and Cancel stay below it, always in view
        self.errors: dict[str, ErrorLabel] = {}
        body = QWidget()
        self.body_layout = QVBoxLayout(body)
        self.body_layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        self._arrival_group()
        self._identity_group()
        self._handover_group()
        self._belongings_group()
        self._health_group()
        self._flags_group()
        self.body_layout.addStretch()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        self.general = ErrorLabel(self.tr("Form errors"))
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setAccessibleName(self.tr("Save"))
        self.save_button.setDefault(True)
        self.save_button.setShortcut("Ctrl+S")
        self.save_button.clicked.connect(self.save)
        cancel = QPushButton(self.tr("Cancel"))
        cancel.clicked.connect(self.reject)
        self.missing = plain_label("")
        self.missing.setAccessibleName(self.tr("Missing fields"))
        self.missing.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.general, 1)
        buttons.addWidget(self.missing, 1)
        buttons.addStretch()  # while the error line is hidden the buttons keep their size, on the right
        buttons.addWidget(cancel)
        buttons.addWidget(self.save_button)
        lay = QVBoxLayout(self)
        note = plain_label(self.tr("Fields marked * are required. Sections marked (sensitive) "
                                   "are stored in the sensitive compartment."))
        note.setWordWrap(True)
        lay.addWidget(note)
        lay.addWidget(scroll, 1)
        lay.addLayout(buttons)
        for signal in (self.arrival_mode.currentIndexChanged, self.name.edit.textChanged,
                       self.name_unknown.toggled, self.sex.currentIndexChanged, self.birth_date.edit.textChanged,
                       self.estimated_age.textChanged, self.age_basis.textChanged, self.id_status.currentIndexChanged,
                       self.id_number.textChanged, self.suspected.toggled, self.police_report_at.edit.textChanged,
                       self.police_report_unit.textChanged, self.decision.currentIndexChanged,
                       self.decision_reason.textChanged):
            signal.connect(self._update_save_enabled)
        self.id_number.textChanged.connect(self._id_typed)
        for signal in (self.birth_date.edit.textChanged, self.estimated_age.textChanged, self.sex.currentIndexChanged,
                       self.id_type.currentIndexChanged, self.id_status.currentIndexChanged):
            signal.connect(self._update_id_note)
        self._filled_from_id: list[str] = []
        self._update_save_enabled()
        self._closing_quietly = False
        self.from_draft = False  # restored from a draft: the draft goes once the case is saved or discarded
        self._pristine = self.raw()

    # -- groups, in the order of the paper form ---------------------------------------------------

    def _group(self, title: str) -> QFormLayout:
        box = QGroupBox(title)
        form = QFormLayout(box)
        self.body_layout.addWidget(box)
        return form

    def _field(self, form, key: str, label: str, widget, required: bool = False):
        self.errors[key] = add_field(form, label, widget, required=required)
        return widget

    def _arrival_group(self) -> None:
        form = self._group(self.tr("Arrival"))
        self.admitted_at = self._field(form, "admitted_at", self.tr("Admitted at"), DateField(with_time=True), True)
        self.admitted_at.setText(datetime.now().strftime("%Y-%m-%d %H:%M"))
        self.arrival_mode = self._field(form, "arrival_mode", self.tr("How arrived"),
                                        _combo(ARRIVAL_MODES, blank=self.tr("— choose —")), True)
        self.escort_unit = self._field(form, "escort_unit", self.tr("Escorting unit"), QLineEdit())
        self.escort_officers = self._field(form, "escort_officers", self.tr("Escorting officers"), QLineEdit())
        self.police_case_no = self._field(form, "police_case_no", self.tr("Police case number"), QLineEdit())

    def _identity_group(self) -> None:
        form = self._group(self.tr("Identity"))
        self.name = self._field(form, "name", self.tr("Name"), NameField(), True)
        self.name_unknown = QCheckBox(self.tr("Name unknown"))
        self.name_unknown.setAccessibleName(self.tr("Name unknown"))
        form.addRow("", self.name_unknown)
        self.aliases = self._field(form, "aliases", self.tr("Aliases / self-reported names"), QLineEdit())
        self.aliases.setPlaceholderText(self.tr("Separate several names with ；"))
        self.sex = self._field(form, "sex", self.tr("Sex"), _combo(SEXES, blank=self.tr("— choose —")), True)
        self.birth_date = self._field(form, "birth_date", self.tr("Date of birth"), DateField())
        self.estimated_age = self._field(form, "estimated_age", self.tr("Estimated age"), QLineEdit())
        self.estimated_age.setPlaceholderText(self.tr("Only when the date of birth is unknown"))
        self.age_basis = self._field(form, "age_basis", self.tr("Basis of the estimate"), QLineEdit())
        self.age_basis.setPlaceholderText(self.tr("e.g. 目测, 骨龄鉴定, 本人自述"))
        self.ethnicity = self._field(form, "ethnicity", self.tr("Ethnicity"),
                                     _combo([(c, n) for c, n in ethnicities()], blank=""))
        self.id_status = self._field(form, "id_status", self.tr("ID document"),
                                     _combo([(s.value, s.label) for s in IdStatus]), True)
        self.id_status.setCurrentIndex(self.id_status.findData(IdStatus.PENDING.value))
        self.id_type = self._field(form, "id_type", self.tr("ID type"), _combo(ID_TYPES))
        self.id_number = self._field(form, "id_number", self.tr("ID number"), QLineEdit())
        self.id_number.setMaxLength(40)
        self.id_note = plain_label("")  # amber: disagreements with the birth date or sex, and what was filled in
        self.id_note.setAccessibleName(self.tr("ID number note"))
        self.id_note.setWordWrap(True)
        self.id_note.setStyleSheet(f"color: {AMBER};")
        self.id_note.hide()
        form.addRow("", self.id_note)
        self.hukou = self._field(form, "hukou_code", self.tr("Hukou place"), RegionField())
        self.hukou_detail = self._field(form, "hukou_detail", self.tr("Hukou address"), QLineEdit())
        self.residence = self._field(form, "residence", self.tr("Residence"), QLineEdit())
        self.dialect = self._field(form, "dialect", self.tr("Dialect / accent"), QLineEdit())
        self.appearance = self._field(form, "appearance", self.tr("Appearance"), _text_area())
        photo_row = QWidget()
        prow = QHBoxLayout(photo_row)
        prow.setContentsMargins(0, 0, 0, 0)
        self.photo_label = plain_label(self.tr("No photo"))
        choose = QPushButton(self.tr("Choose photo…"))
        choose.setAccessibleName(self.tr("Choose photo"))
        choose.clicked.connect(self._choose_photo)
        self.remove_photo = QPushButton(self.tr("Remove photo"))
        self.remove_photo.setAccessibleName(self.tr("Remove photo"))
        self.remove_photo.clicked.connect(lambda: self.set_photo(None))
        self.remove_photo.hide()
        prow.addWidget(self.photo_label, 1)
        prow.addWidget(choose)
        prow.addWidget(self.remove_photo)
        self._field(form, "photo", self.tr("Photo"), photo_row)

    def _handover_group(self) -> None:
        form = self._group(self.tr("Police handover (F2)"))
        self.h_unit = self._field(form, "handover_unit", self.tr("Police unit"), QLineEdit())
        self.h_officers = self._field(form, "handover_officers", self.tr("Officers and badge numbers"), QLineEdit())
        self.h_found_at = self._field(form, "handover_found_at", self.tr("Found at (time)"), DateField(with_time=True))
        self.h_found_place = self._field(form, "handover_found_place", self.tr("Found at (place)"), QLineEdit())
        self.h_found = self._field(form, "found_circumstances", self.tr("How they were found (sensitive)"), _text_area(80))
        checks = QWidget()
        clay = QHBoxLayout(checks)
        clay.setContentsMargins(0, 0, 0, 0)
        self.h_checks = {}
        for code, text in option_choices(POLICE_CHECKS):
            box = QCheckBox(text)
            box.setAccessibleName(text)
            self.h_checks[code] = box
            clay.addWidget(box)
        self._field(form, "handover_checks", self.tr("Checks done"), checks)
        self.h_at = self._field(form, "handover_at", self.tr("Handed over at"), DateField(with_time=True))

    def _belongings_group(self) -> None:
        form = self._group(self.tr("Belongings and relatives"))
        self.belongings = _RowsTable([self.tr("Item"), self.tr("Quantity"), self.tr("Storage no.")],
                                     ["item", "quantity", "storage_no"], self.tr("Belongings"))
        self._field(form, "belongings", self.tr("Belongings"), self.belongings)
        self.relatives = _RowsTable([self.tr("Relation"), self.tr("Name"), self.tr("Contact")],
                                    ["relation", "name", "contact"], self.tr("Close relatives"))
        self._field(form, "relatives", self.tr("Close relatives"), self.relatives)

    def _health_group(self) -> None:
        form = self._group(self.tr("First health check and circumstances (sensitive)"))
        self.health_check = self._field(form, "health_check", self.tr("Physical state"), _text_area())
        self.mental_state = self._field(form, "mental_state", self.tr("Mental / intellectual signs"),
                                        _combo(MENTAL_STATES, blank=""))
        self.mental_note = self._field(form, "mental_note", self.tr("Notes on mental state"), QLineEdit())
        self.injuries = QCheckBox(self.tr("Visible injuries"))
        self.injuries.setAccessibleName(self.tr("Visible injuries"))
        form.addRow("", self.injuries)
        self.injuries_note = self._field(form, "injuries_note", self.tr("Injuries described"), QLineEdit())
        self.circumstances = self._field(form, "circumstances", self.tr("Cause, time and course of events"),
                                         _text_area(80))

    def _flags_group(self) -> None:
        form = self._group(self.tr("Flags and decision"))
        flags = QWidget()
        flay = QHBoxLayout(flags)
        flay.setContentsMargins(0, 0, 0, 0)
        self.flags = {}
        for key, text in (("flag_trafficking", self.tr("Rescued from trafficking")),
                          ("flag_disabled", self.tr("Disability")), ("flag_foreign", self.tr("Foreign national")),
                          ("on_assistance", self.tr("On 低保/特困")),
                          ("fingerprints_taken", self.tr("Fingerprints taken"))):
            box = QCheckBox(text)
            box.setAccessibleName(text)
            self.flags[key] = box
            flay.addWidget(box)
        form.addRow(self.tr("Flags"), flags)
        self.suspected = QCheckBox(self.tr("Suspected trafficking — reported to police"))
        self.suspected.setAccessibleName(self.tr("Suspected trafficking"))
        form.addRow("", self.suspected)
        self.police_report_at = self._field(form, "police_report_at", self.tr("Reported to police at"),
                                            DateField(with_time=True))
        self.police_report_unit = self._field(form, "police_report_unit", self.tr("Police unit receiving the report"),
                                              QLineEdit())
        self.request = self._field(form, "request", self.tr("What they ask for"), _text_area())
        self.decision = self._field(form, "decision", self.tr("Decision"), _combo(DECISIONS), True)
        self.decision_reason = self._field(form, "decision_reason", self.tr("Reason"), QLineEdit())

    # -- behaviour --------------------------------------------------------------------------------

    def _choose_photo(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose photo"), "", "Images (*.jpg *.jpeg *.png)")
        if path:
            self.set_photo(Path(path).read_bytes())

    def set_photo(self, data: bytes | None) -> None:
        """Keep the bytes in memory only; they go into the vault on save, never to a loose file."""
        self.photo_bytes = data or None
        self.photo_label.setText(self.tr("Photo chosen ({kb} KB)").format(kb=len(data) // 1024) if data
                                 else self.tr("No photo"))
        self.remove_photo.setVisible(bool(data))

    def missing_fields(self) -> list[str]:
        """The labels of the required fields still empty (some are required by what else is filled in)."""
        blank = lambda w: not w.text().strip()
        missing = []
        if not self.arrival_mode.currentData():
            missing.append(self.tr("How arrived"))
        if blank(self.name) and not self.name_unknown.isChecked():
            missing.append(self.tr("Name (or tick Name unknown)"))
        if not self.sex.currentData():
            missing.append(self.tr("Sex"))
        if blank(self.birth_date) and blank(self.estimated_age):
            missing.append(self.tr("Date of birth or estimated age"))
        elif blank(self.birth_date) and blank(self.age_basis):
            missing.append(self.tr("Basis of the estimate"))
        if self.id_status.currentData() == IdStatus.HAS and blank(self.id_number):
            missing.append(self.tr("ID number"))
        if self.suspected.isChecked():
            missing += [label for w, label in ((self.police_report_at, self.tr("Reported to police at")),
                                               (self.police_report_unit, self.tr("Police unit receiving the report")))
                        if blank(w)]
        if self.decision.currentData() == "refuse" and blank(self.decision_reason):
            missing.append(self.tr("Reason"))
        return missing

    def _update_save_enabled(self) -> None:
        """保存 is grey until every required field is filled, and the form says which are still empty."""
        missing = self.missing_fields()
        self.save_button.setEnabled(not missing)
        self.missing.setText(self.tr("Still to fill in: {fields}").format(fields=joined(missing)) if missing else "")
        self.missing.setVisible(bool(missing))

    # -- the ID number: fills an empty birth date and sex, warns where it disagrees ---------------------

    def _id_typed(self) -> None:
        check = id_check(self.id_number.text(), self.id_type.currentData(), date.today())
        self._filled_from_id = []
        if check is not None:
            if not self.birth_date.text().strip() and not self.estimated_age.text().strip():
                self.birth_date.setText(check.birth_date.isoformat())
                self._filled_from_id.append(self.tr("date of birth"))
            if not self.sex.currentData():
                self.sex.setCurrentIndex(self.sex.findData(check.sex))
                self._filled_from_id.append(self.tr("sex"))
        self._update_id_note()

    def _update_id_note(self) -> None:
        check = id_check(self.id_number.text(), self.id_type.currentData(), date.today())
        lines = []
        if check is not None:
            if self._filled_from_id:
                lines.append(self.tr("Filled in from the ID number: {fields}. Please check them.").format(
                    fields=joined(self._filled_from_id)))
            estimated = not self.birth_date.text().strip()
            lines += check.warnings(self.birth_date.text(), estimated, self.sex.currentData())
        self.id_note.setText("\n".join(lines))
        self.id_note.setVisible(bool(lines))

    def _fields(self) -> dict:
        """Every simple field by the key the services layer reads it under (one table for raw and load)."""
        return {
            "admitted_at": self.admitted_at, "arrival_mode": self.arrival_mode, "escort_unit": self.escort_unit,
            "escort_officers": self.escort_officers, "police_case_no": self.police_case_no, "name": self.name,
            "name_unknown": self.name_unknown, "aliases": self.aliases, "sex": self.sex,
            "birth_date": self.birth_date, "estimated_age": self.estimated_age, "age_basis": self.age_basis,
            "ethnicity": self.ethnicity, "id_status": self.id_status, "id_type": self.id_type,
            "id_number": self.id_number, "hukou_code": self.hukou, "hukou_detail": self.hukou_detail,
            "residence": self.residence, "dialect": self.dialect, "appearance": self.appearance,
            "handover_unit": self.h_unit, "handover_officers": self.h_officers, "handover_found_at": self.h_found_at,
            "handover_found_place": self.h_found_place, "found_circumstances": self.h_found,
            "handover_at": self.h_at, "belongings": self.belongings, "relatives": self.relatives,
            "health_check": self.health_check, "mental_state": self.mental_state, "mental_note": self.mental_note,
            "injuries": self.injuries, "injuries_note": self.injuries_note, "circumstances": self.circumstances,
            **self.flags, "suspected_trafficking": self.suspected, "police_report_at": self.police_report_at,
            "police_report_unit": self.police_report_unit, "request": self.request, "decision": self.decision,
            "decision_reason": self.decision_reason,
        }

    def raw(self) -> dict:
        """The form's values as the services layer reads them (and, editing, the case: a draft kept when
        the screen locks comes back as the edit it was)."""
        values = {key: _value_of(widget) for key, widget in self._fields().items()}
        values["photo"] = self.photo_bytes
        values["handover_checks"] = [c for c, box in self.h_checks.items() if box.isChecked()]
        if self.case_id is not None:
            values["edit_case_id"] = self.case_id
        return values

    def fill(self, values: dict) -> None:
        """Fill the form from values: a saved intake to edit (``intake.editable``) or a draft."""
        for key, widget in self._fields().items():
            if key in values:
                _set_value(widget, values[key])
        for code, box in self.h_checks.items():
            box.setChecked(code in (values.get("handover_checks") or []))
        self.set_photo(values.get("photo"))
        self._filled_from_id = []
        self._update_id_note()
        self._pristine = self.raw()

    def load(self, values: dict) -> None:
        """Fill the form from a draft kept when the screen locked (of a new intake or of an edit)."""
        if values.get("edit_case_id"):
            self.case_id = int(values["edit_case_id"])
            self.setWindowTitle(self.tr("Edit intake registration"))
        self.fill(values)
        self.from_draft = True

    @property
    def changed(self) -> bool:
        """Whether anything was typed or chosen since the form opened (or was loaded)."""
        return self.raw() != self._pristine

    def reject(self) -> None:
        """Cancel: a changed form asks before its contents are thrown away."""
        if self.changed and not self._closing_quietly:
            box = QMessageBox(QMessageBox.Icon.Question, self.tr("Discard this intake?"),
                              self.tr("The form has entries that are not saved. Discard them?"), parent=self)
            discard = box.addButton(self.tr("Discard"), QMessageBox.ButtonRole.DestructiveRole)
            box.addButton(self.tr("Keep editing"), QMessageBox.ButtonRole.RejectRole)
            box.exec()
            if box.clickedButton() is not discard:
                return
        self._drop_draft()
        super().reject()

    def _drop_draft(self) -> None:
        if self.from_draft:
            run(self.parent() or self, self.services.intake.discard_draft)

    def close_quietly(self) -> None:
        """Close without asking (the screen is locking; a draft has been kept)."""
        self._closing_quietly = True
        super().reject()

    def save(self, reviewed: list[int] | None = None) -> None:
        for err in self.errors.values():
            err.show_error("")
        self.general.show_error("")
        if self.case_id is not None:
            run(self, self.services.intake.update, self.case_id, self.raw(), busy=self.save_button,
                done=self._edit_saved, failed=self._save_failed)
            return
        run(self, self.services.intake.create, self.raw(), reviewed_duplicates=reviewed or None, busy=self.save_button,
            done=self._saved, failed=self._save_failed)

    def _edit_saved(self, _labels: list[str]) -> None:
        self.general.show_error("")
        self._drop_draft()
        self.edited.emit(self.case_id)
        self.accept()

    def _saved(self, case_id: int) -> None:
        self.general.show_error("")
        self._drop_draft()
        self.created.emit(case_id)
        self.accept()

    def _save_failed(self, exc) -> None:
        self.general.show_error("")
        if isinstance(exc, ValidationErrors):
            first = None
            for err in exc.errors:
                label = self.errors.get(err.field)
                if label is not None:
                    label.show_error(err.message)
                    first = first or label
            self.general.show_error(self.tr("{n} field(s) need attention; see the red notes.").format(n=len(exc.errors)))
            if first is not None:
                self._scroll_to(first)
        elif isinstance(exc, DuplicateCandidates):
            self._ask_duplicates(exc.candidates)
        else:
            self.general.show_error(exc.message)

    def _scroll_to(self, widget) -> None:
        scroll = self.findChild(QScrollArea)
        if scroll is not None:
            scroll.ensureWidgetVisible(widget)

    def _ask_duplicates(self, candidates: list[dict]) -> None:
        dialog = DuplicateDialog(candidates, self)
        choice = dialog.exec_choice()
        ids = [c["id"] for c in candidates]
        if choice == "new":
            self.save(reviewed=ids)
        elif choice is not None and choice != "cancel":
            run(self, self.services.intake.record_duplicate_decision, ids, "same_person", chosen=choice,
                done=lambda _r: (self.open_existing.emit(choice), self.reject()),
                failed=lambda exc: self.general.show_error(exc.message))
        else:
            run(self, self.services.intake.record_duplicate_decision, ids, "cancelled",
                failed=lambda exc: self.general.show_error(exc.message))
