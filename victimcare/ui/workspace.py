"""The signed-in workspace: left navigation filtered by role and the page stack.

It exists only while a services is open; locking destroys it, so no widget keeps case data.
"""

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QListWidget, QListWidgetItem, QStackedWidget, QWidget

from victimcare.security.permissions import navigation_for
from victimcare.ui.kit.widgets import scrolling


class Workspace(QWidget):
    open_case = Signal(int, str)  # case id, tab code

    def __init__(self, services, parent=None):
        super().__init__(parent)
        self.services = services
        self.nav = QListWidget()
        self.nav.setAccessibleName(self.tr("Navigation"))
        self.nav.setFixedWidth(150)
        self.nav.setStyleSheet("QListWidget { font-size: 11pt; } QListWidget::item { padding: 8px 10px; }")
        self.stack = QStackedWidget()
        self.pages: dict[str, QWidget] = {}
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.nav)
        lay.addWidget(self.stack, 1)
        labels = self.section_labels()
        for section in navigation_for(services.role):
            page = self._make_page(section)
            self.pages[section] = page
            self.stack.addWidget(scrolling(page))  # a page taller or wider than the window scrolls
            item = QListWidgetItem(labels[section])
            item.setData(Qt.ItemDataRole.UserRole, section)
            self.nav.addItem(item)
        self.nav.currentRowChanged.connect(self._show_row)
        if self.nav.count():
            self.nav.setCurrentRow(0)

    def section_labels(self) -> dict[str, str]:
        return {"home": self.tr("Workbench"), "cases": self.tr("Cases"), "school": self.tr("School ledger"),
                "reports": self.tr("Reports"), "audit": self.tr("Audit"), "settings": self.tr("Settings")}

    def sections(self) -> list[str]:
        return [self.nav.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.nav.count())]

    def show_section(self, section: str) -> QWidget:
        self.nav.setCurrentRow(self.sections().index(section))
        return self.pages[section]

    def _show_row(self, row: int) -> None:
        if row < 0:
            return
        self.stack.setCurrentIndex(row)
        page = self.pages[self.sections()[row]]
        refresh = getattr(page, "refresh", None)
        if refresh:
            refresh()

    def refresh_current(self) -> None:
        row = self.stack.currentIndex()
        refresh = getattr(self.pages[self.sections()[row]], "refresh", None) if row >= 0 else None
        if refresh:
            refresh()

    def _make_page(self, section: str) -> QWidget:
        from victimcare.ui import pages
        return pages.make(section, self.services, self)
