"""医疗康复: records in the sensitive compartment; reading them is a sensitive view, audited."""

from victimcare.casework.steps.medical import rules
from victimcare.casework.steps.records import SensitiveStepRecords


class MedicalService(SensitiveStepRecords):
    STEP, RULES, CATEGORIES = "medical", rules, "medical"
