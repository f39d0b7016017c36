"""The case page: header card, one tab per step (only those this role may read), timeline and deadlines."""

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (QFormLayout, QFrame, QGroupBox, QHBoxLayout, QInputDialog, QLabel, QLayout, QListWidget,
                               QListWidgetItem, QPushButton, QScrollArea, QTabWidget, QVBoxLayout, QWidget)

from victimcare.domain.deadlines import DUE_SOON, MET, MET_LATE, OVERDUE
from victimcare.casework.steps import CODES
from victimcare.domain.vocabulary import ARRIVAL_MODES, DECISIONS, ID_TYPES, MENTAL_STATES, POLICE_CHECKS, label
from victimcare.domain.codes import ethnicity_name, region_full_name
from victimcare.domain.identity import IdStatus
from victimcare.core.errors import UserError
from victimcare.casework.steps.intake.rules import age_years
from victimcare.security.permissions import Op, allowed
from victimcare.ui.display import (age_label, date_label, datetime_label, days_in_care, sex_label, status_text,
                                   step_choices, step_text)
from victimcare.ui.widgets import ACCENT, ErrorLabel, enlarge, isolate, plain_label

AMBER = "#b26a00"


def _tag(text: str, colour: str) -> QLabel:
    tag = plain_label(text)
    tag.setStyleSheet(f"color: white; background: {colour}; border-radius: 3px; padding: 1px 6px;")
    return tag


