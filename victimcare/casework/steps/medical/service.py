"""医疗康复: records in the sensitive compartment; reading them is a sensitive view, audited."""

from victimcare.casework.steps.medical import rules
from victimcare.casework.steps.records import StepRecords
from victimcare.security.gate import operation
from victimcare.security.permissions import Op


class MedicalService(StepRecords):
    STEP, RULES, COMPARTMENT, CATEGORIES = "medical", rules, "sensitive", "medical"

    @operation(Op.CASE_VIEW_SENSITIVE)
    def records(self, case_id: int) -> dict:
        return self._records(case_id)

    @operation(Op.CASE_EDIT_SENSITIVE)
    def save(self, case_id: int, kind: str, raw: dict, record_id: int | None = None) -> int:
        return self._save(case_id, kind, raw, record_id)
