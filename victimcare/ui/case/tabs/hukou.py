"""落户: the application, 民政's review and the police registration (F13); the approval is on the workbench."""

from victimcare.casework.steps.hukou import rules
from victimcare.security.permissions import Op, allowed
from victimcare.ui.case.tabs.records import StepRecordsTab


def visible(services, _bundle) -> bool:
    return allowed(services.role, Op.CASE_VIEW)


def make_tab(services, bundle):
    return StepRecordsTab(services, bundle, services.hukou, rules.KINDS)
