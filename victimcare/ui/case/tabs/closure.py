"""结案: whether the case is closed (and how), its closure and reopening requests with their outcomes,
the closure request form (F16, 未完成事项 pre-filled from what is still open) and the reopening request.
The supervisor decides on the 工作台; the tab reloads the case once a request is filed or withdrawn."""

from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (QComboBox, QFormLayout, QGroupBox, QHBoxLayout, QLayout, QLineEdit, QListWidget,
                               QListWidgetItem, QPlainTextEdit, QPushButton, QScrollArea, QVBoxLayout, QWidget)

from victimcare.casework.approvals.rules import PENDING, kind_label, state_label
from victimcare.casework.steps.closure import rules
from victimcare.domain.vocabulary import label
from victimcare.security.permissions import Op, allowed
from victimcare.ui.i18n import english
from victimcare.ui.kit.display import date_label, datetime_label
from victimcare.ui.kit.inputs import DateField
from victimcare.ui.kit.tasks import run
from victimcare.ui.kit.widgets import ErrorLabel, add_field, plain_label

GREY = "#616161"


def make_tab(services, bundle) -> QWidget:
    return ClosureTab(services, bundle)


def word(options, code: str) -> str:
    """A closure type or retention class in the interface language."""
    text = label(options, code) if code else ""
    return rules.ENGLISH.get(text, text) if english() else text