class CasePage(QWidget):
    back = Signal()
    changed = Signal(int, str)  # case id, tab: something was recorded, show the case afresh

    def __init__(self, services, case_id: int, parent=None):
        super().__init__(parent)
        self.services = services
        self.case_id = case_id
        self.case = services.cases.get_case(case_id)
        self.deadlines = services.deadlines.for_case(case_id)
        lay = QVBoxLayout(self)
        top = QHBoxLayout()
        back = QPushButton(self.tr("← Back to list"))
        back.setAccessibleName(self.tr("Back to list"))
        back.clicked.connect(self.back)
        top.addWidget(back)
        top.addStretch()
        lay.addLayout(top)
        lay.addWidget(self._header())
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Case steps"))
        self.tab_codes: list[str] = []
        self._add_tab("overview", self.tr("Overview"), self._overview_tab())
        self._add_tab("intake", step_text("intake"), self._intake_tab())
        lay.addWidget(self.tabs, 1)
        self.tabs.currentChanged.connect(self._tab_changed)

    # -- header card ------------------------------------------------------------------------------

    def _header(self) -> QWidget:
        c = self.case
        card = QFrame()
        card.setFrameShape(QFrame.Shape.StyledPanel)
        card.setAccessibleName(self.tr("Case header"))
        row = QHBoxLayout(card)
        photo = QLabel()
        photo.setFixedSize(90, 112)
        photo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        photo.setStyleSheet("border: 1px solid #ccc;")
        photo.setAccessibleName(self.tr("Photo"))
        data = self.services.cases.photo(self.case_id) if c["has_photo"] else None
        if data:
            pix = QPixmap()
            pix.loadFromData(data[1])
            photo.setPixmap(pix.scaled(90, 112, Qt.AspectRatioMode.KeepAspectRatio,
                                       Qt.TransformationMode.SmoothTransformation))
        else:
            photo.setText(self.tr("No photo"))
        row.addWidget(photo)
        info = QVBoxLayout()
        name = c["name"] or self.tr("Name unknown")
        title = plain_label(isolate(name, 64))
        title.setAccessibleName(self.tr("Case name"))
        enlarge(title, 1.4, bold=True)
        info.addWidget(title)
        if c["aliases"]:
            aliases = plain_label(self.tr("Also known as: {names}").format(names="、".join(isolate(a, 30) for a in c["aliases"])))
            aliases.setAccessibleName(self.tr("Aliases"))
            info.addWidget(aliases)
        facts = plain_label("  ·  ".join(x for x in (
            sex_label(c["sex"]), age_label(c["birth_date"], c["birth_estimated"]),
            self.tr("Case {no}").format(no=c["case_no"]),
            self.tr("{n} days in care").format(n=days_in_care(c["admitted_at"])),
            self.tr("Worker: {w}").format(w=c["assigned_worker"])) if x))
        facts.setAccessibleName(self.tr("Case facts"))
        info.addWidget(facts)
        tags = QHBoxLayout()
        for key, text, colour in (("flag_trafficking", self.tr("Rescued from trafficking"), ACCENT),
                                  ("suspected_trafficking", self.tr("Suspected trafficking"), ACCENT),
                                  ("flag_disabled", self.tr("Disability"), "#5b6b7a"),
                                  ("flag_foreign", self.tr("Foreign national"), "#5b6b7a")):
            if c.get(key):
                tags.addWidget(_tag(text, colour))
        age = age_years(c["birth_date"], date.today())
        if age is not None and age < 18:
            tags.addWidget(_tag(self.tr("Minor"), "#2e7d32"))
        if c["status"] == "closed":
            tags.addWidget(_tag(self.tr("Closed"), "#616161"))
        tags.addStretch()
        info.addLayout(tags)
        row.addLayout(info, 1)
        return card

    # -- tabs -------------------------------------------------------------------------------------

    def _add_tab(self, code: str, title: str, widget: QWidget) -> None:
        if code != "overview":
            step = self.case["steps"].get(code, {})
            status = status_text(step.get("status", "not_started"))
            overdue = any(d.step == code and d.status == OVERDUE for d in self.deadlines)
            title = f"{'● ' if overdue else ''}{title} · {status}"
        self.tabs.addTab(widget, title)
        self.tab_codes.append(code)

    def show_tab(self, code: str) -> None:
        if code in self.tab_codes:
            self.tabs.setCurrentIndex(self.tab_codes.index(code))
        elif code in CODES:  # a step tab the step issue has not filled yet: show the overview
            self.tabs.setCurrentIndex(0)

    def _tab_changed(self, index: int) -> None:
        if self.tab_codes[index] == "intake" and self.sensitive_box is not None and not self._sensitive_loaded:
            self._load_sensitive()

    def _overview_tab(self) -> QWidget:
        page = QWidget()
        lay = QHBoxLayout(page)
        left = QVBoxLayout()
        dl_box = QGroupBox(self.tr("Deadlines"))
        dl_lay = QVBoxLayout(dl_box)
        self.deadline_list = QListWidget()
        self.deadline_list.setAccessibleName(self.tr("Case deadlines"))
        for d in self.deadlines:
            item = QListWidgetItem(f"{step_text(d.step)}：{d.explain()}")
            if d.status == OVERDUE:
                item.setForeground(Qt.GlobalColor.red)
            elif d.status == DUE_SOON:
                item.setForeground(Qt.GlobalColor.darkYellow)
            elif d.status in (MET, MET_LATE):
                item.setForeground(Qt.GlobalColor.darkGray)
            self.deadline_list.addItem(item)
        if not self.deadlines:
            self.deadline_list.addItem(self.tr("No deadlines."))
        dl_lay.addWidget(self.deadline_list)
        left.addWidget(dl_box, 2)
        steps_box = QGroupBox(self.tr("Steps"))
        steps_form = QFormLayout(steps_box)
        for code, text in step_choices():
            step = self.case["steps"].get(code, {})
            value = status_text(step.get("status", "not_started"))
            if step.get("reason"):
                value += f"（{step['reason']}）"
            steps_form.addRow(text, plain_label(value))
        left.addWidget(steps_box, 1)
        if allowed(self.services.role, Op.SCHOOL_REFER) and self.case["steps"].get("school", {}).get("status") != "not_applicable":
            self.refer_button = QPushButton(self.tr("Refer to education bureau for school placement"))
            self.refer_button.setAccessibleName(self.tr("Refer to school"))
            if self.case["referred_to_school"]:
                self.refer_button.setEnabled(False)
                self.refer_button.setText(self.tr("Referred to education bureau"))
            self.refer_button.clicked.connect(self._refer)
            left.addWidget(self.refer_button)
            self.refer_error = ErrorLabel(self.tr("Referral error"))
            left.addWidget(self.refer_error)
        lay.addLayout(left, 1)
        tl_box = QGroupBox(self.tr("Timeline"))
        tl_lay = QVBoxLayout(tl_box)
        self.timeline = QListWidget()
        self.timeline.setAccessibleName(self.tr("Timeline"))
        for e in self.services.cases.timeline(self.case_id):
            self.timeline.addItem(f"{datetime_label(e['at'])}  {step_text(e['step'])}  {e['summary']}  （{e['actor']}）")
        tl_lay.addWidget(self.timeline)
        lay.addWidget(tl_box, 1)
        return page

    def _refer(self) -> None:
        """Ask which name the school will see (the real one, or a pseudonym); cancelling refers nothing."""
        name, ok = QInputDialog.getText(self, self.tr("Refer to school"), self.tr(
            "Education staff will see this name, the sex, the age and the school placement — nothing else.\n"
            "Name for the school (you may enter a pseudonym):"), text=self.case["name"])
        if not ok:
            return
        try:
            self.services.school.refer(self.case_id, name)
        except UserError as exc:
            self.refer_error.show_error(exc.message)
            return
        self.changed.emit(self.case_id, "overview")

    def _intake_tab(self) -> QWidget:
        c = self.case
        page = QWidget()
        lay = QVBoxLayout(page)
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

        id_text = IdStatus(c["id_status"]).label
        if c["id_number"]:
            id_text = f"{label(ID_TYPES, c['id_type'])} {c['id_number']}"
        group(self.tr("Arrival"), [
            (self.tr("Admitted at"), datetime_label(c["admitted_at"])),
            (self.tr("How arrived"), label(ARRIVAL_MODES, c["arrival_mode"])),
            (self.tr("Escorting unit"), c["escort_unit"]), (self.tr("Escorting officers"), c["escort_officers"]),
            (self.tr("Police case number"), c["police_case_no"])])
        birth = date_label(c["birth_date"])
        if c["birth_estimated"]:
            birth = self.tr("{age} (estimated: {basis})").format(age=age_label(c["birth_date"], 1),
                                                                 basis=c["age_basis"])
        group(self.tr("Identity"), [
            (self.tr("Name"), c["name"] or self.tr("Name unknown")), (self.tr("Aliases"), "、".join(c["aliases"])),
            (self.tr("Sex"), sex_label(c["sex"])), (self.tr("Date of birth"), birth),
            (self.tr("Ethnicity"), ethnicity_name(c["ethnicity"]) or ""), (self.tr("ID document"), id_text),
            (self.tr("Hukou place"), " ".join(x for x in (region_full_name(c["hukou_code"]) or "", c["hukou_detail"]) if x)),
            (self.tr("Residence"), c["residence"]), (self.tr("Dialect / accent"), c["dialect"]),
            (self.tr("Appearance"), c["appearance"])])
        h = c["handover"] or {}
        checks = "、".join(label(POLICE_CHECKS, x) for x in (h.get("checks") or "").split(",") if x)
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
            (self.tr("Decision"), label(DECISIONS, c["decision"]) + (f"（{c['decision_reason']}）" if c["decision_reason"] else ""))])
        self.sensitive_box = None
        self._sensitive_loaded = False
        if allowed(self.services.role, Op.CASE_VIEW_SENSITIVE):
            self.sensitive_box = QGroupBox(self.tr("First health check and circumstances (sensitive)"))
            slay = QVBoxLayout(self.sensitive_box)
            notice = plain_label(self.tr("Sensitive section: opening it is recorded in the audit log."))
            notice.setAccessibleName(self.tr("Sensitive notice"))
            notice.setStyleSheet(f"color: {AMBER};")
            slay.addWidget(notice)
            self.sensitive_form = QFormLayout()
            slay.addLayout(self.sensitive_form)
            blay.addWidget(self.sensitive_box)
        blay.addStretch()
        return page

    def _load_sensitive(self) -> None:
        s = self.services.intake.sensitive(self.case_id)
        self._sensitive_loaded = True
        rows = [(self.tr("Physical state"), s.get("health_check", "")),
                (self.tr("Mental / intellectual signs"), " ".join(x for x in (label(MENTAL_STATES, s.get("mental_state", "")),
                                                                             s.get("mental_note", "")) if x)),
                (self.tr("Visible injuries"), (self.tr("Yes") + " " + s.get("injuries_note", "")) if s.get("injuries") else self.tr("No")),
                (self.tr("How they were found"), s.get("found_circumstances", "")),
                (self.tr("Cause, time and course of events"), s.get("circumstances", ""))]
        for text, value in rows:
            value_label = plain_label(value or "—")
            value_label.setWordWrap(True)
            value_label.setAccessibleName(text)
            self.sensitive_form.addRow(text, value_label)
