"""社会服务: services by social organisations and volunteers."""

from victimcare.casework.steps.social import rules
from victimcare.security.permissions import Op, allowed
from victimcare.ui.case.tabs.records import StepRecordsTab


def visible(services, _bundle) -> bool:
    return allowed(services.role, Op.CASE_VIEW)


def make_tab(services, bundle):
    return StepRecordsTab(services, bundle, services.social, rules.KINDS)
