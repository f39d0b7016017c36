"""入学安置 on the case page: the child's placement as the school compartment holds it, recorded with the
same form as the 入学安置台账 (``pages/school_form.py``); before a referral, how to refer."""

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from victimcare.security.permissions import Op, allowed
from victimcare.ui.kit.display import shown
from victimcare.ui.kit.tasks import run
from victimcare.ui.kit.widgets import plain_label
from victimcare.ui.pages.school_form import PlacementForm


def visible(services, _bundle) -> bool:
    return allowed(services.role, Op.SCHOOL_VIEW)


def make_tab(services, bundle):
    return SchoolTab(services, bundle)


class SchoolTab(QWidget):
    changed = Signal()

    def __init__(self, services, bundle, parent=None):
        super().__init__(parent)
        self.services, self.case_id = services, bundle.case["id"]
        step = bundle.case["steps"].get("school", {})
        lay = QVBoxLayout(self)
        self.note = plain_label("")
        self.note.setAccessibleName(self.tr("School placement note"))
        self.note.setWordWrap(True)
        lay.addWidget(self.note)
        self.form = PlacementForm(services, self)
        self.form.saved.connect(lambda _row: self.changed.emit())
        lay.addWidget(self.form, 1)
        lay.addStretch()  # a note alone sits at the top, not in the middle of the tab
        if services.read_only or bundle.case.get("status") == "closed":
            self.form.set_read_only(services.read_only or self.tr("The case is closed: records can only be read."))
        if step.get("status") == "not_applicable":
            self.note.setText(self.tr("School placement does not apply: {reason}").format(reason=shown(step.get("reason", ""))))
            self.form.hide()
        elif step.get("status") == "not_started":
            self.note.setText(self.tr("The child has not been referred yet: refer the child on the Overview tab; "
                                      "the education officer then records the placement here or in the ledger."))
            self.form.hide()
        else:
            run(self, services.school.child, self.case_id, done=self.form.show_child,
                failed=lambda exc: self.note.setText(exc.message))
