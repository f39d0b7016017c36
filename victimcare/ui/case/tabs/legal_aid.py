"""法律援助: the application (F8), its acceptance, the decision, the lawyer assigned and the case's progress."""

from victimcare.casework.steps.legal_aid import rules
from victimcare.security.permissions import Op, allowed
from victimcare.ui.case.tabs.records import StepRecordsTab


def visible(services, _bundle) -> bool:
    return allowed(services.role, Op.CASE_VIEW)


def make_tab(services, bundle):
    return StepRecordsTab(services, bundle, services.legal_aid, rules.KINDS)
