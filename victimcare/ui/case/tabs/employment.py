"""就业服务 (16+): work capacity and wish, training, guidance, job referrals, employment, 就业创业证 (F12)."""

from victimcare.casework.steps.employment import rules
from victimcare.security.permissions import Op, allowed
from victimcare.ui.case.tabs.records import StepRecordsTab


def visible(services, _bundle) -> bool:
    return allowed(services.role, Op.CASE_VIEW)


def make_tab(services, bundle):
    return StepRecordsTab(services, bundle, services.employment, rules.KINDS)
