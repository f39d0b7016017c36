"""The 工作台's deadline list and the holiday-table reminder (the home page holds them).

One line per case — the name (the school's display name for education staff), case number, responsible
worker and what is due — with the case's items under it, most urgent first; 我的个案 narrows the list to
the signed-in worker's cases. The list is paged: the most urgent cases first, more on request.
"""

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (QCheckBox, QGroupBox, QHBoxLayout, QPushButton, QTreeWidget, QTreeWidgetItem,
                               QVBoxLayout, QWidget)

from victimcare.domain.deadlines import OVERDUE
from victimcare.security.permissions import Op, Role, allowed
from victimcare.ui.i18n import english
from victimcare.ui.kit.display import date_label, deadline_text, joined, step_text
from victimcare.ui.kit.tasks import run
from victimcare.ui.kit.widgets import ERROR, isolate, plain_label

AMBER = "#b26a00"
TARGET = Qt.ItemDataRole.UserRole  # (case id, step) an item opens


class DeadlineBox(QGroupBox):
    """What is overdue and due soon, by case. ``open_case(case_id, step)`` is called on activation."""

    def __init__(self, services, counts, open_case, parent=None):
        super().__init__(self.tr("Overdue and due soon"), parent)
        self.services, self.counts, self.open_case = services, counts, open_case
        self.cursor = None
        self.shown: set[int] = set()
        self.overdue = self.soon = 0
        lay = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.mine = QCheckBox(self.tr("My cases only"))
        self.mine.setAccessibleName(self.tr("My cases"))
        self.mine.setToolTip(self.tr("Only the cases whose responsible worker is you"))
        self.mine.toggled.connect(lambda _on: self.refresh())
        self.mine.setVisible(allowed(services.role, Op.CASE_VIEW))  # education staff are responsible for no case
        bar.addWidget(self.mine)
        bar.addStretch()
        lay.addLayout(bar)
        self.tree = QTreeWidget()
        self.tree.setAccessibleName(self.tr("Due items"))
        self.tree.setHeaderHidden(True)
        self.tree.setColumnCount(1)
        self.tree.setWordWrap(True)
        self.tree.setUniformRowHeights(False)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.tree.itemActivated.connect(self._activated)  # a double click activates too: one audited open
        lay.addWidget(self.tree, 1)
        row = QHBoxLayout()
        row.addStretch()
        self.more = QPushButton(self.tr("Show more"))
        self.more.setAccessibleName(self.tr("Show more"))
        self.more.clicked.connect(self._more)
        self.more.hide()
        row.addWidget(self.more)
        lay.addLayout(row)

    def refresh(self) -> None:
        self.counts.setText(self.tr("Reading deadlines…"))
        self.cursor, self.shown, self.overdue, self.soon = None, set(), 0, 0
        self.tree.clear()
        self._load(first=True)

    def _more(self) -> None:
        self._load(first=False)

    def _load(self, first: bool) -> None:
        run(self, self.services.deadlines.workbench, self.mine.isChecked(), self.cursor, busy=self.more,
            done=lambda page: self._show(page, first), failed=lambda exc: self.counts.setText(exc.message))

    def _show(self, page: dict, first: bool) -> None:
        self.cursor = page["cursor"]
        if first:
            self.tree.clear()
        for case in page["cases"]:
            if case.case_id in self.shown:  # a case whose stored next deadline moved on meanwhile
                continue
            self.shown.add(case.case_id)
            self.overdue += case.overdue
            self.soon += case.due_soon
            self.tree.addTopLevelItem(self._case_item(case))
        if not self.shown:
            empty = QTreeWidgetItem([self.tr("Nothing here.")])
            empty.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.tree.addTopLevelItem(empty)
        self.tree.expandAll()
        self.more.setVisible(self.cursor is not None)
        text = self.tr("Overdue: {o}    Due soon: {s}").format(o=self.overdue, s=self.soon)
        if self.cursor is not None and page["overdue_cases"] is not None:
            text += self.tr("    (the {n} most urgent cases; {total} cases have something overdue)").format(
                n=len(self.shown), total=page["overdue_cases"])
        elif self.cursor is not None:
            text += self.tr("    (the {n} most urgent cases; more below)").format(n=len(self.shown))
        self.counts.setText(text)

    def _case_item(self, case) -> QTreeWidgetItem:
        if case.name:
            who = isolate(case.name, 40)
        elif case.alias:
            who = self.tr("Name unknown ({alias})").format(alias=isolate(case.alias, 20))
        else:
            who = self.tr("Name unknown")
        parts = [who, case.case_no]
        if case.worker:
            parts.append(self.tr("Worker: {worker}").format(worker=isolate(case.worker, 40)))
        parts.append(joined(step_text(s) for s in case.steps))
        tally = []
        if case.overdue:
            tally.append(self.tr("{n} overdue").format(n=case.overdue))
        if case.due_soon:
            tally.append(self.tr("{n} due soon").format(n=case.due_soon))
        parts.append(joined(tally))
        top = QTreeWidgetItem(["　".join(parts) if not english() else "  ·  ".join(parts)])
        top.setData(0, TARGET, (case.case_id, case.items[0].step))
        font = QFont(top.font(0))
        font.setBold(True)
        top.setFont(0, font)
        top.setForeground(0, QColor(ERROR if case.overdue else AMBER))
        for d in case.items:
            child = QTreeWidgetItem([deadline_text(d)])
            child.setData(0, TARGET, (case.case_id, d.step))
            child.setForeground(0, QColor(ERROR if d.status == OVERDUE else AMBER))
            child.setToolTip(0, deadline_text(d))
            top.addChild(child)
        return top

    def _activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        target = item.data(0, TARGET)
        if target:
            self.open_case(*target)


class HolidayNote(QWidget):
    """The supervisor's reminder that the holiday table runs out (or has run out)."""

    def __init__(self, services, parent=None):
        super().__init__(parent)
        self.services = services
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.label = plain_label("")
        self.label.setAccessibleName(self.tr("Holiday table reminder"))
        self.label.setStyleSheet(f"color: {AMBER}; font-weight: bold;")
        self.label.setWordWrap(True)
        lay.addWidget(self.label)
        self.hide()

    def refresh(self) -> None:
        if self.services.role != Role.SUPERVISOR:
            return
        run(self, self.services.deadlines.holiday_table, done=self._show, failed=lambda _exc: self.hide())

    def _show(self, table: dict) -> None:
        if not table["warn"]:
            self.hide()
            return
        last, left = table["last_day"], table["days_left"]
        after = self.tr("Until it is updated, working-day deadlines after that day are counted Monday to Friday "
                        "without public holidays or make-up working days, and each such deadline says so. Enter the "
                        "State Council's arrangement for the next year under Settings → Public holidays and "
                        "make-up working days as soon as it is published.")
        if last is None:
            text = self.tr("There is no holiday table.")
        elif left < 0:
            text = self.tr("The holiday table ended on {day}.").format(day=date_label(last.isoformat()))
        else:
            text = self.tr("The holiday table ends on {day} ({n} days left).").format(
                day=date_label(last.isoformat()), n=left)
        self.label.setText(f"{text} {after}")
        self.show()
