"""法律援助 legal aid: the records of one case (application, acceptance, decision, lawyer, progress)."""

from victimcare.casework.steps.legal_aid import rules
from victimcare.casework.steps.records import StepRecords
from victimcare.security.gate import operation
from victimcare.security.permissions import Op


class LegalAidService(StepRecords):
    STEP, RULES, COMPARTMENT, CATEGORIES = "legal_aid", rules, "core", "legal_aid"

    @operation(Op.CASE_VIEW)
    def records(self, case_id: int) -> dict:
        return self._records(case_id)

    @operation(Op.CASE_EDIT)
    def save(self, case_id: int, kind: str, raw: dict, record_id: int | None = None) -> int:
        return self._save(case_id, kind, raw, record_id)
