"""报表: counts that help supervision — cases by status and step (supervisor), audit activity (auditor)."""

from PySide6.QtWidgets import QHeaderView, QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from victimcare.security.audit import ACTION_LABELS
from victimcare.ui.i18n import english
from victimcare.ui.kit.display import status_text, step_text, vocab_text
from victimcare.ui.kit.tasks import run


class ReportsPage(QWidget):
    def __init__(self, services, workspace=None):
        super().__init__(workspace)
        self.services = services
        lay = QVBoxLayout(self)
        title = QLabel(self.tr("Statistics"))
        title.setStyleSheet("font-weight: bold;")
        lay.addWidget(title)
        self.table = QTableWidget(0, 2)
        self.table.setAccessibleName(self.tr("Statistics"))
        self.table.setHorizontalHeaderLabels([self.tr("Measure"), self.tr("Count")])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        lay.addWidget(self.table, 1)

    def refresh(self) -> None:
        run(self, self.services.stats.summary, done=self._show)

    def _show(self, rows) -> None:
        self.table.setRowCount(len(rows))
        for i, (kind, code, sub, count) in enumerate(rows):
            self.table.setItem(i, 0, QTableWidgetItem(self.measure(kind, code, sub)))
            self.table.setItem(i, 1, QTableWidgetItem(str(count)))

    def measure(self, kind: str, code: str, sub: str) -> str:
        if kind == "cases":
            return {"open": self.tr("Open cases"), "closed": self.tr("Closed cases"),
                    "suspected": self.tr("Suspected trafficking")}.get(code, code)
        if kind == "step":
            return f"{step_text(code)}{': ' if english() else '：'}{status_text(sub)}"
        return self.tr("Audit entries: {action}").format(action=vocab_text(ACTION_LABELS, code))
