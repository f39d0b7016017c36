"""工作台: what is overdue and due soon across the cases this user may see, in plain words."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QGroupBox, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from victimcare.security.permissions import Op, Role, allowed
from victimcare.ui.kit.display import deadline_text
from victimcare.ui.kit.tasks import run
from victimcare.ui.pages.approvals_box import ApprovalsBox
from victimcare.ui.kit.widgets import ERROR, plain_label

AMBER = "#b26a00"


class HomePage(QWidget):
    def __init__(self, services, workspace=None):
        super().__init__(workspace)
        self.services = services
        self.workspace = workspace
        lay = QVBoxLayout(self)
        self.counts = plain_label("")
        self.counts.setAccessibleName(self.tr("Counts"))
        font = self.counts.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        self.counts.setFont(font)
        lay.addWidget(self.counts)
        self.backup_note = plain_label("")  # the supervisor's reminder when the last backup is old
        self.backup_note.setAccessibleName(self.tr("Backup reminder"))
        self.backup_note.setStyleSheet(f"color: {AMBER}; font-weight: bold;")
        self.backup_note.setWordWrap(True)
        self.backup_note.hide()
        lay.addWidget(self.backup_note)
        self.overdue = self._list(lay, self.tr("Overdue"), self.tr("Overdue items"), ERROR)
        self.soon = self._list(lay, self.tr("Due within 3 days"), self.tr("Due soon items"), AMBER)
        self.approvals = ApprovalsBox(services, workspace)  # 待审批 and the outcomes of my requests
        self.approvals.decided.connect(self.refresh)
        lay.addWidget(self.approvals, 1)

    def _list(self, lay, title: str, name: str, colour: str | None) -> QListWidget:
        box = QGroupBox(title)
        if colour:
            box.setStyleSheet(f"QGroupBox {{ color: {colour}; font-weight: bold; }}")
        blay = QVBoxLayout(box)
        widget = QListWidget()
        widget.setAccessibleName(name)
        widget.itemActivated.connect(self._open)
        widget.itemDoubleClicked.connect(self._open)
        blay.addWidget(widget)
        lay.addWidget(box, 1)
        return widget

    def refresh(self) -> None:
        self.counts.setText(self.tr("Reading deadlines…"))
        run(self, self.services.deadlines.due_items, done=self._show, failed=lambda exc: self.counts.setText(exc.message))
        if self.services.role == Role.SUPERVISOR:
            run(self, self.services.backup.reminder, done=self._show_backup_reminder,
                failed=lambda exc: self._show_backup_text(exc.message))

    def _show_backup_reminder(self, reminder) -> None:
        if reminder is None:
            self._show_backup_text("")
        elif reminder["last_at"] is None:
            self._show_backup_text(self.tr("This vault has never been backed up. Back it up now: Settings → "
                                           "Back up to…"))
        else:
            self._show_backup_text(self.tr("The last backup was {days} days ago (a reminder comes after {limit} "
                                           "days). Back up now: Settings → Back up to…")
                                   .format(days=reminder["age_days"], limit=reminder["remind_days"]))

    def _show_backup_text(self, text: str) -> None:
        self.backup_note.setText(text)
        self.backup_note.setVisible(bool(text))

    def _show(self, items) -> None:
        overdue, soon = items
        for widget, items, colour in ((self.overdue, overdue, QColor(ERROR)), (self.soon, soon, QColor(AMBER))):
            widget.clear()
            for d in items:
                item = QListWidgetItem(deadline_text(d, with_case=True))
                item.setData(Qt.ItemDataRole.UserRole, (d.case_id, d.step))
                item.setForeground(colour)
                widget.addItem(item)
            if not items:
                widget.addItem(self.tr("Nothing here."))
        self.counts.setText(self.tr("Overdue: {o}    Due within 3 days: {s}").format(o=len(overdue), s=len(soon)))

    def _open(self, item: QListWidgetItem) -> None:
        target = item.data(Qt.ItemDataRole.UserRole)
        if not target or self.workspace is None:
            return
        case_id, step = target
        if allowed(self.services.role, Op.CASE_VIEW):
            self.workspace.show_section("cases").open_case(case_id, step)
        elif "school" in self.workspace.pages:  # the education officer: the ledger, with this child selected
            self.workspace.show_section("school").select_child(case_id)
