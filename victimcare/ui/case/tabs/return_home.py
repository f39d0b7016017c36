"""回归家庭/社区: the blocked-handover list and the handover."""

from victimcare.casework.steps.return_home import rules
from victimcare.security.permissions import Op, allowed
from victimcare.ui.case.tabs.records import StepRecordsTab


def visible(services, _bundle) -> bool:
    return allowed(services.role, Op.CASE_VIEW)


def make_tab(services, bundle):
    return StepRecordsTab(services, bundle, getattr(services, "return"), rules.KINDS)
