"""The signed-in workspace: left navigation filtered by role and the page stack.

It exists only while a services is open; locking destroys it, so no widget keeps case data.
"""

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (QFrame, QHBoxLayout, QListWidget, QListWidgetItem, QPushButton, QStackedWidget,
                               QVBoxLayout, QWidget)

from victimcare.security.permissions import Op, allowed, navigation_for
from victimcare.ui.kit.widgets import ERROR, plain_label, scrolling


class ReadOnlyBanner(QFrame):
    """A red band over the workspace while the session is read-only: what is damaged, that nothing can
    be saved, and (for the supervisor) the way to a restore. The background page check can find damage
    at any time after sign-in, so the flag is looked at every second (a string read, no query)."""
    changed = Signal(str)
    restore_requested = Signal()

    def __init__(self, services, parent=None):
        super().__init__(parent)
        self.services = services
        self.setStyleSheet(f"ReadOnlyBanner {{ background: #fdecea; border: 1px solid {ERROR}; }}")
        lay = QHBoxLayout(self)
        self.message = plain_label("")
        self.message.setAccessibleName(self.tr("Vault damaged"))
        self.message.setWordWrap(True)
        self.message.setStyleSheet(f"color: {ERROR}; font-weight: bold;")
        lay.addWidget(self.message, 1)
        self.restore = QPushButton(self.tr("Restore from backup…"))
        self.restore.setAccessibleName(self.tr("Restore from backup"))
        self.restore.clicked.connect(self.restore_requested)
        self.restore.setVisible(allowed(services.role, Op.VAULT_BACKUP))
        lay.addWidget(self.restore, 0, Qt.AlignmentFlag.AlignTop)
        self._shown = ""
        self.hide()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.update_state)
        self.timer.start(1000)
        self.update_state()

    def update_state(self) -> None:
        message = "" if self.services.locked else self.services.read_only
        if message != self._shown:
            self._shown = message
            self.message.setText(message)
            self.setVisible(bool(message))
            self.changed.emit(message)


class Workspace(QWidget):
    open_case = Signal(int, str)  # case id, tab code
    current_case_changed = Signal()  # another page shown, or its open case changed (``current_case``)

    def __init__(self, services, parent=None):
        super().__init__(parent)
        self.services = services
        self.nav = QListWidget()
        self.nav.setAccessibleName(self.tr("Navigation"))
        self.nav.setFixedWidth(150)
        self.nav.setStyleSheet("QListWidget { font-size: 11pt; } QListWidget::item { padding: 8px 10px; }")
        self.stack = QStackedWidget()
        self.pages: dict[str, QWidget] = {}
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        self.banner = ReadOnlyBanner(services, self)
        self.banner.restore_requested.connect(self.show_restore)
        outer.addWidget(self.banner)
        lay = QHBoxLayout()
        lay.addWidget(self.nav)
        lay.addWidget(self.stack, 1)
        outer.addLayout(lay, 1)
        labels = self.section_labels()
        for section in navigation_for(services.role):
            page = self._make_page(section)
            self.pages[section] = page
            if hasattr(page, "case_changed"):
                page.case_changed.connect(self.current_case_changed)
            self.stack.addWidget(scrolling(page))  # a page taller or wider than the window scrolls
            item = QListWidgetItem(labels[section])
            item.setData(Qt.ItemDataRole.UserRole, section)
            self.nav.addItem(item)
        self.nav.currentRowChanged.connect(self._show_row)
        if self.nav.count():
            self.nav.setCurrentRow(0)
        self.banner.changed.connect(self._read_only_changed)
        self._read_only_changed(services.read_only)

    def _read_only_changed(self, message: str) -> None:
        """Pages with a button that writes say so with ``set_read_only(message)`` ('' when writable)."""
        for page in self.pages.values():
            if hasattr(page, "set_read_only"):
                page.set_read_only(message)

    def section_labels(self) -> dict[str, str]:
        return {"home": self.tr("Workbench"), "cases": self.tr("Cases"), "school": self.tr("School ledger"),
                "reports": self.tr("Reports"), "audit": self.tr("Audit"), "settings": self.tr("Settings")}

    def sections(self) -> list[str]:
        return [self.nav.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.nav.count())]

    def show_section(self, section: str) -> QWidget:
        self.nav.setCurrentRow(self.sections().index(section))
        return self.pages[section]

    def current_case(self) -> tuple[int, str] | None:
        """(case id, case number) of the case the page shown has open (the 打印 menu prints it), or None."""
        row = self.stack.currentIndex()
        page = self.pages[self.sections()[row]] if row >= 0 else None
        current = getattr(page, "current_case", None)
        return current() if current is not None else None

    def show_restore(self) -> None:
        settings = self.show_section("settings")
        settings.backups.restore_button.setFocus()

    def _show_row(self, row: int) -> None:
        if row < 0:
            return
        self.stack.setCurrentIndex(row)
        self.current_case_changed.emit()
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
