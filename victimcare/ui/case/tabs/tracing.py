"""寻亲: search notices and their refreshes, comparisons, leads, the DNA sample reference, the choice after a
match, the outcome (F3, F4). A line above the records says what is never kept here."""

from PySide6.QtWidgets import QLabel

from victimcare.casework.steps.tracing import rules
from victimcare.security.permissions import Op, allowed
from victimcare.ui.case.tabs.records import StepRecordsTab
from victimcare.ui.kit.widgets import plain_label


def visible(services, _bundle) -> bool:
    return allowed(services.role, Op.CASE_VIEW)


class TracingTab(StepRecordsTab):
    def __init__(self, services, bundle, parent=None):
        super().__init__(services, bundle, services.tracing, rules.KINDS, parent)
        note: QLabel = plain_label(self.tr(
            "Only sample references, dates and outcomes are kept here: never a DNA profile, a face template "
            "or other biometric data (comparisons happen in the police and civil-affairs systems)."))
        note.setWordWrap(True)
        note.setAccessibleName(self.tr("What is not kept"))
        layout = self.status.parentWidget().layout()
        layout.insertWidget(layout.indexOf(self.status) + 1, note)


def make_tab(services, bundle):
    return TracingTab(services, bundle)
