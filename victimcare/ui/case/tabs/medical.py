"""医疗康复: hospital visits, psychological assessments and counselling, disability assessment (F5, F7).
Sensitive: the records are read, and the view audited, only when the user asks to see them."""

from victimcare.casework.steps.medical import rules
from victimcare.security.permissions import Op, allowed
from victimcare.ui.case.tabs.records import StepRecordsTab


def visible(services, _bundle) -> bool:
    return allowed(services.role, Op.CASE_VIEW_SENSITIVE)


def make_tab(services, bundle):
    return StepRecordsTab(services, bundle, services.medical, rules.KINDS, sensitive=True)
