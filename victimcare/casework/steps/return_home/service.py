"""回归家庭/社区: the blocked-handover list and the handover."""

from victimcare.casework.steps.records import StepRecords
from victimcare.casework.steps.return_home import rules
from victimcare.security.gate import operation
from victimcare.security.permissions import Op


class ReturnService(StepRecords):
    STEP, RULES, COMPARTMENT, CATEGORIES = "return", rules, "core", "family"

    @operation(Op.CASE_VIEW)
    def records(self, case_id: int) -> dict:
        return self._records(case_id)

    @operation(Op.CASE_EDIT)
    def save(self, case_id: int, kind: str, raw: dict, record_id: int | None = None) -> int:
        return self._save(case_id, kind, raw, record_id)
