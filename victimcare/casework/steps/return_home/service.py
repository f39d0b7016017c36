"""回归家庭/社区: the blocked-handover list and the handover."""

from victimcare.casework.steps.return_home import rules
from victimcare.casework.steps.records import CaseStepRecords


class ReturnService(CaseStepRecords):
    STEP, RULES, CATEGORIES = "return", rules, "family"
