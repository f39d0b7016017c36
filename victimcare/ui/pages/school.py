"""入学安置台账: the children referred to the education bureau who are of school age today, with the paper
ledger's columns, filters, the placement form of the selected child and the export to XLSX."""

from datetime import date
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (QCheckBox, QComboBox, QFileDialog, QHBoxLayout, QHeaderView, QLabel, QPushButton,
                               QSplitter, QTableView, QVBoxLayout, QWidget)

from victimcare.casework.steps.school import rules
from victimcare.casework.steps.school.service import LedgerQuery
from victimcare.security.permissions import Op, allowed
from victimcare.ui.kit.display import age_label, date_label, sex_label, vocab_text
from victimcare.ui.kit.models import PagedTableModel
from victimcare.ui.kit.tasks import run
from victimcare.ui.kit.widgets import ERROR, ErrorLabel, isolate, plain_label, scrolling
from victimcare.ui.pages.school_form import GRADES, PlacementForm

OVERDUE_COLOUR = QColor(ERROR)


class SchoolPage(QWidget):
    case_changed = Signal()  # the selected child changed (the 打印 menu follows it)
    def __init__(self, services, workspace=None):
        super().__init__(workspace)
        self.services = services
        self._query = LedgerQuery()
        self._pending: int | None = None  # a child to select once its row has arrived
        columns = [
            ("case_no", self.tr("Case number"), lambda r: r["case_no"]),
            ("name", self.tr("Name or pseudonym"), lambda r: isolate(r["display_name"])),
            ("sex", self.tr("Sex"), lambda r: sex_label(r["sex"])),
            ("age", self.tr("Age"), lambda r: age_label(r["birth_date"], r["birth_estimated"])),
            ("school", self.tr("School"), lambda r: r["school"]),
            ("grade", self.tr("Grade"), lambda r: " ".join(x for x in (r["grade"], r["class_name"]) if x)),
            ("enrolled", self.tr("Enrolled on"), lambda r: date_label(r["enrolled_on"])),
            ("attendance", self.tr("Attendance"), lambda r: vocab_text(rules.ATTENDANCE, r["attendance"])
             if r["attendance"] else ""),
            ("record", self.tr("School record"), self._record_text),
            ("status", self.tr("Status"), self._status_text),
        ]
        self.model = PagedTableModel(columns, self._fetch, self)
        self.model.rowsInserted.connect(lambda *_a: self._select_pending())
        self.table = QTableView()
        self.table.setAccessibleName(self.tr("School ledger"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        for column, width in enumerate((120, 80, 36, 50, 120, 76, 92, 66, 66)):
            self.table.setColumnWidth(column, width)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.model.failed.connect(lambda message: self.error.show_error(message))

        lay = QVBoxLayout(self)
        title = QLabel(self.tr("School placement ledger"))
        title.setStyleSheet("font-weight: bold;")
        lay.addWidget(title)
        lay.addWidget(plain_label(self.tr("Children referred to the education bureau who are of school age (6–17). "
                                          "Only the fields school placement needs are shown here.")))
        lay.addLayout(self._filters())
        self.error = ErrorLabel(self.tr("Ledger error"))
        lay.addWidget(self.error)
        self.form = PlacementForm(services)
        self.form.saved.connect(self._saved)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.table)
        split.addWidget(scrolling(self.form))
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([660, 460])
        lay.addWidget(split, 1)

    def _filters(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.status = QComboBox()
        self.status.setAccessibleName(self.tr("Placement status"))
        self.status.addItem(self.tr("Any status"), "")
        for code in rules.PLACEMENT_STATUSES:
            self.status.addItem(vocab_text(rules.PLACEMENT_STATUSES, code), code)
        self.status.addItem(self.tr("Case closed"), "closed")
        self.school = QComboBox()
        self.school.setAccessibleName(self.tr("School filter"))
        self.school.addItem(self.tr("Any school"), "")
        self.grade = QComboBox()
        self.grade.setAccessibleName(self.tr("Grade filter"))
        self.grade.addItem(self.tr("Any grade"), "")
        self.overdue = QCheckBox(self.tr("Overdue record transfers only"))
        self.overdue.setAccessibleName(self.tr("Overdue record transfers only"))
        self.export_button = QPushButton(self.tr("Export to Excel…"))
        self.export_button.setAccessibleName(self.tr("Export ledger"))
        self.export_button.setVisible(allowed(self.services.role, Op.SCHOOL_EXPORT))
        self.export_button.clicked.connect(self.export)
        for w in (self.status, self.school, self.grade):
            w.currentIndexChanged.connect(lambda _i: self.refresh())
            row.addWidget(w)
        self.overdue.toggled.connect(lambda _c: self.refresh())
        row.addWidget(self.overdue)
        row.addStretch()
        self.export_note = plain_label("")
        self.export_note.setAccessibleName(self.tr("Export result"))
        row.addWidget(self.export_note)
        row.addWidget(self.export_button)
        return row

    # -- the table -----------------------------------------------------------------------------------

    def _record_text(self, row: dict) -> str:
        text = vocab_text(rules.RECORD_STATES, row["record_state"])
        if row["transfer_overdue"]:
            return self.tr("{state}, overdue").format(state=text)
        return text

    def _status_text(self, row: dict) -> str:
        if row["case_status"] == "closed":
            return self.tr("Case closed")
        return vocab_text(rules.PLACEMENT_STATUSES, row["status"])

    def query(self) -> LedgerQuery:
        return LedgerQuery(status=self.status.currentData() or "", school=self.school.currentData() or "",
                           grade=self.grade.currentData() or "", overdue_only=self.overdue.isChecked())

    def _fetch(self, cursor, limit):
        page = self.services.school.children(cursor, limit, self._query)
        for row in page[0]:
            row["id"] = row["case_id"]
            if row["transfer_overdue"]:
                row["_foreground"] = OVERDUE_COLOUR
        return page

    def refresh(self) -> None:
        self.error.show_error("")
        self._query = self.query()
        self.form.clear()
        self.model.reset()
        self.case_changed.emit()
        run(self, self.services.school.choices, done=self._show_choices, failed=lambda exc: None)

    def _show_choices(self, choices: dict) -> None:
        for combo, values in ((self.school, choices["school"]), (self.grade, _ordered_grades(choices["grade"]))):
            current = combo.currentData()
            combo.blockSignals(True)
            while combo.count() > 1:
                combo.removeItem(1)
            for value in values:
                combo.addItem(value, value)
            combo.setCurrentIndex(max(combo.findData(current), 0))
            combo.blockSignals(False)
        self.form.set_choices(choices["school"])

    def set_read_only(self, message: str) -> None:
        self.form.set_read_only(message)

    # -- selecting a child ---------------------------------------------------------------------------

    def select_child(self, case_id: int) -> None:
        """Show the ledger with this child selected and its form open (from the 工作台)."""
        self._pending = case_id
        for combo in (self.status, self.school, self.grade):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.overdue.blockSignals(True)
        self.overdue.setChecked(False)
        self.overdue.blockSignals(False)
        self.refresh()
        self._open(case_id)

    def _select_pending(self) -> bool:
        if self._pending is None:
            return False
        for r in range(self.model.rowCount()):
            if self.model.row_data(r)["case_id"] == self._pending:
                self._pending = None
                self.table.selectionModel().blockSignals(True)
                self.table.selectRow(r)
                self.table.selectionModel().blockSignals(False)
                self.table.scrollTo(self.model.index(r, 0))
                self.case_changed.emit()
                return True
        if self.model.canFetchMore(QModelIndex()):  # further down the ledger: fetch the next page
            self.model.fetchMore(QModelIndex())
        return False

    def current_case(self) -> tuple[int, str] | None:
        """The child selected in the ledger (for the 打印 menu), or None."""
        current = self.table.selectionModel().currentIndex()
        if not current.isValid():
            return None
        row = self.model.row_data(current.row())
        return row["case_id"], row["case_no"]

    def _row_changed(self, current: QModelIndex, _previous) -> None:
        if current.isValid():
            self._open(self.model.row_data(current.row())["case_id"])
        self.case_changed.emit()

    def _open(self, case_id: int) -> None:
        run(self, self.services.school.child, case_id, done=self.form.show_child,
            failed=lambda exc: self.error.show_error(exc.message))

    def _saved(self, row: dict) -> None:
        """A saved placement: show the ledger afresh with the same child selected."""
        self._pending = row["case_id"]
        self._query = self.query()
        self.model.reset()
        run(self, self.services.school.choices, done=self._show_choices, failed=lambda exc: None)

    # -- export --------------------------------------------------------------------------------------

    def export(self) -> None:
        name = self.tr("School placement ledger {day}.xlsx").format(day=date.today().strftime("%Y%m%d"))
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("Export the ledger"), str(Path.home() / name),
                                                    self.tr("Excel workbook (*.xlsx)"))
        if not path:
            return
        if not path.lower().endswith(".xlsx"):
            path += ".xlsx"
        self.export_note.setText(self.tr("Exporting…"))
        run(self, self.services.school.export_xlsx, Path(path), self.query(), busy=self.export_button,
            done=lambda result: self.export_note.setText(
                self.tr("Exported {count} children to {file}.").format(count=result["count"], file=Path(path).name)),
            failed=lambda exc: (self.export_note.setText(""), self.error.show_error(exc.message)))


def _ordered_grades(found: list[str]) -> list[str]:
    """The grades in school order (一年级 … 高三), any others after them."""
    known = [g for g in GRADES if g in found]
    return known + [g for g in found if g not in GRADES]

