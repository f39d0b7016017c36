"""跟踪回访: the visits after the return."""

from victimcare.casework.steps.followup import rules
from victimcare.casework.steps.records import CaseStepRecords


class FollowupService(CaseStepRecords):
    STEP, RULES, CATEGORIES = "followup", rules, "family"
