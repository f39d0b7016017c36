"""新建接收登记: the intake form (F1 with the F2 police handover), grouped as on paper.

Errors come from the services layer and are shown inline under each field; nothing is saved
until the whole form is valid. Possible duplicates are shown for the user to decide.
"""

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QFileDialog, QFormLayout, QGroupBox, QHBoxLayout,
                               QHeaderView, QLayout, QLineEdit, QMessageBox, QPlainTextEdit, QPushButton,
                               QScrollArea, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from victimcare.casework.steps.intake.service import DuplicateCandidates
from victimcare.domain.codes import ethnicities
from victimcare.domain.vocabulary import (ARRIVAL_MODES, DECISIONS, ID_TYPES, MENTAL_STATES, POLICE_CHECKS, SEXES)
from victimcare.domain.identity import IdStatus
from victimcare.core.errors import ValidationErrors
from victimcare.ui.kit.inputs import DateField, NameField, RegionField
from victimcare.ui.kit.display import joined, option_choices, option_text, shown
from victimcare.ui.kit.tasks import run
from victimcare.ui.kit.widgets import ErrorLabel, add_field, fit_to_screen, plain_label


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
        for r, row in enumerate((value or [])[:widget.rowCount()]):
            for key in widget.keys:
                widget.set_cell(r, key, str(row.get(key, "")))
    else:
        widget.setText(str(value or ""))


def _text_area(height: int = 60) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setTabChangesFocus(True)
    edit.setFixedHeight(height)
    return edit


class _RowsTable(QTableWidget):
    """A small editable table for repeating rows (belongings, relatives)."""

    def __init__(self, headers: list[str], keys: list[str], name: str):
        super().__init__(3, len(headers))
        self.keys = keys
        self.setHorizontalHeaderLabels(headers)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.setAccessibleName(name)
        self.setFixedHeight(120)

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
    open_existing = Signal(int)  # the user decided it is an existing case

    def __init__(self, services, parent=None):
        super().__init__(parent)
        self.services = services
        self.photo_bytes: bytes | None = None
        self.setWindowTitle(self.tr("New intake registration"))
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
        buttons = QHBoxLayout()
        buttons.addWidget(self.general, 1)
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
                       self.estimated_age.textChanged):
            signal.connect(self._update_save_enabled)
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
        prow.addWidget(self.photo_label, 1)
        prow.addWidget(choose)
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

    def set_photo(self, data: bytes) -> None:
        """Keep the bytes in memory only; they go into the vault on save, never to a loose file."""
        self.photo_bytes = data
        self.photo_label.setText(self.tr("Photo chosen ({kb} KB)").format(kb=len(data) // 1024))

    def _update_save_enabled(self) -> None:
        has_name = bool(self.name.text().strip()) or self.name_unknown.isChecked()
        has_age = bool(self.birth_date.text().strip() or self.estimated_age.text().strip())
        self.save_button.setEnabled(bool(self.arrival_mode.currentData()) and has_name
                                    and bool(self.sex.currentData()) and has_age)

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
        """The form's values as the services layer reads them."""
        values = {key: _value_of(widget) for key, widget in self._fields().items()}
        values["photo"] = self.photo_bytes
        values["handover_checks"] = [c for c, box in self.h_checks.items() if box.isChecked()]
        return values

    def load(self, values: dict) -> None:
        """Fill the form from saved values (a draft kept when the screen locked)."""
        for key, widget in self._fields().items():
            if key in values:
                _set_value(widget, values[key])
        for code, box in self.h_checks.items():
            box.setChecked(code in (values.get("handover_checks") or []))
        if values.get("photo"):
            self.set_photo(values["photo"])
        self._pristine = self.raw()
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
        run(self, self.services.intake.create, self.raw(), reviewed_duplicates=reviewed or None, busy=self.save_button,
            done=self._saved, failed=self._save_failed)

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


class DuplicateDialog(QDialog):
    """Lists possible duplicates; the user opens one, creates a new case anyway, or goes back."""

    def __init__(self, candidates: list[dict], parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Possible duplicates"))
        self.candidates = candidates
        self.choice = "cancel"
        lay = QVBoxLayout(self)
        note = plain_label(self.tr("These existing cases may be the same person. Check them before creating a new case."))
        note.setWordWrap(True)
        lay.addWidget(note)
        self.table = QTableWidget(len(candidates), 5)
        self.table.setAccessibleName(self.tr("Duplicate candidates"))
        self.table.setHorizontalHeaderLabels([self.tr("Case number"), self.tr("Name"), self.tr("Sex"),
                                              self.tr("Date of birth"), self.tr("Why")])
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        for i, c in enumerate(candidates):
            for j, text in enumerate((c["case_no"], c["name"], option_text(SEXES, c["sex"]), c["birth_date"] or "",
                                      joined(shown(r) for r in c["reasons"]))):
                self.table.setItem(i, j, QTableWidgetItem(text))
        if candidates:
            self.table.selectRow(0)
        lay.addWidget(self.table)
        row = QHBoxLayout()
        same = QPushButton(self.tr("Same person — open that case"))
        same.setAccessibleName(self.tr("Open existing case"))
        same.clicked.connect(self._same)
        new = QPushButton(self.tr("Different person — create new case"))
        new.setAccessibleName(self.tr("Create new case"))
        new.clicked.connect(self._new)
        back = QPushButton(self.tr("Back to the form"))
        back.clicked.connect(self.reject)
        row.addWidget(same)
        row.addWidget(new)
        row.addStretch()
        row.addWidget(back)
        lay.addLayout(row)
        fit_to_screen(self, 760, 320)

    def _same(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        self.choice = self.candidates[rows[0].row() if rows else 0]["id"]
        self.accept()

    def _new(self) -> None:
        self.choice = "new"
        self.accept()

    def exec_choice(self):
        return self.choice if self.exec() else "cancel"
