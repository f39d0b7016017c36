"""报表: counts that help supervision — cases by status and step (supervisor), audit activity (auditor)."""

from PySide6.QtWidgets import QHeaderView, QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget


class ReportsPage(QWidget):
    def __init__(self, session, workspace=None):
        super().__init__(workspace)
        self.session = session
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
        rows = self.session.stats.summary()
        self.table.setRowCount(len(rows))
        for i, (text, count) in enumerate(rows):
            self.table.setItem(i, 0, QTableWidgetItem(text))
            self.table.setItem(i, 1, QTableWidgetItem(str(count)))
