"""工作台: what is overdue and due soon across the cases this user may see, in plain words (the deadline
list and the holiday-table reminder live in ``workbench.py``), and the approvals (``approvals_box``)."""

from PySide6.QtWidgets import QVBoxLayout, QWidget

from victimcare.security.permissions import Op, Role, allowed
from victimcare.ui.kit.tasks import run
from victimcare.ui.kit.widgets import plain_label
from victimcare.ui.pages.approvals_box import ApprovalsBox
from victimcare.ui.pages.workbench import AMBER, DeadlineBox, HolidayNote


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
        self.holiday_note = HolidayNote(services)  # the supervisor's: the holiday table runs out
        lay.addWidget(self.holiday_note)
        self.deadlines = DeadlineBox(services, self.counts, self._open_case)
        lay.addWidget(self.deadlines, 3)
        self.approvals = ApprovalsBox(services, workspace)  # 待审批 and the outcomes of my requests
        self.approvals.decided.connect(self.refresh)
        lay.addWidget(self.approvals, 1)

    def refresh(self) -> None:
        self.deadlines.refresh()
        self.holiday_note.refresh()
        if allowed(self.services.role, Op.CASE_EDIT) and not self.services.read_only:
            # stored next deadlines go stale with the days (and with a new version's rules): bring them up
            # to date once a day in the background, then read the list again
            run(self, self.services.deadlines.update_stale_due, background=True,
                done=lambda n: n and self.deadlines.refresh(), failed=lambda _exc: None)
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

    def _open_case(self, case_id: int, step: str) -> None:
        if self.workspace is None:
            return
        if allowed(self.services.role, Op.CASE_VIEW):
            self.workspace.show_section("cases").open_case(case_id, step)
        elif "school" in self.workspace.pages:  # the education officer: the ledger, with this child selected
            self.workspace.show_section("school").select_child(case_id)
