"""法律援助 legal aid: the records of one case (application, acceptance, decision, lawyer, progress)."""

from victimcare.casework.steps.legal_aid import rules
from victimcare.casework.steps.records import CaseStepRecords


class LegalAidService(CaseStepRecords):
    STEP, RULES, CATEGORIES = "legal_aid", rules, "legal_aid"