class ClosureTab(QWidget):
    changed = Signal()

    def __init__(self, services, bundle, parent=None):
        super().__init__(parent)
        self.services = services
        self.bundle = bundle
        self.case = bundle.case
        self.can_request = allowed(services.role, Op.CASE_EDIT)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        body = QWidget()
        self.body = QVBoxLayout(body)
        self.body.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)  # scroll rather than squeeze rows
        scroll.setWidget(body)
        QVBoxLayout(self).addWidget(scroll)
        state_box = QGroupBox(self.tr("Closure"))
        self.state_form = QFormLayout(state_box)
        self.status = plain_label(self.tr("Reading…"))
        self.status.setAccessibleName(self.tr("Closure status"))
        self.status.setWordWrap(True)
        self.state_form.addRow(self.tr("Status"), self.status)
        self.body.addWidget(state_box)
        requests_box = QGroupBox(self.tr("Approval requests"))
        rlay = QVBoxLayout(requests_box)
        self.requests = QListWidget()
        self.requests.setAccessibleName(self.tr("Closure requests"))
        self.requests.setMaximumHeight(120)
        rlay.addWidget(self.requests)
        row = QHBoxLayout()
        self.withdraw_button = QPushButton(self.tr("Withdraw my request"))
        self.withdraw_button.setAccessibleName(self.tr("Withdraw request"))
        self.withdraw_button.clicked.connect(self._withdraw)
        self.withdraw_button.hide()
        row.addWidget(self.withdraw_button)
        row.addStretch()
        rlay.addLayout(row)
        self.error = ErrorLabel(self.tr("Closure error"))
        rlay.addWidget(self.error)
        self.body.addWidget(requests_box)
        self.form_box = None
        self.reopen_box = None
        self.body.addStretch()
        self._pending_mine = None
        run(self, services.closure.state, self.case["id"], done=self._show,
            failed=lambda exc: self.status.setText(exc.message))

    # -- what the case's state shows -----------------------------------------------------------------

    def _show(self, state: dict) -> None:
        closure = state["closure"]
        if state["status"] == "closed":
            self.status.setText(self.tr("Closed on {at}").format(at=datetime_label(state["closed_at"])))
        else:
            self.status.setText(self.tr("Open"))
        if closure is not None and state["status"] == "closed":
            for text, value in ((self.tr("Closure type"), word(rules.CLOSURE_TYPES, closure["closure_type"])),
                                (self.tr("Service summary"), closure["summary"]),
                                (self.tr("Open items"), closure["open_items"]),
                                (self.tr("Follow-up plan"), closure["follow_up_plan"]),
                                (self.tr("Retention"), word(rules.RETENTION, closure["retention"])),
                                (self.tr("Archive date"), date_label(closure["archive_on"])),
                                (self.tr("Requested by / approved by"),
                                 f"{closure['requested_by']} / {closure['approved_by']}")):
                value_label = plain_label(value or "—")
                value_label.setWordWrap(True)
                value_label.setAccessibleName(text)
                value_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                self.state_form.addRow(text, value_label)
        self.requests.clear()
        pending = {}
        for r in state["requests"]:
            self.requests.addItem(QListWidgetItem(self._request_line(r)))
            if r["state"] == PENDING:
                pending[r["kind"]] = r
        if not state["requests"]:
            self.requests.addItem(self.tr("No requests yet."))
        mine = [r for r in pending.values() if r["requested_by"] == self.services.account]
        self._pending_mine = mine[0] if mine else None
        self.withdraw_button.setVisible(self._pending_mine is not None and self.can_request)
        self.withdraw_button.setEnabled(not self.services.read_only)
        if not self.can_request:
            return
        if state["status"] != "closed" and "closure" not in pending:
            self._closure_form()
        elif state["status"] == "closed" and "reopen" not in pending:
            self._reopen_form()

    def _request_line(self, r: dict) -> str:
        en = english()
        line = (f"{kind_label(r['kind'], en)} · {state_label(r['state'], en)} · "
                + self.tr("requested by {who} {at}").format(who=r["requested_by"], at=datetime_label(r["requested_at"])))
        if r["state"] != PENDING:
            line += " · " + self.tr("by {who} on {at}").format(who=r["decided_by"], at=datetime_label(r["decided_at"]))
        if r["comment"]:
            line += " · " + self.tr("Comment: {text}").format(text=r["comment"])
        return line

    # -- the forms -----------------------------------------------------------------------------------

    def _closure_form(self) -> None:
        self.form_box = box = QGroupBox(self.tr("Request closure (F16)"))
        form = QFormLayout(box)
        self.fields: dict[str, QWidget] = {}
        self.field_errors: dict[str, ErrorLabel] = {}

        def add(key, text, widget):
            self.fields[key] = widget
            self.field_errors[key] = add_field(form, text, widget, required=key in ("closure_type", "summary",
                                                                                    "retention", "archive_on"))

        kinds = QComboBox()
        kinds.addItem(self.tr("— choose —"), "")
        for code, _zh in rules.CLOSURE_TYPES:
            kinds.addItem(word(rules.CLOSURE_TYPES, code), code)
        add("closure_type", self.tr("Closure type"), kinds)
        summary = QPlainTextEdit()
        summary.setTabChangesFocus(True)
        summary.setPlaceholderText(self.tr("What was done for the person, and how it ended"))
        summary.setMaximumHeight(110)
        add("summary", self.tr("Service summary"), summary)
        items = QPlainTextEdit()
        items.setTabChangesFocus(True)
        items.setPlainText("\n".join(rules.open_items(self.case["steps"], self.bundle.deadlines, english())))
        items.setMaximumHeight(110)
        add("open_items", self.tr("Open items"), items)
        add("follow_up_plan", self.tr("Follow-up plan"), QLineEdit())
        retention = QComboBox()
        for code, _zh in rules.RETENTION:
            retention.addItem(word(rules.RETENTION, code), code)
        add("retention", self.tr("Retention"), retention)
        archive = DateField()
        archive.calendar.setMaximumDate(QDate.currentDate().addDays(rules.ARCHIVE_AHEAD_DAYS))
        archive.setText(date.today().isoformat())
        add("archive_on", self.tr("Archive date"), archive)
        self.request_button = QPushButton(self.tr("Request closure approval"))
        self.request_button.setAccessibleName(self.tr("Request closure approval"))
        self.request_button.setEnabled(not self.services.read_only)
        self.request_button.clicked.connect(self._request)
        form.addRow(self.request_button)
        self.body.insertWidget(self.body.count() - 1, box)

    def _reopen_form(self) -> None:
        self.reopen_box = box = QGroupBox(self.tr("Reopen the case"))
        form = QFormLayout(box)
        self.reopen_reason = QPlainTextEdit()
        self.reopen_reason.setTabChangesFocus(True)
        self.reopen_reason.setMaximumHeight(90)
        self.reopen_error = add_field(form, self.tr("Reason for reopening"), self.reopen_reason, required=True)
        self.reopen_button = QPushButton(self.tr("Request reopening"))
        self.reopen_button.setAccessibleName(self.tr("Request reopening"))
        self.reopen_button.setEnabled(not self.services.read_only)
        self.reopen_button.clicked.connect(self._request_reopen)
        form.addRow(self.reopen_button)
        self.body.insertWidget(self.body.count() - 1, box)

    def _values(self) -> dict:
        out = {}
        for key, w in self.fields.items():
            if isinstance(w, QComboBox):
                out[key] = w.currentData()
            elif isinstance(w, QPlainTextEdit):
                out[key] = w.toPlainText()
            else:
                out[key] = w.text()
        return out

    def _request(self) -> None:
        for e in (*self.field_errors.values(), self.error):
            e.show_error("")
        run(self, self.services.closure.request, self.case["id"], self._values(), busy=self.request_button,
            done=lambda _id: self.changed.emit(), failed=self._refused)

    def _refused(self, exc) -> None:
        for e in getattr(exc, "errors", None) or [exc]:
            self.field_errors.get(getattr(e, "field", ""), self.error).show_error(e.message)

    def _request_reopen(self) -> None:
        self.reopen_error.show_error("")
        self.error.show_error("")
        run(self, self.services.closure.request_reopen, self.case["id"], self.reopen_reason.toPlainText(),
            busy=self.reopen_button, done=lambda _id: self.changed.emit(),
            failed=lambda exc: (self.reopen_error if getattr(exc, "field", "") == "reason" else self.error)
            .show_error(exc.message))

    def _withdraw(self) -> None:
        if self._pending_mine is None:
            return
        self.error.show_error("")
        run(self, self.services.approvals.withdraw, self._pending_mine["id"], busy=self.withdraw_button,
            done=lambda _r: self.changed.emit(), failed=lambda exc: self.error.show_error(exc.message))
