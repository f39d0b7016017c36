"""接收登记: the intake as recorded (F1/F2), an 编辑 button that opens the intake form pre-filled to edit
it, and the sensitive first-health-check section behind a 查看 button: read (off the GUI thread) and
audited only when the user asks to see it."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QFormLayout, QGroupBox, QHBoxLayout, QLayout, QPushButton, QScrollArea, QVBoxLayout,
                               QWidget)

from victimcare.domain.codes import ethnicity_name, region_full_name
from victimcare.domain.identity import IdStatus
from victimcare.domain.vocabulary import ARRIVAL_MODES, DECISIONS, ID_TYPES, MENTAL_STATES, POLICE_CHECKS
from victimcare.security.permissions import Op, allowed
from victimcare.ui.kit.display import age_label, date_label, datetime_label, joined, option_text, sex_label, shown
from victimcare.ui.kit.tasks import run
from victimcare.ui.kit.widgets import ErrorLabel, plain_label

AMBER = "#b26a00"


def make_tab(services, bundle) -> QWidget:
    return IntakeTab(services, bundle)


class IntakeTab(QWidget):
    changed = Signal()  # the intake was edited: the case page shows the case afresh

    def __init__(self, services, bundle, parent=None):
        super().__init__(parent)
        self.services = services
        self.case = c = bundle.case
        lay = QVBoxLayout(self)
        if allowed(services.role, Op.CASE_EDIT):
            top = QHBoxLayout()
            self.edit_error = ErrorLabel(self.tr("Edit intake error"))
            top.addWidget(self.edit_error, 1)
            top.addStretch()  # while the error line is hidden the button keeps its size, on the right
            self.edit_button = QPushButton(self.tr("Edit"))
            self.edit_button.setAccessibleName(self.tr("Edit intake"))
            closed = c.get("status") == "closed"
            self.edit_button.setEnabled(not closed and not services.read_only)
            if closed:
                self.edit_button.setToolTip(self.tr("The case is closed: reopen it to change the intake."))
            self.edit_button.clicked.connect(self._edit)
            top.addWidget(self.edit_button)
            lay.addLayout(top)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        body = QWidget()
        blay = QVBoxLayout(body)
        blay.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)  # scroll rather than squeeze rows
        scroll.setWidget(body)
        lay.addWidget(scroll)

        def group(title, rows):
            box = QGroupBox(title)
            form = QFormLayout(box)
            for text, value in rows:
                value_label = plain_label(value or "—")
                value_label.setWordWrap(True)
                value_label.setAccessibleName(text)
                value_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                form.addRow(text, value_label)
            blay.addWidget(box)

        id_text = shown(IdStatus(c["id_status"]).label)
        if c["id_number"]:
            id_text = f"{option_text(ID_TYPES, c['id_type'])} {c['id_number']}"
        group(self.tr("Arrival"), [
            (self.tr("Admitted at"), datetime_label(c["admitted_at"])),
            (self.tr("How arrived"), option_text(ARRIVAL_MODES, c["arrival_mode"])),
            (self.tr("Escorting unit"), c["escort_unit"]), (self.tr("Escorting officers"), c["escort_officers"]),
            (self.tr("Police case number"), c["police_case_no"])])
        birth = date_label(c["birth_date"])
        if c["birth_estimated"]:
            birth = self.tr("{age} (estimated: {basis})").format(age=age_label(c["birth_date"], 1),
                                                                 basis=c["age_basis"])
        group(self.tr("Identity"), [
            (self.tr("Name"), c["name"] or self.tr("Name unknown")), (self.tr("Aliases"), "、".join(c["aliases"])),
            (self.tr("Sex"), sex_label(c["sex"])), (self.tr("Date of birth"), birth),
            (self.tr("Ethnicity"), shown(ethnicity_name(c["ethnicity"]) or "")), (self.tr("ID document"), id_text),
            (self.tr("Hukou place"), " ".join(x for x in (region_full_name(c["hukou_code"]) or "", c["hukou_detail"]) if x)),
            (self.tr("Residence"), c["residence"]), (self.tr("Dialect / accent"), c["dialect"]),
            (self.tr("Appearance"), c["appearance"])])
        h = c["handover"] or {}
        checks = joined(option_text(POLICE_CHECKS, x) for x in (h.get("checks") or "").split(",") if x)
        group(self.tr("Police handover (F2)"), [
            (self.tr("Police unit"), h.get("unit", "")), (self.tr("Officers and badge numbers"), h.get("officers", "")),
            (self.tr("Found at (time)"), datetime_label(h.get("found_at"))),
            (self.tr("Found at (place)"), h.get("found_place", "")), (self.tr("Checks done"), checks),
            (self.tr("Handed over at"), datetime_label(h.get("handover_at")))])
        group(self.tr("Belongings and relatives"), [
            (self.tr("Belongings"), "；".join(" ".join(x for x in (b["item"], b["quantity"], b["storage_no"]) if x)
                                              for b in c["belongings"])),
            (self.tr("Close relatives"), "；".join(" ".join(x for x in (r["relation"], r["name"], r["contact"]) if x)
                                                  for r in c["relatives"]))])
        group(self.tr("Flags and decision"), [
            (self.tr("Suspected trafficking"), self.tr("Yes — reported {at} to {unit}").format(
                at=datetime_label(c["police_report_at"]), unit=c["police_report_unit"]) if c["suspected_trafficking"] else self.tr("No")),
            (self.tr("What they ask for"), c["request"]),
            (self.tr("Decision"), option_text(DECISIONS, c["decision"]) + (f"（{c['decision_reason']}）" if c["decision_reason"] else ""))])
        self.sensitive_box = None
        if allowed(self.services.role, Op.CASE_VIEW_SENSITIVE):
            self.sensitive_box = QGroupBox(self.tr("First health check and circumstances (sensitive)"))
            slay = QVBoxLayout(self.sensitive_box)
            row = QHBoxLayout()
            notice = plain_label(self.tr("Sensitive section: opening it is recorded in the audit log."))
            notice.setAccessibleName(self.tr("Sensitive notice"))
            notice.setStyleSheet(f"color: {AMBER};")
            notice.setWordWrap(True)
            row.addWidget(notice, 1)
            self.view_button = QPushButton(self.tr("View"))
            self.view_button.setAccessibleName(self.tr("View sensitive section"))
            self.view_button.clicked.connect(self.view_sensitive)
            row.addWidget(self.view_button)
            slay.addLayout(row)
            self.sensitive_error = ErrorLabel(self.tr("Sensitive section error"))
            slay.addWidget(self.sensitive_error)
            self.sensitive_form = QFormLayout()
            slay.addLayout(self.sensitive_form)
            blay.addWidget(self.sensitive_box)
        blay.addStretch()

    def view_sensitive(self) -> None:
        """The user asked to see the sensitive part: read it now, off the GUI thread (an audited view)."""
        self.sensitive_error.show_error("")
        run(self, self.services.intake.sensitive, self.case["id"], busy=self.view_button, done=self._show_sensitive,
            failed=lambda exc: self.sensitive_error.show_error(exc.message))

    def _show_sensitive(self, s: dict) -> None:
        self.view_button.hide()
        rows = [(self.tr("Physical state"), s.get("health_check", "")),
                (self.tr("Mental / intellectual signs"), " ".join(x for x in (option_text(MENTAL_STATES, s.get("mental_state", "")),
                                                                             s.get("mental_note", "")) if x)),
                (self.tr("Visible injuries"), (self.tr("Yes") + " " + s.get("injuries_note", "")) if s.get("injuries") else self.tr("No")),
                (self.tr("How they were found"), s.get("found_circumstances", "")),
                (self.tr("Cause, time and course of events"), s.get("circumstances", ""))]
        for text, value in rows:
            value_label = plain_label(value or "—")
            value_label.setWordWrap(True)
            value_label.setAccessibleName(text)
            value_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.sensitive_form.addRow(text, value_label)

    # -- editing ------------------------------------------------------------------------------------

    def _edit(self) -> None:
        """Read the saved intake (off the GUI thread, an audited view), then open the form pre-filled."""
        self.edit_error.show_error("")
        run(self, self.services.intake.editable, self.case["id"], busy=self.edit_button, done=self._open_form,
            failed=lambda exc: self.edit_error.show_error(exc.message))

    def _open_form(self, values: dict) -> None:
        from victimcare.ui.case.intake_dialog import IntakeDialog
        dialog = IntakeDialog(self.services, self, case_id=self.case["id"])
        dialog.fill(values)
        dialog.edited.connect(lambda _case_id: self.changed.emit())
        dialog.open()
        self.dialog = dialog
