"""跟踪回访: the visits after the return (F15)."""

from victimcare.casework.steps.followup import rules
from victimcare.security.permissions import Op, allowed
from victimcare.ui.case.tabs.records import StepRecordsTab


def visible(services, _bundle) -> bool:
    return allowed(services.role, Op.CASE_VIEW)


def make_tab(services, bundle):
    return StepRecordsTab(services, bundle, services.followup, rules.KINDS)
