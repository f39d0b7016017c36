"""The workbench's approvals: the supervisor's 待审批 (case, request, who, when, why) with 批准 / 驳回, and
for whoever files requests the outcomes of their own. A decision is made in a small dialog that takes
the comment (required to reject) and shows a refusal inline; double-clicking a request opens its case."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QGroupBox, QHBoxLayout, QHeaderView,
                               QListWidget, QPlainTextEdit, QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout,
                               QWidget)

from victimcare.casework.approvals.rules import BY_KIND, PENDING, REJECTED, kind_label, state_label
from victimcare.security.permissions import Op, allowed
from victimcare.ui.i18n import english
from victimcare.ui.kit.display import datetime_label
from victimcare.ui.kit.tasks import run
from victimcare.ui.kit.widgets import ErrorLabel, isolate, plain_label

def case_text(a: dict) -> str:
    return f"{a['case_no']} {isolate(a['name'], 30)}" if a.get("name") else a["case_no"]


class DecisionDialog(QDialog):
    """Approve or reject one request; the comment is required to reject (the service says so too)."""

    def __init__(self, services, approval: dict, approve: bool, parent=None):
        super().__init__(parent)
        self.services, self.approval, self.approve = services, approval, approve
        self.result_approval = None
        self.setWindowTitle(self.tr("Approve request") if approve else self.tr("Reject request"))
        lay = QVBoxLayout(self)
        about = plain_label(self.tr("{case} — {kind}, requested by {who} on {at}\nReason: {reason}").format(
            case=case_text(approval), kind=kind_label(approval["kind"], english()), who=approval["requested_by"],
            at=datetime_label(approval["requested_at"]), reason=approval["reason"]))
        about.setWordWrap(True)
        about.setAccessibleName(self.tr("Request"))
        lay.addWidget(about)
        lay.addWidget(plain_label(self.tr("Comment (required when rejecting; the requester sees it):")))
        self.comment = QPlainTextEdit()
        self.comment.setAccessibleName(self.tr("Comment"))
        self.comment.setTabChangesFocus(True)
        lay.addWidget(self.comment)
        self.error = ErrorLabel(self.tr("Decision error"))
        lay.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Approve") if approve else self.tr("Reject"))
        self.ok.setAccessibleName(self.ok.text())
        cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("Cancel"))
        cancel.setAccessibleName(self.tr("Cancel"))
        buttons.accepted.connect(self._decide)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self.resize(480, 300)

    def _decide(self) -> None:
        self.error.show_error("")
        run(self, self.services.approvals.decide, self.approval["id"], self.approve, self.comment.toPlainText(),
            busy=self.ok, done=self._done, failed=lambda exc: self.error.show_error(exc.message))

    def _done(self, approval: dict) -> None:
        self.result_approval = approval
        self.accept()


class ApprovalsBox(QWidget):
    decided = Signal()  # a request was decided: the case (and the workbench's deadlines) changed

    def __init__(self, services, workspace=None, parent=None):
        super().__init__(parent)
        self.services = services
        self.workspace = workspace
        self.rows: list[dict] = []
        lay = QHBoxLayout(self)  # side by side: the workbench must still fit 1366×768 at 125 %
        lay.setContentsMargins(0, 0, 0, 0)
        self.table = self.mine = None
        if allowed(services.role, Op.CASE_APPROVE):
            box = QGroupBox(self.tr("Pending approvals"))
            blay = QVBoxLayout(box)
            self.table = QTableWidget(0, 5)
            self.table.setAccessibleName(self.tr("Pending approvals"))
            self.table.setHorizontalHeaderLabels([self.tr("Case"), self.tr("Request"), self.tr("Requested by"),
                                                  self.tr("Requested at"), self.tr("Reason")])
            self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
            self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
            self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            self.table.verticalHeader().hide()
            self.table.horizontalHeader().setStretchLastSection(True)
            self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
            for column, width in enumerate((190, 110, 90, 130)):
                self.table.setColumnWidth(column, width)
            self.table.cellDoubleClicked.connect(lambda row, _col: self._open(self.rows[row]))
            self.table.itemSelectionChanged.connect(self._selection_changed)
            self.table.setMinimumHeight(60)
            blay.addWidget(self.table, 1)
            row = QHBoxLayout()
            self.approve_button = QPushButton(self.tr("Approve…"))
            self.approve_button.setAccessibleName(self.tr("Approve"))
            self.approve_button.clicked.connect(lambda: self._decide(True))
            self.reject_button = QPushButton(self.tr("Reject…"))
            self.reject_button.setAccessibleName(self.tr("Reject"))
            self.reject_button.clicked.connect(lambda: self._decide(False))
            row.addWidget(self.approve_button)
            row.addWidget(self.reject_button)
            self.empty = plain_label(self.tr("No request is waiting for a decision."))
            self.empty.setAccessibleName(self.tr("No pending approvals"))
            row.addWidget(self.empty)
            row.addStretch()
            blay.addLayout(row)
            self.error = ErrorLabel(self.tr("Approvals error"))
            blay.addWidget(self.error)
            lay.addWidget(box, 2)
            self._selection_changed()
        if allowed(services.role, Op.CASE_EDIT):
            box = QGroupBox(self.tr("My requests"))
            blay = QVBoxLayout(box)
            self.mine = QListWidget()
            self.mine.setAccessibleName(self.tr("My requests"))
            self.mine.itemActivated.connect(lambda item: self._open(item.data(Qt.ItemDataRole.UserRole)))
            self.mine.itemDoubleClicked.connect(lambda item: self._open(item.data(Qt.ItemDataRole.UserRole)))
            self.mine.setMinimumHeight(60)
            blay.addWidget(self.mine)
            lay.addWidget(box, 1)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.refresh()

    def refresh(self) -> None:
        if self.table is not None:
            run(self, self.services.approvals.pending, done=self._show_pending,
                failed=lambda exc: self.error.show_error(exc.message))
        if self.mine is not None:
            run(self, self.services.approvals.mine, done=self._show_mine,
                failed=lambda exc: (self.mine.clear(), self.mine.addItem(exc.message)))

    def _show_pending(self, rows: list[dict]) -> None:
        self.rows = rows
        self.table.setRowCount(len(rows))
        en = english()
        for r, a in enumerate(rows):
            for c, text in enumerate((case_text(a), kind_label(a["kind"], en), a["requested_by"],
                                      datetime_label(a["requested_at"]), a["reason"].replace("\n", " "))):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(r, c, item)
        self.empty.setVisible(not rows)
        if rows and not self.table.selectedItems():
            self.table.selectRow(0)
        self._selection_changed()

    def _show_mine(self, rows: list[dict]) -> None:
        self.mine.clear()
        en = english()
        for a in rows:
            text = (f"{case_text(a)}{'  ' if en else '　'}{kind_label(a['kind'], en)}{': ' if en else '：'}"
                    f"{state_label(a['state'], en)}")
            if a["state"] != PENDING:
                text += "  " + self.tr("({who}, {at})").format(who=a["decided_by"], at=datetime_label(a["decided_at"]))
            if a["comment"]:
                text += "  " + self.tr("Comment: {text}").format(text=a["comment"].replace("\n", " "))
            self.mine.addItem(text)
            item = self.mine.item(self.mine.count() - 1)
            item.setData(Qt.ItemDataRole.UserRole, a)
            if a["state"] == REJECTED:
                item.setForeground(Qt.GlobalColor.red)
        if not rows:
            self.mine.addItem(self.tr("You have filed no requests."))

    def _selected(self) -> dict | None:
        row = self.table.currentRow() if self.table is not None else -1
        return self.rows[row] if 0 <= row < len(self.rows) and self.table.selectedItems() else None

    def _selection_changed(self) -> None:
        writable = not self.services.read_only
        for button in (self.approve_button, self.reject_button):
            button.setEnabled(writable and self._selected() is not None)

    def _decide(self, approve: bool) -> None:
        approval = self._selected()
        if approval is None:
            return
        self.error.show_error("")
        dialog = DecisionDialog(self.services, approval, approve, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.refresh()
            self.decided.emit()

    def _open(self, approval: dict | None) -> None:
        if not approval or self.workspace is None or not allowed(self.services.role, Op.CASE_VIEW):
            return
        kind = BY_KIND.get(approval["kind"])
        self.workspace.show_section("cases").open_case(approval["case_id"], kind.step if kind else "overview")

