"""救助安置: placements, the needs assessment, the service log and the departure (F6)."""

from victimcare.casework.steps.relief import rules
from victimcare.security.permissions import Op, allowed
from victimcare.ui.case.tabs.records import StepRecordsTab


def visible(services, _bundle) -> bool:
    return allowed(services.role, Op.CASE_VIEW)


def make_tab(services, bundle):
    return StepRecordsTab(services, bundle, services.relief, rules.KINDS)
