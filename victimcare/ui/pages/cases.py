"""个案: search, filter chips, the lazy case table; opens the case page in place."""

from datetime import datetime

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (QCheckBox, QComboBox, QHBoxLayout, QHeaderView, QLineEdit, QPushButton,
                               QStackedWidget, QTableView, QVBoxLayout, QWidget)

from victimcare.casework.cases import CaseQuery
from victimcare.security.permissions import Op, allowed
from victimcare.ui.kit.display import age_label, days_in_care, due_label, sex_label, joined, status_choices, step_choices, step_text
from victimcare.ui.kit.models import PagedTableModel
from victimcare.ui.kit.tasks import run
from victimcare.ui.kit.widgets import ERROR, isolate, plain_label

SEARCH_DEBOUNCE_MS = 300
OVERDUE_COLOUR = QColor(ERROR)


class CasesPage(QWidget):
    case_changed = Signal()  # a case page opened or closed (the 打印 menu follows it)
    def __init__(self, services, workspace=None):
        super().__init__(workspace)
        self.services = services
        self.workspace = workspace
        self.case_page = None
        self._query = CaseQuery()
        self._total = None
        self.stack = QStackedWidget()
        self.list_view = QWidget()
        self.stack.addWidget(self.list_view)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.stack)
        self._build_list()

    def _build_list(self) -> None:
        lay = QVBoxLayout(self.list_view)
        top = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setAccessibleName(self.tr("Search cases"))
        self.search.setPlaceholderText(self.tr("Search by name, alias, case number or ID fragment"))
        self.search.setClearButtonEnabled(True)
        top.addWidget(self.search, 1)
        self.new_button = QPushButton(self.tr("New intake registration"))
        self.new_button.setAccessibleName(self.tr("New intake registration"))
        self.new_button.setStyleSheet("QPushButton { font-weight: bold; }")
        self.new_button.clicked.connect(lambda: self.new_intake())  # not clicked(checked) as the draft
        self.new_button.setVisible(allowed(self.services.role, Op.CASE_CREATE))
        top.addWidget(self.new_button)
        lay.addLayout(top)

        chips = QHBoxLayout()
        self.status = QComboBox()
        self.status.setAccessibleName(self.tr("Case status"))
        for code, text in (("open", self.tr("Open cases")), ("closed", self.tr("Closed cases")),
                           ("all", self.tr("All cases"))):
            self.status.addItem(text, code)
        self.step = QComboBox()
        self.step.setAccessibleName(self.tr("Step"))
        self.step.addItem(self.tr("Any step"), "")
        for code, text in step_choices():
            self.step.addItem(text, code)
        self.step_status = QComboBox()
        self.step_status.setAccessibleName(self.tr("Step status"))
        for code, text in status_choices():
            self.step_status.addItem(text, code)
        self.step_status.setCurrentIndex(1)
        self.worker = QLineEdit()
        self.worker.setAccessibleName(self.tr("Assigned worker"))
        self.worker.setPlaceholderText(self.tr("Worker account"))
        self.worker.setMaximumWidth(140)
        self.overdue = QCheckBox(self.tr("Overdue only"))
        self.overdue.setAccessibleName(self.tr("Overdue only"))
        self.sort = QComboBox()
        self.sort.setAccessibleName(self.tr("Sort by"))
        for code, text in (("admitted", self.tr("Newest intake first")), ("case_no", self.tr("Case number")),
                           ("next_due", self.tr("Next deadline"))):
            self.sort.addItem(text, code)
        for w in (self.status, self.step, self.step_status, self.worker, self.overdue, self.sort):
            chips.addWidget(w)
        chips.addStretch()
        self.count_label = plain_label("")
        self.count_label.setAccessibleName(self.tr("Result count"))
        chips.addWidget(self.count_label)
        lay.addLayout(chips)

        columns = [
            ("case_no", self.tr("Case number"), lambda r: r["case_no"]),
            ("name", self.tr("Name"), lambda r: isolate(r["name"] or self.tr("(unknown)"))),
            ("sex", self.tr("Sex"), lambda r: sex_label(r["sex"])),
            ("age", self.tr("Age"), lambda r: age_label(r["birth_date"], r["birth_estimated"])),
            ("days", self.tr("Days in care"), lambda r: str(days_in_care(r["admitted_at"]))),
            ("steps", self.tr("Current steps"),
             lambda r: joined(step_text(s) for s in (r["active"] or "").split(",") if s)),
            ("due", self.tr("Next deadline"), lambda r: due_label(r["next_due"])),
        ]
        self.model = PagedTableModel(columns, self._fetch, self)
        self.table = QTableView()
        self.table.setAccessibleName(self.tr("Case list"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        for column, width in enumerate((170, 130, 50, 70, 80, 220)):
            self.table.setColumnWidth(column, width)
        # ``activated`` alone: a double click emits it too (or a single click, where the style says so), and
        # each open is one audited view
        self.table.activated.connect(lambda index: self.open_case(self.model.row_data(index.row())["id"]))
        self.model.failed.connect(self.count_label.setText)
        lay.addWidget(self.table, 1)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DEBOUNCE_MS)
        self._debounce.timeout.connect(self.refresh)
        self.search.textChanged.connect(self._debounce.start)
        self.worker.textChanged.connect(self._debounce.start)
        for combo in (self.status, self.step, self.step_status, self.sort):
            combo.currentIndexChanged.connect(self.refresh)
        self.overdue.toggled.connect(self.refresh)

    def query(self) -> CaseQuery:
        return CaseQuery(text=self.search.text(), status=self.status.currentData(), step=self.step.currentData(),
                         step_status=self.step_status.currentData() if self.step.currentData() else "",
                         worker=self.worker.text().strip(), overdue_only=self.overdue.isChecked(),
                         sort=self.sort.currentData())

    def _fetch(self, cursor, limit):
        rows, cursor = self.services.cases.list_page(self._query, cursor, limit)
        now = datetime.now().isoformat(timespec="minutes")
        for r in rows:  # red only for what is overdue
            if r["next_due"] and r["next_due"] < now:
                r["_foreground"] = OVERDUE_COLOUR
        return rows, cursor

    def set_read_only(self, message: str) -> None:
        self.new_button.setEnabled(not message)
        self.new_button.setToolTip(message)

    def refresh(self) -> None:
        self._debounce.stop()
        self._query = query = self.query()
        self.model.reset()
        self.step_status.setEnabled(bool(self.step.currentData()))
        run(self, self.services.cases.count, query, done=lambda n: self._counted(query, n),
            failed=lambda exc: self.count_label.setText(exc.message))

    def _counted(self, query, total: int) -> None:
        if query == self._query:  # a newer search may have started meanwhile
            self._total = total
            self._show_count()

    def _show_count(self) -> None:
        self.count_label.setText(self.tr("{n} case(s)").format(n=self._total) if self._total is not None else "")

    def focus_search(self) -> None:
        self.show_list()
        self.search.setFocus()
        self.search.selectAll()

    def current_case(self) -> tuple[int, str] | None:
        """The case whose page is shown (for the 打印 menu), or None on the list."""
        if self.case_page is None or self.stack.currentWidget() is not self.case_page:
            return None
        return self.case_page.case_id, self.case_page.case.get("case_no", "")

    def show_list(self) -> None:
        if self.case_page is not None:
            self.stack.removeWidget(self.case_page)
            self.case_page.deleteLater()
            self.case_page = None
        self.stack.setCurrentWidget(self.list_view)
        self.case_changed.emit()

    def new_intake(self, draft: dict | None = None) -> None:
        """The intake form; ``draft`` holds the values of a form kept when the screen locked (a draft of
        an edit comes back as the edit of its case)."""
        from victimcare.ui.case.intake_dialog import IntakeDialog
        dialog = IntakeDialog(self.services, self)
        if draft is not None:
            dialog.load(draft)
        dialog.created.connect(lambda case_id: (self.refresh(), self.open_case(case_id)))
        dialog.edited.connect(lambda case_id: (self.refresh(), self.open_case(case_id, "intake")))  # an edit's draft
        dialog.open_existing.connect(self.open_case)
        dialog.exec()

    def open_case(self, case_id: int, tab: str = "overview") -> None:
        """Read the case off the GUI thread, then show its page at ``tab``."""
        from victimcare.ui.case.page import load_case
        self.count_label.setText(self.tr("Opening the case…"))
        run(self, load_case, self.services, case_id, done=lambda bundle: self._show_case(bundle, tab),
            failed=lambda exc: self.count_label.setText(exc.message))

    def _show_case(self, bundle, tab: str) -> None:
        from victimcare.ui.case.page import CasePage
        self.show_list()
        self.case_page = CasePage(self.services, bundle, self)
        self.case_page.back.connect(self.show_list)
        self.case_page.changed.connect(self.open_case)
        self.stack.addWidget(self.case_page)
        self.stack.setCurrentWidget(self.case_page)
        self.case_page.show_tab(tab)
        self._show_count()
        self.case_changed.emit()
