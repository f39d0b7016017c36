"""概况: the case's deadlines, its step statuses, the timeline, and the referral to school."""

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QFormLayout, QGroupBox, QHBoxLayout, QInputDialog, QListWidget, QListWidgetItem,
                               QPushButton, QVBoxLayout, QWidget)

from victimcare.casework.steps.school.rules import referral_refusal
from victimcare.domain.deadlines import DUE_SOON, MET, MET_LATE, MISSED, OVERDUE
from victimcare.security.permissions import Op, allowed
from victimcare.ui.i18n import english
from victimcare.ui.kit.display import datetime_label, deadline_text, event_text, shown, status_text, step_choices, step_text
from victimcare.ui.kit.tasks import run
from victimcare.ui.kit.widgets import ErrorLabel, plain_label, scrolling


def wrapping_list() -> QListWidget:
    """A list whose long lines wrap to its width (a deadline's explanation, a timeline entry) instead of
    running off the right edge at 1366×768."""
    view = QListWidget()
    view.setWordWrap(True)
    view.setTextElideMode(Qt.TextElideMode.ElideNone)
    view.setResizeMode(QListWidget.ResizeMode.Adjust)   # lay the items out again when the width changes
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.setVerticalScrollMode(QListWidget.ScrollMode.ScrollPerPixel)
    view.setUniformItemSizes(False)
    view.setSpacing(1)
    return view


class OverviewTab(QWidget):
    changed = Signal(int, str)  # case id, tab: something was recorded

    def __init__(self, services, bundle, parent=None):
        super().__init__(parent)
        self.services = services
        self.case = bundle.case
        lay = QHBoxLayout(self)
        left_body = QWidget()
        left = QVBoxLayout(left_body)
        left.setContentsMargins(0, 0, 0, 0)
        dl_box = QGroupBox(self.tr("Deadlines"))
        dl_lay = QVBoxLayout(dl_box)
        self.deadline_list = wrapping_list()
        self.deadline_list.setAccessibleName(self.tr("Case deadlines"))
        for d in bundle.deadlines:
            item = QListWidgetItem(deadline_text(d))
            if d.status == OVERDUE:
                item.setForeground(Qt.GlobalColor.red)
            elif d.status == DUE_SOON:
                item.setForeground(Qt.GlobalColor.darkYellow)
            elif d.status in (MET, MET_LATE, MISSED):  # history
                item.setForeground(Qt.GlobalColor.darkGray)
            self.deadline_list.addItem(item)
        if not bundle.deadlines:
            self.deadline_list.addItem(self.tr("No deadlines."))
        dl_lay.addWidget(self.deadline_list)
        left.addWidget(dl_box, 2)
        steps_box = QGroupBox(self.tr("Steps"))
        steps_form = QFormLayout(steps_box)
        for code, text in step_choices():
            step = self.case["steps"].get(code, {})
            value = status_text(step.get("status", "not_started"))
            if step.get("reason"):
                value += f" ({shown(step['reason'])})" if english() else f"（{step['reason']}）"
            steps_form.addRow(text, plain_label(value))
        left.addWidget(steps_box, 1)
        school_status = self.case["steps"].get("school", {}).get("status")
        offered = (self.case["referred_to_school"] or not referral_refusal(
            self.case["birth_date"], school_status, date.today())) and self.case["status"] != "closed"
        if allowed(services.role, Op.SCHOOL_REFER) and offered:  # the service refuses the others, too
            self.refer_button = QPushButton(self.tr("Refer to education bureau for school placement"))
            self.refer_button.setAccessibleName(self.tr("Refer to school"))
            if self.case["referred_to_school"]:
                self.refer_button.setEnabled(False)
                self.refer_button.setText(self.tr("Referred to education bureau"))
            self.refer_button.clicked.connect(self._refer)
            left.addWidget(self.refer_button)
            self.refer_error = ErrorLabel(self.tr("Referral error"))
            left.addWidget(self.refer_error)
        lay.addWidget(scrolling(left_body), 1)  # the twelve steps scroll on a small screen
        tl_box = QGroupBox(self.tr("Timeline"))
        tl_lay = QVBoxLayout(tl_box)
        self.timeline = wrapping_list()
        self.timeline.setAccessibleName(self.tr("Timeline"))
        for e in bundle.timeline:
            actor = f"({e['actor']})" if english() else f"（{e['actor']}）"
            self.timeline.addItem(f"{datetime_label(e['at'])}  {step_text(e['step'])}  {event_text(e, self.case)}  {actor}")
        tl_lay.addWidget(self.timeline)
        lay.addWidget(tl_box, 1)

    def _refer(self) -> None:
        """Ask which name the school will see (the real one, or a pseudonym); cancelling refers nothing."""
        name, ok = QInputDialog.getText(self, self.tr("Refer to school"), self.tr(
            "Education staff will see this name, the sex, the age and the school placement — nothing else.\n"
            "Name for the school (you may enter a pseudonym):"), text=self.case["name"])
        if not ok:
            return
        self.refer_error.show_error("")
        run(self, self.services.school.refer, self.case["id"], name, busy=self.refer_button,
            done=lambda _r: self.changed.emit(self.case["id"], "overview"),
            failed=lambda exc: self.refer_error.show_error(exc.message))
